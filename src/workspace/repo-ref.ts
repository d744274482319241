import { z } from "zod";

// GitHub owner and repository names: letters, digits, `-`, `_`, `.`; never a path step like `..`.
const pathSafeName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}$/, "must be a GitHub owner or repository name")
  .refine((name) => name !== "." && name !== "..", "must be a GitHub owner or repository name");

const cloneUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) clone URL" })
  .refine((url) => {
    const parsed = new URL(url);
    return parsed.username === "" && parsed.password === "" && parsed.search === "" && parsed.hash === "";
  }, "must not carry credentials, a query or a fragment (the token is sent separately)");

/** The repository a task works on, as the webhook payload names it (`repository.clone_url`, owner login, name). */
export const repoRefSchema = z.object({ cloneUrl, owner: pathSafeName, name: pathSafeName });

export type RepoRef = z.infer<typeof repoRefSchema>;

import { z } from "zod";
import { RepoRef } from "../tasks/model.ts";

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

/**
 * The part of a task's RepoRef git needs, held to what is safe as a path and a remote: a task's
 * RepoRef parses as it is (the other fields are dropped).
 */
export const repoRefSchema = RepoRef.pick({ cloneUrl: true, owner: true, name: true }).extend({ cloneUrl, owner: pathSafeName, name: pathSafeName });

/** `ferry run` works on a repository on this machine: a file:// URL is allowed there, and only there. */
export const localRepoRefSchema = repoRefSchema.extend({
  cloneUrl: z.union([cloneUrl, z.url({ protocol: /^file$/, error: "must be an http(s) or file:// clone URL" })]),
});

export type WorkspaceRepo = z.infer<typeof repoRefSchema>;

import { z } from "zod";
import { rememberShortLivedSecret } from "../policy/known-secrets.ts";

/** Probot's installation client authenticates itself; asked for its auth, it hands over the token. */
type InstallationAuth = { auth(options: { type: "installation" }): Promise<unknown> };

const Authentication = z.object({ token: z.string().min(1) });

/** A short-lived installation token, for git on the host only (never the sandbox). */
export async function installationToken(client: InstallationAuth): Promise<string> {
  const auth = Authentication.safeParse(await client.auth({ type: "installation" }));
  if (!auth.success) throw new Error("GitHub did not give an installation token; check the App's installation and permissions (contents: write).");
  rememberShortLivedSecret(auth.data.token);
  return auth.data.token;
}

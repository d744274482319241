import { z } from "zod";
import { rememberShortLivedSecret } from "../policy/known-secrets.ts";
import { GitHubCallAbortedError, describeGitHubError, type GitHubCall } from "./github-errors.ts";
import { unlessAborted } from "./unless-aborted.ts";

/**
 * Probot's installation client authenticates itself; asked for its auth, it hands over the token.
 * That request bypasses the client's hooks, so its failures are named and cut off here.
 */
type InstallationAuth = {
  auth(options: { type: "installation" }): Promise<unknown>;
  request?: { endpoint: { DEFAULTS: { baseUrl?: string } } };
};

const Authentication = z.object({ token: z.string().min(1) });

/** A short-lived installation token, for git on the host only (never the sandbox). `stopping` cuts the request off. */
export async function installationToken(client: InstallationAuth, stopping: AbortSignal = new AbortController().signal): Promise<string> {
  const call: GitHubCall = {
    baseUrl: client.request?.endpoint.DEFAULTS.baseUrl ?? "https://api.github.com",
    method: "POST",
    route: "/app/installations/{installation_id}/access_tokens",
  };
  const answer = await unlessAborted(client.auth({ type: "installation" }), stopping, () => new GitHubCallAbortedError(call)).catch((error: unknown) => {
    throw describeGitHubError(error, call);
  });
  const auth = Authentication.safeParse(answer);
  if (!auth.success) throw new Error("GitHub did not give an installation token; check the App's installation and permissions (contents: write).");
  rememberShortLivedSecret(auth.data.token);
  return auth.data.token;
}

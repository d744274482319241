import { z } from "zod";
import type { GitHubClient } from "../github/client.ts";
import { isNotFound } from "../github/http-status.ts";
import { DEFAULT_REPO_CONFIG, lenientLabel, parseRepoConfig } from "./repo-config.ts";
import type { RepoConfig } from "./repo-config.ts";

export const REPO_CONFIG_PATH = ".github/agent.yml";

/** On failure, `label` is the label the broken file most likely meant (see `lenientLabel`). */
export type LoadedRepoConfig = { ok: true; config: RepoConfig } | { ok: false; label: string; problems: string[] };

/** The only part of the contents API answer Ferry relies on; directories come back as arrays. */
const ContentFile = z.object({ type: z.literal("file"), encoding: z.string(), content: z.string() });

/**
 * Reads and validates `.github/agent.yml` at `ref`. No file means all defaults; other
 * HTTP errors are thrown for the caller's retry policy to handle.
 */
export async function loadRepoConfig(
  client: GitHubClient,
  { owner, repo, ref }: { owner: string; repo: string; ref: string },
): Promise<LoadedRepoConfig> {
  const file = await fetchConfigFile(client, { owner, repo, ref });
  if ("problem" in file) return { ok: false, label: DEFAULT_REPO_CONFIG.label, problems: [file.problem] };
  const result = parseRepoConfig(file.text);
  return result.ok ? result : { ok: false, label: lenientLabel(file.text), problems: result.problems };
}

/** `text` is undefined when the repository has no config file. */
async function fetchConfigFile(
  client: GitHubClient,
  params: { owner: string; repo: string; ref: string },
): Promise<{ text: string | undefined } | { problem: string }> {
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { ...params, path: REPO_CONFIG_PATH });
    const file = ContentFile.safeParse(response.data);
    if (!file.success) return { problem: `${REPO_CONFIG_PATH} is not a regular file` };
    // GitHub only inlines files up to 1 MB; larger ones arrive with encoding "none".
    if (file.data.encoding !== "base64") return { problem: `${REPO_CONFIG_PATH} is too large to read (keep it under 1 MB)` };
    return { text: Buffer.from(file.data.content, "base64").toString("utf8") };
  } catch (error) {
    if (isNotFound(error)) return { text: undefined };
    throw error;
  }
}

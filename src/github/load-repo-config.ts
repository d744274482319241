import { z } from "zod";
import { loadedRepoConfig, REPO_CONFIG_PATH, type LoadedRepoConfig, type RepoConfigFile } from "../config/repo-config.ts";
import type { GitHubClient } from "./client.ts";
import { isNotFound } from "./http-status.ts";

/** The only part of the contents API answer Ferry relies on; directories come back as arrays. */
const ContentFile = z.object({ type: z.literal("file"), encoding: z.string(), content: z.string() });

/**
 * Reads `.github/agent.yml` at `ref` and hands its text to config to validate. No file means all
 * defaults; other HTTP errors are thrown for the caller's retry policy to handle.
 */
export async function loadRepoConfig(
  client: GitHubClient,
  { owner, repo, ref }: { owner: string; repo: string; ref: string },
): Promise<LoadedRepoConfig> {
  return loadedRepoConfig(await fetchConfigFile(client, { owner, repo, ref }));
}

async function fetchConfigFile(client: GitHubClient, params: { owner: string; repo: string; ref: string }): Promise<RepoConfigFile> {
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

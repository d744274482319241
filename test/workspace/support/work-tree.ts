import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { execa } from "execa";

/** Writes files into a working tree as an agent would; null deletes. */
export async function editFiles(workDir: string, files: Record<string, string | Uint8Array | null>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(workDir, path);
    if (content === null) {
      await rm(target, { force: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Runs git as the agent would inside the sandbox (in the working tree, with its own .git). */
export async function agentGit(workDir: string, args: string[]): Promise<string> {
  const env = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const { stdout } = await execa("git", ["-C", workDir, ...args], { env, stdin: "ignore" });
  return stdout.trim();
}

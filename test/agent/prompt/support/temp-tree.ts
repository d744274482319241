import { afterEach } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Fresh directories for a test file, removed after each test. `tree(files)` writes the files (paths with `/`) into a new one. */
export function useTempTrees(): { tree(files?: Record<string, string>): Promise<string> } {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async tree(files = {}) {
      const root = await mkdtemp(join(tmpdir(), "ferry-prompt-"));
      made.push(root);
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), content);
      }
      return root;
    },
  };
}

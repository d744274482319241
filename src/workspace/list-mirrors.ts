import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isMissing } from "./is-missing.ts";
import { mirrorsRoot } from "./layout.ts";

/** Every mirror directory under the data dir (`mirrors/<host>/<owner>/<repo>.git`). */
export async function listMirrors(dataDir: string): Promise<string[]> {
  const mirrors: string[] = [];
  for (const host of await subdirectories(mirrorsRoot(dataDir))) {
    for (const owner of await subdirectories(host)) {
      mirrors.push(...(await subdirectories(owner)).filter((dir) => dir.endsWith(".git")));
    }
  }
  return mirrors;
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => join(dir, entry.name));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

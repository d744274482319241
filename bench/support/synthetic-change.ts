import type { FileReader } from "../../src/delivery/split/file-relations.ts";
import type { ChangedFile } from "../../src/workspace/numstat.ts";

/** A deterministic pseudo-random sequence (mulberry32), so every run plans the same change. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A change of `files` TypeScript files in 20 folders totalling about `lines` changed lines, each
 * importing up to three earlier files; every fourth file is the test of the one before it.
 */
export function syntheticChange(options: { files: number; lines: number; seed: number }) {
  const next = random(options.seed);
  const paths = Array.from({ length: options.files }, (_, at) =>
    at % 4 === 3 ? `src/mod-${(at - 1) % 20}/file-${at - 1}.test.ts` : `src/mod-${at % 20}/file-${at}.ts`,
  );
  const sources = new Map<string, string>();
  let imports = 0;
  const files: ChangedFile[] = paths.map((path, at) => {
    const targets = at % 4 === 3 ? [at - 1] : Array.from({ length: Math.floor(next() * 4) }, () => Math.floor(next() * at)).filter((t) => t < at && t % 4 !== 3);
    const lines = targets.map((target) => `import { f${target} } from "${relative(path, paths[target] ?? path)}";`);
    imports += lines.length;
    sources.set(path, [...lines, `export const f${at} = ${at};`].join("\n"));
    const added = Math.max(1, Math.round((options.lines / options.files) * (0.5 + next())));
    return { path, added, deleted: 0, binary: false };
  });
  const reader: FileReader = { current: async (path) => sources.get(path), base: async () => undefined };
  return { files, reader, imports };
}

function relative(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && fromDir[common] === target[common]) common++;
  const up = fromDir.length - common;
  const rest = target.slice(common).join("/").replace(/\.ts$/, ".js");
  return `${up === 0 ? "./" : "../".repeat(up)}${rest}`;
}

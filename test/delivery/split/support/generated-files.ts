import fc from "fast-check";
import { posix } from "node:path";
import type { ChangedFile } from "../../../../src/workspace/numstat.ts";

const DIRS = ["", "src", "src/app", "src/app/__tests__", "lib/util", "test", "test/app"];
const KINDS = ["ts", "tsx", "js", "mts", "index", "test", "binary"] as const;
const STATUSES = ["modified", "modified", "added", "deleted", "renamed"] as const;

export const drawnFileArb = fc.record({
  dir: fc.constantFrom(...DIRS),
  oldDir: fc.constantFrom(...DIRS),
  kind: fc.constantFrom(...KINDS),
  status: fc.constantFrom(...STATUSES),
  // Mostly small edits, sometimes a big one, so both packing and oversize slices show up.
  added: fc.oneof({ weight: 4, arbitrary: fc.nat(40) }, { weight: 1, arbitrary: fc.nat(400) }),
  deleted: fc.oneof({ weight: 4, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.nat(200) }),
  stemOf: fc.nat(40), // a test file is named after this file, to tie it by stem
});
export type Drawn = typeof drawnFileArb extends fc.Arbitrary<infer T> ? T : never;

/** A generated file, whether it exists after the change, and its path before (undefined when added). */
export type Planned = { file: ChangedFile; kind: Drawn["kind"]; present: boolean; basePath: string | undefined };

const join = (dir: string, name: string): string => (dir === "" ? name : `${dir}/${name}`);
const extOf = (kind: Drawn["kind"]): string => (kind === "binary" ? "png" : kind === "index" || kind === "test" ? "ts" : kind);

/** Unique paths (a test may borrow another file's stem), renames, deletions and line counts. */
export function planFiles(drawn: Drawn[]): Planned[] {
  const used = new Set<string>();
  return drawn.map((d, i) => {
    let name = d.kind === "index" ? `m${i}/index.ts` : `f${i}.${extOf(d.kind)}`;
    if (d.kind === "test") name = used.has(join(d.dir, `f${d.stemOf}.test.ts`)) ? `t${i}.test.ts` : `f${d.stemOf}.test.ts`;
    const path = join(d.dir, name);
    used.add(path);
    const renamed = d.status === "renamed" ? join(d.oldDir, `o${i}.${extOf(d.kind)}`) : undefined;
    const binary = d.kind === "binary";
    const counts = binary ? { added: null, deleted: null } : d.status === "deleted" ? { added: 0, deleted: d.deleted } : d;
    const file: ChangedFile = { path, ...(renamed ? { oldPath: renamed } : {}), added: counts.added, deleted: counts.deleted, binary };
    return { file, kind: d.kind, present: d.status !== "deleted", basePath: d.status === "added" ? undefined : (renamed ?? path) };
  });
}

/** A specifier from `fromPath` to `target`, in one of the spellings the resolver must understand. */
export function specifier(fromPath: string, target: string, style: number): string {
  const relative = posix.relative(posix.dirname(fromPath), target);
  const dotted = relative.startsWith("../") ? relative : `./${relative}`;
  if (target.endsWith(".png") || style % 3 === 0) return dotted;
  if (dotted.endsWith("/index.ts")) return style % 3 === 1 ? dotted.slice(0, -"/index.ts".length) : dotted.replace(/\.ts$/, ".js");
  const extension = posix.extname(dotted);
  const js: Record<string, string> = { ".ts": ".js", ".tsx": ".js", ".mts": ".mjs", ".js": ".js" };
  return style % 3 === 1 ? dotted.slice(0, -extension.length) : dotted.slice(0, -extension.length) + js[extension];
}

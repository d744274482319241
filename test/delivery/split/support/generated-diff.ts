import fc from "fast-check";
import type { FileReader } from "../../../../src/delivery/split/file-relations.ts";
import type { ChangedFile } from "../../../../src/workspace/numstat.ts";
import type { Planned } from "./generated-files.ts";
import { drawnFileArb, planFiles, specifier } from "./generated-files.ts";

/** A random change: files with contents that import each other, and the import graph it was drawn from. */
export type GeneratedDiff = {
  files: ChangedFile[];
  read: FileReader;
  /** Path → paths it must not land before, as the generator meant them (what readRelations should find). */
  expected: Map<string, Set<string>>;
  /** Random sort keys, to shuffle the input. */
  shuffleKeys: number[];
};

const FORMS = [
  (s: string, k: number) => `import x${k} from "${s}";`,
  (s: string, k: number) => `import type { T${k} } from '${s}';`,
  (s: string) => `export * from "${s}";`,
  (s: string) => `import "${s}";`,
  (s: string, k: number) => `const m${k} = await import("${s}");`,
  (s: string, k: number) => `const r${k} = require('${s}');`,
  (s: string, k: number) => `import {\n  a${k},\n  b${k},\n} from "${s}";`,
];
// Import-like text the scanner must not take for imports.
const NOISE = [(s: string) => `// import z from "${s}";`, (s: string) => `const s = "require('${s}')";`, (s: string) => `/* export * from "${s}" */`];

const isCode = (p: Planned): boolean => p.kind !== "binary";

function render(planned: Planned[], edges: [number, number, number][], side: "current" | "base", expected: Map<string, Set<string>>): Map<string, string> {
  const texts = new Map<string, string[]>();
  for (const [from, to, style] of edges) {
    const a = planned[from]!;
    const b = planned[to]!;
    const fromPath = side === "current" ? a.file.path : a.basePath;
    if (from === to || !isCode(a) || fromPath === undefined) continue;
    const goneTarget = side === "base" && b.basePath !== undefined && (!b.present || b.file.oldPath !== undefined);
    const live = side === "current" && a.present && b.present;
    const targetPath = side === "current" ? b.file.path : b.basePath;
    if ((!live && !goneTarget) || targetPath === undefined) continue;
    const lines = texts.get(fromPath) ?? [];
    texts.set(fromPath, lines);
    if (style % 5 === 4) {
      // Names a file that would resolve, so only the scanner skipping comments and strings keeps it out.
      lines.push(NOISE[style % NOISE.length]!(specifier(fromPath, targetPath, style)));
      continue;
    }
    lines.push(FORMS[style % FORMS.length]!(specifier(fromPath, targetPath, style), lines.length));
    const [later, earlier] = live ? [a.file.path, b.file.path] : [b.file.path, a.file.path];
    expected.set(later, (expected.get(later) ?? new Set()).add(earlier));
  }
  return new Map([...texts].map(([path, lines]) => [path, lines.join("\n")]));
}

export const generatedDiffArb: fc.Arbitrary<GeneratedDiff> = fc
  .array(drawnFileArb, { maxLength: 30, size: "medium" })
  .chain((drawn) => {
    const index = fc.nat(Math.max(0, drawn.length - 1));
    return fc.record({
      drawn: fc.constant(drawn),
      // About two imports a file, so chains and cycles are common.
      edges: fc.array(fc.tuple(index, index, fc.nat(20)), { maxLength: drawn.length * 4, size: "max" }),
      shuffleKeys: fc.array(fc.integer(), { minLength: 30, maxLength: 30 }),
    });
  })
  .map(({ drawn, edges, shuffleKeys }) => {
    const planned = planFiles(drawn);
    const expected = new Map<string, Set<string>>();
    const current = render(planned, edges, "current", expected);
    const base = render(planned, edges, "base", expected);
    const presentPaths = new Set(planned.filter((p) => p.present).map((p) => p.file.path));
    const basePaths = new Set(planned.flatMap((p) => p.basePath ?? []));
    const read: FileReader = {
      current: async (path) => (presentPaths.has(path) ? (current.get(path) ?? "") : undefined),
      base: async (path) => (basePaths.has(path) ? (base.get(path) ?? "") : undefined),
    };
    return { files: planned.map((p) => p.file), read, expected, shuffleKeys };
  });

export const limitsArb = fc.record({ maxLines: fc.integer({ min: 1, max: 400 }), maxFiles: fc.integer({ min: 1, max: 12 }) });

export const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items.map((item, at) => ({ item, key: keys[at % keys.length]! })).sort((a, b) => a.key - b.key).map(({ item }) => item);

import type { ChangedFile } from "../../workspace/numstat.ts";
import type { FileReader, FileRelations } from "./file-relations.ts";
import { resolveImport } from "./import-resolver.ts";
import { scanImports } from "./import-scanner.ts";
import { comparePaths, isSourceFile } from "./source-files.ts";
import { isTestFile, sameStemSubject } from "./test-files.ts";

/**
 * Which changed files need which others first, and which tests go with which code. Resolution only looks among
 * the changed files, so it errs towards extra ties, never missing ones.
 */
export async function readRelations(files: readonly ChangedFile[], read: FileReader): Promise<FileRelations> {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const current = await Promise.all(sorted.map((file) => read.current(file.path)));
  const present = new Set(sorted.filter((_, at) => current[at] !== undefined).map((file) => file.path));
  const edges = new Map<string, Set<string>>();
  const tie = (from: string, to: string): void => {
    if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  };

  sorted.forEach((file, at) => {
    const text = current[at];
    if (text === undefined || !isSourceFile(file)) return;
    for (const specifier of scanImports(text)) {
      const target = resolveImport(file.path, specifier, (path) => present.has(path));
      if (target !== undefined) tie(file.path, target);
    }
  });

  // A deletion (or a rename's old path) must not land before the change that stops importing it.
  const gone = goneBasePaths(sorted, present);
  if (gone.size > 0) {
    const scanned = sorted.filter(isSourceFile);
    const bases = await Promise.all(scanned.map((file) => read.base(file.oldPath ?? file.path)));
    scanned.forEach((file, at) => {
      const basePath = file.oldPath ?? file.path;
      for (const specifier of scanImports(bases[at] ?? "")) {
        const target = resolveImport(basePath, specifier, (path) => gone.has(path));
        if (target !== undefined) tie(gone.get(target)!, file.path);
      }
    });
  }
  return { dependsOn: sortedLists(edges), testsOf: testSubjects(sorted, edges) };
}

/** Base path → the changed file that took it away: a deletion, or a rename moving off it. */
function goneBasePaths(files: readonly ChangedFile[], present: ReadonlySet<string>): Map<string, string> {
  const gone = new Map<string, string>();
  for (const file of files) {
    if (!present.has(file.path)) gone.set(file.path, file.path);
    else if (file.oldPath !== undefined && file.oldPath !== file.path) gone.set(file.oldPath, file.path);
  }
  return gone;
}

/** Each test's subjects: the changed code it imports, and the nearest same-stem source file. */
function testSubjects(files: readonly ChangedFile[], edges: ReadonlyMap<string, Set<string>>): Map<string, string[]> {
  const code = files.map((file) => file.path).filter((path) => !isTestFile(path));
  const subjects = new Map<string, Set<string>>();
  for (const { path } of files) {
    if (!isTestFile(path)) continue;
    const found = new Set([...(edges.get(path) ?? [])].filter((target) => !isTestFile(target)));
    const sameStem = sameStemSubject(path, code);
    if (sameStem !== undefined) found.add(sameStem);
    if (found.size > 0) subjects.set(path, found);
  }
  return sortedLists(subjects);
}

function sortedLists(sets: ReadonlyMap<string, Set<string>>): Map<string, string[]> {
  const keys = [...sets.keys()].sort(comparePaths);
  return new Map(keys.map((key) => [key, [...sets.get(key)!].sort(comparePaths)]));
}

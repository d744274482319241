import { posix } from "node:path";
import { comparePaths, isSourcePath } from "./source-files.ts";

const TEST_DIRS = new Set(["test", "tests", "__tests__"]);
const TEST_MARK = /^(.+?)\.(?:test|spec)\.[^/]+$/;

const folders = (path: string): string[] => path.split("/").slice(0, -1);

/** `*.test.*`, `*.spec.*`, or anything under a `test`, `tests` or `__tests__` folder. */
export const isTestFile = (path: string): boolean =>
  TEST_MARK.test(posix.basename(path)) || folders(path).some((folder) => TEST_DIRS.has(folder));

/**
 * The name of the file a test is about: `foo` for `foo.test.ts` or `__tests__/foo.ts`; undefined for other
 * files under `test/`, which are as often helpers as tests.
 */
export function testStem(path: string): string | undefined {
  const name = posix.basename(path);
  const marked = TEST_MARK.exec(name);
  if (marked) return marked[1];
  if (folders(path).at(-1) === "__tests__" && isSourcePath(path)) return name.slice(0, -posix.extname(name).length);
  return undefined;
}

/**
 * The same-stem source among `subjects` nearest the test: most trailing folders shared (so `test/a/x.test.ts`
 * finds `src/a/x.ts`), then fewest folders apart, then path order. Test folders are left out of the comparison.
 */
export function sameStemSubject(testPath: string, subjects: readonly string[]): string | undefined {
  const stem = testStem(testPath);
  if (stem === undefined) return undefined;
  const testFolders = folders(testPath).filter((folder) => !TEST_DIRS.has(folder));
  const ranked = subjects
    .filter((path) => isSourcePath(path) && posix.basename(path, posix.extname(path)) === stem)
    .map((path) => ({ path, ...closeness(testFolders, folders(path)) }));
  ranked.sort((a, b) => b.shared - a.shared || a.apart - b.apart || comparePaths(a.path, b.path));
  return ranked[0]?.path;
}

function closeness(a: string[], b: string[]): { shared: number; apart: number } {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return { shared, apart: a.length + b.length - 2 * prefix };
}

const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec"]);

/**
 * Whether a path holds tests: `*.test.*` and `*.spec.*`, anything under a `test/`, `tests/`,
 * `__tests__/` or `spec/` folder, Python's `test_*.py` and `*_test.py`, Go's `*_test.go`.
 */
export function isTestFile(path: string): boolean {
  const segments = path.split("/");
  const name = segments.at(-1) ?? "";
  if (segments.slice(0, -1).some((segment) => TEST_DIRS.has(segment))) return true;
  if (/\.(?:test|spec)\.[A-Za-z0-9]+$/.test(name)) return true;
  return /^test_.+\.py$/.test(name) || /_test\.(?:py|go)$/.test(name);
}

import { z } from "zod";

/*
 * Per-test outcomes read from one run of the repository's test command: from a JUnit XML report
 * the repository names (`testReport:`), or else from the runner's own output. The text parsed is
 * the sandbox's output, so it is untrusted data: parsers never throw on it, cap what they keep,
 * and give `undefined` when they do not recognise it (the verdict then falls back to the exit code).
 */

export const TestStatus = z.enum(["passed", "failed", "skipped"]);
export type TestStatus = z.infer<typeof TestStatus>;

/** Where the outcomes were read from. */
export const TestSource = z.enum(["junit", "tap", "node-spec", "jest", "vitest", "mocha", "pytest", "go", "cargo"]);
export type TestSource = z.infer<typeof TestSource>;

/**
 * One test. `id` is stable between two runs of the same suite (no durations, no random ids):
 * file or module, suite names and the test's own name, joined with " › ".
 */
export const TestCase = z.object({ id: z.string().min(1).max(500), status: TestStatus });
export type TestCase = z.infer<typeof TestCase>;

/**
 * `all`: every test that ran is named. `failures`: the output names only the tests that failed
 * (Jest, pytest, go and cargo in their quiet modes), so a test not named is taken to have passed.
 */
export const TestListing = z.enum(["all", "failures"]);
export type TestListing = z.infer<typeof TestListing>;

export const TestResults = z.object({
  source: TestSource,
  /** One entry per id; a test reported twice counts as failed if either report failed. */
  cases: z.array(TestCase).max(100_000),
  /** Absent: `all`. */
  listing: TestListing.optional(),
});
export type TestResults = z.infer<typeof TestResults>;

/** The longest id kept; longer names are cut (with a marker) so two runs still agree on them. */
export const MAX_TEST_ID_CHARS = 500;
/** The most tests kept from one run. */
export const MAX_TEST_CASES = 100_000;

const RANK: Record<TestStatus, number> = { skipped: 0, passed: 1, failed: 2 };

/** Cases with their ids normalised, one per id (failed over passed over skipped), in first-seen order. */
export function testResults(source: TestSource, cases: Iterable<{ id: string; status: TestStatus }>, listing: TestListing = "all"): TestResults {
  const byId = new Map<string, TestStatus>();
  for (const { id, status } of cases) {
    const key = testId(id);
    if (key === "") continue;
    const before = byId.get(key);
    if (before === undefined && byId.size >= MAX_TEST_CASES) continue;
    if (before === undefined || RANK[status] > RANK[before]) byId.set(key, status);
  }
  const kept = [...byId].map(([id, status]) => ({ id, status }));
  return listing === "all" ? { source, cases: kept } : { source, cases: kept, listing };
}

/** Whitespace collapsed, control characters dropped, cut at MAX_TEST_ID_CHARS. */
export function testId(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return clean.length <= MAX_TEST_ID_CHARS ? clean : `${clean.slice(0, MAX_TEST_ID_CHARS - 1)}…`;
}

/** Joins the parts of a test's name (file, suites, title) the one way every parser uses. */
export const joinTestId = (...parts: (string | undefined)[]): string => parts.filter((part): part is string => part !== undefined && part.trim() !== "").map((part) => part.trim()).join(" › ");

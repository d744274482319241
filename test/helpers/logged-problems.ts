import { pino, type Logger } from "pino";

/**
 * Handlers, the webhook backlog and the status reporter catch what they cannot do and log it:
 * a test that hit a missing mock, a forged payload or a bug would stay green. Every logger a
 * test hands to Ferry (`testLog`, also exported as `silentLog` by test/helpers/probot.ts), and the
 * output of a Ferry process an end-to-end test starts, keep their warnings and errors here;
 * test/setup.ts fails the test on any it did not declare.
 */
type Level = "warn" | "error";
type Problem = { level: Level; text: string };
type Expectation = { level: Level; pattern: RegExp; times: number };

const problems: Problem[] = [];
// Taken before a test could fake the clock: the wait for lines still on their way is in real time.
const realNow = Date.now;
const realSetTimeout = globalThis.setTimeout;
const expectations: Expectation[] = [];

/**
 * The test means to make Ferry log an error matching `pattern` (message or the error's message),
 * at least `times` times; missing it fails the test. `times` 0: it may come (a race the test does
 * not control, such as what a stop cuts off), and is then no finding.
 */
export function expectLoggedError(pattern: RegExp, times = 1): void {
  expectations.push({ level: "error", pattern, times });
}

/** The same for a warning ("could not react", "ignoring a malformed payload", a retried delivery). */
export function expectLoggedWarning(pattern: RegExp, times = 1): void {
  expectations.push({ level: "warn", pattern, times });
}

/**
 * takeLogProblems, once every declared line came or `waitMs` passed: a Ferry process (end-to-end
 * tests) writes its lines through a pipe, and the test's last answer can arrive before them.
 */
export async function takeLogProblemsSettled(waitMs = 3000): Promise<ReturnType<typeof takeLogProblems>> {
  const deadline = realNow() + waitMs;
  while (expectations.some((expected) => !cameOften(expected)) && realNow() < deadline) {
    await new Promise((resolve) => realSetTimeout(resolve, 20));
  }
  return takeLogProblems();
}

/** What the test logged without declaring it, and what it declared and never logged; both cleared. */
export function takeLogProblems(): { unexpectedLogs: string[]; expectedLogsMissing: string[] } {
  const unexpectedLogs = problems
    .filter((problem) => !expectations.some((expected) => matches(expected, problem)))
    .map(({ level, text }) => `${level}: ${text}`);
  const expectedLogsMissing = expectations
    .filter((expected) => !cameOften(expected))
    .map(({ level, pattern, times }) => `${level}: ${String(pattern)}${times > 1 ? ` ×${times}` : ""}`);
  problems.length = 0;
  expectations.length = 0;
  return { unexpectedLogs, expectedLogsMissing };
}

function cameOften(expected: Expectation): boolean {
  return problems.filter((problem) => matches(expected, problem)).length >= expected.times;
}

function matches(expected: Expectation, problem: Problem): boolean {
  return expected.level === problem.level && expected.pattern.test(problem.text);
}

const WARN = pino.levels.values.warn ?? 40;
const ERROR = pino.levels.values.error ?? 50;
/** TEST_LOG_LEVEL=debug (or info…) also prints the lines at that level and above to stderr, as before. */
const shown = process.env.TEST_LOG_LEVEL;
const shownFrom = shown === undefined ? Infinity : (pino.levels.values[shown] ?? Infinity);

/**
 * Octokit's request log (Probot's clients) says every failed request at error level, a 404 for a
 * missing .github/agent.yml included. A reply the test mocked as a failure is what the test set
 * up, and a request nock could not answer is reported by test/setup.ts; what Ferry then did (or
 * swallowed) is Ferry's own line, which does count.
 */
const OCTOKIT_REQUEST_LOG = /^[A-Z]+ \S+ - (\d{3}|undefined) with id \S+ in \d+ms$/;

/** A JSON log line from elsewhere (a Ferry process an end-to-end test started) counts as if logged here. */
export function recordLogLine(line: string): void {
  if (line.trim().startsWith("{")) record(line);
}

function record(line: string): void {
  const entry = parsed(line);
  const level = typeof entry.level === "number" ? entry.level : 0;
  if (level >= shownFrom) process.stderr.write(line);
  if (level < WARN || OCTOKIT_REQUEST_LOG.test(String(entry.msg))) return;
  problems.push({ level: level >= ERROR ? "error" : "warn", text: describe(entry) });
}

/** The message, with the error Ferry caught (`err` is pino's serialized error; some call sites log `error` as a string). */
function describe(entry: Record<string, unknown>): string {
  const err = entry.err as { message?: unknown } | undefined;
  const cause = typeof err?.message === "string" ? err.message : typeof entry.error === "string" ? entry.error : undefined;
  return cause === undefined ? String(entry.msg) : `${String(entry.msg)} (${cause})`;
}

function parsed(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { level: ERROR, msg: line.trim() };
  }
}

export const testLog: Logger = pino({ level: shownFrom < WARN ? (shown ?? "warn") : "warn" }, { write: record });

import type { TestRun } from "../tasks/agent-outcome.ts";
import { MAX_NAMES, type TestEvidence } from "../tasks/test-evidence.ts";
import type { TestResults, TestStatus } from "./test-results.ts";

/** The test command's run on the untouched base, before the agent's first command. */
export type Baseline = { run: TestRun; results: TestResults | undefined };

/** A run of the test command and the per-test outcomes read from it (none when unreadable). */
export type ReadRun = { run: TestRun; results: TestResults | undefined };

export type JudgeOptions = {
  /** `whole`: the change must also turn a test green (or add one); `prefix`: no regressions is enough. */
  scope: "whole" | "prefix";
  /** `verify:` in .github/agent.yml. */
  mode: "per-test" | "exit-code";
};

/** How often a run with regressions is repeated on the same tree before they count (flaky tests). */
export const FLAKY_RERUNS = 2;

/**
 * The run judged against the base. `passed` becomes the verdict and `evidence` says why; the exit
 * code stays as it was. With no readable per-test outcomes on either side (or `verify: exit-code`),
 * the exit code decides, and the evidence says so.
 */
export function judgeRun(base: Baseline | undefined, now: ReadRun, options: JudgeOptions, reruns: readonly (TestResults | undefined)[] = []): TestRun {
  const fallback = exitCodeReason(base, now, options);
  if (fallback !== undefined) return { ...now.run, evidence: exitCodeEvidence(fallback) };
  // Checked by exitCodeReason; repeated for the type checker.
  if (!base?.results || !now.results) throw new Error("judgeRun: per-test outcomes missing");
  const before = statuses(base.results);
  const after = statuses(now.results);
  // A quiet run names only its failures: a test it does not name passed.
  const was = (id: string): TestStatus | undefined => before.get(id) ?? (base.results?.listing === "failures" ? "passed" : undefined);
  const repeats = reruns.filter((results): results is TestResults => results !== undefined).map((results) => ({ listing: results.listing, statuses: statuses(results) }));
  const passedOnRepeat = (id: string): boolean =>
    repeats.some(({ listing, statuses: seen }) => seen.get(id) === "passed" || (listing === "failures" && !seen.has(id)));
  const failing = [...after].filter(([, status]) => status === "failed").map(([id]) => id);
  const flaky = failing.filter(passedOnRepeat);
  const stillFailing = failing.filter((id) => !passedOnRepeat(id));
  const passing = [...after].filter(([, status]) => status === "passed").map(([id]) => id);
  const commandFailed = now.run.exitCode !== 0 || now.run.timedOut;
  // A quiet run names only failures; but when it failed naming none, what it did not name is not shown to pass.
  const quietPass = now.results.listing === "failures" && !(commandFailed && failing.length === 0);
  const assumedPassing = quietPass ? [...before].filter(([id, status]) => status === "failed" && !after.has(id)).map(([id]) => id) : [];
  const disappeared =
    now.results.listing === "failures" ? [] : [...before].filter(([id, status]) => status === "passed" && (after.get(id) ?? "skipped") === "skipped").map(([id]) => id);
  // A command that fails with no failing test (a lint step, a crashed suite) broke something the base did not.
  const commandRegressed = commandFailed && stillFailing.length === 0 && flaky.length === 0 && base.run.passed;
  // In a prefix of the stack, a new test may still fail: a later part is what makes it pass.
  const broken = (id: string) => was(id) === "passed" || was(id) === "skipped" || (options.scope === "whole" && was(id) === undefined);
  const regressions = [
    ...stillFailing.filter(broken),
    // A failing command may have died before running them: a vanished test then counts as broken.
    ...(commandFailed ? disappeared : []),
  ];
  const evidence = evidenceOf({
    newlyPassing: [...passing.filter((id) => was(id) === "failed"), ...assumedPassing],
    regressions,
    preExisting: stillFailing.filter((id) => was(id) === "failed"),
    flaky,
    added: passing.filter((id) => was(id) === undefined),
    disappeared,
    passing: passing.length + assumedPassing.length,
    commandRegressed,
  });
  const clean = regressions.length === 0 && !commandRegressed;
  const greened = evidence.counts.newlyPassing + evidence.counts.added > 0;
  const passed = clean && (options.scope === "prefix" || greened);
  const why = clean && !passed ? "no test that failed on the base passes now, and the change adds no passing test" : undefined;
  return { ...now.run, passed, evidence: { ...evidence, ...(why && { why }) } };
}

/** Whether the run has regressions a re-run might show to be flaky. */
const worthRerunning = (judged: TestRun): boolean => judged.evidence?.mode === "per-test" && judged.evidence.counts.regressions > 0;

/**
 * Runs the test command, and again (up to FLAKY_RERUNS times) while tests regress: a test that
 * passes on a re-run of the same tree is flaky, reported, and not held against the change.
 */
export async function judgedTestRun(runOnce: () => Promise<ReadRun>, base: Baseline | undefined, options: JudgeOptions): Promise<TestRun> {
  const first = await runOnce();
  const reruns: (TestResults | undefined)[] = [];
  let judged = judgeRun(base, first, options, reruns);
  while (worthRerunning(judged) && reruns.length < FLAKY_RERUNS) {
    reruns.push((await runOnce()).results);
    judged = judgeRun(base, first, options, reruns);
  }
  return judged;
}

function exitCodeReason(base: Baseline | undefined, now: ReadRun, options: JudgeOptions): string | undefined {
  if (options.mode === "exit-code") return "`verify: exit-code` is set: the test command's exit code decides";
  if (now.run.timedOut) return "the test command timed out, so its per-test outcomes are incomplete";
  if (!base) return "there is no run of the tests on the base to compare with";
  if (!base.results) return "per-test outcomes could not be read from the run on the base (see `testReport` in the README)";
  if (!now.results) return "per-test outcomes could not be read from this run (see `testReport` in the README)";
  return undefined;
}

function exitCodeEvidence(why: string): TestEvidence {
  return { ...evidenceOf({ newlyPassing: [], regressions: [], preExisting: [], flaky: [], added: [], disappeared: [], passing: 0, commandRegressed: false }), mode: "exit-code", why };
}

type Lists = Record<"newlyPassing" | "regressions" | "preExisting" | "flaky" | "added" | "disappeared", string[]>;

function evidenceOf(found: Lists & { passing: number; commandRegressed: boolean }): Omit<TestEvidence, "mode"> & { mode: "per-test" } {
  const names = (list: string[]) => list.slice(0, MAX_NAMES);
  return {
    mode: "per-test",
    newlyPassing: names(found.newlyPassing),
    regressions: names(found.regressions),
    preExisting: names(found.preExisting),
    flaky: names(found.flaky),
    added: names(found.added),
    disappeared: names(found.disappeared),
    counts: {
      newlyPassing: found.newlyPassing.length,
      regressions: found.regressions.length,
      preExisting: found.preExisting.length,
      flaky: found.flaky.length,
      added: found.added.length,
      disappeared: found.disappeared.length,
      passing: found.passing,
    },
    commandRegressed: found.commandRegressed,
  };
}

const statuses = (results: TestResults): Map<string, TestStatus> => new Map(results.cases.map((test) => [test.id, test.status]));

/**
 * Mutation testing of the modules where a missed bug is a security or money bug (issue 19).
 * `npm run mutate` runs them all; `FERRY_MUTATE=budgets,permissions npm run mutate` runs a
 * few. Each module names the tests that guard it: Jest's related-tests search alone would
 * load a hundred test files (the end-to-end ones too) for every mutant of src/policy.
 * Only each module's own fast tests run (a run-the-agent test takes 35 s per mutant), so a
 * score here is a floor. Not run in CI: it takes hours on two cores.
 */
import process from "node:process";

const unitTests = (...globs) => globs.map((glob) => `<rootDir>/${glob}`);

const modules = {
  budgets: {
    mutate: ["src/agent/budgets.ts"],
    tests: unitTests("test/agent/budgets*.test.ts"),
  },
  permissions: {
    mutate: ["src/github/permissions.ts"],
    tests: unitTests("test/github/permissions*.test.ts"),
  },
  sweep: {
    mutate: ["src/sweep/plan-sweep.ts"],
    tests: unitTests("test/sweep/{caps,ranking,selection,dry-run,approvals}*.test.ts"),
  },
  tools: {
    mutate: ["src/agent/tools/**/*.ts"],
    tests: unitTests("test/agent/tools/*.test.ts"),
  },
  publish: {
    mutate: ["src/delivery/publish/**/*.ts"],
    tests: unitTests(
      "test/delivery/publish/*.test.ts",
      // The only test of retargetAfterMerge through its webhook, besides retarget.test.ts.
      "test/intake/pull-request-closed.test.ts",
      "test/security/agent-text-github.test.ts",
      "test/security/file-modes-public-paths.test.ts",
      "test/security/lease-maintainer-commit.test.ts",
    ),
  },
  handlers: {
    mutate: ["src/intake/handlers/**/*.ts"],
    // trusted-follow-up runs whole tasks and passes through the handlers only on its way: too slow per mutant, so left out.
    tests: unitTests("test/intake/*.test.ts"),
  },
  policy: {
    mutate: ["src/policy/**/*.ts", "!src/policy/**/*.d.ts"],
    tests: unitTests(
      "test/policy/*.test.ts",
      "test/security/policy-*.test.ts",
      "test/security/secrets-*.test.ts",
      "test/security/hidden-text-prompt.test.ts",
    ),
  },
};

const chosen = (process.env.FERRY_MUTATE ?? Object.keys(modules).join(",")).split(",");
const unknown = chosen.filter((name) => !(name in modules));
if (unknown.length > 0) throw new Error(`FERRY_MUTATE: unknown module ${unknown.join(", ")}; known: ${Object.keys(modules).join(", ")}`);
const label = chosen.length === Object.keys(modules).length ? "all" : chosen.join("+");

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: {
    configFile: "jest.config.js",
    enableFindRelatedTests: true,
    // Docker-backed tests are left out: they add minutes per mutant and guard the sandbox, not these modules.
    config: {
      // Stryker's wrapper environment resolves this itself and does not expand <rootDir>.
      testEnvironment: "./test/environment.js",
      testMatch: chosen.flatMap((name) => modules[name].tests),
      testPathIgnorePatterns: ["/node_modules/", "docker", "/test/e2e/"],
    },
  },
  mutate: chosen.flatMap((name) => modules[name].mutate),
  coverageAnalysis: "perTest",
  // Two cores shared with other people; Jest in one process per worker.
  concurrency: 1,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: `reports/mutation/${label}.incremental.json`,
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["data", "scratch", "reports", "coverage", "bench", "docker", "examples", ".stryker-tmp"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${label}.html` },
  jsonReporter: { fileName: `reports/mutation/${label}.json` },
  thresholds: { high: 90, low: 85, break: null },
};

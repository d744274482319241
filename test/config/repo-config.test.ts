import { describe, expect, test } from "@jest/globals";
import { DEFAULT_REPO_CONFIG, parseRepoConfig } from "../../src/config/repo-config.ts";

const DESIGN_EXAMPLE = `
label: agent
base: main                      # default: the repo's default branch
image: node:24-bookworm         # sandbox image
setup: npm ci                   # runs before the agent (network allowed only here)
test: npm test                  # decides success
instructions: [AGENTS.md]       # read from the repo if present
limits: { steps: 60, minutes: 45, usd: 5, commandSeconds: 600 }
pr: { maxLines: 300, maxFiles: 20, draft: true }
paths: { deny: [".github/workflows/**", "**/.env*"] }
commands: { deny: ["sudo *", "git push*", "npm publish*"], approve: ["npm install *"] }
sweep: { cron: "0 6 * * 1-5", labels: [agent-backlog], maxPerRun: 2, maxOpenPRs: 5, dryRun: false }
`;

function problemsOf(text: string): string[] {
  const result = parseRepoConfig(text);
  if (result.ok) throw new Error("expected the config to be rejected");
  return result.problems;
}

function configOf(text: string | undefined) {
  const result = parseRepoConfig(text);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join("; ")}`);
  return result.config;
}

describe("defaults", () => {
  test("the defaults are the documented ones", () => {
    expect(DEFAULT_REPO_CONFIG).toEqual({
      label: "agent",
      test: "npm test",
      verify: "per-test",
      instructions: ["AGENTS.md"],
      limits: { steps: 60, minutes: 45, usd: 5, commandSeconds: 600, tokens: 4_000_000, testRetries: 3, waitMinutes: 60 },
      pr: { maxLines: 300, maxFiles: 20, draft: true, verifyEachPart: true },
      paths: { deny: [".github/workflows/**", "**/.env*"] },
      commands: { deny: ["sudo *", "git push*", "npm publish*"], approve: ["npm install *"] },
    });
  });

  test("base, image, setup and sweep stay absent so callers can apply their own defaults", () => {
    expect(DEFAULT_REPO_CONFIG).not.toHaveProperty("base");
    expect(DEFAULT_REPO_CONFIG).not.toHaveProperty("image");
    expect(DEFAULT_REPO_CONFIG).not.toHaveProperty("setup");
    expect(DEFAULT_REPO_CONFIG).not.toHaveProperty("sweep");
  });

  test.each([[undefined], [""], ["\n"], ["# nothing configured yet\n"]])("a missing or empty file (%j) means all defaults", (text) => {
    expect(configOf(text)).toEqual(DEFAULT_REPO_CONFIG);
  });

  test("the shared defaults cannot be changed by a caller", () => {
    expect(() => {
      DEFAULT_REPO_CONFIG.limits.steps = 1;
    }).toThrow(TypeError);
  });

  test("each parse gets its own copy of default lists", () => {
    const first = configOf("");
    first.paths.deny.push("src/**");
    expect(configOf("").paths.deny).toEqual([".github/workflows/**", "**/.env*"]);
  });
});

describe("valid files", () => {
  test("the example from DESIGN.md parses to exactly what it says", () => {
    expect(configOf(DESIGN_EXAMPLE)).toEqual({
      ...DEFAULT_REPO_CONFIG,
      base: "main",
      image: "node:24-bookworm",
      setup: "npm ci",
      sweep: { cron: "0 6 * * 1-5", labels: ["agent-backlog"], maxPerRun: 2, maxOpenPRs: 5, dryRun: false, maxUsdPerDay: 10 },
    });
  });

  test("a partly given nested object keeps the other defaults", () => {
    const config = configOf("limits: { steps: 10 }\npr:\n  draft: false\n");
    expect(config.limits).toEqual({ steps: 10, minutes: 45, usd: 5, commandSeconds: 600, tokens: 4_000_000, testRetries: 3, waitMinutes: 60 });
    expect(config.pr).toEqual({ maxLines: 300, maxFiles: 20, draft: false, verifyEachPart: true });
  });

  test("sweep with only a cron gets the sweep defaults", () => {
    expect(configOf('sweep: { cron: "0 6 * * 1-5" }').sweep).toEqual({
      cron: "0 6 * * 1-5",
      labels: ["agent-backlog"],
      maxPerRun: 2,
      maxOpenPRs: 5,
      dryRun: false,
      maxUsdPerDay: 10,
    });
  });

  test("sweep.maxUsdPerDay takes a fractional amount", () => {
    expect(configOf('sweep: { cron: "0 6 * * 1-5", maxUsdPerDay: 2.5 }').sweep?.maxUsdPerDay).toBe(2.5);
  });

  test("a fractional USD budget is fine", () => {
    expect(configOf("limits: { usd: 0.5 }").limits.usd).toBe(0.5);
  });

  test("a list given by the repo replaces the default list", () => {
    expect(configOf('paths: { deny: ["secrets/**"] }').paths.deny).toEqual(["secrets/**"]);
  });
});

describe("unknown keys are rejected, not ignored", () => {
  test("at top level", () => {
    expect(problemsOf("lables: agent\n")).toEqual(['unknown key "lables" (at top level), did you mean "label"?']);
  });

  test("in a nested object", () => {
    expect(problemsOf("limits: { stpes: 10 }\n")).toEqual(['unknown key "stpes" (in limits), did you mean "steps"?']);
  });

  test("without a suggestion when nothing is close", () => {
    expect(problemsOf("model: gpt\n")).toEqual(['unknown key "model" (at top level)']);
  });

  test("each unknown key is its own problem", () => {
    expect(problemsOf("pr: { maxLine: 100, colour: red }\n")).toEqual([
      'unknown key "maxLine" (in pr), did you mean "maxLines"?',
      'unknown key "colour" (in pr)',
    ]);
  });
});

describe("wrong values are explained in plain words", () => {
  test.each([
    ["limits: { steps: -1 }", "limits.steps: expected a positive integer, got -1"],
    ["limits: { minutes: 1.5 }", "limits.minutes: expected a positive integer, got 1.5"],
    ["limits: { usd: 0 }", "limits.usd: expected a positive number, got 0"],
    ["limits: { usd: .inf }", "limits.usd: expected a positive number, got Infinity"],
    ["pr: { draft: yes }", 'pr.draft: expected true or false, got "yes"'],
    ["pr: { maxLines: lots }", 'pr.maxLines: expected a positive integer, got "lots"'],
    ["label: [a, b]", "label: expected a label name, got a list"],
    ["label:", "label: expected a label name, got an empty value"],
    ["test: ''", 'test: expected a shell command, got ""'],
    ["base: my branch", 'base: expected a branch name, got "my branch"'],
    ["instructions: AGENTS.md", 'instructions: expected a list of file paths, got "AGENTS.md"'],
    ["instructions: [AGENTS.md, 3]", "instructions[1]: expected a file path, got 3"],
    ["instructions: [../../etc/passwd]", 'instructions[0]: expected a relative file path inside the repository, got "../../etc/passwd"'],
    ["instructions: [/etc/passwd]", 'instructions[0]: expected a relative file path inside the repository, got "/etc/passwd"'],
    ["commands: { deny: sudo }", 'commands.deny: expected a list of command patterns, got "sudo"'],
    ["limits: 5", "limits: expected a mapping like { steps: 60, minutes: 45 }, got 5"],
    ["sweep:", 'sweep: expected a mapping like { cron: "0 6 * * 1-5" }, got an empty value'],
    ["sweep: {}", 'sweep.cron: required, expected a 5-field cron expression like "0 6 * * 1-5"'],
    ["sweep: { cron: '0 6 * *' }", 'sweep.cron: expected a 5-field cron expression like "0 6 * * 1-5" (invalid configuration format (\'0 6 * *\'), exactly five, six, or seven space separated parts are required.), got "0 6 * *"'],
    // The scheduler's parser (croner) refuses a backwards range, so the config does too.
    ["sweep: { cron: '0 6 * * 5-1' }", 'sweep.cron: expected a 5-field cron expression like "0 6 * * 1-5" (From value is larger than to value: \'5-1\'), got "0 6 * * 5-1"'],
    ["sweep: { cron: '0 6 * * 1-5', labels: [] }", "sweep.labels: expected at least one label, got an empty list"],
    ["sweep: { cron: '0 6 * * 1-5', maxUsdPerDay: 0 }", "sweep.maxUsdPerDay: expected a positive number, got 0"],
    ["- label: agent", "(top level): expected a mapping like { label: agent }, got a list"],
  ])("%s", (text, problem) => {
    expect(problemsOf(text)).toEqual([problem]);
  });

  test("every problem in the file is reported at once", () => {
    expect(problemsOf("limits: { steps: 0 }\npr: { draft: 1 }\nlables: x\n")).toHaveLength(3);
  });
});

describe("YAML syntax errors", () => {
  test("carry the line and column", () => {
    expect(problemsOf("label: agent\nlimits: { steps: 10\n")).toEqual([
      "YAML syntax error at line 3, column 1: Flow map in block collection must be sufficiently indented and end with a }",
    ]);
  });

  test("duplicate keys are an error, not a silent override", () => {
    expect(problemsOf("label: a\nlabel: b\n")).toEqual(["YAML syntax error at line 2, column 1: Map keys must be unique"]);
  });

  test("tabs used as indentation are explained", () => {
    expect(problemsOf("pr:\n\tdraft: false\n")[0]).toMatch(/^YAML syntax error at line 2, column 1: /);
  });
});

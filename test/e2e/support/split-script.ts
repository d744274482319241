import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

/**
 * Scenario 2's world: a small Node project whose tests pass, and a scripted model that adds a
 * change too big for one pull request (several conversion modules, each with its test, all
 * sharing one new helper), so Ferry has to stack it.
 */

const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/**
 * `node test.js` imports every `src/**\/*.test.js` (a failing test throws) and says how many
 * files passed, so new modules bring their tests along without touching the runner.
 */
const TEST_RUNNER = [
  'import { readdirSync } from "node:fs";',
  'import { join } from "node:path";',
  'import { pathToFileURL } from "node:url";',
  "",
  'const root = join(import.meta.dirname, "src");',
  'const files = readdirSync(root, { recursive: true }).filter((file) => String(file).endsWith(".test.js")).sort();',
  "for (const file of files) await import(pathToFileURL(join(root, String(file))).href);",
  "console.log(`${files.length} test files passed`);",
  "",
].join("\n");

/** The repository as seeded on `main`: one module and its test; `node test.js` passes. */
export const unitsRepoFiles = (agentYml: string): Record<string, string> => ({
  "README.md": "# units\n\nConverts between units.\n",
  "AGENTS.md": "Every module in src/ has a test next to it, named <module>.test.js.\n",
  "package.json": '{ "name": "units", "type": "module", "private": true }\n',
  "test.js": TEST_RUNNER,
  "src/greet.js": "export const greet = (name) => `Hello, ${name}!`;\n",
  "src/greet.test.js": ['import { greet } from "./greet.js";', "", 'if (greet("Ada") !== "Hello, Ada!") throw new Error("greet is wrong");', ""].join("\n"),
  ".github/agent.yml": agentYml,
});

/** Kinds of quantity the change adds, one module (about 110 lines) and one test each. */
export const KINDS = ["area", "length", "mass", "speed", "time"] as const;
/** Units per module: the module's size is driven by its table. */
const UNITS_PER_KIND = 100;

const ROUND = ["/** Rounds to 6 decimals, so conversions compare equal whatever their path. */", "export const round = (value) => Math.round(value * 1e6) / 1e6;", ""].join("\n");

const ROUND_TEST = [
  'import { round } from "./round.js";',
  "",
  'if (round(0.1 + 0.2) !== 0.3) throw new Error("round(0.1 + 0.2) is not 0.3");',
  'if (round(2) !== 2) throw new Error("round(2) is not 2");',
  "",
].join("\n");

function moduleSource(kind: string): string {
  const rows = Array.from({ length: UNITS_PER_KIND }, (_, at) => `  "${kind}-${at}": ${at + 1},`);
  return [
    'import { round } from "./round.js";',
    "",
    `/** ${kind} units, each as a multiple of the smallest one. */`,
    "export const UNITS = {",
    ...rows,
    "};",
    "",
    "/** Converts `value` from one unit to another; an unknown unit throws. */",
    "export function convert(value, from, to) {",
    "  if (!(from in UNITS) || !(to in UNITS)) throw new Error(`unknown unit: ${from} or ${to}`);",
    "  return round((value * UNITS[from]) / UNITS[to]);",
    "}",
    "",
  ].join("\n");
}

function testSource(kind: string): string {
  return [
    `import { convert, UNITS } from "./${kind}.js";`,
    "",
    "const names = Object.keys(UNITS);",
    `if (names.length !== ${UNITS_PER_KIND}) throw new Error(\`expected ${UNITS_PER_KIND} ${kind} units, got \${names.length}\`);`,
    "for (const name of names) {",
    "  if (convert(1, name, name) !== 1) throw new Error(`${name} does not convert to itself`);",
    "}",
    `if (convert(3, "${kind}-1", "${kind}-0") !== 6) throw new Error("${kind}-1 is not twice ${kind}-0");`,
    `if (convert(1, "${kind}-0", "${kind}-2") !== 0.333333) throw new Error("${kind}-0 is not a third of ${kind}-2");`,
    "let refused = false;",
    "try {",
    `  convert(1, "${kind}-0", "parsec");`,
    "} catch {",
    "  refused = true;",
    "}",
    `if (!refused) throw new Error("an unknown ${kind} unit was converted");`,
    "",
  ].join("\n");
}

/** The whole change the model writes: path → content. All files are new. */
export function unitConversionChange(): Record<string, string> {
  const change: Record<string, string> = { "src/convert/round.js": ROUND, "src/convert/round.test.js": ROUND_TEST };
  for (const kind of KINDS) {
    change[`src/convert/${kind}.js`] = moduleSource(kind);
    change[`src/convert/${kind}.test.js`] = testSource(kind);
  }
  return change;
}

/** Lines the change adds, as `git diff --numstat` counts them (every file is new). */
export const linesOf = (change: Record<string, string>): number =>
  Object.values(change).reduce((sum, content) => sum + content.split("\n").length - (content.endsWith("\n") ? 1 : 0), 0);

/** Looks around, writes every file of `change`, runs the tests and finishes. */
export function writeChangeScript(change: Record<string, string>): OpenAiAnswer[] {
  return [
    call("read_file", { path: "test.js" }),
    ...Object.entries(change).map(([path, content]) => call("write_file", { path, content })),
    call("run_tests", {}),
    call("finish", { summary: `Adds unit conversions for ${KINDS.join(", ")}, each with its test, sharing one rounding helper.` }),
  ];
}

import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

/**
 * The worlds of the per-test verdict scenarios: small Node projects tested with node's own test
 * runner (TAP output, which Ferry reads test by test), and the scripted model's changes.
 */

const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

export const agentYml = (extra = ""): string => `base: main\ntest: node --test --test-reporter=tap 'tests/*.test.mjs'\n${extra}`;

const nodeTest = (imports: string[], tests: string[]): string => ['import test from "node:test";', 'import assert from "node:assert";', ...imports, "", ...tests, ""].join("\n");

export const FIXED_ADD = "export const add = (a, b) => a + b;\n";

/** A calculator whose `add` subtracts (the issue), and one test red on main for reasons of its own. */
export const calculatorFiles = (yml: string): Record<string, string> => ({
  "package.json": '{ "name": "calc", "type": "module", "private": true }\n',
  "src/add.js": "export const add = (a, b) => a - b;\n",
  "src/greet.js": "export const greet = (name) => `Hello, ${name}!`;\n",
  "tests/add.test.mjs": nodeTest(['import { add } from "../src/add.js";'], ['test("add adds", () => assert.equal(add(2, 3), 5));']),
  "tests/other.test.mjs": nodeTest(['import { greet } from "../src/greet.js";'], [
    'test("greets", () => assert.equal(greet("Ada"), "Hello, Ada!"));',
    'test("legacy is red", () => assert.fail("broken on main long before this issue"));',
  ]),
  ".github/agent.yml": yml,
});

/** Fixes `add` and finishes. */
export const fixAddScript = (): OpenAiAnswer[] => [call("write_file", { path: "src/add.js", content: FIXED_ADD }), call("finish", { summary: "add() adds." })];

/** Fixes `add` but breaks `greet`, which passed on main. */
export const fixAndBreakScript = (): OpenAiAnswer[] => [
  call("write_file", { path: "src/add.js", content: FIXED_ADD }),
  call("write_file", { path: "src/greet.js", content: "export const greet = () => 'hi';\n" }),
  call("finish", { summary: "add() adds; greet simplified." }),
];

/** Modules that call the old API, and functions per module: 8 × 34 changed lines, twice (removed and added). */
export const MODULES = 8;
const FUNCTIONS = 34;

const moduleSource = (api: string): string =>
  [`import { ${api} } from "./format.js";`, ...Array.from({ length: FUNCTIONS }, (_, at) => `export const f${at} = (x) => ${api}(x, ${at});`), ""].join("\n");

/**
 * Eight modules calling `legacyFormat`, each with a passing test, and a guard test, red on main,
 * saying no module may call it: it can only turn green once every module is migrated.
 */
export const migrationFiles = (yml: string): Record<string, string> => {
  const files: Record<string, string> = {
    "package.json": '{ "name": "fmt", "type": "module", "private": true }\n',
    "src/format.js": "export const legacyFormat = (x, n) => `${x}:${n}`;\nexport const format = (x, n) => `${x}:${n}`;\n",
    "tests/guard.test.mjs": nodeTest(['import { readdirSync, readFileSync } from "node:fs";'], [
      'test("no module calls legacyFormat", () => {',
      '  const callers = readdirSync("src").filter((file) => /^m\\d+\\.js$/.test(file) && readFileSync(`src/${file}`, "utf8").includes("legacyFormat("));',
      "  assert.deepEqual(callers, []);",
      "});",
    ]),
    ".github/agent.yml": yml,
  };
  for (let at = 0; at < MODULES; at++) {
    files[`src/m${at}.js`] = moduleSource("legacyFormat");
    files[`tests/m${at}.test.mjs`] = nodeTest([`import { f0, f${FUNCTIONS - 1} } from "../src/m${at}.js";`], [
      `test("m${at} formats", () => assert.deepEqual([f0(1), f${FUNCTIONS - 1}(2)], ["1:0", "2:${FUNCTIONS - 1}"]));`,
    ]);
  }
  return files;
};

/** Migrates every module to `format`, then finishes. */
export const migrateScript = (): OpenAiAnswer[] => [
  ...Array.from({ length: MODULES }, (_, at) => call("write_file", { path: `src/m${at}.js`, content: moduleSource("format") })),
  call("finish", { summary: "Every module calls format instead of legacyFormat." }),
];

import { parseCargoTest } from "./parse-cargo.ts";
import { parseGoTest } from "./parse-go.ts";
import { parseJest } from "./parse-jest.ts";
import { parseJUnitXml } from "./parse-junit.ts";
import { parseMocha } from "./parse-mocha.ts";
import { parseNodeSpec } from "./parse-node-spec.ts";
import { parsePytest } from "./parse-pytest.ts";
import { parseTap } from "./parse-tap.ts";
import { parseVitest } from "./parse-vitest.ts";
import type { TestResults } from "./test-results.ts";

/*
 * The runner is not known in advance (the test command is the repository's), so each parser
 * looks for its runner's closing lines and declines output that is not its own. The most
 * specific go first; TAP, whose test points any program can print, goes last.
 */
const PARSERS: readonly ((output: string) => TestResults | undefined)[] = [
  parseVitest,
  parseJest,
  parseMocha,
  parseNodeSpec,
  parsePytest,
  parseGoTest,
  parseCargoTest,
  parseTap,
];

/** Per-test outcomes from a test command's output, or undefined when no parser recognises it (the verdict then falls back to the exit code). */
export function parseTestOutput(output: string): TestResults | undefined {
  // A reporter that writes JUnit XML to the console (node --test --test-reporter=junit).
  if (/^\s*<(?:\?xml|testsuites?[\s>])/.test(output.slice(0, 1024))) return parseJUnitXml([output]);
  for (const parse of PARSERS) {
    const results = parse(output);
    if (results !== undefined) return results;
  }
  return undefined;
}

import { execa } from "execa";
import type { CheckPrefix } from "../../../../src/delivery/stack/verify-stack.ts";
import { workFiles } from "./stack-fixture.ts";

/** Loads every module in `lib/`: fails when one requires a file that is not there. */
export const CHECK_JS = 'const fs = require("node:fs");\nfor (const name of fs.readdirSync("lib").sort()) require(`./lib/${name}`);\nconsole.log("ok");\n';

export type CheckCall = { index: number; tree: string; files: string[] };

/** Runs `node check.js` in the working tree as it is, and records each call with the files it saw. */
export function nodeCheck(workDir: string): { check: CheckPrefix; calls: CheckCall[] } {
  const calls: CheckCall[] = [];
  const check: CheckPrefix = async ({ index, tree }) => {
    calls.push({ index, tree, files: Object.keys(await workFiles(workDir)) });
    const result = await execa(process.execPath, ["check.js"], { cwd: workDir, reject: false, all: true });
    const exitCode = result.exitCode ?? null;
    return { command: "node check.js", passed: exitCode === 0, exitCode, timedOut: false, durationMs: 1, output: result.all ?? "" };
  };
  return { check, calls };
}

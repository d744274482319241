import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

/** This checkout's node_modules: the runners under test are its devDependencies. */
const NODE_MODULES = fileURLToPath(new URL("../../../node_modules/", import.meta.url));
export const JEST = join(NODE_MODULES, "jest/bin/jest.js");
export const VITEST = join(NODE_MODULES, "vitest/vitest.mjs");
export const MOCHA = join(NODE_MODULES, "mocha/bin/mocha.js");
/**
 * The Node the runners run on: Ferry's bundled Node 24 (the runner image's too), not whichever Node
 * runs Jest (CI runs the suite on the oldest promised one as well, whose reporters write other text).
 */
const BUNDLED_NODE = join(NODE_MODULES, `node-linux-${process.arch}/bin/node`);
export const RUNNER_NODE = existsSync(BUNDLED_NODE) ? BUNDLED_NODE : process.execPath;

/** A repository in a fresh temporary folder, with these files (paths relative to it). */
export async function tempRepo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ferry-runner-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export const removeRepo = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** For a file's beforeAll that starts its runs together: each takes a second or two, but CI machines are shared. */
export const RUNS_TIMEOUT_MS = 60_000;

export type RunOptions = { env?: Record<string, string>; colour?: boolean };

/**
 * Runs this Node (24) with `args` in `dir` (a runner's script and its options, or node's own
 * --test) as a sandbox would: stdout and stderr as one text, no terminal. Jest's NODE_OPTIONS
 * (--experimental-vm-modules) and worker variables are not passed on, and colour is off unless
 * asked for, so the output is the runner's own.
 */
export async function runNode(dir: string, args: string[], options: RunOptions = {}): Promise<string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_OPTIONS|JEST_|VITEST|FORCE_COLOR|NO_COLOR|CI$)/.test(name)));
  const colour = options.colour ? { FORCE_COLOR: "1" } : { NO_COLOR: "1", FORCE_COLOR: "0" };
  const result = await execa(RUNNER_NODE, args, {
    cwd: dir,
    env: { ...inherited, ...colour, ...options.env },
    extendEnv: false,
    all: true,
    reject: false,
    timeout: 20_000,
    stdin: "ignore",
  });
  if (result.timedOut) throw new Error(`node ${args.join(" ")} timed out:\n${result.all}`);
  return result.all ?? "";
}

#!/usr/bin/env node
// Ferry's entry point, in plain JavaScript so that any Node can read it. Ferry's sources are
// TypeScript that Node 22.18+ runs natively; on an older Node this file hands over to the Node 24
// that `npm ci` installed beside Ferry (the optional dependency node-<os>-<cpu>), or says what to do.
import { spawn } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MINIMUM = [22, 18];
const ENTRIES = { start: "../src/main.ts", cli: "../src/cli/main.ts" };
const SERVICE_COMMANDS = ["start", "server", "worker"];

/** Whether a Node version ("20.20.2") runs Ferry's TypeScript: 22.18 or newer. */
export function runsFerry(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

export function tooOldMessage(version) {
  return `Ferry needs Node.js ${MINIMUM.join(".")} or newer (this is ${version.split(".")[0]}.x); run it with \`npm start\` or \`npx ferry\`, which use the bundled Node 24`;
}

/** The bundled Node's binary for this platform, if `npm ci` installed it. */
export function bundledNode(platform = process.platform, arch = process.arch) {
  const name = `node-${platform === "win32" ? "win" : platform}-${arch}`;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
    const { bin } = JSON.parse(readFileSync(manifest, "utf8"));
    const relative = typeof bin === "string" ? bin : bin?.node;
    return relative ? join(dirname(manifest), relative) : undefined;
  } catch {
    return undefined;
  }
}

function handOver(node, entry, args) {
  const child = spawn(node, [entry, ...args], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

async function main() {
  const [first, ...rest] = process.argv.slice(2);
  // What `npm test` checks first: the node npm put on PATH runs Ferry, or the reason why not.
  if (first === "--check-runtime") {
    if (!runsFerry(process.versions.node)) process.stderr.write(`${tooOldMessage(process.versions.node)}\n`);
    process.exit(runsFerry(process.versions.node) ? 0 : 1);
  }
  // `ferry start` runs every role (what `npm start` runs), `ferry server` and `ferry worker` one each; every other command is the CLI's.
  const [entry, args] = SERVICE_COMMANDS.includes(first) ? [ENTRIES.start, [first, ...rest]] : [ENTRIES.cli, process.argv.slice(2)];
  const path = fileURLToPath(new URL(entry, import.meta.url));
  if (runsFerry(process.versions.node)) {
    process.argv = [process.argv[0], path, ...args];
    await import(path);
    return;
  }
  const node = bundledNode();
  if (!node) {
    process.stderr.write(`${tooOldMessage(process.versions.node)}\n`);
    process.exit(1);
  }
  handOver(node, path, args);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

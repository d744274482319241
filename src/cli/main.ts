#!/usr/bin/env node
import { pino } from "pino";
import { loadEnvOrExit } from "../config/env.ts";
import { redaction } from "../logger.ts";
import { renderReport } from "./report.ts";
import { parseRunArgs, RUN_USAGE } from "./run-args.ts";
import { runLocal } from "./run-local.ts";
import { runSweepCommand } from "./sweep-command.ts";

const USAGE = `Usage: ferry <command>

Commands:
  run      run the agent on a local git repository, without GitHub (ferry run --help)
  sweep    ask the running server for a sweep pass now (ferry sweep --now [owner/repo])`;

const [command, ...rest] = process.argv.slice(2);
if (command === "sweep") {
  const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
  process.exit(await runSweepCommand(rest, process.env, io));
}
if (command !== "run") {
  process.stderr.write(`${command && command !== "--help" && command !== "-h" ? `ferry: unknown command "${command}"\n\n` : ""}${USAGE}\n`);
  process.exit(command === "--help" || command === "-h" ? 0 : 2);
}

const parsed = parseRunArgs(rest);
if (!parsed.ok) {
  process.stderr.write(`ferry run: ${parsed.problem}\n\n${RUN_USAGE}\n`);
  process.exit(2);
}
if (parsed.args.help) {
  process.stdout.write(`${RUN_USAGE}\n`);
  process.exit(0);
}

const env = loadEnvOrExit();
// Logs go to stderr, so stdout carries only the report.
const log = pino({ level: process.env.LOG_LEVEL ?? "warn", name: "ferry", redact: redaction }, pino.destination(2));
const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted (Ctrl-C)")));

try {
  const report = await runLocal(parsed.args, env, log, controller.signal);
  process.stdout.write(renderReport(report));
  process.exit(report.outcome.outcome === "changes-ready" ? 0 : 1);
} catch (error) {
  process.stderr.write(`ferry run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

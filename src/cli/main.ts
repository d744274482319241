#!/usr/bin/env node
import { existsSync } from "node:fs";
import { loadEnvOrExit } from "../config/env.ts";
import { cliLog } from "./cli-log.ts";
import { dataDirFor } from "./data-dir.ts";
import { progressPrinter } from "./progress-printer.ts";
import { renderReport, reportJson } from "./report.ts";
import { parseRunArgs, RUN_USAGE } from "./run-args.ts";
import { runLocal } from "./run-local.ts";
import { runSweepCommand } from "./sweep-command.ts";
import { doctorCommand } from "./doctor.ts";
import { migrateCommand } from "./migrate.ts";
import { errorMessage } from "../error-message.ts";

const USAGE = `Usage: ferry <command>

Commands:
  run      run the agent on a local git repository, without GitHub (ferry run --help)
  sweep    ask the running server for a sweep pass now (ferry sweep --now [owner/repo])
  doctor   check the database, the queue, Docker, GitHub credentials and the model endpoint
  migrate  bring the PostgreSQL schema (DATABASE_URL) up to date`;

// As the server does: settings (FERRY_MODEL, OPENAI_API_KEY, WEBHOOK_SECRET…) may live in ./.env.
if (existsSync(".env")) process.loadEnvFile(".env");

const output = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
const [command, ...rest] = process.argv.slice(2);
if (command === "sweep") process.exit(await runSweepCommand(rest, process.env, output));
if (command === "doctor") process.exit(await doctorCommand(rest, output));
if (command === "migrate") process.exit(await migrateCommand(rest, output));
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

// The run's cache (mirrors, checkouts, trajectories) is the user's alone, as the server's data is.
process.umask(0o077);
const env = loadEnvOrExit();
const args = parsed.args;
// Logs go to stderr, so stdout carries only the report (and with --json, the progress).
const log = cliLog(process.env.LOG_LEVEL ?? "warn", args.json, output.err);
const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted (Ctrl-C)")));

try {
  const progress = progressPrinter(args, output);
  const report = await runLocal(args, { env, dataDir: dataDirFor(args["data-dir"], process.env), log, progress, signal: controller.signal });
  output.out(args.json ? reportJson(report) : renderReport(report));
  process.exit(report.outcome.outcome === "changes-ready" ? 0 : 1);
} catch (error) {
  const message = errorMessage(error);
  if (args.json) output.out(`${JSON.stringify({ event: "error", message })}\n`);
  output.err(`ferry run: ${message}\n`);
  process.exit(2);
}

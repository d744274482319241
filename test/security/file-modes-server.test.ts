import { expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { JOURNAL_DIR, segmentPath } from "../../src/intake/webhook-server/journal.ts";
import { freePort, waitFor } from "../helpers/process.ts";
import { testPrivateKey } from "../helpers/probot.ts";

// Attack: another account on the host reads what the server keeps. The server sets umask 077 at
// start-up, so whatever it or git creates later (mirrors, checkouts) is owner-only too; started
// here under umask 000, the most permissive an operator's shell could hand it.
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

test("a server started under umask 000 keeps its data directory, database and webhook journal owner-only", async () => {
  const root = mkdtempSync(join(tmpdir(), "ferry-server-modes-"));
  const dataDir = join(root, "data");
  const [port, github] = [await freePort(), await freePort()];
  const env = {
    PATH: process.env.PATH ?? "",
    APP_ID: "123",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: "s",
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: `127.0.0.1:${github}`,
    GHE_PROTOCOL: "http",
    FERRY_SANDBOX: "local",
    FERRY_ALLOW_LOCAL_SANDBOX: "1",
    FERRY_DATA_DIR: dataDir,
    OPENAI_API_KEY: "sk-test",
    LOG_LEVEL: "warn",
  };
  const child = execa("sh", ["-c", 'umask 000 && exec "$0" "$@"', process.execPath, resolve("src/main.ts")], { cwd: root, env, extendEnv: false, reject: false });
  try {
    await waitFor("Ferry to answer /ping", async () => ((await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined))?.ok ? true : undefined), 30_000);
    // What git and everything else the server starts inherit (mirrors, checkouts, spares).
    expect(readFileSync(`/proc/${child.pid}/status`, "utf8")).toMatch(/^Umask:\s+0077$/m);
    const journal = join(dataDir, JOURNAL_DIR);
    const kept = [dataDir, ...readdirSync(dataDir).map((name) => join(dataDir, name)), ...readdirSync(journal).map((name) => join(journal, name))];
    expect(kept).toEqual(expect.arrayContaining([join(dataDir, "ferry.db"), journal, segmentPath(journal, 1)]));
    const modes = Object.fromEntries(kept.map((path) => [path.slice(root.length), modeOf(path)]));
    const expected = Object.fromEntries(kept.map((path) => [path.slice(root.length), statSync(path).isDirectory() ? "700" : "600"]));
    expect(modes).toEqual(expected);
  } finally {
    child.kill("SIGTERM");
    await child;
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);

import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { runSweepCommand } from "../../src/cli/sweep-command.ts";
import { SECRET, startHandlerServer, type HandlerServer } from "./support/handler-server.ts";
import { SAMPLE_REPORT } from "./support/sample-report.ts";
import { notSwept } from "../../src/sweep/sweep-report.ts";

let server: HandlerServer;
beforeEach(async () => {
  server = await startHandlerServer(async () => SAMPLE_REPORT);
});
afterEach(() => server.close());

async function ferrySweep(argv: string[], env: Record<string, string | undefined>) {
  const io = { stdout: "", stderr: "" };
  const code = await runSweepCommand(argv, env, { out: (text) => (io.stdout += text), err: (text) => (io.stderr += text) });
  return { code, ...io };
}

test("ferry sweep --now posts a signed request to the server and prints the report's summary", async () => {
  const result = await ferrySweep(["--now", "octo-org/widgets"], { WEBHOOK_SECRET: SECRET, FERRY_URL: server.url });

  expect(result).toMatchObject({ code: 0, stderr: "" });
  expect(result.stdout).toContain("octo-org/widgets: swept\n  started #3 Fix the parser → task 12");
  expect(server.calls).toEqual(["octo-org/widgets"]);
});

test("a wrong WEBHOOK_SECRET is the server's 401: exit 1 with a hint", async () => {
  const result = await ferrySweep(["--now"], { WEBHOOK_SECRET: "wrong", FERRY_URL: server.url });

  expect(result.code).toBe(1);
  expect(result.stderr).toContain("the server answered 401");
  expect(result.stderr).toContain("is WEBHOOK_SECRET the server's?");
  expect(server.calls).toEqual([]);
});

test("a repository Ferry is not installed on: the server's 404 report is printed, exit 1", async () => {
  await server.close();
  server = await startHandlerServer(async (repo) => ({ repositories: [notSwept(repo ?? "", "now", "not-installed", "Ferry is not installed on a/b")] }));

  const result = await ferrySweep(["--now", "a/b"], { WEBHOOK_SECRET: SECRET, FERRY_URL: server.url });

  expect(result.code).toBe(1);
  expect(result.stdout).toBe("a/b: not installed (Ferry is not installed on a/b)\n");
});

test("a server failure is printed with its message, exit 1", async () => {
  await server.close();
  server = await startHandlerServer(async () => {
    throw new Error("GitHub is down");
  });

  const result = await ferrySweep(["--now"], { WEBHOOK_SECRET: SECRET, FERRY_URL: server.url });

  expect(result.code).toBe(1);
  expect(result.stderr).toBe("ferry sweep: the server answered 500: GitHub is down\n");
});

test("no server at the address: exit 2 and says Ferry is not running there", async () => {
  await server.close();
  const result = await ferrySweep(["--now"], { WEBHOOK_SECRET: SECRET, FERRY_URL: server.url });

  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`Ferry is not running at ${server.url}`);
  server = await startHandlerServer(async () => SAMPLE_REPORT);
});

test("a usage error exits 2 with the usage, before any request", async () => {
  const result = await ferrySweep(["octo-org/widgets"], { WEBHOOK_SECRET: SECRET, FERRY_URL: server.url });

  expect(result.code).toBe(2);
  expect(result.stderr).toContain("ferry sweep: --now is required");
  expect(result.stderr).toContain("Usage: ferry sweep --now [owner/repo]");
  expect(server.calls).toEqual([]);
});

test("a missing WEBHOOK_SECRET exits 2 and names it", async () => {
  const result = await ferrySweep(["--now"], { FERRY_URL: server.url });

  expect(result.code).toBe(2);
  expect(result.stderr).toContain("WEBHOOK_SECRET is required");
});

test("--help prints the usage and exits 0", async () => {
  const result = await ferrySweep(["--help"], {});
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("Usage: ferry sweep --now [owner/repo]");
});

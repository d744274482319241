import { expect, test } from "@jest/globals";
import { cliLog } from "../../src/cli/cli-log.ts";

function logged(json: boolean) {
  const lines: string[] = [];
  return { log: cliLog("info", json, (text) => lines.push(text)), lines };
}

test("a log entry is one readable line: level, message and its fields", () => {
  const { log, lines } = logged(false);
  log.warn({ task: 0 }, "Local sandbox: the network cannot be disconnected");
  expect(lines).toEqual(['warning · Local sandbox: the network cannot be disconnected {"task":0}\n']);
});

test("with --json a log entry stays a JSON line", () => {
  const { log, lines } = logged(true);
  log.warn({}, "careful");
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 40, msg: "careful", name: "ferry" });
});

test("secrets in log fields are redacted", () => {
  const { log, lines } = logged(false);
  log.error({ token: "ghs_0123456789abcdefghijklmnopqrstuvwxyzAB" }, "push failed");
  expect(lines).toEqual(['error · push failed {"token":"[redacted]"}\n']);
});

import { expect, test } from "@jest/globals";
import { checkCommand, MAX_COMMAND_BYTES } from "../../src/policy/command-policy.ts";

const rules = { deny: ["git push*"], approve: [] };

test("a command of exactly 64 KiB is still read, so a denied part in it is found", () => {
  const command = `git push ${"a".repeat(MAX_COMMAND_BYTES - "git push ".length)}`;
  expect(Buffer.byteLength(command)).toBe(64 * 1024);
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", pattern: "git push*" });
});

test("a command over 64 KiB is quoted back by its first 80 characters only, with no pattern named", () => {
  const command = `echo ${"a".repeat(70 * 1024)}`;
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", pattern: "", part: `${command.slice(0, 80)}…` });
});

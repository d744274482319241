import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { execa } from "execa";
import { bundledNode, runsFerry, tooOldMessage } from "../../bin/ferry.js";

const LAUNCHER = resolve("bin/ferry.js");

/** The machine's own `node` outside npm's PATH (Debian's is 20), when it is too old for Ferry. */
function oldSystemNode(): string | undefined {
  for (const candidate of ["/usr/bin/node", "/usr/local/bin/node"]) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
    if (!runsFerry(version)) return candidate;
  }
  return undefined;
}

describe("which Node runs Ferry", () => {
  test.each([
    ["20.20.2", false],
    ["22.17.1", false],
    ["22.18.0", true],
    ["23.0.0", true],
    ["24.22.3", true],
  ])("Node %s: %s", (version, expected) => {
    expect(runsFerry(version)).toBe(expected);
  });

  test("the message for an old Node names the minimum, this major and the commands that bring Node 24", () => {
    expect(tooOldMessage("20.20.2")).toBe(
      "Ferry needs Node.js 22.18 or newer (this is 20.x); run it with `npm start` or `npx ferry`, which use the bundled Node 24",
    );
  });

  test("the bundled Node is the one npm installed for this platform, and it is 24", () => {
    const node = bundledNode();
    expect(node).toBeDefined();
    expect(execFileSync(node ?? "", ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim()).toBe("24");
  });

  test("a platform the registry has no Node 24 for (Apple silicon) has no bundled Node", () => {
    expect(bundledNode("darwin", "arm64")).toBeUndefined();
  });
});

describe("bin/ferry.js", () => {
  test("on this Node it runs the CLI in the same process", async () => {
    const result = await execa(process.execPath, [LAUNCHER, "--help"], { reject: false });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("Usage: ferry <command>");
  });

  test("an unknown command is the CLI's usage error, exit 2", async () => {
    const result = await execa(process.execPath, [LAUNCHER, "frobnicate"], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  const oldNode = oldSystemNode();
  const onOldNode = oldNode ? test : test.skip;
  if (!oldNode) process.stderr.write("bin/ferry.js: no Node older than 22.18 on this machine; the hand-over tests are skipped\n");

  onOldNode("on an older Node it hands the CLI over to the bundled Node 24, exit code included", async () => {
    const result = await execa(oldNode ?? "", [LAUNCHER, "frobnicate"], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  onOldNode("--check-runtime on an older Node prints the one-line message and exits 1", async () => {
    const result = await execa(oldNode ?? "", [LAUNCHER, "--check-runtime"], { reject: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(tooOldMessage(execFileSync(oldNode ?? "", ["-p", "process.versions.node"], { encoding: "utf8" }).trim()));
  });

  test("--check-runtime on this Node says nothing and exits 0", async () => {
    const result = await execa(process.execPath, [LAUNCHER, "--check-runtime"], { reject: false });
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: "" });
  });
});

import { test } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execa } from "execa";

/** A test runner on this machine, found (or not) when the test file loads. */
export type Toolchain = { name: string; found: boolean; command: string; args: string[] };

/** Whether `command args` (a `--version`, say) answers with exit code 0. */
export async function findToolchain(name: string, command: string, args: string[], versionArgs: string[]): Promise<Toolchain> {
  const answer = await execa(command, [...args, ...versionArgs], { reject: false, timeout: 20_000 });
  return { name, found: answer.exitCode === 0, command, args };
}

/**
 * `test` for what needs a real toolchain. Without it the test is skipped under a name that says
 * so, with a notice on stderr, so a green run is not read as proof; where CI must have it
 * (`requiredInCi` and CI set) the test fails instead and says what to install.
 */
export function testWithToolchain(toolchain: Toolchain, requiredInCi: string | undefined, name: string, body: () => Promise<unknown>, timeoutMs?: number): void {
  if (toolchain.found) {
    test(name, body, timeoutMs);
    return;
  }
  if (requiredInCi !== undefined && process.env.CI) {
    test(name, () => {
      throw new Error(`${toolchain.name} is not installed, and CI must run this test: install ${requiredInCi}`);
    });
    return;
  }
  process.stderr.write(`\n  ⚠ SKIPPED "${name}": ${toolchain.name} is not installed.\n\n`);
  test.skip(`${name} (skipped: ${toolchain.name} not installed)`, body);
}

/** Writes a small project into a fresh temporary directory; `remove` deletes it. */
export function writeProject(prefix: string, files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the toolchain in the project with stderr merged into stdout by the shell (`2>&1`, one
 * pipe), as the sandbox runs a command: two pipes read side by side could swap their lines.
 */
export async function runToolchain(toolchain: Toolchain, dir: string, args: string[], env: Record<string, string>): Promise<string> {
  const result = await execa("sh", ["-c", '"$@" 2>&1', "sh", toolchain.command, ...toolchain.args, ...args], { cwd: dir, env, reject: false, timeout: 60_000 });
  return result.stdout;
}

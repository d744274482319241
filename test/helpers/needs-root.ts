import { test } from "@jest/globals";

const isRoot = process.getuid?.() === 0;

/**
 * `test` for what only root can set up (a file owned by the sandbox user, uid 1000, or by a
 * stranger). Elsewhere it is skipped under a name that starts with "needs root:" and a notice
 * on stderr, so a green run on a laptop is not read as proof. CI (.ci/run) runs as root.
 */
export function testAsRoot(name: string, body: () => Promise<unknown>, timeoutMs?: number): void {
  if (isRoot) {
    test(name, body, timeoutMs);
    return;
  }
  process.stderr.write(`\n  ⚠ SKIPPED "${name}": needs root (CI runs as root).\n\n`);
  test.skip(`needs root: ${name}`, body);
}

import { execa } from "execa";

/** The container user: 1000 when Ferry runs as root, else Ferry's own (non-root) uid so the checkout stays writable. */
export function sandboxUser(): string {
  const uid = process.getuid?.() ?? 1000;
  const gid = process.getgid?.() ?? 1000;
  return uid === 0 ? "1000:1000" : `${uid}:${gid}`;
}

/**
 * Hands the checkout to the container user when Ferry runs as root. `-h` changes symbolic
 * links themselves: a link planted in a repository must never make us chown its target.
 */
export async function handOverCheckout(workDir: string, user: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await execa("chown", ["-R", "-h", "-P", user, "--", workDir], { timeout: 120_000 });
}

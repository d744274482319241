import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export type PrivateKeySource = { PRIVATE_KEY?: string | undefined; PRIVATE_KEY_PATH?: string | undefined };

export type PrivateKeyResult =
  | { ok: true; pem: string }
  | { ok: false; variable: "PRIVATE_KEY" | "PRIVATE_KEY_PATH"; message: string };

const PEM_KINDS = ["RSA PRIVATE KEY", "PRIVATE KEY"];

/**
 * Finds the App's key the way Probot does (PRIVATE_KEY wins over PRIVATE_KEY_PATH) and
 * checks it really parses, so a truncated paste fails at start-up instead of at the
 * first JWT. Messages never contain the key.
 */
export function resolvePrivateKey(source: PrivateKeySource): PrivateKeyResult {
  if (source.PRIVATE_KEY !== undefined) {
    const pem = normalisePem(source.PRIVATE_KEY);
    if (pem) return { ok: true, pem };
    return {
      ok: false,
      variable: "PRIVATE_KEY",
      message: "expected a PEM private key (-----BEGIN RSA PRIVATE KEY----- …); the value is not one, or is incomplete",
    };
  }
  const path = source.PRIVATE_KEY_PATH ?? "";
  const text = readKeyFile(path);
  if (typeof text !== "string") {
    return { ok: false, variable: "PRIVATE_KEY_PATH", message: `cannot read ${JSON.stringify(path)} (${text.reason})` };
  }
  const pem = normalisePem(text);
  if (pem) return { ok: true, pem };
  return { ok: false, variable: "PRIVATE_KEY_PATH", message: `${JSON.stringify(path)} does not contain a PEM private key` };
}

function readKeyFile(path: string): string | { reason: string } {
  try {
    return readFileSync(resolve(path), "utf8");
  } catch (error) {
    // Duck-typed rather than `instanceof Error`: fs errors may come from another realm (jest's vm).
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown error";
    return { reason: code === "ENOENT" ? "no such file" : code };
  }
}

/** Accepts what Probot accepts: raw PEM, base64 of it, `\n`-escaped, or flattened onto one line. */
export function normalisePem(raw: string): string | undefined {
  let text = raw.trim();
  if (isBase64(text)) text = Buffer.from(text, "base64").toString("utf8").trim();
  text = text.replaceAll("\\n", "\n").trim();
  const kind = PEM_KINDS.find((name) => text.startsWith(`-----BEGIN ${name}-----`) && text.endsWith(`-----END ${name}-----`));
  if (kind === undefined) return undefined;
  const pem = text.includes("\n") ? `${text}\n` : restoreNewlines(text, kind);
  return parses(pem) ? pem : undefined;
}

function isBase64(text: string): boolean {
  return text.length > 0 && Buffer.from(text, "base64").toString("base64") === text;
}

function restoreNewlines(text: string, kind: string): string {
  const begin = `-----BEGIN ${kind}-----`;
  const end = `-----END ${kind}-----`;
  const body = text.slice(begin.length, text.length - end.length).trim().split(/\s+/).join("\n");
  return `${begin}\n${body}\n${end}\n`;
}

function parses(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

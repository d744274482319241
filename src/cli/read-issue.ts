import { readFile } from "node:fs/promises";
import type { IssueContext } from "../agent/prompt/issue-context.ts";

/**
 * The task of a local run: a markdown file (or stdin with `-`) whose first non-empty line is
 * the title (a leading `#` is dropped) and the rest the body.
 */
export async function readIssue(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<IssueContext> {
  const text = source === "-" ? await readAll(stdin) : await readFile(source, "utf8");
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const titleAt = lines.findIndex((line) => line.trim() !== "");
  if (titleAt === -1) throw new Error(`The issue ${source === "-" ? "on stdin" : `file ${source}`} is empty: write a title on its first line.`);
  const title = (lines[titleAt] ?? "").replace(/^#+\s*/, "").trim();
  const body = lines.slice(titleAt + 1).join("\n").trim();
  return { number: 0, title, body, comments: [] };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

import { spawn } from "node:child_process";
import { once } from "node:events";

export type RawPost = {
  url: string;
  headers: Record<string, string>;
  /** Bytes of body to send (a run of `{`, which is no JSON and carries no signature). */
  bytes: number;
  /** Chunked (no Content-Length) instead of a Content-Length. */
  chunked?: boolean;
  /** Send the head and this many bytes only, then wait for the answer (a body announced but held back). */
  holdAfter?: number;
};

export type RawAnswer = { status: number; sent: number; ms: number };

/**
 * POSTs a large body from another process, as a stranger would: over a plain socket, in 1 MB
 * writes, stopping as soon as an answer arrives. Another process because nock, which the
 * tests load, holds back what this one sends until it is complete.
 */
export async function rawPost(post: RawPost): Promise<RawAnswer> {
  const script = `
    const net = await import("node:net");
    const post = ${JSON.stringify(post)};
    const url = new URL(post.url);
    const started = Date.now();
    const headers = { host: url.host, connection: "close", ...post.headers, ...(post.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(post.bytes) }) };
    const head = "POST " + url.pathname + " HTTP/1.1\\r\\n" + Object.entries(headers).map(([k, v]) => k + ": " + v + "\\r\\n").join("") + "\\r\\n";
    const socket = net.connect(Number(url.port), url.hostname);
    let sent = 0, answered = false, reply = "";
    const done = () => { if (answered) return; answered = true; const status = Number(/^HTTP\\/1\\.1 (\\d{3})/.exec(reply)?.[1] ?? 0); process.stdout.write(JSON.stringify({ status, sent, ms: Date.now() - started })); socket.destroy(); process.exit(0); };
    socket.on("data", (data) => { reply += data.toString("latin1"); if (reply.includes("\\r\\n")) done(); });
    socket.on("error", () => done());
    socket.on("close", () => done());
    socket.write(head);
    const chunk = Buffer.alloc(1024 * 1024, "{");
    const limit = post.holdAfter ?? post.bytes;
    while (!answered && sent < limit && !socket.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, limit - sent));
      const framed = post.chunked ? Buffer.concat([Buffer.from(part.length.toString(16) + "\\r\\n"), part, Buffer.from("\\r\\n")]) : part;
      if (!socket.write(framed)) await new Promise((resolve) => { const on = () => { socket.off("drain", on); socket.off("close", on); resolve(); }; socket.on("drain", on); socket.on("close", on); });
      sent += part.length;
    }
    if (post.chunked && post.holdAfter === undefined && !socket.destroyed) socket.write("0\\r\\n\\r\\n");
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"], env: { PATH: process.env.PATH } });
  let out = "";
  child.stdout.on("data", (data: Buffer) => (out += data.toString()));
  await once(child, "exit");
  return JSON.parse(out) as RawAnswer;
}

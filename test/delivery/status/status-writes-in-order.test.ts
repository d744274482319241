import { afterEach, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import { publishStatus, writeStatusComment } from "../../../src/delivery/status/publish-status.ts";
import { marker } from "../../../src/github/markers.ts";
import { sampleTask } from "../../fixtures/tasks.ts";
import { FERRY_BOT, testAccountOf } from "../../helpers/ferry-account.ts";

/**
 * Intake's first status comment and the worker's first edit can be asked for at once (a task
 * starts as it is queued). Each looks for the comment first: overlapping, both would find none
 * and post two. One task's writes go one after another, in the order asked.
 */
let server: Server | undefined;
afterEach(async () => {
  server?.close();
  if (server) await once(server, "close");
});

/** The comments on a loopback GitHub whose listing takes a while to answer, as GitHub's does. */
async function slowListingGitHub() {
  const comments: { id: number; body: string; user: typeof FERRY_BOT }[] = [];
  server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString()) as { body: string }).body : "";
      res.setHeader("content-type", "application/json");
      if (req.method === "GET") {
        await sleep(30);
        return res.end(JSON.stringify(comments));
      }
      if (req.method === "POST") comments.push({ id: 11 + comments.length, body, user: FERRY_BOT });
      const comment = req.method === "POST" ? comments.at(-1) : comments.find((candidate) => req.url?.endsWith(`/${candidate.id}`));
      if (comment) comment.body = body;
      res.statusCode = req.method === "POST" ? 201 : 200;
      res.end(JSON.stringify({ id: comment?.id }));
    })();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { comments, client: octokitPlatform(new Octokit({ baseUrl: `http://127.0.0.1:${port}`, request: { retries: 0 } })) };
}

test("the queued comment and an edit asked for while it is posted make one comment, showing the edit", async () => {
  const { comments, client } = await slowListingGitHub();
  const task = sampleTask();
  const edited = `${marker(task.id, "status")}\npreparing`;
  await Promise.all([publishStatus(client, task, testAccountOf), writeStatusComment(client, task, edited, testAccountOf)]);
  expect(comments.map((comment) => comment.body)).toEqual([edited]);
});

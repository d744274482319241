import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { startHandlerServer, type HandlerServer } from "../sweep/support/handler-server.ts";
import { SAMPLE_REPORT } from "../sweep/support/sample-report.ts";
import { rawPost } from "./support/raw-post.ts";

/**
 * Attack: `POST /ferry/sweep` with a huge body. Before, the whole body was read (and dropped)
 * before the answer, so one held open kept the request, and its memory, for as long as the
 * sender liked. Now a body over the route's 16 KB is refused with 413 as soon as it is known.
 */
const MB = 1024 * 1024;
let server: HandlerServer;
beforeEach(async () => {
  server = await startHandlerServer(async () => SAMPLE_REPORT);
});
afterEach(() => server.close());

test("a body announced larger than the route takes is refused before a byte of it arrives", async () => {
  const answer = await rawPost({ url: `${server.url}/ferry/sweep`, headers: {}, bytes: 30 * MB, holdAfter: 0 });
  expect(answer.status).toBe(413);
  expect(server.calls).toEqual([]);
});

test("a chunked body is refused once it passes the limit, without reading the rest", async () => {
  const answer = await rawPost({ url: `${server.url}/ferry/sweep`, headers: {}, bytes: 30 * MB, chunked: true, holdAfter: 1 * MB });
  expect(answer.status).toBe(413);
  expect(server.calls).toEqual([]);
});

import nock from "nock";

/**
 * Requests nock had no reply for. Ferry's handlers catch what fails and log it, so a request a
 * test forgot to mock (or one that should never have been sent: a bot's event, someone else's
 * pull request) would otherwise pass unseen; test/setup.ts fails the test with each of them.
 * Loopback requests are the local servers of end-to-end tests, Docker and git: not GitHub.
 */
const unmatched: string[] = [];
const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;

nock.emitter.on("no match", (request: { method?: string; url?: string }) => {
  const url = request.url ?? "";
  const host = URL.canParse(url) ? new URL(url).hostname : "";
  if (!LOOPBACK.test(host)) unmatched.push(`${request.method ?? "GET"} ${url}`);
});

export function takeUnmatchedRequests(): string[] {
  return unmatched.splice(0, unmatched.length);
}

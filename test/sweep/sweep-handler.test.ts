import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { signSweepRequest, SWEEP_SIGNATURE_HEADER, SWEEP_TIMESTAMP_HEADER } from "../../src/sweep/sweep-signature.ts";
import { notSwept } from "../../src/sweep/sweep-report.ts";
import { SECRET, startHandlerServer, type HandlerServer } from "./support/handler-server.ts";
import { SAMPLE_REPORT } from "./support/sample-report.ts";

let server: HandlerServer;
beforeEach(async () => {
  server = await startHandlerServer(async (repo) =>
    repo === "nobody/here" ? { repositories: [notSwept(repo, "now", "not-installed", "not installed")] } : SAMPLE_REPORT,
  );
});
afterEach(() => server.close());

/** `headers` null sends no signature. */
const post = (body: string, headers: Record<string, string> | null = signSweepRequest(SECRET, body), path = "/ferry/sweep") =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers: headers ?? {} });

test("a signed request for every repository gets the report", async () => {
  const response = await post("{}");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(SAMPLE_REPORT);
  expect(server.calls).toEqual([undefined]);
});

test("a signed request names one repository", async () => {
  await post('{"repo":"octo-org/widgets"}');
  expect(server.calls).toEqual(["octo-org/widgets"]);
});

test("an unsigned request is refused with 401 and sweeps nothing", async () => {
  const response = await post("{}", null);
  expect(response.status).toBe(401);
  expect(server.calls).toEqual([]);
});

test("a request signed with another secret is refused with 401", async () => {
  expect((await post("{}", signSweepRequest("other", "{}"))).status).toBe(401);
  expect(server.calls).toEqual([]);
});

test("a signature of another body is refused with 401", async () => {
  expect((await post('{"repo":"octo-org/widgets"}', signSweepRequest(SECRET, "{}"))).status).toBe(401);
});

test("a signature of another timestamp is refused with 401", async () => {
  const signed = signSweepRequest(SECRET, "{}");
  const shifted = { ...signed, [SWEEP_TIMESTAMP_HEADER]: String(Number(signed[SWEEP_TIMESTAMP_HEADER]) - 1) };
  expect((await post("{}", shifted)).status).toBe(401);
});

test("a signature without its timestamp is refused with 401, naming the header", async () => {
  const signed = signSweepRequest(SECRET, "{}");
  const response = await post("{}", { [SWEEP_SIGNATURE_HEADER]: signed[SWEEP_SIGNATURE_HEADER] ?? "" });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: expect.stringContaining(SWEEP_TIMESTAMP_HEADER) });
});

test.each([
  ["not JSON", "{repo:"],
  ["an unknown key", '{"repos":"octo-org/widgets"}'],
  ["a repo that is not owner/name", '{"repo":"widgets"}'],
  ["a list", "[]"],
])("a signed body that is %s gets 400", async (_name, body) => {
  const response = await post(body);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.any(String) });
  expect(server.calls).toEqual([]);
});

test("a repository Ferry is not installed on gets 404 with the report", async () => {
  const response = await post('{"repo":"nobody/here"}');
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ repositories: [{ repo: "nobody/here", status: "not-installed" }] });
});

test("a body over 16 KiB is refused with 413 before anything else", async () => {
  const body = JSON.stringify({ repo: "a/b", padding: "x".repeat(20_000) });
  expect((await post(body)).status).toBe(413);
  expect(server.calls).toEqual([]);
});

test("GET is not allowed", async () => {
  const response = await fetch(`${server.url}/ferry/sweep`);
  expect(response.status).toBe(405);
  expect(server.calls).toEqual([]);
});

test("other paths are left to the next handler", async () => {
  const response = await post("{}", null, "/ferry/sweeps");
  expect(await response.text()).toBe("not the sweep route");
});

import { expect, test } from "@jest/globals";
import { createPublicKey, createVerify } from "node:crypto";
import nock from "nock";
import { runCheck } from "../../src/cli/doctor-check.ts";
import { gitHubCheck } from "../../src/cli/doctor-github.ts";
import { parseEnv } from "../../src/config/env.ts";
import { testPrivateKey } from "../helpers/probot.ts";
import { freePort } from "../helpers/process.ts";

const API = "https://github.example.com/api/v3";
const env = (extra: Record<string, string> = {}) =>
  parseEnv({ APP_ID: "4242", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "doctor-secret", GHE_HOST: "github.example.com", ...extra });

test("the App's JWT gets GET /app from the configured GitHub: ok, naming the App", async () => {
  nock(API).get("/app").reply(200, { id: 4242, slug: "ferry-bot", name: "Ferry" });
  expect(await runCheck(gitHubCheck(env()), 5000)).toEqual({ status: "ok", detail: `authenticated as the App ferry-bot (id 4242) at ${API}` });
});

test("the token sent is an RS256 JWT issued by the App's id and signed with its key", async () => {
  let authorization = "";
  const keep = (value: string | null) => ((authorization = value ?? ""), true);
  nock(API, { reqheaders: { authorization: keep } }).get("/app").reply(200, { id: 4242 });
  await runCheck(gitHubCheck(env()), 5000);
  const [header = "", payload = "", signature = ""] = authorization.replace(/^Bearer /, "").split(".");
  expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "RS256", typ: "JWT" });
  expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toMatchObject({ iss: "4242" });
  const verified = createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(createPublicKey(testPrivateKey()), Buffer.from(signature, "base64url"));
  expect(verified).toBe(true);
});

test("a refused JWT fails, saying what to check", async () => {
  nock(API).get("/app").reply(401, { message: "A JSON web token could not be decoded" });
  expect(await runCheck(gitHubCheck(env()), 5000)).toEqual({ status: "fail", detail: `GitHub at ${API} refused the App's token (401): check APP_ID and the private key` });
});

test("no App credentials fails (setup mode only)", async () => {
  expect((await runCheck(gitHubCheck(parseEnv({})), 5000)).status).toBe("fail");
});

test("a GitHub nobody listens for fails with the connection's words", async () => {
  const closed = `127.0.0.1:${await freePort()}`;
  const result = await runCheck(gitHubCheck(env({ GHE_HOST: closed, GHE_PROTOCOL: "http" })), 5000);
  expect(result).toEqual({ status: "fail", detail: expect.stringMatching(new RegExp(`^GitHub at http://${closed}/api/v3 is unreachable: connect ECONNREFUSED`)) });
});

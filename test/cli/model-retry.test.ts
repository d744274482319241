import { afterEach, expect, test } from "@jest/globals";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { startOpenAiServer, type OpenAiServer } from "../helpers/openai-server.ts";
import { EXAMPLES, exampleRepo, ferryRun } from "./support/ferry-run.ts";

let root = "";
let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

test("a model call that is retried shows on stderr with its reason and pause", async () => {
  server = await startOpenAiServer();
  server.reply({ status: 429, headers: { "retry-after": "0" }, body: { error: { message: "Rate limit reached for requests.", type: "requests", code: "rate_limit_exceeded" } } }, { text: "Nothing to change." });
  const example = await exampleRepo();
  root = example.root;
  const args = ["--repo", example.repo, "--issue", join(EXAMPLES, "issue.md"), "--sandbox", "local"];
  const result = await ferryRun(root, args, { env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseUrl } });
  expect(result.stdout).toContain("Outcome: no-changes");
  expect(result.stderr).toMatch(/^step 1 · model call failed \(.*429.*\), retry 1 in 0\.0 s$/m);
});

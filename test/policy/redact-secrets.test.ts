import { expect, test } from "@jest/globals";
import { redactSecrets } from "../../src/policy/redact-secrets.ts";
import { fake } from "./support/fake-secrets.ts";

test.each([
  ["a GitHub token", fake.githubToken],
  ["a fine-grained GitHub token", fake.githubFineGrained],
  ["an OpenAI key", fake.openaiKey],
  ["an OpenAI project key", fake.openaiProjectKey],
  ["an AWS access key id", fake.awsAccessKeyId],
  ["a Slack token", fake.slackToken],
  ["a Slack webhook", fake.slackWebhook],
])("%s is replaced", (_kind, secret) => {
  expect(redactSecrets(`before ${secret} after`)).toBe("before [redacted] after");
});

test("an AWS secret key is replaced where it is assigned, its name kept", () => {
  expect(redactSecrets(`AWS_SECRET_ACCESS_KEY=${fake.awsSecretKey}`)).toBe("AWS_SECRET_ACCESS_KEY=[redacted]");
});

test("a private key block is replaced whole", () => {
  const block = [fake.privateKeyBegin, ...fake.privateKeyBody, fake.privateKeyEnd].join("\n");
  expect(redactSecrets(`cat id_rsa\n${block}\n$ next`)).toBe("cat id_rsa\n[redacted]\n$ next");
});

test("a private key inside a JSON string (escaped newlines) is replaced whole", () => {
  const block = [fake.privateKeyBegin, ...fake.privateKeyBody, fake.privateKeyEnd].join("\\n");
  expect(redactSecrets(`{"private_key": "${block}\\n", "id": 1}`)).toBe('{"private_key": "[redacted]\\n", "id": 1}');
});

test("every occurrence is replaced", () => {
  expect(redactSecrets(`${fake.githubToken} and ${fake.githubToken}`)).toBe("[redacted] and [redacted]");
});

test("the generic entropy rule is not applied: hashes and ids stay readable", () => {
  const text = `apiSecret = "${fake.apiSecret}"; commit 9fceb02d0ae598e95dc970b74767f19372d61af8`;
  expect(redactSecrets(text)).toBe(text);
});

test("ordinary text is unchanged", () => {
  const text = "npm test\n> jest\nPASS test/a.test.ts (3 tests)\nsk-learn is a library; ask-me-anything";
  expect(redactSecrets(text)).toBe(text);
});

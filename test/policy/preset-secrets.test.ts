import { expect, test } from "@jest/globals";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { findPresetSecrets } from "../../src/policy/preset-secrets.ts";
import { fake } from "./support/fake-secrets.ts";

const TEXT = [
  `github: ${fake.githubToken}`,
  `slack: ${fake.slackToken}`,
  `stripe: ${fake.stripeKey}`,
  `gitlab: ${fake.gitlabToken}`,
  `npm: ${fake.npmToken}`,
  `anthropic: ${fake.anthropicKey}`,
  `webhook: ${fake.slackWebhook}`,
  `aws_access_key_id = ${fake.awsAccessKeyId}`,
  "db: postgres://admin:s3cr3tP4ssw0rd@db.example.com:5432/app",
  "",
].join("\n");

/** What secretlint itself reports for TEXT, with the same rule options and without its comment filter. */
async function secretlintRanges(text: string): Promise<number[][]> {
  const result = await lintSource({
    source: { content: text, filePath: "notes.txt", ext: ".txt", contentType: "text" },
    options: {
      config: {
        rules: [
          {
            id: recommended.meta.id,
            rule: recommended,
            rules: [
              { id: "@secretlint/secretlint-rule-aws", options: { enableIDScanRule: true } },
              { id: "@secretlint/secretlint-rule-filter-comments", disabled: true },
            ],
          },
        ],
      },
    },
  });
  return result.messages.map((message) => [...message.range]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

test("the synchronous runner finds what secretlint's own lintSource finds", async () => {
  const ours = findPresetSecrets("notes.txt", TEXT).map(({ start, end }) => [start, end]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  expect(ours).toEqual(await secretlintRanges(TEXT));
  expect(ours).toHaveLength(9);
});

test("a secretlint-disable comment written into the change does not switch the scan off", () => {
  const text = `// secretlint-disable\nconst token = "${fake.githubToken}";\n`;
  expect(findPresetSecrets("src/a.ts", text).map((match) => match.kind)).toEqual(["github-token"]);
});

test("the secret itself is the range, where a rule reports the start of its match (AWS's secret access key)", () => {
  const text = `aws_secret_access_key = ${fake.awsSecretKey}`;
  const [match] = findPresetSecrets("credentials", text);
  expect(match && text.slice(match.start, match.end)).toBe(fake.awsSecretKey);
});

test("a .p12 path is never read from disk by the GCP rule: the scan looks at the text it is given", () => {
  expect(findPresetSecrets("../../../../etc/ssl/private/key.p12", "not a key")).toEqual([]);
});

test("kinds name the service: a message that does not gets the rule's name", () => {
  expect(findPresetSecrets("x", fake.slackWebhook).map((match) => match.kind)).toEqual(["slack-incoming-webhook"]);
});

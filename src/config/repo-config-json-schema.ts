import { z } from "zod";
import { RepoConfig } from "./repo-config-schema.ts";

/** A URN until the project has a published URL for the schema; editors locate it by path anyway. */
export const REPO_CONFIG_SCHEMA_ID = "urn:ferry:schema:agent-config";

/**
 * The JSON Schema of `.github/agent.yml` for editors (yaml-language-server). Input side,
 * so every key is optional and shows its default, exactly as a user writes the file.
 */
export function repoConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RepoConfig, {
    io: "input",
    // z.int() adds JavaScript's safe-integer bounds, which only clutter editor hints.
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: REPO_CONFIG_SCHEMA_ID,
    title: "Ferry repository config (.github/agent.yml)",
    description: "How Ferry turns this repository's issues into pull requests. Every key is optional.",
    ...rest,
  };
}

/** The exact text of schema/agent.schema.json. */
export function renderRepoConfigJsonSchema(): string {
  return `${JSON.stringify(repoConfigJsonSchema(), null, 2)}\n`;
}

/** Writes schema/agent.schema.json from the zod schema of `.github/agent.yml` (`npm run schema`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderRepoConfigJsonSchema } from "../src/config/repo-config-json-schema.ts";

const target = fileURLToPath(new URL("../schema/agent.schema.json", import.meta.url));
writeFileSync(target, renderRepoConfigJsonSchema());
console.log(`wrote ${target}`);

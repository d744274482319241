import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so
 * one benchmark's garbage or JIT state never skews the next. Each prints its own figure
 * and the baseline it measured in the same run.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
// `npm run bench -- webhooks --drain`: the first word picks benchmarks by name, the flags go to each.
const [first, ...more] = process.argv.slice(2);
const only = first?.startsWith("--") ? undefined : first;
const passed = only === undefined ? process.argv.slice(2) : more;
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts") && (!only || name.includes(only)))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, [join(here, file), ...passed], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

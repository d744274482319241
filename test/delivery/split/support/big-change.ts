import type { ChangedFile } from "../../../../src/workspace/numstat.ts";
import { changed } from "./changed-files.ts";

/**
 * 160 modules each importing up to three earlier ones (plus a few two-file cycles) and 40 tests:
 * 200 files, 5,000 lines. The split tests plan it; bench/delivery.bench.ts times it.
 */
export function bigChange(): { files: ChangedFile[]; contents: Record<string, string> } {
  const files: ChangedFile[] = [];
  const contents: Record<string, string> = {};
  for (let i = 0; i < 160; i++) {
    const path = `src/area${i % 8}/mod${i}.ts`;
    const earlier = i === 0 ? [] : [i - 1, Math.floor(i / 2), (i * 7 + 3) % i];
    const imports = [...new Set(i % 40 === 1 ? [...earlier, i + 1] : earlier)];
    contents[path] = imports.map((j) => `import { m${j} } from "../area${j % 8}/mod${j}.js";`).join("\n") + `\nexport const m${i} = 1;`;
    files.push(changed(path, 20, 5));
  }
  for (let i = 0; i < 160; i += 4) {
    const path = `test/area${i % 8}/mod${i}.test.ts`;
    contents[path] = `import { m${i} } from "../../src/area${i % 8}/mod${i}.ts";\n// import { x } from "../../src/area0/mod0.ts";`;
    files.push(changed(path, 25, 0));
  }
  return { files, contents };
}

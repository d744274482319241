import { createRepo } from "../../helpers/git-fixtures.ts";

/** The fixed line of `src/add.js`; the repository starts with `a - b`. */
export const FIXED_ADD = "export const add = (a, b) => a + b;\n";

/**
 * A small Node project whose test fails: `add` subtracts. `node test.js` is its test command,
 * and it runs the same on the host (local sandbox) and in the runner image.
 */
export async function createBuggyRepo(gitDir: string, extraFiles: Record<string, string> = {}, branch = "main"): Promise<string> {
  const [sha] = await createRepo(gitDir, [
    {
      message: "A calculator with a bug",
      branch,
      files: {
        "README.md": "# calc\n\nAdds numbers.\n",
        "AGENTS.md": "Keep functions one line long.\n",
        "src/add.js": "export const add = (a, b) => a - b;\n",
        "test.js": [
          'import { add } from "./src/add.js";',
          "if (add(2, 3) !== 5) {",
          '  console.error(`add(2, 3) returned ${add(2, 3)}, expected 5`);',
          "  process.exit(1);",
          "}",
          'console.log("1 passed, 0 failed");',
          "",
        ].join("\n"),
        "package.json": '{ "name": "calc", "type": "module", "private": true }\n',
        ...extraFiles,
      },
    },
  ]);
  if (!sha) throw new Error("fast-import returned no commit");
  return sha;
}

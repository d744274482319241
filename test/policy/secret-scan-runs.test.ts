import { expect, test } from "@jest/globals";
import { scanPatchForSecrets } from "../../src/policy/secret-scan.ts";
import { fake } from "./support/fake-secrets.ts";

/*
 * Added lines are read as one text only where they follow each other: a private key's header
 * reads on over any `Name: value` lines after it (PEM headers), so lines that an unchanged line
 * separates must not be joined, or a token added further down hides inside the key's finding.
 */

test("a token added two lines below a private key's header, past an unchanged line, is its own finding", () => {
  const patch = [
    "diff --git a/notes.txt b/notes.txt",
    "--- a/notes.txt",
    "+++ b/notes.txt",
    "@@ -1,2 +1,4 @@",
    " # notes",
    `+${fake.privateKeyBegin}`,
    " kept",
    `+token: ${fake.githubToken}`,
    "",
  ].join("\n");
  expect(scanPatchForSecrets(patch).map(({ line, kind }) => [line, kind])).toEqual([
    [2, "private-key"],
    [4, "github-token"],
  ]);
});

import { expect, test } from "@jest/globals";
import { checkTestWeakening } from "../../src/policy/test-weakening.ts";
import { diffOf } from "./support/diff-of.ts";

const SUITE = [
  'import { expect, test } from "@jest/globals";',
  'import { add } from "../src/add.ts";',
  "",
  'test("adds two numbers", () => {',
  "  expect(add(1, 2)).toBe(3);",
  "});",
  "",
  'test("adds negatives", () => {',
  "  expect(add(-1, -2)).toBe(-3);",
  "  expect(add(-1, 1)).toBe(0);",
  "});",
  "",
].join("\n");

async function weakeningOf(before: Record<string, string>, after: Record<string, string | null>) {
  return checkTestWeakening(await diffOf(before, after));
}

test("a clean change that fixes code and adds a test has no findings", async () => {
  const added = `${SUITE}\ntest("adds zero", () => {\n  expect(add(0, 5)).toBe(5);\n});\n`;
  expect(await weakeningOf({ "src/add.ts": "export const add = (a, b) => a - b;\n", "test/add.test.ts": SUITE }, { "src/add.ts": "export const add = (a, b) => a + b;\n", "test/add.test.ts": added })).toEqual([]);
});

test("a deleted test file is flagged", async () => {
  expect(await weakeningOf({ "test/add.test.ts": SUITE, "README.md": "x\n" }, { "test/add.test.ts": null })).toEqual([
    { path: "test/add.test.ts", kind: "deleted-test-file", detail: "This test file was deleted." },
  ]);
});

test("a test file renamed out of the test runner's reach counts as deleted", async () => {
  expect(await weakeningOf({ "src/add.test.ts": SUITE }, { "src/add.test.ts": null, "src/add.test.ts.bak": SUITE })).toEqual([
    { path: "src/add.test.ts", kind: "deleted-test-file", detail: "This test file was renamed to src/add.test.ts.bak, which is not a test file." },
  ]);
});

test("a deleted non-test file is not flagged", async () => {
  expect(await weakeningOf({ "src/old.ts": "export {};\n", "README.md": "x\n" }, { "src/old.ts": null })).toEqual([]);
});

test("removing test cases is flagged with the count", async () => {
  const fewer = SUITE.split("\n").slice(0, 7).join("\n") + "\n";
  expect(await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": fewer })).toEqual(
    expect.arrayContaining([{ path: "test/add.test.ts", kind: "removed-test-case", detail: "1 test case removed (1 declaration removed, 0 added)." }]),
  );
});

test("renaming a test case is not removing it", async () => {
  const renamed = SUITE.replace('test("adds negatives"', 'test("adds negative numbers"');
  expect(await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": renamed })).toEqual([]);
});

test("renaming a test named \"should …\" is not losing an assertion", async () => {
  const before = 'it("should add", () => {\n  add(1, 2).should.equal(3);\n});\n';
  const after = before.replace("should add", "adds");
  expect(await weakeningOf({ "test/add.spec.js": before }, { "test/add.spec.js": after })).toEqual([]);
});

test("removing a chai should assertion is fewer assertions", async () => {
  const before = 'it("adds", () => {\n  add(1, 2).should.equal(3);\n  should(add(0, 0)).equal(0);\n});\n';
  const after = before.replace("  should(add(0, 0)).equal(0);\n", "");
  expect(await weakeningOf({ "test/add.spec.js": before }, { "test/add.spec.js": after })).toEqual([
    { path: "test/add.spec.js", kind: "fewer-assertions", detail: "1 assertion fewer (1 removed, 0 added)." },
  ]);
});

test("removed Python and Go test functions count as test cases", async () => {
  const python = "def test_add():\n    assert add(1, 2) == 3\n\ndef test_sub():\n    assert sub(2, 1) == 1\n";
  const go = "func TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Fatal(\"bad\")\n\t}\n}\n";
  const findings = await weakeningOf({ "tests/test_math.py": python, "math_test.go": go }, { "tests/test_math.py": python.split("\n\n")[0] + "\n", "math_test.go": "package math\n" });
  expect(findings.filter((finding) => finding.kind === "removed-test-case").map((finding) => finding.path)).toEqual(["math_test.go", "tests/test_math.py"]);
});

test.each([
  ["test.skip", 'test.skip("adds two numbers", () => {'],
  ["xit", 'xit("adds two numbers", () => {'],
  ["it.todo", 'it.todo("adds two numbers");'],
])("an added %s is flagged with its line", async (_form, line) => {
  const skipped = SUITE.replace('test("adds two numbers", () => {', line);
  const findings = await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": skipped });
  expect(findings).toContainEqual({ path: "test/add.test.ts", kind: "added-skip", detail: `Line 4 skips a test: ${line}` });
});

test("added pytest and Go skips are flagged", async () => {
  const findings = await weakeningOf(
    { "tests/test_api.py": "def test_get():\n    assert get() == 200\n", "api_test.go": "func TestGet(t *testing.T) {\n}\n" },
    {
      "tests/test_api.py": '@pytest.mark.skip(reason="flaky")\ndef test_get():\n    assert get() == 200\n',
      "api_test.go": 'func TestGet(t *testing.T) {\n\tt.Skip("later")\n}\n',
    },
  );
  expect(findings.map(({ path, kind }) => [path, kind])).toEqual([
    ["api_test.go", "added-skip"],
    ["tests/test_api.py", "added-skip"],
  ]);
});

test("a skip that was only re-indented is not flagged again", async () => {
  const before = 'it.skip("slow", () => {\n  expect(run()).toBe(1);\n});\n';
  const after = `describe("runner", () => {\n${before.replace(/^/gm, "  ").trimEnd()}\n});\n`;
  const findings = await weakeningOf({ "test/run.test.js": before }, { "test/run.test.js": after });
  expect(findings.filter((finding) => finding.kind === "added-skip")).toEqual([]);
});

test("an added .only is flagged", async () => {
  const focused = SUITE.replace('test("adds negatives"', 'test.only("adds negatives"');
  expect(await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": focused })).toEqual([
    { path: "test/add.test.ts", kind: "added-only", detail: 'Line 8 runs only the focused tests: test.only("adds negatives", () => {' },
  ]);
});

test("fewer assertions in a test file are flagged with the counts", async () => {
  const looser = SUITE.replace("  expect(add(-1, 1)).toBe(0);\n", "");
  expect(await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": looser })).toEqual([
    { path: "test/add.test.ts", kind: "fewer-assertions", detail: "1 assertion fewer (1 removed, 0 added)." },
  ]);
});

test("rewriting an assertion keeps the count and is not flagged", async () => {
  const rewritten = SUITE.replace("expect(add(1, 2)).toBe(3);", "expect(add(1, 2)).toEqual(3);");
  expect(await weakeningOf({ "test/add.test.ts": SUITE }, { "test/add.test.ts": rewritten })).toEqual([]);
});

test("skips and assertions outside test files are not looked at", async () => {
  const code = "export const rows = (list) => list.skip(1);\nexport const check = (x) => expect(x);\n";
  expect(await weakeningOf({ "src/rows.ts": code }, { "src/rows.ts": "export const rows = (list) => list;\n" })).toEqual([]);
  expect(await weakeningOf({ "src/rows.ts": "export {};\n" }, { "src/rows.ts": code })).toEqual([]);
});

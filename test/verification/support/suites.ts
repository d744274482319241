/*
 * The same small suite written for each runner: in a.test, a describe block with a passing, a
 * failing, a skipped and a todo (or pending) test, and a nested describe with a flaky test that
 * fails when FLAKY=fail (Jest's and Vitest's also a test outside the describe); in b.test, a test named like one in a.test (math › adds) and one at the
 * top level, which logs a line that looks like a result. Runners that name the test file keep the
 * two `math › adds` apart.
 */

const jestLike = (file: "a" | "b"): string =>
  file === "a"
    ? `describe("math", () => {
  test("adds", () => expect(1 + 1).toBe(2));
  test("subtracts wrongly", () => expect(2 - 1).toBe(3));
  test.skip("divides", () => {});
  test.todo("multiplies");
  describe("inner", () => {
    test("flaky", () => expect(process.env.FLAKY).not.toBe("fail"));
  });
});
test("runs at the top level", () => {});
`
    : `describe("math", () => {
  test("adds", () => expect(2 + 2).toBe(4));
});
test("stands alone", () => console.log("✓ logged by the test"));
`;

/**
 * Jest, CommonJS test files run without a transform. Run on their own: broken.test.js does not
 * compile; passing.test.js passes and is larger than b.test.js, so Jest (with no cache) runs it
 * first and prints b's logged line between passing's tests and b's header.
 */
export const JEST_SUITE = {
  "package.json": JSON.stringify({ name: "fixture", private: true, jest: { transform: {} } }),
  "src/a.test.js": jestLike("a"),
  "src/b.test.js": jestLike("b"),
  "src/broken.test.js": "test(\"never runs\", () => {}); )\n",
  "src/passing.test.js": `describe("a suite that passes", () => {\n${"  test(\"one of its many tests\", () => expect(true).toBe(true));\n".repeat(3)}});\n`,
};

/** Vitest with --globals (the files import nothing, so no vitest package is needed beside them); broken.test.js imports a missing file, passing.test.js passes. */
export const VITEST_SUITE = {
  "package.json": JSON.stringify({ name: "fixture", private: true, type: "module" }),
  "src/a.test.js": jestLike("a"),
  "src/b.test.js": jestLike("b"),
  "src/broken.test.js": 'import "./missing.js";\ntest("never runs", () => {});\n',
  "src/passing.test.js": JEST_SUITE["src/passing.test.js"],
};

/** Mocha; in b.test.js a test logs a line and one takes 30 ms (slow under --slow 10), and c.test.js has a `before` hook that throws. */
export const MOCHA_SUITE = {
  "package.json": JSON.stringify({ name: "fixture", private: true }),
  "test/a.test.js": `const assert = require("node:assert");
describe("math", () => {
  it("adds", () => assert.equal(1 + 1, 2));
  it("subtracts wrongly", () => assert.equal(2 - 1, 3));
  it.skip("divides", () => {});
  it("multiplies");
  describe("inner", () => {
    it("flaky", () => assert.notEqual(process.env.FLAKY, "fail"));
  });
});
`,
  "test/b.test.js": `const assert = require("node:assert");
describe("math", () => {
  it("adds", () => assert.equal(2 + 2, 4));
});
it("stands alone", () => console.log("logged by the test"));
it("waits a little", (done) => setTimeout(done, 30));
`,
  "test/c.test.js": `describe("setup", () => {
  before(() => { throw new Error("no database"); });
  it("needs the database", () => {});
});
`,
};

/** node --test; c.test.mjs adds a suite whose `after` hook throws while its test passes. */
export const NODE_SUITE = {
  "package.json": JSON.stringify({ name: "fixture", private: true, type: "module" }),
  "test/a.test.mjs": `import { describe, it } from "node:test";
import assert from "node:assert";
describe("math", () => {
  it("adds", () => assert.equal(1 + 1, 2));
  it("subtracts wrongly", () => assert.equal(2 - 1, 3));
  it.skip("divides", () => {});
  it.todo("multiplies");
  describe("inner", () => {
    it("flaky", () => assert.notEqual(process.env.FLAKY, "fail"));
  });
});
`,
  "test/b.test.mjs": `import { describe, it, test } from "node:test";
import assert from "node:assert";
describe("math", () => {
  it("adds", () => assert.equal(2 + 2, 4));
});
test("stands alone", () => {});
`,
  "test/c.test.mjs": `import { after, describe, it } from "node:test";
describe("teardown", () => {
  after(() => { throw new Error("could not close"); });
  it("works", () => {});
});
`,
};

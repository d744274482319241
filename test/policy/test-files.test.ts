import { expect, test } from "@jest/globals";
import { isTestFile } from "../../src/policy/test-files.ts";

test.each([
  "src/parser.test.ts",
  "src/parser.spec.js",
  "lib/widget.test.tsx",
  "test/setup.ts",
  "packages/core/tests/helpers.py",
  "src/__tests__/render.js",
  "spec/models/user_spec.rb",
  "tests/test_api.py",
  "app/test_models.py",
  "app/models_test.py",
  "pkg/server/handler_test.go",
])("%s is a test file", (path) => {
  expect(isTestFile(path)).toBe(true);
});

test.each(["src/parser.ts", "src/parser.test.ts.bak", "src/testing-utils.ts", "docs/test.md", "contest/entry.ts", "app/models.py", "pkg/server/handler.go", "latest/x.js"])(
  "%s is not a test file",
  (path) => {
    expect(isTestFile(path)).toBe(false);
  },
);

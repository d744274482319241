import { expect, test } from "@jest/globals";
import { resolveImport } from "../../../src/delivery/split/import-resolver.ts";

const among = (...paths: string[]) => (path: string) => paths.includes(path);

test("adds the usual extensions", () => {
  expect(resolveImport("src/a.ts", "./b", among("src/b.tsx"))).toBe("src/b.tsx");
  expect(resolveImport("src/a.ts", "./b", among("src/b.mjs"))).toBe("src/b.mjs");
});

test("a .js specifier names the .ts file it compiles from", () => {
  expect(resolveImport("src/a.ts", "./b.js", among("src/b.ts"))).toBe("src/b.ts");
  expect(resolveImport("src/a.ts", "./b.mjs", among("src/b.mts"))).toBe("src/b.mts");
});

test("a folder resolves to its index file", () => {
  expect(resolveImport("src/a.ts", "./lib", among("src/lib/index.ts"))).toBe("src/lib/index.ts");
  expect(resolveImport("src/deep/a.ts", "..", among("src/index.js"))).toBe("src/index.js");
});

test("walks up with ../", () => {
  expect(resolveImport("src/x/y/a.ts", "../../b.ts", among("src/b.ts"))).toBe("src/b.ts");
});

test("an exact path wins over an added extension", () => {
  expect(resolveImport("src/a.ts", "./b.js", among("src/b.js", "src/b.ts"))).toBe("src/b.js");
});

test("package and absolute specifiers are not resolved", () => {
  expect(resolveImport("src/a.ts", "b", among("b.ts", "src/b.ts"))).toBeUndefined();
  expect(resolveImport("src/a.ts", "/src/b", among("src/b.ts"))).toBeUndefined();
});

test("a path leaving the repository is not resolved", () => {
  expect(resolveImport("a.ts", "../b", among("b.ts"))).toBeUndefined();
});

test("an unknown file is not resolved", () => {
  expect(resolveImport("src/a.ts", "./missing", among("src/b.ts"))).toBeUndefined();
});

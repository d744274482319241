import { expect, test } from "@jest/globals";
import { scanImports } from "../../../src/delivery/split/import-scanner.ts";

test("finds static imports, side-effect imports and re-exports", () => {
  const source = [
    'import a from "./a";',
    "import { b, c as d } from './b';",
    'import * as e from "./e";',
    'import "./side-effect";',
    'export { f } from "./f";',
    'export * from "./g";',
    'export * as h from "./h";',
  ].join("\n");
  expect(scanImports(source)).toEqual(["./a", "./b", "./e", "./side-effect", "./f", "./g", "./h"]);
});

test("type-only imports and exports count too", () => {
  const source = 'import type { A } from "./a.ts";\nexport type { B } from "./b.ts";\nimport { type C } from "./c.ts";';
  expect(scanImports(source)).toEqual(["./a.ts", "./b.ts", "./c.ts"]);
});

test("finds multi-line import lists", () => {
  expect(scanImports('import {\n  one,\n  two,\n} from "./many";\n')).toEqual(["./many"]);
});

test("finds dynamic imports, require and TS import-equals", () => {
  const source = 'const a = await import("./lazy");\nconst b = require(\'./cjs\');\nimport c = require("./legacy");\nimport(`./tpl`);';
  expect(scanImports(source)).toEqual(["./lazy", "./cjs", "./legacy", "./tpl"]);
});

test("ignores imports inside line and block comments", () => {
  const source = '// import a from "./a";\n/* import b from "./b";\n require("./c") */\nimport d from "./d"; // require("./e")';
  expect(scanImports(source)).toEqual(["./d"]);
});

test("ignores import-like text inside strings and templates", () => {
  const source = [
    "const s = 'import a from \"./a\"';",
    'const t = "require(\'./b\')";',
    'const u = `import "./c" ${x} import("./d")`;',
    'import real from "./real";',
  ].join("\n");
  expect(scanImports(source)).toEqual(["./real"]);
});

test("a template literal with a substitution is not a specifier", () => {
  expect(scanImports("import(`./locale/${name}`);")).toEqual([]);
});

test("code after a template substitution is scanned again", () => {
  expect(scanImports('const s = `${fn({ a: 1 })}`; import x from "./after";')).toEqual(["./after"]);
});

test("quotes inside a regular expression do not hide the imports after it", () => {
  expect(scanImports('const q = /["\']/g; import x from "./after-regex";')).toEqual(["./after-regex"]);
  expect(scanImports('if (/`/.test(s)) { import("./after-backtick"); }')).toEqual(["./after-backtick"]);
});

test("a division is not mistaken for a regular expression", () => {
  expect(scanImports('const r = a / b / c;\nimport x from "./after-division";')).toEqual(["./after-division"]);
});

test("method calls named import or require are not imports", () => {
  expect(scanImports('loader.require("./a"); obj.import("./b"); myrequire("./c");')).toEqual([]);
});

test("each specifier is listed once, in source order", () => {
  expect(scanImports('import a from "./z";\nimport type { B } from "./a";\nimport c from "./z";')).toEqual(["./z", "./a"]);
});

test("a variable named from is not an import", () => {
  expect(scanImports('export const from = "./not-an-import";')).toEqual([]);
});

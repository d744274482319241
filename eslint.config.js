import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "coverage/**", ".stryker-tmp/**", "reports/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // bin/ is plain JavaScript that any Node runs (it hands over to the bundled Node 24).
  { files: ["bin/**/*.js"], languageOptions: { globals: { process: "readonly", URL: "readonly" } } },
  // Type-aware rules for the TypeScript: a promise nobody awaits or catches loses its error.
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
);

import { expect, test } from "@jest/globals";
import { ModelScript } from "../../src/cli/model-for-run.ts";
import { RUN_USAGE } from "../../src/cli/run-args.ts";

test("the model script example in --help is a script ferry run accepts", () => {
  const example = /^ {2}(\[\{[\s\S]*?\}\]\}\])$/m.exec(RUN_USAGE)?.[1] ?? "no example";
  const script = ModelScript.safeParse(JSON.parse(example));
  expect(script.error).toBeUndefined();
  expect(script.data?.at(-1)?.toolCalls?.[0]?.name).toBe("finish");
});

test("--help points at the example that runs without a key", () => {
  expect(RUN_USAGE).toContain("--model-script examples/model-script.json --sandbox local");
});

import { describe, expect, test } from "@jest/globals";
import { isMadeUpValue, isPlaceholder } from "../../src/policy/placeholder.ts";
import { randomText } from "./support/fake-secrets.ts";

/*
 * A placeholder is let through the secret scan, so each thing that makes a value one is a way
 * past the scan: each is pinned here, and a real-looking key must not be one.
 */

const KEY = randomText(24, "ABCDEFGHJKLMNPQRSTUVWZ0123456789", 41);

test("a random key is not a placeholder", () => {
  expect(isPlaceholder(KEY)).toBe(false);
});

test.each(["example", "xxxx", "****", "...", "your", "dummy", "fake", "placeholder", "redacted", "changeme", "replace"])(
  "a key that says %s is a placeholder",
  (mark) => {
    expect(isPlaceholder(`${KEY}${mark}`)).toBe(true);
  },
);

test("a placeholder word in capitals counts", () => {
  expect(isPlaceholder(`${KEY}EXAMPLE`)).toBe(true);
});

test.each([
  ["a shell variable", "${API_KEY}"],
  ["a command substitution", "$(cat key)"],
  ["a template expression", "{{ secrets.KEY }}"],
  ["an angle-bracket slot", "<API_KEY>"],
  ["a Windows variable", "%API_KEY%"],
  ["a Node environment read", "process.env.KEY"],
  ["a Python environment read", "os.environ"],
  ["a getenv call", "getenv"],
])("a value holding %s is a template", (_name, template) => {
  expect(isPlaceholder(`${KEY}${template}`)).toBe(true);
});

test("a value of five different characters is a placeholder", () => {
  expect(isPlaceholder("ABCDEABCDEABCDEABCDEABCDE")).toBe(true);
});

test("a value of six different characters is not", () => {
  expect(isPlaceholder("ABCDEFABCDEFABCDEFABCDEF")).toBe(false);
});

describe("made-up values", () => {
  test.each(["password", "secret", "test", "sample", "mock", "1234", "abcd", "todo"])("a value holding %s is made up", (word) => {
    expect(isMadeUpValue(`${KEY}${word}`)).toBe(true);
  });

  test("a made-up word in capitals counts", () => {
    expect(isMadeUpValue(`${KEY}TEST`)).toBe(true);
  });

  test("a made-up word does not make a key in a recognised shape a placeholder", () => {
    expect(isPlaceholder(`${KEY}test`)).toBe(false);
  });

  test("a placeholder is made up", () => {
    expect(isMadeUpValue(`${KEY}example`)).toBe(true);
  });

  test("a random key is not made up", () => {
    expect(isMadeUpValue(KEY)).toBe(false);
  });
});

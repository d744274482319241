import { runInNewContext } from "node:vm";
import { describe, expect, test } from "@jest/globals";
import { errorMessage } from "../src/error-message.ts";

describe("errorMessage", () => {
  test("an Error gives its message", () => {
    expect(errorMessage(new TypeError("bad input"))).toBe("bad input");
  });

  test("an Error from another realm, which fails instanceof Error, still gives its message", () => {
    const foreign: unknown = runInNewContext('new Error("from the vm")');
    expect(foreign instanceof Error).toBe(false);
    expect(errorMessage(foreign)).toBe("from the vm");
  });

  test("anything else thrown is turned into a string", () => {
    expect(errorMessage("plain text")).toBe("plain text");
    expect(errorMessage(42)).toBe("42");
    expect(errorMessage({ message: 7 })).toBe("[object Object]");
  });
});

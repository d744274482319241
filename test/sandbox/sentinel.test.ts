import { describe, expect, test } from "@jest/globals";
import { SentinelScanner } from "../../src/sandbox/shell/sentinel.ts";

const feedAll = (scanner: SentinelScanner, chunks: string[]) => {
  let output = "";
  let end;
  for (const chunk of chunks) {
    const result = scanner.feed(Buffer.from(chunk));
    output += Buffer.concat(result.output).toString();
    end ??= result.end;
  }
  return { output, end };
};

describe("SentinelScanner", () => {
  test("finds the end line and the exit code and OOM count it carries", () => {
    expect(feedAll(new SentinelScanner("ab12"), ["out\n\n__FERRY_ab12_3_1__\n"])).toEqual({ output: "out\n", end: { exitCode: 3, oomKills: 1 } });
  });

  test("finds it when split across chunks at every position", () => {
    const text = "some output\n\n__FERRY_ab12_0_0__\n";
    for (let at = 1; at < text.length; at++) {
      expect(feedAll(new SentinelScanner("ab12"), [text.slice(0, at), text.slice(at)])).toEqual({ output: "some output\n", end: { exitCode: 0, oomKills: 0 } });
    }
  });

  test("a line with another nonce is ordinary output", () => {
    const scanner = new SentinelScanner("ab12");
    const { output, end } = feedAll(scanner, ["\n__FERRY_ffff_0_0__\nmore"]);
    expect([output + scanner.flush().toString(), end]).toEqual(["\n__FERRY_ffff_0_0__\nmore", undefined]);
  });

  test("flush returns what was held back when the stream ends early", () => {
    const scanner = new SentinelScanner("ab12");
    const { output } = feedAll(scanner, ["partial\n__FER"]);
    expect(output + scanner.flush().toString()).toBe("partial\n__FER");
  });
});

import { describe, expect, test } from "@jest/globals";
import { MAX_JUNIT_CHARS, parseJUnitXml } from "../../src/verification/parse-junit.ts";
import { GO_JUNIT_REPORT_XML, PYTEST_JUNIT_XML } from "./support/recorded-outputs.ts";

// A report is written inside the sandbox: hostile or broken XML gives no result, never a throw or a hang.
const body = (cases: string) => `<testsuites><testsuite name="s">${cases}</testsuite></testsuites>`;
const suite = (cases: string) => `<?xml version="1.0"?>${body(cases)}`;
const withDoctype = (doctype: string, cases: string) => `<?xml version="1.0"?><!DOCTYPE r [${doctype}]>${body(cases)}`;

describe("parseJUnitXml, what it refuses", () => {
  test("malformed XML gives no result", () => {
    expect(parseJUnitXml(['<testsuites><testsuite name="s"><testcase name="a"></testsuite>'])).toBeUndefined();
  });

  test("one malformed report among good ones gives no result (no judging from part of a run)", () => {
    expect(parseJUnitXml([GO_JUNIT_REPORT_XML, "<testsuites><testcase name='a'>"])).toBeUndefined();
  });

  test("XML that is not JUnit gives no result", () => {
    expect(parseJUnitXml(['<html><body><testcase name="a"/></body></html>'])).toBeUndefined();
  });

  test("a report without a single test case gives no result", () => {
    expect(parseJUnitXml(['<testsuites name="vitest tests" tests="0"></testsuites>'])).toBeUndefined();
  });

  test(`more than ${MAX_JUNIT_CHARS / 1024 / 1024} MB of reports in all gives no result, at once`, () => {
    const half = suite(`<testcase name="a"/>${" ".repeat(MAX_JUNIT_CHARS / 2)}`);
    const started = performance.now();
    expect(parseJUnitXml([half, half])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });

  test("nested entities are not expanded (no billion laughs)", () => {
    const levels = Array.from({ length: 9 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join("");
    const bomb = withDoctype(`<!ENTITY l0 "lol">${levels}`, '<testcase name="&l9;"/>');
    const started = performance.now();
    const ids = parseJUnitXml([bomb])?.cases.map((test) => test.id) ?? [];
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ids.every((id) => id.length < 100)).toBe(true);
  });

  test("a DOCTYPE declaring more than 20 entities gives no result", () => {
    const entities = Array.from({ length: 21 }, (_, index) => `<!ENTITY e${index} "x">`).join("");
    expect(parseJUnitXml([withDoctype(entities, '<testcase name="&e1;"/>')])).toBeUndefined();
    expect(parseJUnitXml([withDoctype(entities.slice(entities.indexOf("<!ENTITY e1 ")), '<testcase name="&e1;"/>')])?.cases).toEqual([{ id: "s › x", status: "passed" }]);
  });

  test("a DOCTYPE that names an external file gives no result (nothing is read from disk)", () => {
    const external = withDoctype('<!ENTITY secret SYSTEM "file:///etc/hostname">', '<testcase name="a &secret;"/>');
    expect(parseJUnitXml([external])).toBeUndefined();
  });
});

describe("parseJUnitXml, what it reads", () => {
  test("a test case without a name is not counted", () => {
    expect(parseJUnitXml([suite('<testcase classname="c"/><testcase classname="c" name="t"/>')])?.cases).toEqual([{ id: "c › t", status: "passed" }]);
  });

  test("a bare <testsuite> root", () => {
    expect(parseJUnitXml(['<testsuite name="pkg"><testcase classname="pkg" name="TestA"/></testsuite>'])?.cases).toEqual([{ id: "pkg › TestA", status: "passed" }]);
  });

  test("numeric character references in names are decoded, named HTML entities are not", () => {
    expect(parseJUnitXml([suite('<testcase name="a &#x3C; b &#62; c &amp; d &nbsp;"/>')])?.cases[0]?.id).toBe("s › a < b > c & d &nbsp;");
  });

  test("several reports are one run; a test failed in one and passed in another counts as failed", () => {
    const passed = suite('<testcase classname="c" name="t"/>');
    const failed = suite('<testcase classname="c" name="t"><failure message="boom"/></testcase>');
    expect(parseJUnitXml([passed, failed, PYTEST_JUNIT_XML])?.cases).toContainEqual({ id: "c › t", status: "failed" });
    expect(parseJUnitXml([passed, failed, PYTEST_JUNIT_XML])?.cases).toHaveLength(6);
  });

  test("test cases written inside a failure's text or the captured output are not counted", () => {
    const noisy = suite(`<testcase classname="c" name="t"><failure><![CDATA[${"<testcase name='fake'/>".repeat(3)}]]></failure><system-out><testcase name="also fake"/></system-out></testcase>`);
    expect(parseJUnitXml([noisy])?.cases).toEqual([{ id: "c › t", status: "failed" }]);
  });
});

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * JUnit XML as the common reporters write it (jest-junit, Vitest, mocha's xunit and
 * mocha-junit-reporter, pytest --junitxml, go-junit-report, cargo2junit, node's junit reporter):
 * <testsuites> or a bare <testsuite>, suites nested or not, <testcase> with a <failure>, <error>
 * or <skipped> child. The id is, each part once: the `file` attribute of the case (or of the
 * suite around it), its `classname` and its `name`; when a case has neither file nor classname,
 * the name of the suite around it stands first. Those come from the code under test, so two runs
 * agree on them (timestamps, times and hostnames are never used).
 */

/** Past this (all documents together) no report is read: the verdict falls back to the exit code rather than judge from part of a report. */
export const MAX_JUNIT_CHARS = 20 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  // Attributes apart from child elements: node writes a `failure` attribute beside its <failure>.
  attributeNamePrefix: "@",
  parseAttributeValue: false,
  parseTagValue: false,
  // The XML comes from the sandbox: DOCTYPE entities are expanded within small limits (more
  // than 20 declared fail the parse; one that refers to another is left as written, so a
  // "billion laughs" document expands nothing), external ones never, HTML's named ones not at all.
  processEntities: { enabled: true, maxEntitySize: 1_000, maxEntityCount: 20, maxTotalExpansions: 10_000, maxExpandedLength: 100_000 },
  htmlEntities: false,
  // Failure messages and captured output can be most of a report and are never needed here.
  stopNodes: ["*.failure", "*.error", "*.system-out", "*.system-err", "*.properties"],
  isArray: (name) => name === "testsuite" || name === "testcase",
});

type Node = Record<string, unknown>;
type Case = { id: string; status: TestStatus };

export function parseJUnitXml(documents: string[]): TestResults | undefined {
  if (documents.reduce((total, document) => total + document.length, 0) > MAX_JUNIT_CHARS) return undefined;
  const cases: Case[] = [];
  for (const document of documents) {
    const root = parseDocument(document);
    if (root === undefined) return undefined;
    collect(root, {}, cases);
  }
  return cases.length === 0 ? undefined : testResults("junit", cases);
}

/** The <testsuites> or <testsuite> element's content, or undefined when the document is not well-formed JUnit. */
function parseDocument(document: string): Node | undefined {
  try {
    if (XMLValidator.validate(document) !== true) return undefined;
    const parsed: unknown = parser.parse(document);
    if (!isNode(parsed)) return undefined;
    if (isNode(parsed.testsuites)) return parsed.testsuites;
    if (Array.isArray(parsed.testsuite)) return { testsuite: parsed.testsuite };
    return undefined;
  } catch {
    return undefined;
  }
}

/** What a <testsuite> passes down to the cases inside it. */
type Around = { suite?: string; file?: string };

function collect(element: Node, around: Around, cases: Case[]): void {
  for (const testcase of elements(element.testcase)) {
    const [file, classname, name] = [text(testcase["@file"]) ?? around.file, text(testcase["@classname"]), text(testcase["@name"])];
    // The suite's name stands in only when nothing else says where the test is.
    const where = file === undefined && classname === undefined ? around.suite : file;
    const parts = [where, classname, name].filter((part, index, all) => part !== undefined && all.indexOf(part) === index);
    if (name !== undefined) cases.push({ id: joinTestId(...parts), status: statusOf(testcase) });
  }
  for (const suite of elements(element.testsuite)) {
    // cargo2junit numbers its suites by test binary (`cargo test #1`): a new binary would renumber the rest.
    const name = text(suite["@name"])?.replace(/\s#\d+$/, "");
    collect(suite, { suite: name ?? around.suite, file: text(suite["@file"]) ?? around.file }, cases);
  }
}

function statusOf(testcase: Node): TestStatus {
  if ("failure" in testcase || "error" in testcase) return "failed";
  return "skipped" in testcase ? "skipped" : "passed";
}

/** Child elements; an empty element (`<testcase .../>` parses to "") has no attributes and no children. */
const elements = (value: unknown): Node[] => (Array.isArray(value) ? value.map((item) => (isNode(item) ? item : {})) : []);

/** An attribute's value with numeric character references decoded (the parser leaves them, as it only decodes them along with HTML's named entities). */
function text(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi, (reference, hex?: string, decimal?: string) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

import { marker } from "../../github/markers.ts";
import { renderAgentText } from "../../github/agent-text.ts";
import { inlineCode } from "../../github/markdown.ts";
import { count } from "./markdown.ts";
import { flagLines, runLines, testLines } from "./pr-body-evidence.ts";
import type { PartToPublish, PublishRequest } from "./publish-request.ts";

export type PrBodyInput = {
  request: PublishRequest;
  /** 1-based. */
  index: number;
  /** Pull request numbers by part (index 0 is part 1); undefined for a part not opened yet. */
  numbers: readonly (number | undefined)[];
};

/** The hidden lines that let Ferry recognise its pull request and the part it carries. */
export const partMarker = (taskId: number, index: number, total: number): string =>
  `${marker(taskId, "pr")}\n<!-- ferry:part=${index}/${total} -->`;

const ref = (number: number | undefined): string => (number === undefined ? "(not opened yet)" : `#${number}`);

function introLines({ request, index, numbers }: PrBodyInput): string[] {
  const total = request.parts.length;
  const issue = `#${request.issue.number}`;
  if (total === 1) return [`Ferry's change for ${issue}.`];
  const first = `**Part ${index} of ${total}** of Ferry's change for ${issue}, split so each part can be reviewed on its own.`;
  if (index === 1) return [`${first} Review this part first.`];
  return [`${first} It builds on part ${index - 1} (${ref(numbers[index - 2])}): review that first.`];
}

/** GitHub refuses bodies over 65,536 characters; a part of thousands of files lists the first ones. */
const MAX_FILE_ROWS = 100;

/** A pipe in a path would end the table cell, even inside a code span. */
const cell = (path: string): string => inlineCode(path).replaceAll("|", "\\|");

function fileLines(part: PartToPublish): string[] {
  const rows = part.files.slice(0, MAX_FILE_ROWS).map((file) => `| ${cell(file.path)} | ${count(file.lines)} |`);
  const more = part.files.length - MAX_FILE_ROWS;
  if (more > 0) rows.push(`| … and ${count(more)} more ${more === 1 ? "file" : "files"} | |`);
  return ["### In this part", "", "| File | Lines changed |", "| --- | ---: |", ...rows, `| **Total** | **${count(part.lines)}** |`];
}

function stackLines({ request, index, numbers }: PrBodyInput): string[] {
  const total = request.parts.length;
  if (total === 1) return [];
  const items = request.parts.map((_, at) => {
    const number = numbers[at];
    if (at + 1 !== index) return `${at + 1}. Part ${at + 1}: ${ref(number)}`;
    return `${at + 1}. Part ${at + 1}: ${number === undefined ? "" : `#${number} `}← this PR`;
  });
  return ["### The stack", "", "Merge in order; after each merge Ferry retargets the next part.", "", ...items];
}

/** A part's pull request body: what and why, the stack, the test evidence, flags, and the run. */
export function renderPrBody(input: PrBodyInput): string {
  const { request, index } = input;
  const part = request.parts[index - 1];
  if (!part) throw new Error(`renderPrBody: there is no part ${index}`);
  const total = request.parts.length;
  const closing = index === total ? [`Closes #${request.issue.number}`] : [];
  const sections = [
    [partMarker(request.taskId, index, total)],
    introLines(input),
    ["### What and why", "", renderAgentText(request.summary.trim())],
    fileLines(part),
    stackLines(input),
    testLines(part.check, index, total),
    flagLines(request, part),
    runLines(request),
    [`<sub>${request.requester === undefined ? "Picked up by a backlog sweep" : `Requested by @${request.requester}`} · Ferry task ${request.taskId}</sub>`],
    closing,
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join("\n"))
    .join("\n\n");
}

import type { rules } from "@secretlint/secretlint-rule-preset-recommend";

type RuleCreator = (typeof rules)[number];
export type RuleContext = Parameters<RuleCreator["create"]>[0];
export type RuleSource = Parameters<NonNullable<ReturnType<RuleCreator["create"]>["file"]>>[0];

/**
 * A blob's text as secretlint's rules read it. It never names a file on disk: the GCP rule
 * reads a `.p12` file by its path, and the path here is one the agent chose, so that extension
 * is withheld (a binary key is still caught by the private-key patterns of the text scan).
 */
export function ruleSource(path: string, content: string): RuleSource {
  const ext = extensionOf(path);
  // Positions are for rules that report by line; none of the preset's scanners ask, so they are worked out on demand.
  let starts: number[] | undefined;
  const lineStarts = () => (starts ??= [0, ...[...content.matchAll(/\n/g)].map((match) => match.index + 1)]);
  const indexToPosition = (index: number) => {
    const line = lineStarts().findLastIndex((start) => start <= index);
    return { line: line + 1, column: index - (lineStarts()[line] ?? 0) };
  };
  const positionToIndex = ({ line, column }: { line: number; column: number }) => (lineStarts()[line - 1] ?? content.length) + column;
  return {
    content,
    hasBOM: content.startsWith("\uFEFF"),
    filePath: path,
    physicalFilePath: undefined,
    contentType: "text",
    ext: ext === ".p12" ? "" : ext,
    getFilePath: () => path,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: ([start, end]) => ({ start: indexToPosition(start), end: indexToPosition(end) }),
    locationToRange: ({ start, end }) => [positionToIndex(start), positionToIndex(end)],
  };
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

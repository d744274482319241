/**
 * One line per comment at the end of the agent's finish summary: `#123: what changed`. Also
 * taken: a list bullet before it, `[#123]`, and a dash instead of the colon.
 */
const COMMENT_LINE = /^\s*(?:[-*+]\s+)?(?:\[#(\d+)\]|#(\d+)\b)\s*(?::|-|–|—)?\s*(\S.*)$/;

/** The agent's answer per comment id, for the ids asked about; several lines for one id are joined. */
export function parseCommentLines(summary: string, ids: Iterable<number>): Map<number, string> {
  const wanted = new Set(ids);
  const answers = new Map<number, string>();
  for (const line of summary.split(/\r?\n/)) {
    const match = COMMENT_LINE.exec(line);
    const id = Number(match?.[1] ?? match?.[2]);
    const text = match?.[3]?.trim();
    if (!text || !wanted.has(id)) continue;
    const before = answers.get(id);
    answers.set(id, before === undefined ? text : `${before} ${text}`);
  }
  return answers;
}

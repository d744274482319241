import { parseDocument } from "yaml";
import { errorMessage } from "../error-message.ts";

export type YamlResult = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Parses YAML into plain data. A syntax error becomes one problem with its line and
 * column; later errors are usually echoes of the first, so only the first is kept.
 */
export function readYaml(text: string): YamlResult {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "unknown position";
    const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, problem: `YAML syntax error at ${where}: ${reason}` };
  }
  try {
    return { ok: true, value: document.toJS() };
  } catch (cause) {
    // toJS throws on alias bombs and similar abuse, which yaml reports only at this point.
    return { ok: false, problem: `YAML error: ${errorMessage(cause)}` };
  }
}

import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

/** Scripted replies for the review follow-up scenario (review-follow-up.test.ts). */
const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/** `src/add.js` once both review comments are addressed: named parameters and a doc comment. */
export const REVIEWED_ADD = "/** Adds two numbers. */\nexport const add = (x, y) => x + y;\n";

/**
 * The follow-up run: reads the file the comments are on, changes it, runs the tests and finishes
 * with one `#<comment id>: …` line per comment, as the review instruction asks.
 */
export const answerReviewScript = (names: number, doc: number): OpenAiAnswer[] => [
  call("read_file", { path: "src/add.js" }),
  call("write_file", { path: "src/add.js", content: REVIEWED_ADD }),
  call("run_tests", {}),
  call("finish", {
    summary: ["Named the parameters and documented add().", `#${names}: renamed a and b to x and y.`, `#${doc}: added a one-line doc comment.`].join("\n"),
  }),
];

/*
 * TeX that GitHub's math renderer draws invisibly or out of sight: `\phantom{…}` takes space
 * and shows nothing, `\color{white}` is white on white (and any colour can match a theme),
 * `\hspace`, `\kern` and the `lap`s move text away, `\style`/`\class` restyle it, and macro
 * definitions can rename any of these.
 */
const HIDING_COMMAND =
  /\\(?:[hv]?phantom|color|textcolor|colorbox|fcolorbox|pagecolor|style|class|cssId|[hv]space\*?|[hm]?kern|[hm]?skip|[lrc]lap|math[lrc]lap|smash|raise|lower|raisebox|move(?:left|right)|mathchoice|unicode|require|def|[gex]def|let|newcommand|renewcommand|DeclareMathOperator)(?![A-Za-z])/;

/** Whether this formula can hide text from a reader; such a formula is not passed on. */
export function mathCanHide(tex: string): boolean {
  return HIDING_COMMAND.test(tex);
}

export const MATH_REMOVED = "[math removed: it can hide text]";

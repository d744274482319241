import { marker } from "../../../../src/github/markers.ts";
import { githubApi } from "../../../helpers/github-api.ts";
import { FERRY_BOT } from "../../../helpers/ferry-account.ts";

export const commentsPath = "/repos/octo/app/issues/3/comments";
const commentPath = "/repos/octo/app/issues/comments/11";

/**
 * Task 7's status comment on GitHub, expecting exactly `edits` edits: each one finds the
 * comment by its marker, then patches it. Returns the bodies written, in order.
 */
export function statusCommentExpectingEdits(edits: number): string[] {
  const bodies: string[] = [];
  const current = () => [{ id: 11, body: bodies.at(-1) ?? `${marker(7, "status")}\nqueued`, user: FERRY_BOT }];
  githubApi()
    .get(commentsPath)
    .query(true)
    .times(edits)
    .reply(200, current)
    .patch(commentPath, (body: { body: string }) => bodies.push(body.body) > 0)
    .times(edits)
    .reply(200, { id: 11 });
  return bodies;
}

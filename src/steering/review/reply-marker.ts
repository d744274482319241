/**
 * Marks Ferry's reply to one review comment for one follow-up (or for the task, when the follow-up
 * is not known), so a retried run finds it instead of replying again.
 */
export function replyMarker(taskId: number, followUpId: number | undefined, commentId: number): string {
  const followUp = followUpId === undefined ? "" : ` follow-up=${followUpId}`;
  return `<!-- ferry:task=${taskId} review-reply${followUp} comment=${commentId} -->`;
}

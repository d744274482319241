/** How the message that replaces compacted turns begins; a later compaction recognises its own earlier note by it. */
export const SUMMARY_PREFIX = "Summary of earlier work:";

/** The last user turn of a compaction request: the model writes the note that replaces the older turns. */
export const COMPACTION_REQUEST = `The conversation is getting long. The turns so far will be replaced by a note you write now; the most recent turns are kept as they are. Write the note for yourself, to continue the task from it without the turns it replaces.

Use exactly these markdown headings:

## Goal
The task in a sentence or two, with every instruction given since it started.

## Decisions
What you decided and why, including approaches you tried and dropped.

## Files touched
Each path you changed or depend on, with what you did or learned there.

## Test status
The last test run: the command, whether it passed, and the failing tests with their errors.

## Open items
What is left to do, in order, with the next step first.

Keep exact facts: paths, names, commands, error messages. Leave out file contents that can be read again. Do not call tools.`;

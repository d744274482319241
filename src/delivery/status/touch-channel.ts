import type { TaskChannel } from "../../tasks/task-channel.ts";

/**
 * Where a status refresh is asked for (a redirect arrived on a server): the worker running the
 * task hears it. A touch lost meanwhile only delays the refresh to the run's next progress.
 */
export const TOUCH_CHANNEL: TaskChannel = { name: "ferry_task_touched", what: "status refreshes" };

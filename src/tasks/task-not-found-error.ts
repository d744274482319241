export class TaskNotFoundError extends Error {
  readonly taskId: number;

  constructor(taskId: number) {
    super(`Task ${taskId} does not exist in the store.`);
    this.name = "TaskNotFoundError";
    this.taskId = taskId;
  }
}

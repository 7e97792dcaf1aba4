// What commands/ use of tasks.
export {Task} from '../domain/task.ts';
export {createTask} from './createTask.ts';
export {updateTask} from './updateTask.ts';
export {closeTask} from './closeTask.ts';
export {listTasks, showTask, TaskListView} from './listTasks.ts';
export {readyTasks, TaskReadyView} from './readyTasks.ts';
export {formatClosed, formatCreated, formatList, formatReady, formatTask, formatUpdated} from './formatTask.ts';
export {TaskIdView} from './createTask.ts';

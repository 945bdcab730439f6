// The schedule picture: when many tasks fire over a window, per slot and per resource group, peaks,
// and spreading a peak's start minutes. Pure: no vscode, no network.
export type { WeekdayNumbering } from './cron-source';
export { DEFAULT_DAYS, DEFAULT_SLOT_MINUTES, MAX_DAYS, makeWindow, parseFrom, slotMinutesProblem, startOfDay } from './window';
export { NO_GROUP, fromState, patchedTask, type ScheduleTask } from './tasks';
export { computePicture, tasksFiringIn, type SchedulePicture, type TaskFires } from './picture';
export { PEAK_MINUTES, type Peak } from './peaks';
export { buildHeatmap, type Heatmap } from './heatmap';
export { pictureJson } from './json';
export { iso } from './summary';
export { renderText } from './render-text';
export { renderHtml } from './render-html';
export { applyTextEdits, planSpread, type SpreadInput } from './spread';
export { withoutBaseline } from './baseline';
export { wallOf, hhmm, WEEKDAY_NAMES } from './wall';
export { SCHEDULE_FIELDS, patchSides, patchedOver, projectTasks } from './sources';

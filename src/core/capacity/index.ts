// The capacity picture: how many CUs each resource group needs, slot by slot, from the tasks' fire
// times and how long their past runs took. Pure: no vscode, no network.
export { durationsByTask, type TaskDuration } from './durations';
export { computeCapacity, firstOver, type CapacityPicture, type GroupCapacity, type GroupLoad } from './demand';
export { capacityJson } from './json';
export { cu, hourRows, renderCapacityText, renderComparison, type HourRow } from './render-text';
export { renderCapacityHtml } from './render-html';
export { SPEC_ASSUMPTION, specCapacity } from './spec';
export { planLoadSpread, type LoadKeptReason, type LoadSpreadPlan } from './spread-load';

// The capacity picture: how many CUs each resource group needs, slot by slot, from the tasks' fire
// times and how long their past runs took. Pure: no vscode, no network.
export { durationsByTask, type TaskDuration } from './durations';
export { computeCapacity, type CapacityPicture, type GroupCapacity } from './demand';
export { capacityJson } from './json';
export { renderCapacityText, renderComparison } from './render-text';
export { renderCapacityHtml } from './render-html';
export { SPEC_ASSUMPTION, specCapacity } from './spec';

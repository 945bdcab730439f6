// The schedule picture: when many tasks fire over a window, per slot and per resource group, peaks,
// and spreading a peak's start minutes. Pure: no vscode, no network.
export * from './cron-source';
export * from './window';
export * from './tasks';
export * from './picture';
export * from './peaks';
export * from './heatmap';
export * from './json';
export * from './summary';
export * from './render-text';
export * from './render-html';
export * from './spread';
export * from './baseline';
export { wallOf, hhmm, WEEKDAY_NAMES } from './wall';
export * from './sources';

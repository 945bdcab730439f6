// The capacity picture: how many CUs each resource group needs, slot by slot, from the tasks' fire
// times and how long their past runs took. Pure: no vscode, no network.
export * from './durations';
export * from './demand';
export * from './json';
export * from './render-text';
export * from './render-html';
export * from './spec';

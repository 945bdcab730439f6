// Applying a patch: plan, before-state, run with journal, revert. Pure core: the TaskService does the
// network, a JournalSink the writing (src/files/journal-file.ts for the file journal).
export * from './service';
export * from './plan';
export * from './fields';
export * from './outcome';
export * from './rate-limit';
export * from './before-state';
export * from './journal';
export * from './revert';
export * from './run';
export * from './execute';
export * from './make-plan';
export * from './projects';
export * from './gate';
export * from './pipeline';
export * from './preview-plan';
export * from './plan-file';
export * from './plan-markdown';

// Pulling tasks into a patch by query: which fields, the entries, their text, and what was pulled.
export { PULL_FIELDS, PULL_LEAVES, UnknownFieldError, resolveFields } from './fields';
export { buildPullEntry } from './entry';
export { entryComment, formatPulledPatch } from './text';
export { advancePulled, mergePulled, pulledExpectations, parsePulled, pulledAt, pulledTasks, serializePulled } from './pulled';

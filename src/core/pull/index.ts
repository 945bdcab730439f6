// Pulling tasks into a patch by query: which fields, the entries, their text, and what was pulled.
export * from './fields';
export * from './entry';
export * from './text';
export * from './pulled';

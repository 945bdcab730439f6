// Imported first by extension.ts, so this runs at the top of dist/extension.js: the start of
// ExtensionApi.activationMs (module start to the end of activate()).
export const MODULE_START = performance.now();

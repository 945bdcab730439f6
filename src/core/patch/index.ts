// The lossless patch model: parse a .dwtasks.json with exact ranges, write it back exactly.
export type { ParsedPatch, ParsedTask, TaskHeader } from './parse';
export { parsePatch, propertyValue, PARSE_OPTIONS } from './parse';
export { serializeTasksParam, formatPatchFile, toRequest } from './serialize';
export { stripBom, checkLimits, MAX_DEPTH, MAX_PATCH_BYTES, type LimitProblem } from './limits';
export { checkIdText, INT64_MAX, type IdProblem } from './ids';
export { EDITABLE_FIELDS, type EnvType, type TaskPatch } from './model';

// Applying a patch: plan, before-state, run with journal, revert. Pure core: the TaskService does the
// network, a JournalSink the writing (src/files/journal-file.ts for the file journal).
export { type ServiceErrorLike } from './service';
export { DEFAULT_BATCH_SIZE, DEFAULT_RPS, MAX_BATCH_SIZE, planApply, type ApplyPlan, type Drift } from './plan';
export { effectiveEnv, taskKey } from './fields';
export { type TaskOutcome } from './outcome';
export { TokenBucket } from './rate-limit';
export { summarizeJournal, type JournalSummary } from './journal';
export { formatRevert, revertFromJournal } from './revert';
export type { ApplyProgress, ApplyResult } from './run';
export { DEFAULT_MAX_IN_FLIGHT, type LocalFailure } from './execute';
export { UNCHANGED, formatDrift, heldForDrift, mergeExpected, type ExpectedValues } from './make-plan';
export { checkBeforeSend } from './gate';
export { applyPatch, gateAndPlan, planPatch, readCurrentValues, type ApplyOutcome, type DriftDecision, type OkVerdict, type PatchInput, type Refusal } from './pipeline';
export { buildPreview, renderPreview, type TaskPreview } from './preview-plan';
export { PLAN_STALE_MS, SAVED_PLAN_SOURCE, formatPlanFile, isPlanText, parsePlanFile, planExpectations, planHeld, targetMismatch, toPlanFile, type PlanFile } from './plan-file';
export { renderPlanMarkdown } from './plan-markdown';

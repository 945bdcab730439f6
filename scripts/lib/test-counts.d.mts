// Types of test-counts.mjs for the TypeScript tests.
export interface LayerCounts { passed: number; failed: number; notRun: number }
export function nodeTestCounts(out: string): LayerCounts | undefined;
export function integrationCounts(out: string): LayerCounts | undefined;

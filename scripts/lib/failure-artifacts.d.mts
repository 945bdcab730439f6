// Types of failure-artifacts.mjs for the TypeScript UI and host tests.
import type { Page } from 'playwright-core';

export const FAILURE_CAPTURE_MARKER: string;
export function artifactName(title: string): string;
export function saveFailureArtifacts(page: Page, dir: string, name: string): Promise<string[]>;

// Types of failure-artifacts.mjs for the TypeScript UI tests.
import type { Page } from 'playwright-core';

export function artifactName(title: string): string;
export function saveFailureArtifacts(page: Page, dir: string, name: string): Promise<string[]>;

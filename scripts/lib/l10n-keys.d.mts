// Types of scripts/lib/l10n-keys.mjs for the tests that import it in-process.
export interface KeyUse { english: string; comment: string | undefined; where: string[] }
export interface SourceFile { path: string; text: string }
export declare const ROOT: string;
export declare const ZH_BUNDLE: string;
export declare const EN_BUNDLE: string;
export declare function scanSources(files: SourceFile[]): { keys: Map<string, KeyUse>; problems: string[] };
export declare function l10nDevKeys(files: SourceFile[]): Promise<Map<string, KeyUse>>;
export declare function readSources(dir: string): SourceFile[];
export declare function usedKeys(): Promise<{ keys: Map<string, KeyUse>; problems: string[] }>;
export declare function bundleProblems(keys: Map<string, KeyUse>, bundle: Record<string, string>, otherArgs?: Set<string>): { missing: string[]; unused: string[]; wrongArgs: string[] };
export declare function englishBundle(keys: Map<string, KeyUse>): string;

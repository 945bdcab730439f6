// Types of scripts/schema-l10n.mjs for the tests that import it in-process.
export declare const SOURCE: string;
export declare const TARGET: string;
export declare const TABLE: string;
export declare function localizeSchema(schema: unknown, table: Record<string, string>): { schema: unknown; missing: string[]; unused: string[] };
/** The zh-cn schema's text as the script would write it, and the strings it cannot translate. */
export declare function generate(): { text: string; missing: string[]; unused: string[] };

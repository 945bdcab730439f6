// Types of scripts/schema-l10n.mjs for the tests that import it in-process.
export declare const SOURCE: string;
export declare const TARGET: string;
export declare const TABLE: string;
export declare function localizeSchema(schema: unknown, table: Record<string, string>): { schema: unknown; missing: string[]; strings: string[] };
/** The zh-cn schema's text as the script would write it, the English strings it translates, and those it cannot. */
export declare function generate(): { text: string; missing: string[]; strings: string[] };

// Text from the service or a file made safe to show on a terminal or in a log: every character that
// could move the cursor, clear the screen, set a title, open a hyperlink or reorder what is read
// (C0 and C1 controls, DEL, the bidi embeddings, overrides, isolates and marks) becomes a visible
// `\uXXXX` escape. Pure, so the CLI and the extension share it.

/** C0, DEL, C1, the bidi marks (LRM, RLM, ALM), embeddings and overrides, and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same but tab and newline, for text the CLI laid out itself. */
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ANY = new RegExp(UNSAFE.source);
const UNSAFE_ANY_KEEP_LINES = new RegExp(UNSAFE_KEEP_LINES.source);

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every unsafe character written as `\u001b` (etc.). With `keep: 'lines'` a newline and
 * a tab stay (for output the CLI formats itself: lines and tables); by default they are escaped too,
 * so one value stays one line.
 */
export function escapeControls(text: string, keep: 'lines' | 'none' = 'none'): string {
  // The common case, nothing to escape, costs one scan and no copy.
  if (keep === 'lines') return UNSAFE_ANY_KEEP_LINES.test(text) ? text.replace(UNSAFE_KEEP_LINES, visible) : text;
  return UNSAFE_ANY.test(text) ? text.replace(UNSAFE, visible) : text;
}

/**
 * One value for a table cell: escaped (newlines and tabs too) and cut to `max` characters with an
 * ellipsis, so one long name cannot widen every row. Never splits a surrogate pair.
 */
export function cellText(value: string, max: number): string {
  const safe = escapeControls(value);
  if (safe.length <= max) return safe;
  let end = Math.max(0, max - 1);
  const last = safe.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${safe.slice(0, end)}…`;
}

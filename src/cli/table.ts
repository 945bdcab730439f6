// Plain aligned text tables for command output (no colours: output is often piped). Cells are raw
// values (a name from the service, a message): each is escaped here and cut with an ellipsis, so no
// table can print a control character or let one long value widen every row (--json has them whole).
import { cellText } from '../core/text/safe-text';

/** Longest cell of a padded column, and of the last column (not padded, so it widens nothing). */
export const MAX_CELL = 60;
export const MAX_LAST_CELL = 400;

export function formatTable(header: string[], rows: string[][]): string {
  const last = header.length - 1;
  const cut = (cells: string[]) => cells.map((c, i) => cellText(c, i === last ? MAX_LAST_CELL : MAX_CELL));
  const safeRows = rows.map(cut);
  const widths = header.map((h, i) => Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === last ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...safeRows.map(line)].join('\n') + '\n';
}

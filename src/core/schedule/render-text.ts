// The terminal picture: a days x hours grid of exact counts, then the peaks, the groups and what
// fires 0 times or was skipped. Plain text (often piped to a CI log): no colours.
import { buildHeatmap } from './heatmap';
import type { SchedulePicture } from './picture';
import { describeWindow, zeroFireNotes } from './summary';
import { WEEKDAY_NAMES } from './wall';
import { escapeControls } from '../text/safe-text';

export function renderText(p: SchedulePicture): string {
  const map = buildHeatmap(p);
  const width = Math.max(2, String(map.max).length, ...map.columns.map((c) => c.length));
  const cell = (s: string) => s.padStart(width);
  const lines: string[] = [];
  const tasks = p.tasks.length + p.skipped.length;
  lines.push(`Schedule of ${tasks} task${tasks === 1 ? '' : 's'}: ${p.totalFires} fire${p.totalFires === 1 ? '' : 's'}, ${describeWindow(p)}`);
  lines.push('');
  const label = 'day        ';
  lines.push(`${label} ${map.columns.map(cell).join(' ')}  total`);
  for (const row of map.rows) {
    const head = `${WEEKDAY_NAMES[row.weekday]} ${row.date.slice(5)}  `.padEnd(label.length);
    const cells = row.cells.map((c) => cell(c === undefined ? '' : c.fires === 0 ? '.' : String(c.fires)));
    lines.push(`${head} ${cells.join(' ')}  ${row.fires}`);
  }
  lines.push('');
  if (p.peaks.length) {
    lines.push('Peaks (5-minute windows where the most tasks start):');
    for (const peak of p.peaks) lines.push(`  ${escapeControls(peak.label)}`);
  } else {
    lines.push('Peaks: none (no 5-minute window has two or more starts).');
  }
  if (p.groups.length) {
    lines.push('');
    lines.push('By resource group:');
    for (const g of p.groups) lines.push(`  ${escapeControls(g.id)}: ${g.fires} fire${g.fires === 1 ? '' : 's'} of ${g.tasks} task${g.tasks === 1 ? '' : 's'}`);
  }
  const notes = zeroFireNotes(p);
  if (notes.length) lines.push('', ...notes);
  if (p.skipped.length) {
    lines.push('', `Skipped (${p.skipped.length}, not counted):`);
    for (const s of p.skipped) lines.push(`  ${s.task.id}${s.task.env === 'Dev' ? ' (Dev)' : ''}: ${escapeControls(s.reason)}`);
  }
  return lines.join('\n') + '\n';
}

// One self-contained HTML page of the picture for a CI artifact or a pull-request review: inline
// SVG heatmap (exact count in each cell, per-group breakdown as the cell's tooltip), peaks, groups,
// notes. No script, no network, no external font.
import { buildHeatmap, type HeatCell } from './heatmap';
import { esc, pageHead } from './html-page';
import type { SchedulePicture } from './picture';
import { describeWindow, zeroFireNotes } from './summary';
import { WEEKDAY_NAMES, hhmm } from './wall';
import { plural } from '../text/plural';

const CELL_W = 34;
const CELL_H = 24;
const LEFT = 124;
const TOP = 22;

/** The days x hours heatmap as inline SVG, coloured over its own range. */
function heatmapSvg(p: SchedulePicture, label: string): string {
  const map = buildHeatmap(p);
  const width = LEFT + map.columns.length * CELL_W + 60;
  const height = TOP + map.rows.length * CELL_H + 4;
  const svg: string[] = [];
  svg.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`${label}: fires per ${map.cellMinutes} minutes, by day`)}">`);
  map.columns.forEach((c, i) => svg.push(`<text class="col" x="${LEFT + i * CELL_W + CELL_W / 2}" y="${TOP - 8}">${esc(c)}</text>`));
  svg.push(`<text class="col" x="${LEFT + map.columns.length * CELL_W + 30}" y="${TOP - 8}">total</text>`);
  map.rows.forEach((row, r) => {
    const y = TOP + r * CELL_H;
    svg.push(`<text class="row" x="${LEFT - 8}" y="${y + CELL_H / 2 + 4}">${esc(`${WEEKDAY_NAMES[row.weekday]} ${row.date}`)}</text>`);
    row.cells.forEach((cell, c) => {
      const x = LEFT + c * CELL_W;
      if (!cell) { svg.push(`<rect class="none" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}"/>`); return; }
      const fill = colour(cell.fires, map.min, map.max);
      svg.push(`<g><title>${esc(cellTitle(row.date, cell, map.cellMinutes))}</title><rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="3" fill="${fill}"/>`);
      if (cell.fires) svg.push(`<text class="n${shareOf(cell.fires, map.min, map.max) > 0.5 ? ' hi' : ''}" x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}">${cell.fires}</text>`);
      svg.push('</g>');
    });
    svg.push(`<text class="tot" x="${LEFT + map.columns.length * CELL_W + 30}" y="${y + CELL_H / 2 + 4}">${row.fires}</text>`);
  });
  svg.push('</svg>');
  return svg.join('');
}

/**
 * With `calm` (the picture without its baseline), a checkbox switches between the two heatmaps (CSS
 * only: the page has no script), so the nightly batch stands out from tasks firing every few minutes.
 */
export function renderHtml(p: SchedulePicture, title = 'Schedule picture', calm?: SchedulePicture): string {
  const svg = calm
    ? [`<p><input type="checkbox" id="hide"><label for="hide"> Hide the baseline (${plural(p.tasks.length - calm.tasks.length, 'task')} firing more often than hourly) so the batch peaks stand out</label></p>`,
      `<div class="withbase">${heatmapSvg(p, 'All tasks')}</div><div class="nobase">${heatmapSvg(calm, 'Without the baseline')}</div>`]
    : [heatmapSvg(p, 'All tasks')];
  const peaks = p.peaks.length
    ? `<ol>${p.peaks.map((x) => `<li>${esc(x.label)}</li>`).join('')}</ol>`
    : '<p>None: no 5-minute window has two or more starts.</p>';
  const groups = p.groups.map((g) => `<tr><td>${esc(g.id)}</td><td class="num">${g.tasks}</td><td class="num">${g.fires}</td></tr>`).join('');
  const notes = zeroFireNotes(p).map((n) => `<li>${esc(n)}</li>`).join('');
  const skipped = p.skipped.map((s) => `<li><code>${esc(s.task.id)}</code>${s.task.env === 'Dev' ? ' (Dev)' : ''}: ${esc(s.reason)}</li>`).join('');
  return `${pageHead(title, `h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px}.sub{color:#59636e;margin:0 0 16px}
svg text{font:11px system-ui,sans-serif;fill:#1f2328}svg .col{text-anchor:middle;fill:#59636e}svg .row{text-anchor:end}
svg .n{text-anchor:middle}svg .hi{fill:#fff;font-weight:600}svg .tot{text-anchor:middle;font-weight:600}
svg .none{fill:none;stroke:#d0d7de;stroke-dasharray:2 2}
.nobase{display:none}body:has(#hide:checked) .nobase{display:block}body:has(#hide:checked) .withbase{display:none}
table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #d0d7de;text-align:left}.num{text-align:right}
@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}.sub{color:#9198a1}svg text{fill:#e6edf3}svg .col{fill:#9198a1}td,th{border-color:#30363d}}
`)}<p class="sub">${esc(`${p.tasks.length + p.skipped.length} tasks, ${p.totalFires} fires, ${describeWindow(p)}`)}</p>
${svg.join('')}
<h2>Peaks</h2>${peaks}
<h2>By resource group</h2>${groups ? `<table><tr><th>Resource group</th><th>Tasks</th><th>Fires</th></tr>${groups}</table>` : '<p>No task fires in the window.</p>'}
${notes ? `<h2>Not firing</h2><ul>${notes}</ul>` : ''}
${skipped ? `<h2>Skipped (not counted)</h2><ul>${skipped}</ul>` : ''}
</body></html>
`;
}

function cellTitle(date: string, cell: HeatCell, cellMinutes: number): string {
  const startMin = cell.col * cellMinutes;
  const head = `${date} ${hhmm(startMin)}-${hhmm(startMin + cellMinutes)}: ${cell.fires} fire${cell.fires === 1 ? '' : 's'}`;
  return [head, ...cell.groups.map((g) => `  ${g.id}: ${g.fires}`)].join('\n');
}

/**
 * A single-hue scale (light to dark blue), readable on both page themes, over the window's own range
 * (smallest non-zero cell to largest): 51 to 65 starts an hour must not all look alike.
 */
export function colour(n: number, min: number, max: number): string {
  if (n === 0 || max === 0) return '#eef1f5';
  const light = Math.round(86 - shareOf(n, min, max) * 54); // linear, as in the editor
  return `hsl(214, 80%, ${light}%)`;
}

/** Where n lies in [min, max], 0..1 (1 when the range is one value). */
export function shareOf(n: number, min: number, max: number): number {
  return max > min ? (n - min) / (max - min) : 1;
}

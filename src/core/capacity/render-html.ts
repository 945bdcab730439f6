// One self-contained HTML page of the capacity picture (CI artifact, review): per resource group a
// chart of the CUs in use slot by slot, before and after a patch, with the capacity line and the
// slots above it marked; a day x hour grid coloured over the window's own range; a table of each
// day's peak for screen readers. The baseline (tasks firing more often than hourly) can be hidden
// with a checkbox (CSS only: the page has no script), so the nightly batch stands out.
import { esc, pageHead } from '../schedule/html-page';
import { iso } from '../schedule/summary';
import { hhmm, pad2, wallOf, WEEKDAY_NAMES } from '../schedule/wall';
import { firstOver, type CapacityPicture, type GroupLoad } from './demand';
import { apart, capacityHeader, cu, groupSummary } from './render-text';

export interface CapacitySide {
  /** "Before" / "After", or empty for a single picture. */
  label: string;
  picture: CapacityPicture;
}

const W = 960;
const H = 150;
const PAD = 36;

export function renderCapacityHtml(sides: readonly CapacitySide[], title: string, zoneLine: string): string {
  const first = sides[0].picture;
  const ids = [...new Set(sides.flatMap((s) => s.picture.groups.map((g) => g.id)))];
  const sections = ids.map((id) => groupSection(id, sides)).join('\n');
  const notes = sides.map((s) => {
    const lines = apart(s.picture);
    return lines.length ? `<h2>${esc(s.label ? `${s.label}: not counted` : 'Not counted')}</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
  }).join('');
  return `${pageHead(title, `h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 4px}h3{font-size:14px;margin:10px 0 2px}.sub{color:#59636e;margin:0 0 6px}
svg text{font:11px system-ui,sans-serif;fill:#59636e}svg .axis{stroke:#d0d7de}svg .cap{stroke:#cf222e;stroke-dasharray:5 3}
svg .before{fill:none;stroke:#8c959f;stroke-width:1.2}svg .after{fill:none;stroke:#0969da;stroke-width:1.5}svg .over{fill:#cf222e}
.grid td{width:26px;height:18px;padding:0;text-align:center;font-size:10px;border:1px solid transparent}.grid td.o{outline:2px solid #cf222e;outline-offset:-2px}
.grid th{font-weight:400;color:#59636e;font-size:11px;padding:0 4px}
table.peaks{border-collapse:collapse}table.peaks td,table.peaks th{padding:2px 10px;border-bottom:1px solid #d0d7de;text-align:left}
.key span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
.nobase{display:none}#hide:checked ~ main .nobase{display:block}#hide:checked ~ main .withbase{display:none}
#hide:focus-visible{outline:2px solid #0969da}
@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}.sub,svg text,.grid th{color:#9198a1;fill:#9198a1}svg .axis{stroke:#30363d}table.peaks td,table.peaks th{border-color:#30363d}}
`)}${capacityHeader(first, zoneLine).map((l) => `<p class="sub">${esc(l)}</p>`).join('')}
<input type="checkbox" id="hide"><label for="hide"> Hide the baseline (tasks firing more often than hourly) so the batch peaks stand out</label>
<main>
${sections || '<p>No load: no task with a CU and a known duration fires in the window.</p>'}
</main>
${notes}
</body></html>
`;
}

function groupSection(id: string, sides: readonly CapacitySide[]): string {
  const present = sides.map((s) => ({ side: s, g: s.picture.groups.find((x) => x.id === id) }));
  const summaries = present.map(({ side, g }) => `<p class="sub">${esc(`${side.label ? `${side.label}: ` : ''}${g ? groupSummary(g, side.picture) : 'no task on this group'}`)}</p>`).join('');
  const key = sides.length > 1
    ? `<p class="key"><span><i class="sw" style="background:#8c959f"></i>${esc(sides[0].label)}</span><span><i class="sw" style="background:#0969da"></i>${esc(sides[1].label)}</span><span><i class="sw" style="background:#cf222e"></i>capacity</span></p>`
    : '';
  const last = present[present.length - 1];
  const views = [false, true].map((hideBase) => `<div class="${hideBase ? 'nobase' : 'withbase'}">${chart(id, present, hideBase)}${last.g ? grid(last.g, last.side.picture, hideBase, last.side.label) : ''}</div>`).join('');
  return `<section aria-labelledby="g-${esc(slug(id))}"><h2 id="g-${esc(slug(id))}">${esc(id)}</h2>${summaries}${key}${views}${peaksTable(present)}</section>`;
}

function load(g: GroupLoad, i: number, hideBase: boolean): number {
  return hideBase ? Math.max(0, g.slots[i] - g.baseline[i]) : g.slots[i];
}

/** Lines of CUs per slot (grey before, blue after), the capacity dashed, red ticks where the last side is above it. */
function chart(id: string, present: { side: CapacitySide; g: GroupLoad | undefined }[], hideBase: boolean): string {
  const p = present[present.length - 1].side.picture;
  const n = Math.ceil((p.to - p.from) / (p.slotMinutes * 60));
  const cap = present.map((x) => x.g?.capacity?.cu).find((c) => c !== undefined);
  let max = cap ?? 0;
  for (const { g } of present) if (g) for (let i = 0; i < n; i++) max = Math.max(max, load(g, i, hideBase));
  max = (max || 1) * 1.1; // headroom for the capacity label
  const x = (i: number): number => PAD + (i / n) * (W - PAD - 8);
  const y = (v: number): number => 8 + (1 - v / max) * (H - 28);
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${PAD}" y1="${y(0)}" x2="${W - 8}" y2="${y(0)}"/><text x="${PAD - 4}" y="${y(max) + 10}" text-anchor="end">${cu(max)}</text><text x="${PAD - 4}" y="${y(0) + 4}" text-anchor="end">0</text>`);
  for (let i = 0; i < n; i++) {
    const w = wallOf((p.from + i * p.slotMinutes * 60) * 1000, p.zone);
    if (w.minute < p.slotMinutes && (i > 0 || w.minute === 0)) {
      parts.push(`<line class="axis" x1="${x(i)}" y1="8" x2="${x(i)}" y2="${y(0)}"/><text x="${x(i) + 3}" y="${H - 6}">${esc(`${WEEKDAY_NAMES[w.weekday]} ${w.date.slice(5)}`)}</text>`);
    }
  }
  if (cap !== undefined) parts.push(`<line class="cap" x1="${PAD}" y1="${y(cap)}" x2="${W - 8}" y2="${y(cap)}"/><text x="${W - 10}" y="${y(cap) - 3}" text-anchor="end">capacity ${cu(cap)} CU</text>`);
  present.forEach(({ g }, k) => {
    if (!g) return;
    const pts: string[] = [];
    for (let i = 0; i < n; i++) pts.push(`${x(i).toFixed(1)},${y(load(g, i, hideBase)).toFixed(1)}`, `${x(i + 1).toFixed(1)},${y(load(g, i, hideBase)).toFixed(1)}`);
    parts.push(`<polyline class="${present.length > 1 && k === 0 ? 'before' : 'after'}" points="${pts.join(' ')}"/>`);
  });
  const lastG = present[present.length - 1].g;
  if (lastG && cap !== undefined) for (const i of lastG.over) parts.push(`<rect class="over" x="${x(i).toFixed(1)}" y="${y(0) + 1}" width="${Math.max(1, x(i + 1) - x(i)).toFixed(1)}" height="4"/>`);
  const label = present.map(({ side, g }) => `${side.label ? `${side.label}: ` : ''}${g ? groupSummary(g, side.picture) : 'no load'}`).join('. ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`CUs in use on ${id}${hideBase ? ' without the baseline' : ''}, slot by slot. ${label}`)}">${parts.join('')}</svg>`;
}

/** Day x hour cells of the busiest slot's CUs, coloured from the window's smallest non-zero cell to its largest. */
function grid(g: GroupLoad, p: CapacityPicture, hideBase: boolean, label: string): string {
  const slotMs = p.slotMinutes * 60_000;
  const rows = new Map<string, { head: string; cells: number[]; over: boolean[] }>();
  for (let i = 0; i < g.slots.length; i++) {
    const w = wallOf(p.from * 1000 + i * slotMs, p.zone);
    let row = rows.get(w.date);
    if (!row) { row = { head: `${WEEKDAY_NAMES[w.weekday]} ${w.date.slice(5)}`, cells: [], over: [] }; rows.set(w.date, row); }
    const h = Math.floor(w.minute / 60);
    row.cells[h] = Math.max(row.cells[h] ?? 0, load(g, i, hideBase));
    if (g.capacity && g.slots[i] > g.capacity.cu) row.over[h] = true;
  }
  const values = [...rows.values()].flatMap((r) => r.cells.filter((v) => v > 0));
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 0;
  const head = `<tr><th scope="col">day</th>${Array.from({ length: 24 }, (_, h) => `<th scope="col">${hhmm(h * 60).slice(0, 2)}</th>`).join('')}</tr>`;
  const body = [...rows.values()].map((r) => `<tr><th scope="row">${esc(r.head)}</th>${Array.from({ length: 24 }, (_, h) => {
    const v = r.cells[h];
    if (v === undefined) return '<td></td>';
    const f = hi > lo ? (v - lo) / (hi - lo) : v > 0 ? 0.5 : 0;
    const bg = v > 0 ? `hsl(214,80%,${Math.round(90 - f * 58)}%)` : 'transparent';
    const fg = f > 0.55 ? '#fff' : '#1f2328';
    return `<td${r.over[h] ? ' class="o"' : ''} style="background:${bg};color:${fg}" title="${esc(`${r.head} ${pad2(h)}:00: busiest slot ${cu(v)} CU${r.over[h] ? ', above capacity' : ''}`)}">${v > 0 ? esc(cu(v)) : ''}</td>`;
  }).join('')}</tr>`).join('');
  return `<h3>${esc(`${label ? `${label}, ` : ''}busiest slot of each hour (CU; colours from ${cu(lo)} to ${cu(hi)}, red outline above capacity)`)}</h3><table class="grid">${head}${body}</table>`;
}

/** Each day's peak per side: the numbers the chart draws, for screen readers and copying. */
function peaksTable(present: { side: CapacitySide; g: GroupLoad | undefined }[]): string {
  const rows: string[] = [];
  for (const { side, g } of present) {
    if (!g) continue;
    const p = side.picture;
    const byDay = new Map<string, { v: number; at: number }>();
    for (let i = 0; i < g.slots.length; i++) {
      const at = p.from + i * p.slotMinutes * 60;
      const d = wallOf(at * 1000, p.zone).date;
      const cur = byDay.get(d);
      if (!cur || g.slots[i] > cur.v) byDay.set(d, { v: g.slots[i], at });
    }
    const over = firstOver(g, p);
    for (const [d, { v, at }] of byDay) rows.push(`<tr><td>${esc(side.label)}</td><td>${esc(d)}</td><td>${esc(cu(v))}</td><td>${v ? esc(iso(at, p.zone)) : ''}</td><td>${over !== undefined && wallOf(over * 1000, p.zone).date === d ? esc(iso(over, p.zone)) : ''}</td></tr>`);
  }
  return `<details><summary>Peak of each day (table)</summary><table class="peaks"><tr><th>Side</th><th>Day</th><th>Peak CU</th><th>At</th><th>First above capacity</th></tr>${rows.join('')}</table></details>`;
}

function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

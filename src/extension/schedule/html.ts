// The Show Schedule webview: strict CSP (nothing but our nonce'd style and script, no network),
// theme colours only (var(--vscode-...)), grids as ARIA grids with a roving tab stop and arrow keys.
// The model arrives embedded as JSON; clicks and Enter go back to the extension as messages.
import type { LoadModel } from './load-model';
import type { ScheduleModel } from './model';

/** The model, and the Load (CU) view when it is already computed (after a spread) with the tab to open on. */
export function scheduleHtml(model: ScheduleModel & { load?: LoadModel; tab?: 'load' }, nonce: string, cspSource: string): string {
  const json = JSON.stringify(model).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${model.strings.lang ?? 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style nonce="${nonce}">${CSS}</style>
</head><body>
<h1 id="title"></h1><p class="sub" id="window"></p>
<div role="tablist" id="tabs" class="tabs"></div>
<div id="sides" class="sides" role="tabpanel" aria-labelledby="tab-starts"></div>
<div id="load" role="tabpanel" aria-labelledby="tab-load" hidden></div>
<script nonce="${nonce}" id="model" type="application/json">${json}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:12px 16px}
h1{font-size:1.3em;margin:0 0 2px;font-weight:600}h2{font-size:1.1em;margin:0 0 2px;font-weight:600}h3{font-size:1em;margin:12px 0 4px;font-weight:600}
.sub{color:var(--vscode-descriptionForeground);margin:0 0 10px}
.sides{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.side{flex:0 1 620px;min-width:0}
table.grid{border-collapse:separate;border-spacing:1px;font-size:10px}
table.grid th{font-weight:normal;color:var(--vscode-descriptionForeground);padding:0 2px;text-align:center}
table.grid th.row{text-align:right;padding-right:4px;white-space:nowrap}
td.cell{width:18px;min-width:18px;height:18px;padding:0;text-align:center;border-radius:3px;cursor:pointer;border:1px solid var(--vscode-editorWidget-border,transparent);color:var(--vscode-foreground);font-variant-numeric:tabular-nums}
td.cell.hot{color:var(--vscode-editor-background);font-weight:600}
td.cell:focus{outline:2px solid var(--vscode-focusBorder);outline-offset:1px}
td.cell.none{border-style:dashed;opacity:.4;cursor:default}
td.cell.sel{outline:2px solid var(--vscode-list-activeSelectionForeground,var(--vscode-focusBorder))}
td.tot{color:var(--vscode-descriptionForeground);padding-left:6px;font-variant-numeric:tabular-nums}
.panel{max-width:620px}
.grid-wrap{overflow-x:auto}
.detail{min-height:3.6em;border-left:3px solid var(--vscode-charts-blue);padding:4px 8px;margin:8px 0;background:var(--vscode-editorWidget-background)}
.detail ul,.peaks ol{margin:2px 0;padding-left:18px}
.peaks li{margin:3px 0}
button{font-family:inherit;font-size:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:none;padding:2px 8px;border-radius:2px;cursor:pointer;margin-left:4px}
button:hover{background:var(--vscode-button-hoverBackground)}
button:focus{outline:1px solid var(--vscode-focusBorder);outline-offset:2px}
button.link{display:inline;background:none;color:var(--vscode-textLink-foreground);padding:0;margin:0;text-align:left}
.notes{color:var(--vscode-descriptionForeground);font-size:.95em}
.tasks ul{list-style:none;padding-left:0}.tasks li{margin:3px 0}
[hidden]{display:none!important}
.tabs{display:flex;gap:2px;margin:0 0 10px;border-bottom:1px solid var(--vscode-panel-border,var(--vscode-editorWidget-border,transparent))}
.tabs button{margin:0;background:none;color:var(--vscode-foreground);border-bottom:2px solid transparent;border-radius:0;padding:4px 10px}
.tabs button[aria-selected=true]{border-bottom-color:var(--vscode-focusBorder);font-weight:600}
.group{margin:0 0 18px}.group-sides{display:flex;flex-wrap:wrap;gap:24px}.group-side{flex:0 1 620px;min-width:0}.spacer{visibility:hidden}
td.cell.over{outline:2px solid var(--vscode-charts-red);outline-offset:-2px}
td.cell.over:focus{outline:2px solid var(--vscode-focusBorder)}
`;

// Plain ES2020 run in the webview. Builds the grids from the model; no framework, no network.
const SCRIPT = `
(function(){
const vscode = acquireVsCodeApi();
const model = JSON.parse(document.getElementById('model').textContent);
const S = model.strings;
const el = (tag, attrs, ...kids) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs || {})) { if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v); } for (const c of kids) if (c) e.append(c); return e; };
document.getElementById('title').textContent = model.title;
document.getElementById('window').textContent = model.window;
const sides = document.getElementById('sides');
const pad = (n) => String(n).padStart(2, '0');
const span = (map, col) => { const a = col * map.cellMinutes, b = a + map.cellMinutes; return pad(Math.floor(a / 60)) + ':' + pad(a % 60) + '-' + pad(Math.floor(b / 60) % 24 === 0 && b === 1440 ? 24 : Math.floor(b / 60)) + ':' + pad(b % 60); };
// Arrow keys move the roving tab stop within a grid of cells.
function roving(e, cells, r, c) {
  const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  const m = moves[e.key]; if (!m) return false;
  e.preventDefault();
  const nr = Math.max(0, Math.min(cells.length - 1, r + m[0])), nc = Math.max(0, Math.min(cells[nr].length - 1, c + m[1]));
  const next = cells[nr][nc]; cells[r][c].tabIndex = -1; next.tabIndex = 0; next.focus();
  return true;
}
function share(n) { return model.max > model.min ? (n - model.min) / (model.max - model.min) : 1; }
function shade(n) { if (!n) return ''; const f = share(n); return 'color-mix(in srgb, var(--vscode-charts-blue) ' + Math.round(15 + f * 85) + '%, transparent)'; }
model.sides.forEach((side, si) => {
  const map = side.heatmap;
  const detail = el('div', { class: 'detail', 'aria-live': 'polite', id: 'detail-' + si, text: S.cellHelp });
  const list = el('div', { class: 'tasks', id: 'tasks-' + si });
  const table = el('table', { class: 'grid', role: 'grid', 'aria-label': side.title, id: 'grid-' + si });
  const head = el('tr', { role: 'row' }, el('th', { class: 'row' }));
  map.columns.forEach((c) => head.append(el('th', { role: 'columnheader', text: c })));
  head.append(el('th', { text: S.total }));
  table.append(head);
  const cells = [];
  map.rows.forEach((row, r) => {
    const tr = el('tr', { role: 'row' }, el('th', { class: 'row', role: 'rowheader', text: side.rowLabels[r] }));
    cells[r] = [];
    row.cells.forEach((cell, c) => {
      const label = side.rowLabels[r] + ' ' + span(map, c) + ': ' + (cell ? cell.fires + ' ' + S.fires : S.outside);
      const td = el('td', { class: 'cell' + (cell ? '' : ' none') + (cell && cell.fires && share(cell.fires) > 0.5 ? ' hot' : ''), role: 'gridcell', tabindex: '-1', 'aria-label': label, 'data-side': si, 'data-row': r, 'data-col': c, text: cell && cell.fires ? String(cell.fires) : '' });
      if (cell && cell.fires) td.style.background = shade(cell.fires);
      const show = () => { detail.replaceChildren(el('div', { text: label })); if (cell && cell.groups.length) detail.append(el('ul', {}, ...cell.groups.map((g) => el('li', { text: g.id + ': ' + g.fires })))); };
      td.addEventListener('mouseenter', show);
      td.addEventListener('focus', show);
      const open = () => { if (!cell) return; table.querySelectorAll('td.sel').forEach((x) => x.classList.remove('sel')); td.classList.add('sel'); vscode.postMessage({ type: 'cell', side: si, row: r, col: c }); };
      td.addEventListener('click', () => { td.focus(); open(); });
      td.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); return; }
        roving(e, cells, r, c);
      });
      cells[r][c] = td;
      tr.append(td);
    });
    tr.append(el('td', { class: 'tot', text: String(row.fires) }));
    table.append(tr);
  });
  const first = cells[0] && (cells[0].find((x) => !x.classList.contains('none')) || cells[0][0]); if (first) first.tabIndex = 0;
  const peaks = el('div', { class: 'peaks' }, el('h3', { text: S.peaks }));
  if (side.peaks.length) peaks.append(el('ol', {}, ...side.peaks.map((p, pi) => el('li', {}, el('span', { text: p.label }), side.canSpread ? el('button', { 'data-peak': pi, 'aria-label': S.spread + ' ' + p.label, onclick: () => vscode.postMessage({ type: 'spread', side: si, peak: pi }), text: S.spread }) : null))));
  else peaks.append(el('p', { text: S.noPeaks }));
  const notes = el('div', { class: 'notes' }, ...side.notes.map((n) => el('p', { text: n })));
  const panel = el('div', { class: 'panel' }, peaks, detail, list, notes);
  sides.append(el('section', { class: 'side', 'aria-label': side.title, id: 'side-' + si }, el('h2', { text: side.title }), el('p', { class: 'sub', text: side.subtitle }), el('div', { class: 'grid-wrap' }, table), panel));
});
// Starts | Load (CU): tabs activated by click, Enter or Space (the Load tab reads history, so focus alone never does).
const loadPanel = document.getElementById('load');
const tabs = document.getElementById('tabs');
const tabStarts = el('button', { role: 'tab', id: 'tab-starts', 'aria-controls': 'sides', 'aria-selected': 'true', text: S.starts });
const tabLoad = el('button', { role: 'tab', id: 'tab-load', 'aria-controls': 'load', 'aria-selected': 'false', tabindex: '-1', text: S.load });
let loaded = false, asked = false;
function select(load) {
  tabStarts.setAttribute('aria-selected', String(!load)); tabLoad.setAttribute('aria-selected', String(load));
  tabStarts.tabIndex = load ? -1 : 0; tabLoad.tabIndex = load ? 0 : -1;
  sides.hidden = load; loadPanel.hidden = !load;
}
tabStarts.addEventListener('click', () => select(false));
tabLoad.addEventListener('click', () => {
  select(true);
  if (loaded || asked) return;
  asked = true;
  loadPanel.replaceChildren(el('p', { class: 'notes', 'aria-live': 'polite', text: S.loadAsking }));
  vscode.postMessage({ type: 'load' });
});
[tabStarts, tabLoad].forEach((t, i, all) => t.addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  e.preventDefault(); const o = all[1 - i]; t.tabIndex = -1; o.tabIndex = 0; o.focus();
}));
tabs.append(tabStarts, tabLoad);
function loadShade(v) { return v > 0 ? 'color-mix(in srgb, var(--vscode-charts-orange) ' + Math.round(10 + (model.loadMax ? v / model.loadMax : 1) * 50) + '%, transparent)' : ''; }
function showLoad(load) {
  model.loadMax = load.max;
  const detail = el('div', { class: 'detail', 'aria-live': 'polite', text: S.loadHelp });
  const body = [detail];
  if (!load.groups.length) body.push(el('p', { text: S.noLoad }));
  load.groups.forEach((g, gi) => {
    const section = el('section', { class: 'group', 'aria-labelledby': 'group-' + gi, 'data-group': g.id }, el('h2', { id: 'group-' + gi, text: g.id + (g.capacityCu === null ? '' : ' · ' + S.capacity + ' ' + g.capacityCu + ' CU') }));
    const row = el('div', { class: 'group-sides' });
    g.sides.forEach((side, si) => {
      const title = (side.title ? side.title + ' · ' : '') + g.id;
      const box = el('div', { class: 'group-side' }, el('h3', { text: side.title }), el('p', { class: 'sub', text: side.summary }));
      // The patched side's peak can be spread: one button per group, named for screen readers.
      // The other side keeps the button's room (hidden: not seen, focused or read) so the two grids stay level.
      if (g.spread && si === g.sides.length - 1) box.append(el('p', {}, el('button', { class: 'spread-load', 'data-group': g.id, 'aria-label': g.spread, onclick: () => vscode.postMessage({ type: 'spreadLoad', group: g.id }), text: S.spreadLoad })));
      else if (g.spread) box.append(el('p', { class: 'spacer', 'aria-hidden': 'true' }, el('button', { tabindex: '-1', text: S.spreadLoad })));
      if (side.rows.length) {
        const table = el('table', { class: 'grid', role: 'grid', 'aria-label': title });
        const head = el('tr', { role: 'row' }, el('th', { class: 'row' }));
        for (let h = 0; h < 24; h++) head.append(el('th', { role: 'columnheader', text: String(h).padStart(2, '0') }));
        table.append(head);
        const cells = [];
        side.rows.forEach((r, ri) => {
          const tr = el('tr', { role: 'row' }, el('th', { class: 'row', role: 'rowheader', text: r.label }));
          cells[ri] = [];
          r.cells.forEach((cell, ci) => {
            const v = cell.cu;
            // Text in the foreground colour (the shade stays below it); under 0.05 CU the shade alone shows it.
            const td = el('td', { class: 'cell' + (v === null ? ' none' : '') + (cell.over ? ' over' : ''), role: 'gridcell', tabindex: '-1', 'aria-label': cell.label, text: v && v >= 0.05 ? (v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10)) : '' });
            if (v) td.style.background = loadShade(v);
            const show = () => detail.replaceChildren(el('div', { text: cell.label }));
            td.addEventListener('mouseenter', show); td.addEventListener('focus', show);
            td.addEventListener('keydown', (e) => roving(e, cells, ri, ci));
            cells[ri][ci] = td; tr.append(td);
          });
          table.append(tr);
        });
        cells[0][0].tabIndex = 0;
        box.append(el('div', { class: 'grid-wrap' }, table));
      }
      row.append(box);
    });
    section.append(row);
    body.push(section);
  });
  body.push(el('div', { class: 'notes' }, ...load.notes.map((n) => el('p', { text: n }))));
  loadPanel.replaceChildren(...body);
  loaded = true;
  vscode.postMessage({ type: 'loadShown' });
}
window.addEventListener('message', (ev) => {
  const m = ev.data;
  if (m && m.type === 'load') { showLoad(m.load); return; }
  if (m && m.type === 'loadDone') { asked = false; loadPanel.replaceChildren(el('p', { text: S.loadNotRead })); return; }
  if (!m || m.type !== 'cellTasks') return;
  const list = document.getElementById('tasks-' + m.side);
  list.replaceChildren(el('h3', { text: S.tasksIn.replace('{cell}', m.label) }));
  if (!m.tasks.length) { list.append(el('p', { text: S.noTasks })); return; }
  if (m.canReveal) list.append(el('button', { onclick: () => vscode.postMessage({ type: 'selectAll', side: m.side, row: m.row, col: m.col }), text: S.selectAll + ' (' + m.tasks.length + ')' }));
  list.append(el('ul', {}, ...m.tasks.map((t) => el('li', {}, el('button', { class: 'link', onclick: () => vscode.postMessage({ type: 'reveal', side: m.side, key: t.key }), text: t.text })))));
});
// After a spread the load comes with the model, already computed; the Load tab opens on it if asked.
if (model.load) { showLoad(model.load); if (model.tab === 'load') { select(true); tabLoad.focus(); } }
vscode.postMessage({ type: 'ready' });
})();
`;

// One Show Schedule panel at a time: the pictures it shows, the messages from its webview (a cell
// opened, a task to reveal, a peak to spread) and what tests read back (the model it rendered).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { hhmm, tasksFiringIn, type SchedulePicture, type ScheduleTask, type TaskFires } from '../../core/schedule';
import { parsedPatch } from '../language/parsedDocuments';
import { showTaskJson } from '../tree/taskDocument';
import { scheduleHtml } from './html';
import type { ScheduleModel } from './model';
import type { LoadModel } from './load-model';
import type { LoadInputs } from './capacity';

export const SCHEDULE_VIEW_TYPE = 'dataworks.schedule';

export interface ShownSchedule {
  model: ScheduleModel;
  pictures: SchedulePicture[];
  /** The patch the pictures are of (patch mode). */
  patch?: vscode.Uri;
  /** The current values read for the patch's tasks (patch mode, connected). */
  before?: ScheduleTask[];
  /** The Load (CU) view, once the user asked for it (or drawn again after a spread). */
  load?: LoadModel;
  /** The tab the webview opens on when it is not Starts. */
  tab?: 'load';
  /** What the load was computed from: a spread draws it again from these, without a call. */
  loadInputs?: LoadInputs;
}

type Message =
  | { type: 'ready' }
  | { type: 'cell'; side: number; row: number; col: number }
  | { type: 'reveal'; side: number; key: string }
  | { type: 'selectAll'; side: number; row: number; col: number }
  | { type: 'spread'; side: number; peak: number }
  | { type: 'load' }
  | { type: 'spreadLoad'; group: string }
  | { type: 'loadShown' };

export class SchedulePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: ShownSchedule | undefined;
  private readonly ready = new vscode.EventEmitter<ShownSchedule>();
  /** Fires when the webview has rendered a model (its script ran and said so). */
  readonly onDidRender = this.ready.event;
  private readonly messages = new vscode.EventEmitter<Message>();
  readonly onDidReceiveMessage = this.messages.event;
  private readonly loadShown = new vscode.EventEmitter<ShownSchedule>();
  /** Fires when the webview has drawn the Load (CU) view (its script said so). */
  readonly onDidRenderLoad = this.loadShown.event;

  constructor(
    private readonly onSpread: (shown: ShownSchedule, side: number, peak: number) => Promise<void>,
    private readonly onLoad: (shown: ShownSchedule) => Promise<LoadModel | undefined>,
    private readonly onSpreadLoad: (shown: ShownSchedule, group: string) => Promise<unknown>,
  ) {}

  get current(): ShownSchedule | undefined { return this.shown; }
  get webviewPanel(): vscode.WebviewPanel | undefined { return this.panel; }

  show(shown: ShownSchedule): void {
    this.shown = shown;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(SCHEDULE_VIEW_TYPE, shown.model.title, vscode.ViewColumn.Beside, {
        enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => { this.panel = undefined; this.shown = undefined; });
      this.panel.webview.onDidReceiveMessage((m: Message) => void this.handle(m));
    }
    this.panel.title = shown.model.title;
    this.panel.webview.html = scheduleHtml({ ...shown.model, ...(shown.load ? { load: shown.load } : {}), ...(shown.tab ? { tab: shown.tab } : {}) }, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
    this.panel.reveal(vscode.ViewColumn.Beside, false);
  }

  /** Handles one webview message; tests call it with the same messages the webview sends. */
  async handle(m: Message): Promise<unknown> {
    const shown = this.shown;
    if (!shown) return undefined;
    this.messages.fire(m);
    switch (m.type) {
      case 'ready': this.ready.fire(shown); return undefined;
      case 'cell': {
        const { label, hits } = this.cellTasks(shown, m.side, m.row, m.col);
        const tasks = hits.map(({ entry, fires }) => ({ key: key(entry), text: taskText(entry, fires) }));
        void this.panel?.webview.postMessage({ type: 'cellTasks', side: m.side, row: m.row, col: m.col, label, tasks, canReveal: Boolean(shown.patch) });
        return tasks;
      }
      case 'reveal': {
        const entry = shown.pictures[m.side]?.tasks.find((t) => key(t) === m.key);
        if (entry) await this.reveal(shown, [entry]);
        return entry?.task.id;
      }
      case 'selectAll': {
        const { hits } = this.cellTasks(shown, m.side, m.row, m.col);
        await this.reveal(shown, hits.map((h) => h.entry));
        return hits.length;
      }
      case 'spread': await this.onSpread(shown, m.side, m.peak); return undefined;
      case 'load': {
        const load = await this.onLoad(shown);
        if (load && this.shown === shown) {
          shown.load = load;
          void this.panel?.webview.postMessage({ type: 'load', load });
        } else {
          void this.panel?.webview.postMessage({ type: 'loadDone' });
        }
        return load;
      }
      case 'spreadLoad': return this.onSpreadLoad(shown, m.group);
      case 'loadShown': this.loadShown.fire(shown); return undefined;
    }
  }

  cellTasks(shown: ShownSchedule, side: number, row: number, col: number): { label: string; hits: { entry: TaskFires; fires: number }[] } {
    const s = shown.model.sides[side];
    const cell = s?.heatmap.rows[row]?.cells[col];
    const picture = shown.pictures[side];
    if (!s || !cell || !picture) return { label: '', hits: [] };
    const m = s.heatmap.cellMinutes;
    const label = `${s.rowLabels[row]} ${hhmm(col * m)}-${hhmm((col + 1) * m)}`;
    return { label, hits: tasksFiringIn(picture, cell.start * 1000, cell.end * 1000) };
  }

  /** Selects the tasks' Trigger.Cron (or Id) in the patch, one cursor each, and scrolls to the first. */
  private async reveal(shown: ShownSchedule, entries: TaskFires[]): Promise<void> {
    if (shown.patch) {
      const doc = await vscode.workspace.openTextDocument(shown.patch);
      const parsed = parsedPatch(doc);
      const ranges = entries.flatMap((e) => {
        const t = e.task.patchIndex !== undefined ? parsed.tasks[e.task.patchIndex] : undefined;
        const r = t ? t.fieldRange('Trigger.Cron') ?? t.idRange ?? t.range : undefined;
        return r ? [new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)] : [];
      });
      if (!ranges.length) return;
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
      editor.revealRange(ranges[0]!, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (entries[0]) {
      const t = entries[0].task;
      await showTaskJson(t.id, t.env, t.name);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.ready.dispose();
    this.messages.dispose();
    this.loadShown.dispose();
  }
}

function key(e: TaskFires): string {
  return `${e.task.env}:${e.task.id}:${e.task.patchIndex ?? ''}`;
}

function taskText(e: TaskFires, fires: number): string {
  const name = e.task.name ? ` ${e.task.name}` : '';
  const group = e.task.resourceGroupId ? ` · ${e.task.resourceGroupId}` : '';
  return `${e.task.id}${name} · ${e.task.cron ?? ''}${group}${fires > 1 ? ` ×${fires}` : ''}`;
}

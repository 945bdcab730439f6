// Core validation findings as VS Code diagnostics: on open and on change (debounced so typing in a
// large file stays smooth), cleared on close. One collection, source "DataWorks", code = finding code.
// Large documents are validated on a worker thread (validateOffThread.ts), so the extension host's
// main thread stays free; if the worker is missing or fails, they are validated in-thread as before.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/types';
import { toVsRange } from '../util/ranges';
import { cronWeekdayNumbering, currentLocale, WEEKDAY_NUMBERING_SETTING } from '../util/settings';
import { isPatchDocument } from './selector';
import { validateDocument, ValidationCache } from './validateDocument';
import { ValidationWorker } from './validateOffThread';

export const DIAGNOSTIC_SOURCE = 'DataWorks';
const DEBOUNCE_MS = 250;
/** Above this size (a few thousand tasks) a run takes long enough that we wait for a longer pause in typing. */
const LARGE_DOCUMENT_CHARS = 500_000;
const LARGE_DEBOUNCE_MS = 1000;

/** The JSON language server already reports parse errors at their place; ours would repeat them. */
const LEFT_TO_JSON_SERVER = new Set(['dwtasks/syntax']);

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.code;
  return d;
}

export class PatchDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dataworks');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The findings behind the diagnostics, per document version: code actions read their fixes. */
  private readonly latest = new Map<string, { version: number; findings: Finding[] }>();
  private readonly caches = new Map<string, ValidationCache>();
  /** Bumped when a document's diagnostics are cleared, so a worker result that arrives later is dropped. */
  private readonly epochs = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly worker: ValidationWorker | undefined;

  /** workerScript: the bundled worker (dist/validate-worker.js); without it everything runs in-thread. */
  constructor(workerScript?: string) {
    this.worker = workerScript && existsSync(workerScript) ? new ValidationWorker(workerScript) : undefined;
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        this.schedule(e.document, isLarge(e.document) ? LARGE_DEBOUNCE_MS : DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri)),
      // VS Code keeps a closed editor's document alive for minutes; the user closed it when its last tab went.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabs(e)),
      // The weekday numbering changes what a cron means (and whether 0 or 8 is valid): check again.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(WEEKDAY_NUMBERING_SETTING)) return;
        for (const doc of vscode.workspace.textDocuments) {
          if (!this.latest.delete(doc.uri.toString())) continue; // stale now: code actions must not read it
          this.schedule(doc, 0);
        }
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Findings for the document's current text (validating now if the last run is stale). */
  async findings(doc: vscode.TextDocument): Promise<Finding[]> {
    const key = doc.uri.toString();
    const hit = this.latest.get(key);
    if (hit && hit.version === doc.version) return hit.findings;
    return this.run(doc);
  }

  private onTabs(e: vscode.TabChangeEvent): void {
    const open = new Set(tabUris(vscode.window.tabGroups.all.flatMap((g) => g.tabs)));
    for (const uri of tabUris(e.closed)) if (!open.has(uri)) this.clear(vscode.Uri.parse(uri));
    // Reopened in a tab while the document stayed loaded: no open event comes, validate again.
    for (const uri of tabUris(e.opened)) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (doc && !this.latest.has(uri)) this.schedule(doc, 0);
    }
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    // A language change (e.g. to plain JSON) drops our diagnostics.
    if (!isPatchDocument(doc)) {
      if (this.latest.has(doc.uri.toString())) this.clear(doc.uri);
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) void this.run(doc);
    }, delay));
  }

  private async run(doc: vscode.TextDocument): Promise<Finding[]> {
    if (!this.worker || !isLarge(doc)) return this.validate(doc);
    const key = doc.uri.toString();
    const { version } = doc;
    const epoch = this.epochs.get(key) ?? 0;
    let findings: Finding[];
    try {
      findings = (await this.worker.validate(key, doc.getText(), currentLocale(), cronWeekdayNumbering(doc.uri))).filter((f) => !LEFT_TO_JSON_SERVER.has(f.code));
    } catch {
      return doc.isClosed ? [] : this.validate(doc); // no worker (failed, disposed): the in-thread path
    }
    // Publish only what still describes the document: not after it was cleared, nor over a newer run.
    const current = this.latest.get(key);
    if (!doc.isClosed && (this.epochs.get(key) ?? 0) === epoch && doc.version === version && !(current && current.version >= version)) {
      this.latest.set(key, { version, findings });
      this.collection.set(doc.uri, findings.map(toDiagnostic));
    }
    return findings;
  }

  private validate(doc: vscode.TextDocument): Finding[] {
    const key = doc.uri.toString();
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new ValidationCache()));
    const findings = validateDocument(doc, cache).filter((f) => !LEFT_TO_JSON_SERVER.has(f.code));
    this.latest.set(key, { version: doc.version, findings });
    this.collection.set(doc.uri, findings.map(toDiagnostic));
    return findings;
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.caches.delete(key);
    this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    this.worker?.forget(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.worker?.dispose();
    this.collection.dispose();
  }
}

function isLarge(doc: vscode.TextDocument): boolean {
  return doc.offsetAt(new vscode.Position(doc.lineCount, 0)) > LARGE_DOCUMENT_CHARS;
}

function tabUris(tabs: readonly vscode.Tab[]): string[] {
  return tabs.flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : []));
}

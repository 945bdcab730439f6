// Apply Batch Update: the core apply pipeline adapted to the editor. Trust, the core gate and every
// error diagnostic first; a modal naming the target; a cancellable progress whose token becomes the
// pipeline's AbortSignal; journal and revert patch in our storage; results on the tasks and a summary
// with Show Log / Revert. What happened after the first chunk left is reported as results, never as
// "stopped before sending".
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_RPS, MAX_BATCH_SIZE, UNCHANGED, applyPatch, mergeExpected, planExpectations, planHeld, targetMismatch,
  type ApplyPlan, type ApplyResult, type LocalFailure, type PatchInput,
} from '../../core/apply';
import { FileJournal, revertPathFor } from '../../files/journal-file';
import type { Connection, ConnectionService, ConnectionTarget } from '../connection';
import type { ParsedPatch } from '../../core/patch';
import { checkApplyGate, patchDocument, showRefusal } from './gate';
import type { ApplyResults } from './results';
import { decideDrift } from './driftModal';
import { notePulledApplied, readPulledValues } from './pulledValues';
import { newJournalPath } from './storage';
import type { PreviewDocuments } from './previewCommand';
import { ui } from '../util/ui';

export interface ApplyArgs {
  uri?: vscode.Uri;
  /** Skip reading current values (no revert patch), as "Apply Without Revert Patch" does. */
  noRevert?: boolean;
}

/** What the editor's Apply reports to its caller (the core pipeline's ApplyOutcome, as the editor saw it). */
export type EditorApplyReport =
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'declined' }
  | { kind: 'applied'; result: ApplyResult; journalPath: string; revertPath?: string; failures: LocalFailure[] };

export interface LastApply {
  journalPath: string;
  revertPath?: string;
}

export class ApplyCommand {
  last: LastApply | undefined;
  /** One apply at a time: two runs against the same account would share its rate limit blindly. */
  private running = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: ConnectionService,
    private readonly results: ApplyResults,
    /** Plans previewed: Apply of the text previewed sends that plan. */
    private readonly previews?: PreviewDocuments,
  ) {}

  async run(uriOrArgs?: unknown): Promise<EditorApplyReport | undefined> {
    const args: ApplyArgs = uriOrArgs instanceof vscode.Uri ? { uri: uriOrArgs } : ((uriOrArgs as ApplyArgs | undefined) ?? {});
    const doc = await patchDocument(args.uri);
    if (!doc) return undefined;
    const name = vscode.workspace.asRelativePath(doc.uri);

    const gate = checkApplyGate(doc, ui().isTrusted());
    if (!gate.ok) {
      void showRefusal(gate);
      return { kind: 'refused', reason: gate.reason, message: gate.message };
    }

    let conn: Connection;
    try {
      conn = await this.connection.getConnection();
    } catch (e) {
      const message = vscode.l10n.t('Cannot apply {0}: {1}', name, (e as Error).message);
      void ui().showErrorMessage(message);
      return { kind: 'refused', reason: 'connection', message };
    }
    if (this.running) {
      const message = vscode.l10n.t('An apply is already running; {0} was not sent.', name);
      void ui().showWarningMessage(message);
      return { kind: 'refused', reason: 'busy', message };
    }
    this.running = true;
    let outcome: EditorApplyReport;
    try {
      outcome = await this.send(doc, gate.input, gate.verdict.patch, conn, args.noRevert === true);
    } finally {
      this.running = false;
    }
    if (outcome.kind === 'refused' && outcome.reason === 'projects') {
      // The one policy for a failed project listing: nothing was sent; the user chooses the way on.
      const without = vscode.l10n.t('Apply Without Revert Patch');
      const choice = await ui().showErrorMessage(outcome.message, without);
      if (choice === without) return this.run({ ...args, noRevert: true });
    }
    return outcome;
  }

  private async send(doc: vscode.TextDocument, input: PatchInput, parsed: ParsedPatch, conn: Connection, noRevert: boolean): Promise<EditorApplyReport> {
    const cfg = vscode.workspace.getConfiguration('dataworks.apply');
    const batchSize = clamp(Math.round(cfg.get<number>('batchSize', DEFAULT_BATCH_SIZE)), 1, MAX_BATCH_SIZE);
    const rps = Math.max(0.01, cfg.get<number>('requestsPerSecond', DEFAULT_RPS));
    // 0: reads share the write rate (safe on every edition); above 0: counted apart (e.g. Enterprise).
    const readRps = Math.max(0, cfg.get<number>('readsPerSecond', 0));
    const name = vscode.workspace.asRelativePath(doc.uri);
    const journalPath = newJournalPath(this.context, doc.uri.fsPath);
    const target = { endpoint: conn.target.endpoint, region: conn.target.region, profile: conn.target.profile, credentialSource: conn.target.credentialSource };
    const controller = new AbortController();
    const cancel = () => controller.abort(new Error('cancelled by the user'));
    // The modal comes first, the progress only once confirmed (the pipeline asks after gate and plan);
    // the progress' Cancel becomes the pipeline's AbortSignal.
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let endProgress: (() => void) | undefined;
    const startProgress = () => new Promise<void>((ready) => {
      void ui().withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying {0} to {1}', name, conn.target.label), cancellable: true },
        (p, token) => {
          progress = p;
          const sub = token.onCancellationRequested(cancel);
          ready();
          return new Promise<void>((end) => { endProgress = () => { sub.dispose(); end(); }; });
        },
      );
    });
    let done = 0;
    // The plan previewed for this very text (and target): what it sends, and the values it read, which
    // hold back a task changed since. Without a preview, Apply plans afresh.
    const previewed = this.previews?.previewedPlan(doc.uri, input.text);
    const saved = previewed && !targetMismatch(previewed, { endpoint: conn.client.endpoint }) && !noRevert ? previewed : undefined;
    // Pulled values are before-values too (recorded at pull time); the preview's, read later, win.
    const pulled = readPulledValues(this.context, doc, conn.client.endpoint);
    if (!pulled.ok) {
      void ui().showErrorMessage(pulled.message);
      return { kind: 'refused', reason: 'pulled', message: pulled.message };
    }
    let out: Awaited<ReturnType<typeof applyPatch>>;
    try {
      out = await applyPatch({ ...input, file: doc.uri.fsPath }, conn.client, {
        batchSize, rps, readRps: readRps > 0 ? readRps : undefined, readBefore: !noRevert, target, signal: controller.signal,
        expected: mergeExpected(pulled.expected, saved ? planExpectations(saved) : undefined),
        ...(saved ? { planHeld: planHeld(saved) } : {}),
      }, {
        // Tasks changed since their values were recorded: the user decides before the confirmation.
        drift: (plan) => decideDrift(plan, name),
        confirm: async (plan) => {
          if (!(await confirmApply(plan, conn.target, name))) return false;
          await startProgress();
          return true;
        },
        progress: (p) => {
          if (p.phase === 'projects') { progress?.report({ message: vscode.l10n.t('Listing projects…') }); return; }
          if (p.phase === 'before-state') progress?.report({ message: vscode.l10n.t('Reading current values…') });
          else {
            const increment = ((p.chunk - done) / Math.max(1, p.chunks)) * 100;
            done = p.chunk;
            progress?.report({ increment, message: vscode.l10n.t('chunk {0} of {1}', p.chunk, p.chunks) });
          }
        },
        openJournal: () => new FileJournal(journalPath),
        writeRevert: (text) => {
          const path = revertPathFor(journalPath);
          // Written whole or not at all: it is replaced once the outcome is known.
          fs.writeFileSync(`${path}.tmp`, text, { mode: 0o600 });
          fs.renameSync(`${path}.tmp`, path);
          return path;
        },
        discardRevert: (path) => fs.rmSync(path, { force: true }),
      });
    } finally {
      endProgress?.();
    }
    switch (out.kind) {
      case 'refused': // the document changed between the editor's gate and the pipeline's
        return { kind: 'refused', reason: 'errors', message: out.verdict.message };
      case 'declined':
        return { kind: 'declined' };
      case 'not-sent': {
        const message = out.cancelled
          ? vscode.l10n.t('Apply of {0} cancelled while listing projects; nothing was sent.', name)
          : vscode.l10n.t('Apply of {0}: listing the account\'s projects failed ({1}); nothing was sent. Apply without a revert patch, or fix the connection and try again.', name, out.error.message);
        if (out.cancelled) void ui().showWarningMessage(message);
        return { kind: 'refused', reason: out.cancelled ? 'cancelled' : 'projects', message };
      }
      case 'ran': {
        const revertPath = out.revertPath ?? undefined;
        this.last = { journalPath, revertPath };
        // Results go on the text as it was sent (the results follow later edits themselves).
        this.results.set(doc, parsed, out.result.results, out.plan.drifts);
        notePulledApplied(this.context, doc, out.verdict.request, out.result.results);
        for (const f of out.failures) this.connection.log.warn(`Apply: ${f.message}`);
        void this.summarize(out.result, revertPath, out.failures);
        return { kind: 'applied', result: out.result, journalPath, revertPath, failures: out.failures };
      }
    }
  }

  private async summarize(result: ApplyResult, revertPath: string | undefined, failures: LocalFailure[]): Promise<void> {
    const c = result.counts;
    // Tasks already at their patched values count as not sent; the summary says how many of those there are.
    const unchanged = result.results.filter((r) => r.message === UNCHANGED).length;
    let text = vscode.l10n.t('DataWorks apply: {0} applied, {1} failed, {2} unknown, {3} not sent.', c.succeeded, c.failed, c.unknown, c.notSent);
    if (unchanged) text += ' ' + (unchanged === 1 ? vscode.l10n.t('1 task was already at its patched values.') : vscode.l10n.t('{0} tasks were already at their patched values.', unchanged));
    if (result.status === 'cancelled') text += ' ' + vscode.l10n.t('Cancelled: later chunks were not sent.');
    if (result.error) text += ' ' + vscode.l10n.t('Stopped: {0}', result.error.message);
    for (const f of failures) text += ' ' + (f.what === 'revert' ? vscode.l10n.t('The revert patch could not be written; the journal keeps the values read before the run.') : vscode.l10n.t('The journal could not be written completely; the results here are what the service answered.'));
    const showLog = vscode.l10n.t('Show Log');
    const revert = vscode.l10n.t('Revert');
    const buttons = revertPath && c.succeeded ? [showLog, revert] : [showLog];
    const allOk = c.succeeded + unchanged === result.results.length && failures.length === 0;
    const choice = allOk ? await ui().showInformationMessage(text, ...buttons) : await ui().showWarningMessage(text, ...buttons);
    if (choice === showLog) this.connection.log.show();
    else if (choice === revert && revertPath) await openRevert(revertPath);
  }
}

/** Opens a revert patch for review; applying it is a normal apply. */
export async function openRevert(revertPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(revertPath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function confirmApply(plan: ApplyPlan, target: ConnectionTarget, file: string): Promise<boolean> {
  const envs = (['Prod', 'Dev'] as const).filter((e) => plan.envCounts[e]).map((e) => `${e}: ${plan.envCounts[e]}`).join(', ');
  const apply = vscode.l10n.t('Apply');
  const detail = [
    vscode.l10n.t('Target: {0}', target.label),
    vscode.l10n.t('Region: {0}', target.region),
    vscode.l10n.t('Endpoint: {0}', target.endpoint || vscode.l10n.t('(from region)')),
    plan.chunks.length === 1
      ? vscode.l10n.t('Tasks: {0} ({1}) in 1 request', plan.tasks.length, envs)
      : vscode.l10n.t('Tasks: {0} ({1}) in {2} requests', plan.tasks.length, envs, plan.chunks.length),
  ].join('\n');
  const prod = plan.envCounts.Prod;
  const question = !prod
    ? vscode.l10n.t('Apply {0} to {1}?', file, target.label)
    : prod === 1
      ? vscode.l10n.t('Apply {0} to {1}? 1 Prod task will change.', file, target.label)
      : vscode.l10n.t('Apply {0} to {1}? {2} Prod tasks will change.', file, target.label, prod);
  return (await ui().showWarningMessage(question, { modal: true, detail }, apply)) === apply;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
}

// Apply Batch Update: trust and error gate, modal confirmation naming the target, then a cancellable
// progress whose token becomes the engine's AbortSignal; journal and revert patch in our storage,
// results on the tasks and a summary with Show Log / Revert.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_RPS, FileJournal, MAX_BATCH_SIZE, TokenBucket, discoverProjectIds, finishJournal, formatRevert,
  planApply, revertPathFor, runApply, type ApplyPlan, type ApplyProgress, type ApplyResult,
} from '../../core/apply';
import { toRequest, type BatchUpdateRequest, type ParsedPatch } from '../../core/patch';
import type { Connection, ConnectionService, ConnectionTarget } from '../connection';
import { testHooks } from '../util/testHooks';
import { checkApplyGate, patchDocument, showRefusal } from './gate';
import type { ApplyResults } from './results';
import { confirmPulledValues, notePulledApplied } from './pulledValues';
import { newJournalPath } from './storage';

/** Hooks for the integration tests; honoured only when the extension runs in test mode. */
export interface ApplyTestHooks {
  /** false: skip the modal (as if "Apply" was chosen). */
  confirm?: boolean;
  /** Trust as the test says (the host itself cannot be made untrusted). */
  trusted?: boolean;
  /** Called on each progress step with a function that cancels the run as the progress' Cancel does. */
  onProgress?(p: ApplyProgress, cancel: () => void): void;
}

export interface ApplyArgs {
  uri?: vscode.Uri;
  test?: ApplyTestHooks;
}

export type ApplyOutcome =
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'declined' }
  | { kind: 'applied'; result: ApplyResult; journalPath: string; revertPath?: string };

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
  ) {}

  async run(uriOrArgs?: unknown): Promise<ApplyOutcome | undefined> {
    const args: ApplyArgs = uriOrArgs instanceof vscode.Uri ? { uri: uriOrArgs } : ((uriOrArgs as ApplyArgs | undefined) ?? {});
    const hooks = testHooks<ApplyTestHooks>(this.context, args);
    const doc = await patchDocument(args.uri);
    if (!doc) return undefined;

    const gate = checkApplyGate(doc, hooks.trusted ?? vscode.workspace.isTrusted);
    if (!gate.ok) {
      void showRefusal(gate);
      return { kind: 'refused', reason: gate.reason, message: gate.message };
    }
    const parsed = gate.parsed;
    const request = toRequest(parsed);
    const cfg = vscode.workspace.getConfiguration('dataworks.apply');
    const batchSize = clamp(Math.round(cfg.get<number>('batchSize', DEFAULT_BATCH_SIZE)), 1, MAX_BATCH_SIZE);
    const rps = Math.max(0.01, cfg.get<number>('requestsPerSecond', DEFAULT_RPS));
    const plan = planApply(request, batchSize);

    let conn: Connection;
    try {
      conn = await this.connection.getConnection();
    } catch (e) {
      const message = vscode.l10n.t('Cannot apply {0}: {1}', vscode.workspace.asRelativePath(doc.uri), (e as Error).message);
      void vscode.window.showErrorMessage(message);
      return { kind: 'refused', reason: 'connection', message };
    }

    if (!(await confirmPulledValues(this.context, doc, request, conn, uriOrArgs))) return { kind: 'declined' };
    if (hooks.confirm !== false && !(await confirmApply(plan, conn.target, vscode.workspace.asRelativePath(doc.uri)))) return { kind: 'declined' };

    if (this.running) {
      const message = vscode.l10n.t('An apply is already running; {0} was not sent.', vscode.workspace.asRelativePath(doc.uri));
      void vscode.window.showWarningMessage(message);
      return { kind: 'refused', reason: 'busy', message };
    }
    this.running = true;
    try {
      return await this.send(doc, parsed, request, conn, batchSize, rps, hooks);
    } finally {
      this.running = false;
    }
  }

  private async send(
    doc: vscode.TextDocument, parsed: ParsedPatch, request: BatchUpdateRequest, conn: Connection,
    batchSize: number, rps: number, hooks: ApplyTestHooks,
  ): Promise<ApplyOutcome> {
    // 0: reads share the write rate (safe on every edition); above 0: counted apart (e.g. Enterprise).
    const readRps = Math.max(0, vscode.workspace.getConfiguration('dataworks.apply').get<number>('readsPerSecond', 0));
    const journalPath = newJournalPath(this.context, doc.uri.fsPath);
    const journal = new FileJournal(journalPath);
    const target = { endpoint: conn.target.endpoint, region: conn.target.region, profile: conn.target.profile, credentialSource: conn.target.credentialSource };
    let result: ApplyResult;
    let revertPath: string | undefined;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying {0} to {1}', vscode.workspace.asRelativePath(doc.uri), conn.target.label), cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          const cancel = () => controller.abort(new Error('cancelled by the user'));
          const sub = token.onCancellationRequested(cancel);
          try {
            progress.report({ message: vscode.l10n.t('Listing projects…') });
            const limiter = new TokenBucket(rps);
            const readLimiter = readRps > 0 ? new TokenBucket(readRps) : limiter;
            let projectIds: string[] = [];
            try {
              projectIds = await discoverProjectIds(conn.client, readLimiter, controller.signal);
            } catch (e) {
              if (controller.signal.aborted) throw e;
              // Without projects every before-state read is a GetTask: slower, still correct.
              this.connection.log.warn(`Apply: listing projects failed (${(e as Error).message}); reading current values task by task.`);
            }
            let done = 0;
            return await runApply({
              service: conn.client, request, file: doc.uri.fsPath, target, batchSize, rps, limiter, readLimiter, projectIds, journal,
              signal: controller.signal,
              onProgress: (p) => {
                if (p.phase === 'before-state') progress.report({ message: vscode.l10n.t('Reading current values…') });
                else {
                  const increment = ((p.chunk - done) / Math.max(1, p.chunks)) * 100;
                  done = p.chunk;
                  progress.report({ increment, message: vscode.l10n.t('chunk {0} of {1}', p.chunk, p.chunks) });
                }
                hooks.onProgress?.(p, cancel);
              },
            });
          } finally {
            sub.dispose();
          }
        },
      );
      if (result.revert) {
        revertPath = revertPathFor(journalPath);
        fs.writeFileSync(revertPath, formatRevert(result.revert));
      }
      await finishJournal(journal, result, revertPath ?? null);
    } catch (e) {
      const message = vscode.l10n.t('Apply of {0} stopped before sending: {1}', vscode.workspace.asRelativePath(doc.uri), (e as Error).message);
      void vscode.window.showErrorMessage(message);
      return { kind: 'refused', reason: 'cancelled', message };
    } finally {
      journal.close();
    }
    this.last = { journalPath, revertPath };
    this.results.set(doc, parsed, result.results);
    notePulledApplied(this.context, doc, request, result.results);
    void this.summarize(result, revertPath);
    return { kind: 'applied', result, journalPath, revertPath };
  }

  private async summarize(result: ApplyResult, revertPath: string | undefined): Promise<void> {
    const c = result.counts;
    let text = vscode.l10n.t('DataWorks apply: {0} applied, {1} failed, {2} unknown, {3} not sent.', c.succeeded, c.failed, c.unknown, c.notSent);
    if (result.status === 'cancelled') text += ' ' + vscode.l10n.t('Cancelled: later chunks were not sent.');
    if (result.error) text += ' ' + vscode.l10n.t('Stopped: {0}', result.error.message);
    const showLog = vscode.l10n.t('Show Log');
    const revert = vscode.l10n.t('Revert');
    const buttons = revertPath && c.succeeded ? [showLog, revert] : [showLog];
    const allOk = c.succeeded === result.results.length;
    const choice = allOk ? await vscode.window.showInformationMessage(text, ...buttons) : await vscode.window.showWarningMessage(text, ...buttons);
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
    vscode.l10n.t('Tasks: {0} ({1}) in {2} request(s)', plan.tasks.length, envs, plan.chunks.length),
  ].join('\n');
  const question = plan.envCounts.Prod
    ? vscode.l10n.t('Apply {0} to {1}? {2} Prod task(s) will change.', file, target.label, plan.envCounts.Prod)
    : vscode.l10n.t('Apply {0} to {1}?', file, target.label);
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, apply)) === apply;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
}

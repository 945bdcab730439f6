// The scripted UI the host tests put in place of the extension's (src/extension/util/ui.ts, through
// `api.ui.use`). A test queues the answers it expects per kind of question (quick pick, input box,
// modal, dialog), in order; everything shown is recorded. A question nobody scripted fails the test
// loudly (the command gets an error instead of a silent undefined, and end() throws), and so does an
// answer the command never asked for. Notifications (non-modal messages) are recorded and dismissed
// unless an answer for one was queued: a user may always ignore them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { messageParts, type ExtensionUi, type MessageArgs, type ProgressReport } from '@src/extension/util/ui';

export type Severity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  severity: Severity;
  modal: boolean;
  message: string;
  detail?: string;
  items: string[];
  /** The button the script chose (undefined: dismissed). */
  answer?: string;
}

export interface ShownPick {
  many: boolean;
  items: readonly vscode.QuickPickItem[];
  options: vscode.QuickPickOptions;
}

type PickAnswer = (items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions) => vscode.QuickPickItem | undefined;
type PickManyAnswer = (items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions) => readonly vscode.QuickPickItem[] | undefined;
type ProgressWatch = (report: ProgressReport, cancel: () => void) => void;

export class ScriptedUi implements ExtensionUi {
  readonly messages: ShownMessage[] = [];
  readonly picks: ShownPick[] = [];
  readonly inputs: vscode.InputBoxOptions[] = [];
  /** Titles of the progress notifications shown. */
  readonly progress: string[] = [];
  private readonly queues = {
    pick: [] as PickAnswer[],
    pickMany: [] as PickManyAnswer[],
    input: [] as (string | undefined)[],
    modal: { info: [], warning: [], error: [] } as Record<Severity, (string | undefined)[]>,
    notification: { info: [], warning: [], error: [] } as Record<Severity, (string | undefined)[]>,
    save: [] as (vscode.Uri | undefined)[],
    open: [] as (vscode.Uri[] | undefined)[],
  };
  private readonly unexpected: string[] = [];
  private watch: ProgressWatch | undefined;
  private trusted = true;
  private clockMs: number | undefined;
  private readonly restore: vscode.Disposable;

  constructor(api: ExtensionApi) {
    this.restore = api.ui.use(this);
  }

  // The script.

  /** Answers the next single quick pick with what `answer` returns from its items. */
  pick(answer: PickAnswer): this {
    this.queues.pick.push(answer);
    return this;
  }

  /** Answers the next multi-select quick pick. */
  pickMany(answer: PickManyAnswer): this {
    this.queues.pickMany.push(answer);
    return this;
  }

  /** Types `value` into the next input box (undefined: Escape). */
  input(value: string | undefined): this {
    this.queues.input.push(value);
    return this;
  }

  /** Clicks `button` on the next modal of that severity (undefined: Cancel). The button must be offered. */
  modal(severity: Severity, button: string | undefined): this {
    this.queues.modal[severity].push(button);
    return this;
  }

  /** Clicks `button` on the next notification of that severity (undefined: closes it). */
  notification(severity: Severity, button: string | undefined): this {
    this.queues.notification[severity].push(button);
    return this;
  }

  saveDialog(uri: vscode.Uri | undefined): this {
    this.queues.save.push(uri);
    return this;
  }

  openDialog(uris: vscode.Uri[] | undefined): this {
    this.queues.open.push(uris);
    return this;
  }

  /** Sees every progress report, with a cancel that does what the notification's Cancel does. */
  onProgress(watch: ProgressWatch): this {
    this.watch = watch;
    return this;
  }

  trust(trusted: boolean): this {
    this.trusted = trusted;
    return this;
  }

  /** Fixes "now" (epoch milliseconds); the real clock otherwise. */
  clock(ms: number): this {
    this.clockMs = ms;
    return this;
  }

  /** The messages shown of one severity (modal or not). */
  shown(severity: Severity, modal?: boolean): ShownMessage[] {
    return this.messages.filter((m) => m.severity === severity && (modal === undefined || m.modal === modal));
  }

  /** Puts the extension's own UI back; throws when something unscripted was asked or a scripted answer was not used. */
  end(): void {
    this.restore.dispose();
    const left = [
      ['quick pick', this.queues.pick.length], ['multi-select quick pick', this.queues.pickMany.length], ['input box', this.queues.input.length],
      ['save dialog', this.queues.save.length], ['open dialog', this.queues.open.length],
      ...(['info', 'warning', 'error'] as const).flatMap((s) => [[`${s} modal`, this.queues.modal[s].length], [`${s} notification`, this.queues.notification[s].length]]),
    ].filter(([, n]) => n !== 0).map(([what, n]) => `${n} ${what} answer(s)`);
    assert.deepEqual(this.unexpected, [], 'the command asked what the test did not script');
    assert.deepEqual(left, [], 'the test scripted answers the command never asked for');
  }

  // ExtensionUi.

  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    this.picks.push({ many: false, items, options });
    const answer = this.next(this.queues.pick, `quick pick "${options.title ?? options.placeHolder ?? ''}"`);
    const chosen = answer(items, options);
    if (chosen !== undefined && !items.includes(chosen as T)) this.fail(`an answer to quick pick "${options.title ?? ''}" that is not one of its items`);
    return Promise.resolve(chosen as T | undefined);
  }

  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    this.picks.push({ many: true, items, options });
    const chosen = this.next(this.queues.pickMany, `multi-select quick pick "${options.title ?? ''}"`)(items, options);
    if (chosen?.some((c) => !items.includes(c as T))) this.fail(`an answer to quick pick "${options.title ?? ''}" that is not among its items`);
    return Promise.resolve(chosen as readonly T[] | undefined);
  }

  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    this.inputs.push(options);
    return Promise.resolve(this.next(this.queues.input, `input box "${options.title ?? options.prompt ?? ''}"`));
  }

  showInformationMessage(message: string, ...args: MessageArgs): Thenable<string | undefined> {
    return this.message('info', message, args);
  }

  showWarningMessage(message: string, ...args: MessageArgs): Thenable<string | undefined> {
    return this.message('warning', message, args);
  }

  showErrorMessage(message: string, ...args: MessageArgs): Thenable<string | undefined> {
    return this.message('error', message, args);
  }

  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> {
    return Promise.resolve(this.next(this.queues.save, `save dialog (${options.defaultUri?.fsPath ?? ''})`));
  }

  showOpenDialog(): Thenable<vscode.Uri[] | undefined> {
    return Promise.resolve(this.next(this.queues.open, 'open dialog'));
  }

  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<ProgressReport>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
    this.progress.push(options.title ?? '');
    const source = new vscode.CancellationTokenSource();
    const cancel = (): void => source.cancel();
    const progress = { report: (r: ProgressReport) => this.watch?.(r, cancel) };
    return Promise.resolve(task(progress, source.token)).finally(() => source.dispose());
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  now(): number {
    return this.clockMs ?? Date.now();
  }

  private message(severity: Severity, message: string, args: MessageArgs): Thenable<string | undefined> {
    const { options, items } = messageParts(args);
    const modal = options.modal === true;
    const shown: ShownMessage = { severity, modal, message, items, ...(options.detail !== undefined ? { detail: options.detail } : {}) };
    this.messages.push(shown);
    const queue = (modal ? this.queues.modal : this.queues.notification)[severity];
    // A notification nobody answers is dismissed; a modal must be answered.
    if (!modal && !queue.length) return Promise.resolve(undefined);
    const answer = this.next(queue, `${severity} modal "${message}"`);
    if (answer !== undefined && !items.includes(answer)) this.fail(`"${answer}" on "${message}", which offers ${JSON.stringify(items)}`);
    shown.answer = answer;
    return Promise.resolve(answer);
  }

  private next<A>(queue: A[], what: string): A {
    if (!queue.length) this.fail(what);
    return queue.shift()!;
  }

  private fail(what: string): never {
    this.unexpected.push(what);
    throw new Error(`scripted UI: unexpected ${what}`);
  }
}

/** Puts a scripted UI in place of the extension's until its end(). */
export function scriptedUi(api: ExtensionApi): ScriptedUi {
  return new ScriptedUi(api);
}

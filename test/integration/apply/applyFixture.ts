// Shared by the apply tests: patches built from the emulator's seed, the command and its outcome,
// and reads of the emulator's state file (the oracle for what changed).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditorApplyReport } from '@src/extension/apply';
import type { ExtensionApi } from '@src/extension/extension';
import type { RunningEmulator, SeedTask } from '../connection/emulatorFixture';
import { fixtureUri } from '../helpers';

export const TWO_53 = 2n ** 53n;
export const SOURCE = 'DataWorks Apply';

/** Prod tasks of the seed with ids above 2^53 (not representable as JS numbers). */
export function bigProdTasks(emu: RunningEmulator): SeedTask[] {
  return emu.tasks('Prod').filter((t) => BigInt(t.Id) > TWO_53);
}

/** A task as the emulator serves it now (GetTask over HTTP: the state file is compacted lazily). */
export async function serviceTask(api: ExtensionApi, env: 'Dev' | 'Prod', id: string): Promise<Record<string, unknown>> {
  const client = await api.connection.getClient();
  return (await client.getTask(id, env)) as unknown as Record<string, unknown>;
}

/** BatchUpdateTasks requests in the DataWorks log so far. */
export function batchCalls(api: ExtensionApi): number {
  return api.connection.log.lines().filter((l) => l.startsWith('BatchUpdateTasks')).length;
}

/** A patch text with ids as bare digits (never through a JS number). */
export function patchText(tasks: { Id: string; EnvType?: string; fields: Record<string, unknown> }[]): string {
  const body = tasks.map((t) => {
    const rest = JSON.stringify({ ...(t.EnvType ? { EnvType: t.EnvType } : {}), ...t.fields }, null, 6).slice(1, -1).trimEnd();
    return `    {\n      "Id": ${t.Id},${rest.replace(/^\n/, '\n')}\n    }`;
  });
  return `{\n  "Comment": "apply test",\n  "Tasks": [\n${body.join(',\n')}\n  ]\n}\n`;
}

export async function writePatch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Runs Apply on `doc`; what it asks is answered by the test's scripted UI (support/scriptedUi.ts). */
export async function applyWith(doc: vscode.TextDocument): Promise<EditorApplyReport> {
  const out = await vscode.commands.executeCommand<EditorApplyReport | undefined>('dataworks.applyBatchUpdate', { uri: doc.uri });
  assert.ok(out, 'the command returns its outcome');
  return out;
}

export function applyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The apply diagnostic sitting on the given task id's text. */
export function diagnosticOn(doc: vscode.TextDocument, id: string): vscode.Diagnostic | undefined {
  return applyDiagnostics(doc.uri).find((d) => doc.getText(d.range) === id);
}

export async function setApplySetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('dataworks.apply').update(key, value, vscode.ConfigurationTarget.Global);
}

// The rate of the tree's long reads (Add All Matching, Load All): the apply's read rate
// (dataworks.apply.readsPerSecond) when set, else its shared rate (requestsPerSecond), so every
// read the extension makes stays within the same quota the user configured once.
import * as vscode from 'vscode';
import { DEFAULT_RPS } from '../../core/apply/plan';

export function readRate(): number {
  const cfg = vscode.workspace.getConfiguration('dataworks.apply');
  const reads = cfg.get<number>('readsPerSecond', 0);
  const shared = cfg.get<number>('requestsPerSecond', DEFAULT_RPS);
  const rps = reads > 0 ? reads : shared;
  return Number.isFinite(rps) && rps > 0 ? Math.max(0.01, rps) : DEFAULT_RPS;
}

// Reading our settings in one place, so every feature resolves them the same way.
import * as vscode from 'vscode';
import { resolveTimeZone, type ResolvedZone } from './timeZone';
import { uiLocale, type UiLocale } from './locale';

export function cronTimeZone(scope?: vscode.ConfigurationScope): ResolvedZone {
  const cfg = vscode.workspace.getConfiguration('dataworks', scope);
  return resolveTimeZone(cfg.get<string>('timeZone'), cfg.get<string>('region'));
}

export function cronInlayHintsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return vscode.workspace.getConfiguration('dataworks', scope).get<boolean>('cron.inlayHints', true);
}

/** The user's display language mapped to the two our texts come in. */
export function currentLocale(): UiLocale {
  return uiLocale(vscode.env.language);
}

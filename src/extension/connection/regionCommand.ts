// Select Region: the regions the manifest lists for the setting, written at user level.
import * as vscode from 'vscode';
import { readConnectionSettings, writeUserSetting } from './settings';
import { ui } from '../util/ui';

function manifestRegions(context: vscode.ExtensionContext): string[] {
  const props = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { enum?: string[] }> } } })
    .contributes?.configuration?.properties;
  return props?.['dataworks.region']?.enum ?? [];
}

export async function selectRegion(context: vscode.ExtensionContext, region?: string): Promise<boolean> {
  let chosen = region;
  if (!chosen) {
    const current = readConnectionSettings().region;
    const items = manifestRegions(context).map((r) => ({ label: r, description: r === current ? vscode.l10n.t('current') : undefined }));
    const pick = await ui().showQuickPick(items, { title: vscode.l10n.t('DataWorks: Select Region'), placeHolder: current });
    chosen = pick?.label;
  }
  if (!chosen) return false;
  await writeUserSetting('region', chosen);
  return true;
}

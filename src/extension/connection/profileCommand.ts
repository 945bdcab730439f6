// Select Profile: a profile from the aliyun CLI config, used through the default credential chain.
import * as vscode from 'vscode';
import { loadClientModules } from './clientLoader';
import { readConnectionSettings, writeUserSetting } from './settings';
import { ui } from '../util/ui';

export async function selectProfile(profile?: string): Promise<boolean> {
  let chosen = profile;
  if (chosen === undefined) {
    const current = readConnectionSettings();
    let names: string[] = [];
    try {
      names = (await (await loadClientModules()).listAliyunProfiles()).map((p) => p.name);
    } catch (e) {
      void ui().showWarningMessage(vscode.l10n.t('Could not read the aliyun CLI profiles: {0}', (e as Error).message));
    }
    const items: (vscode.QuickPickItem & { value: string })[] = [
      { label: vscode.l10n.t('CLI current profile'), description: vscode.l10n.t('the default credential chain decides'), value: '' },
      ...names.map((n) => ({ label: n, value: n })),
    ];
    for (const item of items) {
      if (current.credentialSource === 'defaultChain' && item.value === current.profile) item.detail = vscode.l10n.t('in use');
    }
    const pick = await ui().showQuickPick(items, {
      title: vscode.l10n.t('DataWorks: Select Profile'),
      placeHolder: names.length ? undefined : vscode.l10n.t('No profiles in ~/.aliyun/config.json'),
    });
    if (!pick) return false;
    chosen = pick.value;
  }
  await writeUserSetting('profile', chosen || undefined);
  await writeUserSetting('credentialSource', 'defaultChain');
  return true;
}

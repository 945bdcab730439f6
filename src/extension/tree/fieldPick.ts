// Which fields a pulled entry carries: a multi-select quick pick of the patch's editable fields,
// the last choice remembered (globalState) and picked again next time.
import * as vscode from 'vscode';
import { PULL_LEAVES } from '../../core/pull/fields';
import { ui } from '../util/ui';

const LAST_CHOICE = 'dataworks.pull.fields';

type FieldItem = vscode.QuickPickItem & { path: string };

/** The leaf paths chosen (possibly none: Id and EnvType only), or undefined when the pick was dismissed. */
export async function pickFields(context: vscode.ExtensionContext, count?: number): Promise<string[] | undefined> {
  const last = new Set(context.globalState.get<string[]>(LAST_CHOICE, []));
  const items: FieldItem[] = PULL_LEAVES.map((path) => ({
    label: path,
    path,
    picked: last.has(path),
    ...(path === 'Tags' ? { description: vscode.l10n.t('one GetTask call per task (the listing has no Tags)') } : {}),
  }));
  const picked = await ui().showQuickPickMany(items, {
    title: count === undefined
      ? vscode.l10n.t('Fields to copy into the patch')
      : count === 1 ? vscode.l10n.t('Fields to copy into the patch for 1 task') : vscode.l10n.t('Fields to copy into the patch for {0} tasks', count),
    placeHolder: vscode.l10n.t('Id and EnvType are always included; pick only the fields you mean to change'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const chosen = PULL_LEAVES.filter((p) => picked.some((i) => i.label === p));
  await context.globalState.update(LAST_CHOICE, chosen);
  return chosen;
}

// Completion from the service: task Ids (the tasks loaded in the DataWorks view, with name and
// environment), RuntimeResource.ResourceGroupId and DataSource.Name. Answers from cache; a first
// fetch is waited for briefly at most, so a slow service never holds up the editor.
import * as vscode from 'vscode';
import type { LoadedTasks } from '../tree';
import { fieldAt, type FieldAt } from './jsonPosition';
import type { ServiceData } from './serviceData';

const WAIT_MS = 1500;

export class ServiceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly loaded: LoadedTasks,
    private readonly data: ServiceData,
  ) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const text = doc.getText();
    const at = fieldAt(text, doc.offsetAt(position));
    if (!at) return undefined;
    const range = at.valueNode ? new vscode.Range(doc.positionAt(at.valueNode.offset), doc.positionAt(at.valueNode.offset + at.valueNode.length)) : undefined;
    switch (at.field) {
      case 'Id':
        return this.ids(at, range);
      case 'ResourceGroupId': {
        const groups = (await this.data.getResourceGroups(WAIT_MS)) ?? [];
        return groups.map((g, i) =>
          stringItem(g.Id, [g.Name, g.ResourceGroupType, g.Status].filter(Boolean).join(' · '), range, i),
        );
      }
      case 'DataSourceName': {
        const projects = this.projectsFor(at);
        const lists = await Promise.all(projects.map((p) => this.data.getDataSources(p, WAIT_MS)));
        const seen = new Set<string>();
        const items: vscode.CompletionItem[] = [];
        for (const list of lists) {
          for (const ds of list ?? []) {
            if (seen.has(ds.Name)) continue;
            seen.add(ds.Name);
            items.push(stringItem(ds.Name, ds.Type ?? '', range, items.length));
          }
        }
        return items;
      }
    }
  }

  private ids(at: FieldAt, range: vscode.Range | undefined): vscode.CompletionItem[] {
    const tasks = this.loaded.all().filter((t) => !at.envType || t.env === at.envType);
    tasks.sort((a, b) => (a.task.Name ?? '').localeCompare(b.task.Name ?? '') || a.env.localeCompare(b.env));
    return tasks.map((t, i) => {
      const item = new vscode.CompletionItem({ label: t.task.Id, description: `${t.task.Name ?? ''} · ${t.env}` }, vscode.CompletionItemKind.Value);
      // Bare digits: the Id is an int64 JSON number, written exactly.
      item.insertText = t.task.Id;
      item.filterText = t.task.Id;
      item.detail = `${t.task.Name ?? t.task.Id} (${t.env}) · ${t.project.Name}`;
      item.sortText = String(i).padStart(6, '0');
      if (range) item.range = range;
      return item;
    });
  }

  /** The entry's project when its Id is a loaded task; else every project with loaded tasks. */
  private projectsFor(at: FieldAt): string[] {
    const known = at.id ? this.loaded.get(at.id, at.envType) : undefined;
    if (known) return [known.project.Id];
    return [...new Set(this.loaded.all().map((t) => t.project.Id))].slice(0, 10);
  }
}

function stringItem(value: string, description: string, range: vscode.Range | undefined, index: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: value, description }, vscode.CompletionItemKind.Value);
  const quoted = JSON.stringify(value);
  // The replaced range includes the quotes, so the filter text must too.
  item.insertText = quoted;
  item.filterText = quoted;
  item.sortText = String(index).padStart(6, '0');
  if (range) item.range = range;
  return item;
}

// An environment's tasks, 100 per page, with a "Load more" node that says how many remain and is
// locked while a page loads. The filter goes to the service as ListTasks parameters.
import * as vscode from 'vscode';
import type { RateLimiter } from '../../../core/apply/rate-limit';
import type { EnvType } from '../../../core/patch/model';
import { collectAll, type PagingProgress } from '../../../dataworks/paging';
import type { Project, Task } from '../../../dataworks/types';
import { errorNodes } from '../errorNodes';
import { describeFilter, filterQuery, isEmptyFilter } from '../filter';
import { LoadMoreNode, type PagedList } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './node';
import { TaskNode } from './taskNode';

export const TASK_PAGE_SIZE = 100;

export class EnvNode extends TreeNode implements PagedList {
  private tasks: TaskNode[] = [];
  private readonly seen = new Set<string>();
  private total: number | undefined;
  private nextPage = 1;
  private error: TreeNode[] | undefined;
  private loading: Promise<void> | undefined;
  private readonly more: LoadMoreNode;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly project: Project,
    readonly env: EnvType,
  ) {
    super(host, parent);
    this.more = new LoadMoreNode(host, this);
  }

  get shown(): number {
    return this.tasks.length;
  }

  get totalCount(): number | undefined {
    return this.total;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  get listId(): string {
    return `${this.project.Id}/${this.env}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.env, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dataworks.env/${this.project.Id}/${this.env}`;
    const filtered = !isEmptyFilter(this.host.filter());
    if (this.total !== undefined) {
      item.description = filtered
        ? vscode.l10n.t('{0} matching', this.total)
        : this.total === 1 ? vscode.l10n.t('1 task') : vscode.l10n.t('{0} tasks', this.total);
    }
    item.tooltip = filtered
      ? vscode.l10n.t('{0} tasks of {1}, filtered by the service: {2}', this.env, this.project.Name, describeFilter(this.host.filter()))
      : vscode.l10n.t('{0} tasks of {1}', this.env, this.project.Name);
    item.iconPath = new vscode.ThemeIcon(this.env === 'Prod' ? 'server-environment' : 'beaker');
    item.contextValue = 'dataworks.env';
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    if (this.total === undefined && !this.error) {
      await this.loadPage();
      // The view drew this item before its count was known; redraw it (children stay loaded).
      if (this.total !== undefined) this.host.changed(this);
    }
    const children: TreeNode[] = [...this.tasks];
    if (this.error) children.push(...this.error);
    if (this.total !== undefined && this.tasks.length < this.total) children.push(this.more);
    if (children.length === 0) {
      children.push(
        new MessageNode(this.host, this, {
          label: isEmptyFilter(this.host.filter()) ? vscode.l10n.t('No tasks') : vscode.l10n.t('No tasks match the filter'),
          icon: 'info',
        }),
      );
    }
    return children;
  }

  /** Loads the next page; a second call while one is loading waits for it instead of loading twice. */
  async loadMore(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.total !== undefined && this.tasks.length >= this.total) return;
    const done = this.loadPage();
    this.host.changed(this.more);
    await done;
    this.host.changed(this);
  }

  /**
   * Load All: every page of the filter at the read rate (pages in parallel through the limiter), then
   * the whole list at once. Nodes already shown are kept, so a selection survives.
   */
  async loadAll(limiter: RateLimiter, onProgress?: (p: PagingProgress) => void, cancel?: AbortSignal): Promise<void> {
    if (this.loading) await this.loading;
    if (this.total !== undefined && this.tasks.length >= this.total && !this.error) return;
    const run = async (): Promise<void> => {
      const signal = cancel ? AbortSignal.any([cancel, this.host.signal()]) : this.host.signal();
      const { client } = await this.host.connection.getConnection();
      const all = await collectAll((pageNumber, request) => client.listTasks({
        ProjectId: this.project.Id, ProjectEnv: this.env, ...filterQuery(this.host.filter()), PageNumber: pageNumber, PageSize: TASK_PAGE_SIZE,
      }, request), { limiter, signal, ...(onProgress ? { onProgress } : {}) });
      const shown = new Map(this.tasks.map((n) => [n.task.Id, n]));
      const fresh = all.filter((t) => !this.seen.has(t.Id));
      const once = new Set<string>();
      this.tasks = all.filter((t) => !once.has(t.Id) && once.add(t.Id))
        .map((t) => shown.get(t.Id) ?? new TaskNode(this.host, this, t, this.env, this.project));
      for (const t of all) this.seen.add(t.Id);
      this.host.loaded.add(fresh.map((task) => ({ task, env: this.env, project: this.project })));
      this.total = all.length;
      this.nextPage = Math.ceil(all.length / TASK_PAGE_SIZE) + 1;
      this.error = undefined;
    };
    this.loading = run().finally(() => (this.loading = undefined));
    this.host.changed(this.more);
    try {
      await this.loading;
    } finally {
      this.host.changed(this);
    }
  }

  override reset(): void {
    this.tasks = [];
    this.seen.clear();
    this.total = undefined;
    this.nextPage = 1;
    this.error = undefined;
  }

  override refreshTarget(): TreeNode {
    return this;
  }

  private loadPage(): Promise<void> {
    this.loading ??= this.fetchPage().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchPage(): Promise<void> {
    const signal = this.host.signal();
    try {
      const { client } = await this.host.connection.getConnection();
      const page = await client.listTasks(
        {
          ProjectId: this.project.Id,
          ProjectEnv: this.env,
          ...filterQuery(this.host.filter()),
          PageNumber: this.nextPage,
          PageSize: TASK_PAGE_SIZE,
        },
        signal,
      );
      if (signal.aborted) return;
      const fresh: Task[] = page.items.filter((t) => !this.seen.has(t.Id));
      for (const t of fresh) this.seen.add(t.Id);
      this.tasks.push(...fresh.map((t) => new TaskNode(this.host, this, t, this.env, this.project)));
      this.host.loaded.add(fresh.map((task) => ({ task, env: this.env, project: this.project })));
      this.total = page.totalCount;
      this.nextPage += 1;
      this.error = undefined;
      if (page.items.length === 0 && this.tasks.length < page.totalCount) {
        // The service says more exist but sent none: show it rather than pretend the list is whole.
        this.error = [
          new MessageNode(this.host, this, {
            label: page.totalCount === 1
              ? vscode.l10n.t('The service returned an empty page {0} with {1} of 1 task shown', page.pageNumber, this.tasks.length)
              : vscode.l10n.t('The service returned an empty page {0} with {1} of {2} tasks shown', page.pageNumber, this.tasks.length, page.totalCount),
            icon: 'warning',
          }),
        ];
      }
    } catch (e) {
      if (signal.aborted) return;
      this.error = errorNodes(this.host, this, e);
    }
  }
}

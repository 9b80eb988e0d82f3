// The account tree: Buckets, Roles and Users. Listing uses the SDK's pagination; nothing is fetched per
// item until it is expanded; roles come page by page with "Load more"; errors are error items
// with a retry, and the rest of the tree keeps working.
import * as vscode from 'vscode';
import type { BucketSummary, RoleSummary, UserSummary } from '../aws';
import type { BucketWarning } from '../editor/prompts';
import { AccountConnection } from './connection';
import { loadAws, problemText } from '../loadAws';
import { isSingular } from '../editor/settings';
import { UnreachableNotice, unreachableActions, unreachableText } from './unreachable';
import { DeliverySummaries, healthOf } from './delivery/health';
import { checkAdvice, connectorItem, folderDescription, stoppedWarning } from './delivery/treeItems';
import { exportFileItem, exportFileNodes } from './exports/exportItems';

import type { Node } from './accountNodes';

export type { Node };

const ROLE_PAGE = 100;
const BUCKET_LIMIT = 1000;


export class AccountTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private buckets: BucketSummary[] | undefined;
  private bucketsTruncated = false;
  private readonly roles = new IamPages<RoleSummary>((iam, marker) => loadAws().listRolesPage(iam, marker, ROLE_PAGE).then((p) => ({ items: p.roles, marker: p.marker })));
  private readonly users = new IamPages<UserSummary>((iam, marker) => loadAws().listUsersPage(iam, marker, ROLE_PAGE).then((p) => ({ items: p.users, marker: p.marker })));
  private filter = '';
  /** What expanding a bucket revealed: shown on the bucket item itself (region, warning badge). */
  private readonly bucketFacts = new Map<string, { region: string; warnings: string[] }>();
  /** What a bucket's settings mean for an export (Object Lock, SSE-KMS), read once per refresh. */
  private readonly bucketWarningsCache = new Map<string, Promise<BucketWarning[] | undefined>>();
  /** Requests made, for the scale benchmark and tests. */
  requests = 0;

  /** Shown instead of the tree when AWS cannot be reached at all. */
  readonly unreachable = new UnreachableNotice();
  /** Delivery summaries of the Currents folders (src/views/delivery). */
  readonly deliveries = new DeliverySummaries();
  /** The folder nodes shown, so a summary that arrives redraws its own item. */
  private readonly folderNodes = new Map<string, Node>();

  constructor(private readonly connection: AccountConnection) {
    this.deliveries.onDidSummarise(({ bucket, folder }) => {
      const node = this.folderNodes.get(`${bucket}/${folder}`);
      if (node) this.changed.fire(node);
    });
  }

  /** The S3 client for a bucket, in its region when the tree knows it. */
  s3For(bucket: string) {
    const region = this.bucketFacts.get(bucket)?.region;
    const clients = this.connection.get();
    return region ? clients.s3For(region) : clients.s3;
  }

  /** The tree view showing this tree (it carries the "cannot be reached" message). */
  createView(id: string): vscode.TreeView<Node> {
    const view = vscode.window.createTreeView(id, { treeDataProvider: this, showCollapseAll: true });
    this.unreachable.attach(view);
    return view;
  }

  refresh(): void {
    this.deliveries.clear();
    this.folderNodes.clear();
    this.buckets = undefined;
    this.bucketFacts.clear();
    this.bucketWarningsCache.clear();
    this.roles.reset();
    this.users.reset();
    this.changed.fire(undefined);
  }

  /** Redraws every item without listing again (new delivery thresholds). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    this.changed.fire(undefined);
  }

  get currentFilter(): string {
    return this.filter;
  }

  /** For the live checks' questions: bucket names, and the folders of a bucket that hold Currents data. */
  readonly bucketLister = Object.assign(() => this.bucketNames(), { currentsFolders: (bucket: string) => this.currentsFoldersOf(bucket) });

  /** The folders of `bucket` that hold Currents data; undefined when they cannot be read. */
  async currentsFoldersOf(bucket: string): Promise<string[] | undefined> {
    if (!this.connection.allowed || !bucket) return undefined;
    const aws = loadAws();
    const clients = this.connection.get();
    try {
      const region = this.bucketFacts.get(bucket)?.region ?? (await aws.bucketRegion(clients.s3, bucket));
      this.requests++;
      return await aws.currentsFolders(clients.s3For(region), bucket);
    } catch {
      return undefined; // the folder question falls back to the setting
    }
  }

  /**
   * Object Lock and SSE-KMS on a bucket (the setup's bucket list warns about them); undefined
   * when they cannot be read. Each bucket is read once until the view is refreshed.
   */
  bucketWarnings(bucket: string): Promise<BucketWarning[] | undefined> {
    if (!this.connection.allowed) return Promise.resolve(undefined);
    let found = this.bucketWarningsCache.get(bucket);
    if (!found) {
      found = (async () => {
        const aws = loadAws();
        const clients = this.connection.get();
        try {
          this.requests += 3;
          const region = this.bucketFacts.get(bucket)?.region ?? (await aws.bucketRegion(clients.s3, bucket));
          const s3 = clients.s3For(region);
          const [lock, enc] = await Promise.all([aws.objectLockEnabled(s3, bucket), aws.defaultEncryption(s3, bucket)]);
          const out: BucketWarning[] = [];
          if (lock.ok && lock.value) out.push('objectLock');
          if (enc.ok && String(enc.value).startsWith('aws:kms')) out.push('kms');
          return out;
        } catch {
          return undefined;
        }
      })();
      this.bucketWarningsCache.set(bucket, found);
    }
    return found;
  }

  /** Bucket names for quick picks (the first page is enough to choose from). */
  async bucketNames(): Promise<string[] | undefined> {
    if (!this.connection.allowed) return undefined;
    if (!this.buckets) await this.loadBuckets();
    return this.buckets?.map((b) => b.name);
  }

  /** The bucket names already listed, without a request (completion must never wait on AWS). */
  knownBucketNames(): string[] | undefined {
    return this.connection.allowed ? this.buckets?.map((b) => b.name) : undefined;
  }

  private async loadBuckets(): Promise<void> {
    const { listBuckets } = loadAws();
    this.requests++;
    const r = await listBuckets(this.connection.get().s3, BUCKET_LIMIT);
    this.requests += r.pages - 1;
    this.buckets = r.buckets;
    this.bucketsTruncated = r.truncated;
  }

  private async loadPage<T>(pages: IamPages<T>): Promise<void> {
    this.requests++;
    await pages.next(this.connection.get().iam);
  }

  async loadMoreRoles(): Promise<void> {
    await this.loadPage(this.roles);
    this.changed.fire(undefined);
  }

  async loadMoreUsers(): Promise<void> {
    await this.loadPage(this.users);
    this.changed.fire(undefined);
  }

  private matches(name: string): boolean {
    return !this.filter || name.toLowerCase().includes(this.filter);
  }

  /** Set when the credential chain has nothing usable: the view then shows its welcome content. */
  private setNoCredentials(value: boolean): void {
    void vscode.commands.executeCommand('setContext', 'brazeS3.noCredentials', value);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!this.connection.allowed) return node ? [] : [{ kind: 'message', label: vscode.l10n.t('Trust this workspace to connect to AWS.') }];
    if (!node) {
      // One listing tells whether there are credentials at all; an empty root shows the welcome view.
      try {
        if (!this.buckets) await this.loadBuckets();
        this.setNoCredentials(false);
        this.unreachable.clear();
      } catch (error) {
        const aws = loadAws();
        const problem = aws.problemOf(error);
        if (aws.isCredentialsProblem(problem)) {
          this.setNoCredentials(true);
          return [];
        }
        this.setNoCredentials(false);
        if (aws.isNetworkProblem(problem)) {
          // Nothing answers: the view's message says where and why; the tree holds what to do.
          this.unreachable.show(problem, this.connection.get().settings);
          return unreachableActions().map((action): Node => ({ kind: 'action', action }));
        }
        this.unreachable.clear(); // other errors stay in the Buckets branch, with a retry
      }
      return [{ kind: 'group', group: 'buckets' }, { kind: 'group', group: 'roles' }, { kind: 'group', group: 'users' }];
    }
    try {
      switch (node.kind) {
        case 'group':
          return node.group === 'buckets' ? await this.bucketChildren() : node.group === 'roles' ? await this.roleChildren() : await this.userChildren();
        case 'user':
          return await this.userDetails(node.user);
        case 'currentsFolder':
          return await this.folderConnectors(node);
        case 'connector':
          return this.connectorDetails(node);
        case 'bucket':
          return await this.bucketDetails(node);
        case 'role':
          return await this.rolePolicies(node.role);
        default:
          return [];
      }
    } catch (error) {
      // Errors stay in their branch, as an item with a retry: never a pop-up from here.
      const retry = node.kind === 'group' ? node.group : undefined;
      const aws = loadAws();
      const problem = aws.problemOf(error);
      const label = aws.isNetworkProblem(problem) ? unreachableText(problem, this.connection.get().settings) : problemText(error);
      return [{ kind: 'message', label, error: true, retry }];
    }
  }

  private async bucketChildren(): Promise<Node[]> {
    if (!this.buckets) await this.loadBuckets();
    const list = (this.buckets ?? []).filter((b) => this.matches(b.name)).map((bucket): Node => ({ kind: 'bucket', bucket }));
    if (list.length === 0) return [{ kind: 'message', label: this.filter ? vscode.l10n.t('No bucket matches "{0}".', this.filter) : vscode.l10n.t('No buckets in this account.') }];
    if (this.bucketsTruncated) list.push({ kind: 'message', label: vscode.l10n.t('Showing the first {0} buckets: use the filter.', BUCKET_LIMIT) });
    return list;
  }

  private async roleChildren(): Promise<Node[]> {
    if (!this.roles.loaded) await this.loadPage(this.roles);
    const list = this.roles.items.filter((r) => this.matches(r.name)).map((role): Node => ({ kind: 'role', role }));
    if (this.roles.marker) list.push({ kind: 'more', group: 'roles' });
    if (list.length === 0) return [{ kind: 'message', label: this.filter ? vscode.l10n.t('No role matches "{0}".', this.filter) : vscode.l10n.t('No roles in this account.') }];
    return list;
  }

  private async userChildren(): Promise<Node[]> {
    if (!this.users.loaded) await this.loadPage(this.users);
    const list = this.users.items.filter((u) => this.matches(u.name)).map((user): Node => ({ kind: 'user', user }));
    if (this.users.marker) list.push({ kind: 'more', group: 'users' });
    if (list.length === 0) return [{ kind: 'message', label: this.filter ? vscode.l10n.t('No user matches "{0}".', this.filter) : vscode.l10n.t('No IAM users in this account.') }];
    return list;
  }

  /**
   * A user's policies, then its access keys with age and last use. Keys of a user holding an
   * export policy are watched: old or unused keys get a warning that says why.
   */
  private async userDetails(user: UserSummary): Promise<Node[]> {
    const aws = loadAws();
    const iam = this.connection.get().iam;
    this.requests += 2;
    const [policies, keys] = await Promise.all([aws.userPolicies(iam, user.name), aws.accessKeys(iam, user.name)]);
    const exportUser = aws.holdsExportPolicy(policies);
    const out: Node[] = policies.map((p): Node => ({ kind: 'policy', role: user.name, name: p.name, policyKind: p.kind, document: p.document }));
    for (const key of keys) out.push({ kind: 'accessKey', user: user.name, key, concern: exportUser ? aws.keyConcern(key) : undefined });
    if (out.length === 0) out.push({ kind: 'message', label: vscode.l10n.t('No policies and no access keys.') });
    return out;
  }

  private async bucketDetails(node: Extract<Node, { kind: 'bucket' }>): Promise<Node[]> {
    const bucket = node.bucket.name;
    const aws = loadAws();
    const clients = this.connection.get();
    this.requests++;
    const region = await aws.bucketRegion(clients.s3, bucket);
    const s3 = clients.s3For(region);
    const out: Node[] = [{ kind: 'bucketInfo', label: vscode.l10n.t('Region: {0}', region) }];
    this.requests += 2;
    const [lock, enc] = await Promise.all([aws.objectLockEnabled(s3, bucket), aws.defaultEncryption(s3, bucket)]);
    if (lock.ok && lock.value) out.push({ kind: 'bucketInfo', label: vscode.l10n.t('Object Lock is enabled: Currents does not support this bucket'), warning: true });
    if (enc.ok && String(enc.value).startsWith('aws:kms')) out.push({ kind: 'bucketInfo', label: vscode.l10n.t('Default encryption SSE-KMS: the partner cannot write here (kms:GenerateDataKey)'), warning: true });
    const warnings: string[] = [];
    if (lock.ok && lock.value) warnings.push(vscode.l10n.t('Object Lock'));
    if (enc.ok && String(enc.value).startsWith('aws:kms')) warnings.push('SSE-KMS');
    const before = JSON.stringify(this.bucketFacts.get(bucket));
    this.bucketFacts.set(bucket, { region, warnings });
    if (before !== JSON.stringify(this.bucketFacts.get(bucket))) setTimeout(() => this.changed.fire(node), 0);
    // Currents data per connector folder; a bucket without any (a dashboard-export bucket) says so.
    this.requests++;
    const folders = await aws.currentsFolders(s3, bucket);
    if (folders.length === 0) {
      // A bucket without Currents data may hold dashboard and API exports: newest first.
      out.push({ kind: 'bucketInfo', label: vscode.l10n.t('No Currents data in this bucket') });
      this.requests++;
      out.push(...(await exportFileNodes(s3, bucket, region)));
    }
    for (const folder of folders) {
      const folderNode: Node = { kind: 'currentsFolder', bucket, folder };
      this.folderNodes.set(`${bucket}/${folder}`, folderNode);
      // Each folder's delivery state shows on its item as soon as its summary is made.
      this.requests++;
      this.deliveries.get(s3, bucket, folder).catch(() => undefined);
      out.push(folderNode);
    }
    return out;
  }

  /** One item per Currents connector of the folder, with its delivery state. */
  private async folderConnectors(node: Extract<Node, { kind: 'currentsFolder' }>): Promise<Node[]> {
    const region = this.bucketFacts.get(node.bucket)?.region;
    const d = await this.deliveries.get(this.s3For(node.bucket), node.bucket, node.folder);
    const out: Node[] = d.connectors.map((summary): Node => ({ kind: 'connector', bucket: node.bucket, folder: node.folder, region, summary }));
    if (out.length === 0) out.push({ kind: 'message', label: vscode.l10n.t('No Currents connector folder (dataexport.…) here.') });
    if (d.cut?.objects) out.push({ kind: 'message', label: vscode.l10n.t('Listing stopped after {0} files: counts are incomplete.', d.cut.objects.toLocaleString()) });
    return out;
  }

  /** A stopped connector says how long is left and what to check; then its newest files. */
  private connectorDetails(node: Extract<Node, { kind: 'connector' }>): Node[] {
    const out: Node[] = [];
    const h = healthOf(node.summary.newestHour);
    if (h.state === 'stopped') {
      out.push({ kind: 'bucketInfo', label: stoppedWarning(h), warning: true, tooltip: `${stoppedWarning(h)}\n${checkAdvice()}` });
      out.push({ kind: 'bucketInfo', label: checkAdvice(), tooltip: checkAdvice(), command: { command: 'brazeS3.testCredentials', title: vscode.l10n.t('Test credentials'), arguments: [node.bucket, { integration: 'currents', folder: node.folder }] } });
    }
    if (h.state === 'quiet') out.push({ kind: 'bucketInfo', label: vscode.l10n.t('Currents may simply be quiet on a quiet workspace.') });
    for (const object of node.summary.newestObjects) out.push({ kind: 'object', bucket: node.bucket, object });
    return out;
  }

  private async rolePolicies(role: RoleSummary): Promise<Node[]> {
    const { rolePolicies } = loadAws();
    this.requests++;
    const policies = await rolePolicies(this.connection.get().iam, role.name, role.boundaryArn);
    if (policies.length === 0) return [{ kind: 'message', label: vscode.l10n.t('No policies attached.') }];
    return policies.map((p): Node => ({ kind: 'policy', role: role.name, name: p.name, policyKind: p.kind, document: p.document }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const label = node.group === 'buckets' ? vscode.l10n.t('Buckets') : node.group === 'roles' ? vscode.l10n.t('Roles') : vscode.l10n.t('Users');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.contextValue = `group-${node.group}`;
        item.iconPath = new vscode.ThemeIcon(node.group === 'buckets' ? 'database' : node.group === 'roles' ? 'shield' : 'organization');
        return item;
      }
      case 'bucket': {
        const item = new vscode.TreeItem(node.bucket.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `bucket:${node.bucket.name}`;
        item.contextValue = 'bucket';
        const facts = this.bucketFacts.get(node.bucket.name);
        const warned = !!facts?.warnings.length;
        item.iconPath = warned ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('archive');
        item.description = facts ? `${facts.region}${warned ? ` · ⚠ ${facts.warnings.join(', ')}` : ''}` : undefined;
        item.tooltip = `arn:aws:s3:::${node.bucket.name}${warned ? `\n⚠ ${facts!.warnings.join(', ')}` : ''}`;
        return item;
      }
      case 'bucketInfo': {
        const item = new vscode.TreeItem(node.label);
        item.iconPath = new vscode.ThemeIcon(node.warning ? 'warning' : node.command ? 'debug-start' : 'info', node.warning ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.tooltip = node.tooltip;
        item.command = node.command;
        return item;
      }
      case 'currentsFolder': {
        const item = new vscode.TreeItem(`${node.folder}/`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `folder:${node.bucket}/${node.folder}`;
        item.contextValue = 'currentsFolder';
        const health = folderDescription(this.deliveries.peek(node.bucket, node.folder), !!this.deliveries.failed(node.bucket, node.folder));
        item.description = health.description;
        item.tooltip = [`s3://${node.bucket}/${node.folder}/`, vscode.l10n.t('Currents connector folder'), health.tooltip].filter(Boolean).join('\n');
        item.iconPath = health.icon;
        return item;
      }
      case 'connector':
        return connectorItem(node.bucket, node.folder, node.summary, node);
      case 'exportFile':
        return exportFileItem(node);
      case 'object': {
        const item = new vscode.TreeItem(node.object.key.split('/').pop() ?? node.object.key);
        item.description = `${formatBytes(node.object.size)} · ${node.object.lastModified?.toISOString().replace('T', ' ').slice(0, 16) ?? ''}`;
        item.tooltip = `s3://${node.bucket}/${node.object.key}`;
        item.iconPath = new vscode.ThemeIcon('file');
        item.contextValue = 'object';
        item.command = { command: 'brazeS3.openObject', title: vscode.l10n.t('Open'), arguments: [node] };
        return item;
      }
      case 'role': {
        const item = new vscode.TreeItem(node.role.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.contextValue = 'role';
        item.iconPath = new vscode.ThemeIcon('account');
        const t = node.role.trust;
        item.description = t?.accounts.length
          ? `${t.accounts.join(', ')}${t.externalIdRequired ? ' · ' + vscode.l10n.t('external ID required') : ' · ' + vscode.l10n.t('no external ID')}`
          : t?.services.join(', ') ?? '';
        item.tooltip = node.role.arn;
        return item;
      }
      case 'user': {
        const item = new vscode.TreeItem(node.user.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `user:${node.user.name}`;
        item.contextValue = 'user';
        item.iconPath = new vscode.ThemeIcon('person');
        item.tooltip = node.user.arn;
        return item;
      }
      case 'accessKey':
        return accessKeyItem(node);
      case 'policy': {
        const item = new vscode.TreeItem(node.name);
        item.description = node.policyKind;
        item.contextValue = 'policy';
        item.iconPath = new vscode.ThemeIcon('json');
        item.command = { command: 'brazeS3.openPolicy', title: vscode.l10n.t('Open policy'), arguments: [node] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.command = { command: node.group === 'users' ? 'brazeS3.loadMoreUsers' : 'brazeS3.loadMoreRoles', title: vscode.l10n.t('Load more…') };
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        return item;
      }
      case 'action': {
        const item = new vscode.TreeItem(node.action.label);
        item.iconPath = new vscode.ThemeIcon(node.action.icon);
        item.command = node.action.command;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label);
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        if (node.retry) {
          item.contextValue = 'retry';
          item.command = { command: 'brazeS3.refresh', title: vscode.l10n.t('Retry') };
          item.tooltip = vscode.l10n.t('Select to retry');
        }
        return item;
      }
    }
  }

  dispose(): void {
    this.deliveries.dispose();
    this.changed.dispose();
  }
}

function days(n: number): string {
  return isSingular(n) ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', n);
}

function accessKeyItem(node: Extract<Node, { kind: 'accessKey' }>): vscode.TreeItem {
  const { key, concern } = node;
  const item = new vscode.TreeItem(key.id);
  item.contextValue = key.status === 'Active' ? 'accessKey-active' : 'accessKey-inactive';
  const age = key.created ? Math.floor((Date.now() - key.created.getTime()) / 86_400_000) : undefined;
  const used = key.lastUsed ? vscode.l10n.t('last used {0}', key.lastUsed.toISOString().slice(0, 10)) + (key.lastService ? ` (${key.lastService})` : '') : vscode.l10n.t('never used');
  const status = key.status === 'Active' ? vscode.l10n.t('active') : vscode.l10n.t('inactive');
  item.description = [status, age === undefined ? undefined : vscode.l10n.t('created {0} ago', days(age)), used].filter(Boolean).join(' · ');
  item.iconPath = concern ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(key.status === 'Active' ? 'key' : 'circle-slash');
  const why = !concern
    ? undefined
    : concern.kind === 'old'
      ? vscode.l10n.t('Created {0} ago: rotate it (Rotate access key…). A key that leaks or expires stops the connector.', days(concern.days))
      : concern.kind === 'idle'
        ? vscode.l10n.t('Not used for {0}: the connector is not sending with it. Currents drops events it could not deliver for 48 hours.', days(concern.days))
        : vscode.l10n.t('Never used in {0}: if the partner has it, the connector is not sending. Currents drops events it could not deliver for 48 hours.', days(concern.days));
  item.tooltip = why ? `${key.id}\n⚠ ${why}` : key.id;
  return item;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

type IamClient = ReturnType<AccountConnection['get']>['iam'];

/** One IAM listing shown page by page ("Load more…"): roles and users alike. */
class IamPages<T> {
  items: T[] = [];
  marker: string | undefined;
  loaded = false;

  constructor(private readonly fetch: (iam: IamClient, marker: string | undefined) => Promise<{ items: T[]; marker?: string }>) {}

  async next(iam: IamClient): Promise<void> {
    const page = await this.fetch(iam, this.marker);
    this.items.push(...page.items);
    this.marker = page.marker;
    this.loaded = true;
  }

  reset(): void {
    this.items = [];
    this.marker = undefined;
    this.loaded = false;
  }
}

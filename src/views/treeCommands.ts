// The account view's own commands: refresh, load more, filter, the profile, and what its rows
// offer (copy an ARN, put a bucket's name in the editor, a policy for a bucket, a role's trust
// policy and a principal's policies as read-only documents).
import * as vscode from 'vscode';
import { findPlaceholders } from '../policy';
import { loadAws } from '../loadAws';
import { insertPolicy } from '../editor/templateCommands';
import type { AccountConnection } from './connection';
import type { AccountTree } from './accountTree';
import type { Node } from './accountNodes';
import type { PolicyDocuments } from './reports';

type Command = (id: string, run: (...args: never[]) => unknown) => vscode.Disposable;

export function treeCommands(command: Command, connection: AccountConnection, tree: AccountTree, policies: PolicyDocuments): vscode.Disposable[] {
  return [
    command('brazeS3.refresh', () => tree.refresh()),
    command('brazeS3.loadMoreRoles', () => tree.loadMoreRoles()),
    command('brazeS3.loadMoreUsers', () => tree.loadMoreUsers()),
    command('brazeS3.filter', async (value?: string) => {
      const filter = value ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Filter buckets, roles and users'), value: tree.currentFilter, prompt: vscode.l10n.t('Part of a name; empty shows all') }));
      if (filter !== undefined) tree.setFilter(filter);
    }),
    command('brazeS3.selectProfile', async () => {
      const aws = loadAws();
      const profiles = await aws.listProfiles().catch(() => [] as string[]);
      const picked = await vscode.window.showQuickPick(['default', ...profiles.filter((p) => p !== 'default')], { title: vscode.l10n.t('AWS profile') });
      if (!picked) return;
      const region = await vscode.window.showInputBox({ title: vscode.l10n.t('AWS region'), value: vscode.workspace.getConfiguration('brazeS3').get<string>('region') || 'us-east-1', validateInput: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? undefined : vscode.l10n.t('A region such as eu-west-1.')) });
      if (!region) return;
      const c = vscode.workspace.getConfiguration('brazeS3');
      await c.update('profile', picked === 'default' ? undefined : picked, vscode.ConfigurationTarget.Global);
      await c.update('region', region, vscode.ConfigurationTarget.Global);
    }),
    command('brazeS3.copyArn', async (node?: Node) => {
      const arn = node?.kind === 'bucket' ? `arn:aws:s3:::${node.bucket.name}` : node?.kind === 'role' ? node.role.arn : undefined;
      if (arn) await vscode.env.clipboard.writeText(arn);
      return arn;
    }),
    command('brazeS3.insertBucketName', async (node?: Node) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || node?.kind !== 'bucket') return false;
      const name = node.bucket.name;
      const holders = findPlaceholders(editor.document.getText()).filter((p) => /BUCKET/.test(p.text));
      if (holders.length) return vscode.commands.executeCommand('brazeS3.replacePlaceholder', editor.document.uri, holders[0].text, name);
      return editor.edit((b) => b.replace(editor.selection, name));
    }),
    command('brazeS3.generateCurrentsPolicy', (node?: Node) => insertPolicy(() => tree.bucketNames(), { integration: 'currents', bucket: node?.kind === 'bucket' ? node.bucket.name : undefined, auth: 'secret-key' }, 'new')),
    command('brazeS3.generateDashboardPolicy', (node?: Node) => insertPolicy(() => tree.bucketNames(), { integration: 'dashboard', bucket: node?.kind === 'bucket' ? node.bucket.name : undefined, auth: 'secret-key' }, 'new')),
    command('brazeS3.showTrustPolicy', async (node?: Node) => {
      if (node?.kind !== 'role') return undefined;
      const { getRole } = loadAws();
      const r = await getRole(connection.get().iam, node.role.name);
      return policies.open(`${node.role.name} trust policy`, prettyJson(r.trustDocument));
    }),
    command('brazeS3.openPolicy', (node?: Node) => (node?.kind === 'policy' ? policies.open(`${node.role} ${node.name}`, prettyJson(node.document)) : undefined)),
  ];
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 4) + '\n';
  } catch {
    return text;
  }
}

// Delivery health and export files in the real host, against the demo in moto: the tree's states
// (one connector delivering, one stopped 30 hours ago), the delivery view's data, and Open and
// Download of dashboard export files.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from './util';
import type { Node } from '../../src/views/accountTree';

async function bucketChildren(name: string): Promise<Node[]> {
  const { account } = await api();
  const [group] = await account.tree.getChildren();
  const bucket = (await account.tree.getChildren(group)).find((n) => n.kind === 'bucket' && n.bucket.name === name)!;
  return account.tree.getChildren(bucket);
}

describe('Currents delivery health (moto)', () => {
  before(async () => (await api()).account.tree.refresh());

  it('shows each folder\'s state on its item: delivering, and stopped with the hours left', async () => {
    const { account } = await api();
    const [, currents, warehouse] = await bucketChildren('acme-braze-currents');
    // The summaries are made in the background when the bucket is expanded; the items then redraw.
    const description = (n: Node) => String(account.tree.getTreeItem(n).description ?? '');
    await waitFor(() => [description(currents), description(warehouse)], (d) => !d.includes('checking delivery…'), 20_000, 'the folders\' delivery states');
    assert.match(description(currents), /^delivering · newest file [01] hours? ago$/);
    assert.match(description(warehouse), /^stopped · (18 hours left · no file for 30|17 hours left · no file for 31) hours$/);
    const item = account.tree.getTreeItem(warehouse);
    assert.match(String(item.tooltip), /Currents drops the first events it could not deliver \(48-hour window\)[\s\S]*access key's age and last use/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
  });

  it('a stopped connector: the countdown, what to check (runs Test credentials), and the newest files', async () => {
    const { account } = await api();
    const [, , warehouse] = await bucketChildren('acme-braze-currents');
    const [connector] = await account.tree.getChildren(warehouse);
    const item = account.tree.getTreeItem(connector);
    assert.equal(item.description, 'dataexport.prod-03.S3.integration.61a9e0c47b2d5f0018e4c3b2');
    assert.match(String(item.label), /^stopped · (18|17) hours left · no file for 3[01] hours$/);
    assert.equal(item.command?.command, 'brazeS3.showDelivery');
    const [countdown, check, newest] = await account.tree.getChildren(connector);
    assert.match(String(account.tree.getTreeItem(countdown).label), /^(18|17) hours left before Currents drops the first events it could not deliver \(48-hour window\)\.$/);
    const checkItem = account.tree.getTreeItem(check);
    assert.match(String(checkItem.label), /access key's age and last use \(Users\), the role's trust policy \(Roles\), then run Test credentials/);
    assert.deepEqual(checkItem.command?.arguments, ['acme-braze-currents', { integration: 'currents', folder: 'currents-warehouse' }]);
    assert.equal(newest.kind, 'object');
  });

  it('follows the thresholds set in the settings', async () => {
    const { account } = await api();
    const config = vscode.workspace.getConfiguration('brazeS3.delivery');
    await config.update('stoppedHours', 40, vscode.ConfigurationTarget.Workspace);
    try {
      const [, , warehouse] = await bucketChildren('acme-braze-currents');
      await waitFor(() => String(account.tree.getTreeItem(warehouse).description), (d) => d.startsWith('quiet'), 20_000, 'the quiet state');
      assert.match(String(account.tree.getTreeItem(warehouse).description), /^quiet · no new file for 3[01] hours$/);
    } finally {
      await config.update('stoppedHours', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the delivery view: per event type, 7 days of hours, the outage as empty hours', async () => {
    const { account } = await api();
    await vscode.commands.executeCommand('brazeS3.showDelivery', { bucket: 'acme-braze-currents', folder: 'currents', connector: 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d' });
    const data = await waitFor(() => account.delivery.view.last, (d) => d?.connector === 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d', 20_000, 'the view\'s data');
    assert.equal(data!.state, 'delivering');
    assert.equal(data!.hours, 168);
    assert.deepEqual(data!.types.map((t) => t.name), ['users.behaviors.CustomEvent', 'users.campaigns.Conversion', 'users.messages.email.Open', 'users.messages.email.Send']);
    const send = data!.types[3].files;
    assert.equal(send.reduce((a, b) => a + b, 0), 45);
    assert.ok(send.slice(-24, -17).includes(0), 'the 3-hour outage about 20 hours ago');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Dashboard export files (moto)', () => {
  it('lists the export bucket\'s files newest first with size and age', async () => {
    const { account } = await api();
    const files = (await bucketChildren('acme-braze-exports')).filter((n) => n.kind === 'exportFile');
    assert.equal(files.length, 4);
    const items = files.map((n) => account.tree.getTreeItem(n));
    assert.ok(items.every((i) => /^\d+(\.\d)? (B|KB) · less than an hour ago$/.test(String(i.description))), JSON.stringify(items.map((i) => i.description)));
    assert.ok(items.every((i) => i.command?.command === 'brazeS3.openExportFile'));
  });

  it('opens a CSV as text and a ZIP as the list of its entries', async () => {
    const files = (await bucketChildren('acme-braze-exports')).filter((n): n is Extract<Node, { kind: 'exportFile' }> => n.kind === 'exportFile');
    const csv = files.find((n) => n.object.key.startsWith('segment-exports/active-users-'))!;
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.openExportFile', csv);
    assert.match(doc.getText(), /^external_id,email,country\ncustomer-1000,customer1000@example.com,ES\n/);
    assert.equal(doc.getText().trim().split('\n').length, 26);
    const zip = files.find((n) => n.object.key.endsWith('.zip'))!;
    const listing = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.openExportFile', zip);
    const text = listing.getText();
    assert.match(text, /: 3 entries \(ZIP, /);
    assert.match(text, /5f0c2a7d-segment-export\/part-0000\.txt +\d/);
    assert.match(text, /README\.txt/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('downloads an export file into the workspace folder', async () => {
    const json = { bucket: 'acme-braze-exports', key: (await bucketChildren('acme-braze-exports')).filter((n): n is Extract<Node, { kind: 'exportFile' }> => n.kind === 'exportFile').find((n) => n.object.key.startsWith('reports/'))!.object.key };
    const name = json.key.split('/').pop()!;
    const dest = workspaceFile(name);
    rmSync(dest.fsPath, { force: true });
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('brazeS3.downloadExportFile', json);
      assert.equal(uri?.fsPath, dest.fsPath);
      assert.ok(existsSync(dest.fsPath));
      assert.match(readFileSync(dest.fsPath, 'utf8'), /^date,campaign,sends,opens,clicks\n/);
      assert.ok(!existsSync(`${dest.fsPath}.part`), 'no partial file left');
    } finally {
      rmSync(dest.fsPath, { force: true });
    }
  });
});

// Policy-aware completion in the real host: keys where they may go, values, and resource ARNs for
// the buckets the account view already listed (moto's demo account) — never a request of its own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, openText, ourDiagnostics, waitFor, workspaceFile } from './util';

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function complete(editor: vscode.TextEditor, needle: string, after = needle.length): Promise<vscode.CompletionItem[]> {
  const offset = editor.document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in the document`);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(offset + after));
  return list.items;
}

/** Applies a completion item the way accepting it does: its text over its range. */
async function accept(editor: vscode.TextEditor, it: vscode.CompletionItem): Promise<void> {
  const range = it.range instanceof vscode.Range ? it.range : it.range?.replacing;
  assert.ok(range, `${label(it)} has a range`);
  const text = typeof it.insertText === 'string' ? it.insertText : it.insertText?.value ?? label(it);
  assert.ok(await editor.edit((b) => b.replace(range, text)));
}

describe('policy-aware completion', () => {
  before(() => api());
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the statement keys not yet present, then Allow/Deny for Effect; the JSON stays valid', async () => {
    const editor = await openText('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Write", "": "" }\n  ]\n}');
    await ourDiagnostics(editor.document.uri, () => true);
    const keys = await complete(editor, '"": ""', 1);
    const labels = keys.map(label);
    for (const k of ['Effect', 'Principal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']) assert.ok(labels.includes(k), `${k} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('Sid'), 'Sid is already there');
    await accept(editor, keys.find((i) => label(i) === 'Effect')!);
    const values = await complete(editor, '"Effect": ""', '"Effect": "'.length);
    assert.deepEqual(values.map(label).filter((l) => l === 'Allow' || l === 'Deny'), ['Allow', 'Deny']);
    await accept(editor, values.find((i) => label(i) === 'Allow')!);
    assert.deepEqual(JSON.parse(editor.document.getText()).Statement[0], { Sid: 'Write', Effect: 'Allow' });
  });

  it('offers the top-level keys and the principal types', async () => {
    const editor = await openText('{\n  "Version": "2012-10-17",\n  "": [],\n  "Statement": [{ "Effect": "Allow", "Principal": { "": "x" } }]\n}');
    await ourDiagnostics(editor.document.uri, () => true);
    assert.deepEqual((await complete(editor, '"": []', 1)).map(label).filter((l) => ['Version', 'Id', 'Statement'].includes(l)), ['Id']);
    const principals = (await complete(editor, '"": "x"', 1)).map(label);
    for (const k of ['AWS', 'Service', 'Federated', 'CanonicalUser']) assert.ok(principals.includes(k), `${k} in ${principals.join(', ')}`);
  });

  it('resource ARNs come from the account view\'s listing only: none before it, then bucket, BUCKET/* and the Currents folder', async () => {
    const { account } = await api();
    account.tree.refresh(); // forget any listing: completion must not fetch one
    const editor = await openText(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: ['arn:aws:s3:::acme'] }] }, null, 2));
    await ourDiagnostics(editor.document.uri, () => true);
    const requests = account.tree.requests;
    const none = await complete(editor, 'arn:aws:s3:::acme');
    assert.ok(!none.some((i) => label(i).startsWith('arn:aws:s3:::acme-braze')), none.map(label).slice(0, 10).join(', '));
    assert.equal(account.tree.requests, requests, 'completion made no AWS request');
    await account.tree.getChildren(); // the account view lists the buckets
    await account.tree.getChildren((await account.tree.getChildren())[0]);
    const arns = await waitFor(() => complete(editor, 'arn:aws:s3:::acme'), (items) => items.some((i) => label(i) === 'arn:aws:s3:::acme-braze-currents'), 10_000, 'bucket ARNs');
    const labels = arns.map(label);
    for (const a of ['arn:aws:s3:::acme-braze-currents', 'arn:aws:s3:::acme-braze-currents/*', 'arn:aws:s3:::acme-braze-currents/currents/*', 'arn:aws:s3:::acme-braze-exports/*']) assert.ok(labels.includes(a), `${a} in ${labels.join(', ')}`);
    await accept(editor, arns.find((i) => label(i) === 'arn:aws:s3:::acme-braze-currents/currents/*')!);
    assert.deepEqual(JSON.parse(editor.document.getText()).Statement[0].Resource, ['arn:aws:s3:::acme-braze-currents/currents/*']);
  });

  it('a Terraform resources list: the same ARNs inside its quotes', async () => {
    const { account } = await api();
    await account.tree.getChildren((await account.tree.getChildren())[0]);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('infra', 'braze-currents.tf')));
    await ourDiagnostics(editor.document.uri);
    const items = await complete(editor, 'resources = ["arn:aws:s3:::', 'resources = ["arn:aws:s3:::'.length);
    const it = items.find((i) => label(i) === 'arn:aws:s3:::acme-braze-exports/*');
    assert.ok(it, items.map(label).slice(0, 10).join(', '));
    await accept(editor, it);
    assert.match(editor.document.getText(), /resources = \["arn:aws:s3:::acme-braze-exports\/\*"\]/);
  });
});

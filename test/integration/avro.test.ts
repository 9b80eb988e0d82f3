// The Avro viewer in the real host: a workspace .avro file opens in the custom editor (not as
// text), the viewer gets the header, the first page and the count; a broken file opens with what
// was read and where it broke; Open on an object of the account view reads it from the bucket
// through the read-only braze-s3:// file system (moto, through AWS_ENDPOINT_URL).
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { EMAIL_SEND_SCHEMA, emailSend, emailSends, writeAvro } from '../avro/currents';
import { api, waitFor, workspaceFile } from './util';

const VIEW = 'brazeS3.avroViewer';

function activeCustomTab(): vscode.TabInputCustom | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input : undefined;
}

async function viewerFinished(uri: vscode.Uri) {
  const { avro } = await api();
  const sent = await waitFor(() => avro.provider.lastSent(uri), (s) => !!s?.count && s.count.type === 'count' && !s.count.counting, 20_000, `the viewer's count of ${uri.path}`);
  return sent!;
}

describe('Avro viewer (custom editor)', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a workspace .avro file in the viewer: codec, schema columns, first page, count', async () => {
    const uri = workspaceFile('currents-export', 'users.messages.email.Send.avro');
    await vscode.commands.executeCommand('vscode.open', uri);
    const tab = await waitFor(activeCustomTab, (t) => !!t, 10_000, 'a custom editor tab');
    assert.equal(tab!.viewType, VIEW);
    const sent = await viewerFinished(uri);
    const init = sent.init as Extract<typeof sent.init, { type: 'init' }>;
    assert.equal(init.codec, 'deflate');
    assert.equal(init.openError, undefined);
    assert.deepEqual(init.columns.slice(0, 3), ['id', 'user_id', 'external_user_id']);
    assert.match(init.schema, /"name": "email_address"/);
    const page = sent.page as Extract<typeof sent.page, { type: 'page' }>;
    assert.equal(page.rows.length, 100);
    assert.deepEqual(page.rows[0].value, emailSend(0));
    const count = sent.count as Extract<typeof sent.count, { type: 'count' }>;
    assert.equal(count.records, 1250);
    assert.match(count.text, /^1,250 records · \d+ blocks$/);
    assert.equal(count.problem, undefined);
  });

  it('answers the viewer: the last page, a filter on one column and its continuation', async () => {
    const uri = workspaceFile('currents-export', 'users.messages.email.Send.avro');
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW);
    await viewerFinished(uri);
    const { avro } = await api();
    const doc = avro.provider.documentFor(uri)!;
    const last = await avro.provider.answer(doc, { type: 'page', req: 1, page: 12 });
    assert.equal(last.type, 'page');
    assert.deepEqual((last as Extract<typeof last, { type: 'page' }>).rows.map((r) => r.index), Array.from({ length: 50 }, (_, i) => 1200 + i));
    const found = await avro.provider.answer(doc, { type: 'search', req: 2, column: 'email_address', text: 'CUSTOMER12' });
    assert.equal(found.type, 'found');
    const f = found as Extract<typeof found, { type: 'found' }>;
    // customer12, customer120–129, customer1200–1249: 61 matches, the first 100-match batch holds them all.
    assert.equal(f.rows.length, 61);
    assert.equal(f.next, undefined);
    assert.equal(f.searchedText, 'searched the whole file');
    const some = await avro.provider.answer(doc, { type: 'search', req: 3, column: '', text: 'TRANSACTIONAL' }); // ip_pool of every odd record
    const s = some as Extract<typeof some, { type: 'found' }>;
    assert.equal(s.rows.length, 100);
    assert.ok(s.next);
    assert.match(s.searchedText, /^searched the first [\d,]+ records$/);
    const more = (await avro.provider.answer(doc, { type: 'search', req: 4, column: '', text: 'TRANSACTIONAL', cursor: s.next })) as Extract<typeof some, { type: 'found' }>;
    assert.equal(s.rows[99].index, 199);
    assert.deepEqual(more.rows.slice(0, 2).map((r) => r.index), [201, 203]);
  });

  it('a truncated file opens with the records before the break and where it broke, never blank', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(400), 'snappy', 4096);
    const dir = mkdtempSync(join(tmpdir(), 'braze-avro-host-'));
    const path = join(dir, 'cut.avro');
    writeFileSync(path, buf.subarray(0, Math.floor(buf.length * 0.6)));
    const uri = vscode.Uri.file(path);
    await vscode.commands.executeCommand('vscode.open', uri);
    const sent = await viewerFinished(uri);
    const count = sent.count as Extract<typeof sent.count, { type: 'count' }>;
    assert.ok(count.records > 0 && count.records < 400, `${count.records}`);
    assert.match(count.problem ?? '', new RegExp(`^The file is truncated: it ends at byte [\\d,]+, inside block \\d+\\. ${count.records} records before it were read\\.$`));
    const page = sent.page as Extract<typeof sent.page, { type: 'page' }>;
    assert.deepEqual(page.rows[99].value, emailSend(99));
  });

  it('a file that is not Avro opens with the reason, and the host reports no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'braze-avro-host-'));
    const path = join(dir, 'export.avro');
    writeFileSync(path, 'external_id,email\n1,a@example.com\n');
    const uri = vscode.Uri.file(path);
    await vscode.commands.executeCommand('vscode.open', uri);
    const { avro } = await api();
    const sent = (await waitFor(() => avro.provider.lastSent(uri), (s) => !!s?.init, 10_000, 'the viewer\'s header'))!;
    const init = sent.init as Extract<typeof sent.init, { type: 'init' }>;
    assert.equal(init.fileName, 'export.avro');
    assert.match(init.openError ?? '', /^Not an Avro object container file/);
    assert.equal(init.size, '34 B'); // 18 + 16 bytes
    assert.equal(sent.page, undefined, 'no table for a file without an Avro header');
  });
});

describe('Open on a bucket object: the read-only braze-s3:// file system (moto)', () => {
  const bucket = 'acme-marketing-assets';
  const key = 'avro-viewer/users.messages.email.Send.avro';
  const s3 = new S3Client({ region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL, forcePathStyle: true });
  before(async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await writeAvro(EMAIL_SEND_SCHEMA, emailSends(700), 'deflate', 8192) }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'avro-viewer/notes.csv', Body: 'id,email\n1,a@example.com\n' }));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'avro-viewer/notes.csv' }));
    s3.destroy();
  });

  it('Open on an .avro object shows it in the viewer, read from the bucket', async () => {
    await vscode.commands.executeCommand('brazeS3.openObject', { kind: 'object', bucket, object: { key, size: 1 } });
    const tab = await waitFor(activeCustomTab, (t) => !!t, 10_000, 'a custom editor tab');
    assert.equal(tab!.viewType, VIEW);
    assert.equal(tab!.uri.toString(), `braze-s3://${bucket}/${key}`);
    const sent = await viewerFinished(tab!.uri);
    assert.equal((sent.count as Extract<typeof sent.count, { type: 'count' }>).records, 700);
    assert.deepEqual((sent.page as Extract<typeof sent.page, { type: 'page' }>).rows[5].value, emailSend(5));
  });

  it('a CSV object opens as read-only text; the file system lists the folder and refuses writes', async () => {
    const uri = vscode.Uri.parse(`braze-s3://${bucket}/avro-viewer/notes.csv`);
    await vscode.commands.executeCommand('brazeS3.openObject', { kind: 'object', bucket, object: { key: 'avro-viewer/notes.csv' } });
    const editor = await waitFor(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === uri.toString(), 10_000, 'the CSV in a text editor');
    assert.equal(editor!.document.getText(), 'id,email\n1,a@example.com\n');
    const listed = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(`braze-s3://${bucket}/avro-viewer`));
    assert.deepEqual(listed.map(([n]) => n).sort(), ['notes.csv', 'users.messages.email.Send.avro']);
    assert.equal((await vscode.workspace.fs.stat(uri)).permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'))), /NoPermissions|permission/i);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(`braze-s3://${bucket}/avro-viewer/none.csv`))), /EntryNotFound|FileNotFound/);
  });

  it('the account view\'s file items open with the Open command', async () => {
    const { account } = await api();
    const [group] = await account.tree.getChildren();
    const buckets = await account.tree.getChildren(group);
    const currents = buckets.find((n) => n.kind === 'bucket' && n.bucket.name === 'acme-braze-currents')!;
    const folder = (await account.tree.getChildren(currents)).find((n) => n.kind === 'currentsFolder')!;
    // A Currents folder lists its connectors; a connector, its state's rows and then its newest files.
    const connector = (await account.tree.getChildren(folder)).find((n) => n.kind === 'connector')!;
    const file = (await account.tree.getChildren(connector)).find((n) => n.kind === 'object')!;
    assert.ok(file, 'a connector of the demo lists its newest files');
    const item = account.tree.getTreeItem(file);
    assert.equal(item.contextValue, 'object');
    assert.equal(item.command?.command, 'brazeS3.openObject');
    assert.deepEqual(item.command?.arguments, [file]);
  });
});

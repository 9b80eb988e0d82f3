// The editing experience in the real host: quick fixes, fix all, placeholder replacement,
// snippets, insert commands, completion, hover, code lens, integration switching, rule settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, openText, ourDiagnostics, waitFor } from './util';
import { openUntitled } from '../../src/editor/untitledDocument';

const BUCKET = 'acme-braze-exports';
const currents = (objectActions: string[], objectResource = `arn:aws:s3:::${BUCKET}/*`) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${BUCKET}`] },
    { Effect: 'Allow', Action: objectActions, Resource: [objectResource] },
  ],
}, null, 4);

async function quickFixes(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return all.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

function codes(diags: vscode.Diagnostic[]): string[] {
  return diags.map((d) => `${codeOf(d)}: ${d.message}`).sort();
}

describe('editing', () => {
  before(() => api());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers the engine fix as a quick fix; applying it removes the finding and adds none', async () => {
    const editor = await openText(currents(['s3:PutObject']));
    const before = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    const missing = before.find((x) => codeOf(x) === 'integration-missing-permission')!;
    const actions = await quickFixes(editor.document, missing);
    const add = actions.find((a) => a.title === 'Add s3:GetObject');
    assert.ok(add?.edit, `quick fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const after = await ourDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.deepEqual(codes(after), []);
    assert.deepEqual(JSON.parse(editor.document.getText()).Statement[1].Action, ['s3:PutObject', 's3:GetObject']);
  });

  const fixCases: [string, string, string][] = [
    ['resource-mismatch', currents(['s3:PutObject', 's3:GetObject'], `arn:aws:s3:::${BUCKET}`), `Add resource "arn:aws:s3:::${BUCKET}/*"`],
    ['resource-overbroad', currents(['s3:PutObject', 's3:GetObject'], `arn:aws:s3:::${BUCKET}*`), `Replace with "arn:aws:s3:::${BUCKET}" and "arn:aws:s3:::${BUCKET}/*"`],
    ['action-unknown', currents(['s3:PutObjects', 's3:GetObject']), 'Replace with "s3:PutObject"'],
    ['action-redundant', currents(['s3:PutObject', 's3:GetObject', 's3:GetObject']), 'Remove "s3:GetObject"'],
    ['policy-version-missing', currents(['s3:PutObject', 's3:GetObject']).replace('"Version": "2012-10-17",', ''), 'Add "Version": "2012-10-17"'],
  ];
  for (const [code, text, title] of fixCases) {
    it(`quick fix for ${code}: "${title}"`, async () => {
      const editor = await openText(text);
      const diags = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === code));
      const target = diags.find((x) => codeOf(x) === code)!;
      const action = (await quickFixes(editor.document, target)).find((a) => a.title === title);
      assert.ok(action?.edit, `no "${title}"`);
      const others = codes(diags.filter((x) => x !== target));
      await vscode.workspace.applyEdit(action.edit);
      const after = await ourDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === code && x.message === target.message));
      JSON.parse(editor.document.getText()); // still valid JSON
      for (const c of codes(after)) assert.ok(others.includes(c), `new finding after the fix: ${c}`);
    });
  }

  it('links each diagnostic to its section of the rule docs shipped in the extension, and opens it there', async () => {
    const editor = await openText(currents(['s3:PutObject']));
    const [d] = await ourDiagnostics(editor.document.uri, (x) => x.some((y) => codeOf(y) === 'integration-missing-permission'));
    const target = (d.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'file');
    assert.match(target.path, /\/docs\/rules\.md$/);
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const docs = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.equal(docs.lineAt(line - 1).text, '## integration-missing-permission');
    // What a click on the code does: the docs open, at that heading.
    await vscode.commands.executeCommand('vscode.open', target);
    const opened = await waitFor(() => vscode.window.activeTextEditor, (e) => !!e && e.document.uri.path.endsWith('/docs/rules.md'), 5000, 'rules.md open');
    assert.equal(opened!.selection.active.line, line - 1);
  });

  it('replaces every INSERTBUCKETNAME at once with the bucket name', async () => {
    const editor = await openText(currents(['s3:PutObject', 's3:GetObject']).split(BUCKET).join('INSERTBUCKETNAME'));
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'placeholder').length === 2);
    const actions = await quickFixes(editor.document, diags.find((x) => codeOf(x) === 'placeholder')!);
    const action = actions.find((a) => a.command?.command === 'brazeS3.replacePlaceholder');
    assert.ok(action?.isPreferred, `quick fixes: ${actions.map((a) => `${a.title} (${a.isPreferred ? 'preferred' : ''})`).join(' | ')}`);
    assert.equal(action.title, 'Replace INSERTBUCKETNAME with bucket name…');
    // The command asks with a quick pick / input box; here the answer is passed as its argument.
    await vscode.commands.executeCommand(action.command!.command, ...action.command!.arguments!, BUCKET);
    await ourDiagnostics(editor.document.uri, (d) => d.length === 0);
    assert.equal(editor.document.getText().includes('INSERTBUCKETNAME'), false);
    assert.equal(editor.document.getText().split(BUCKET).length - 1, 2);
  });

  it('replaces a placeholder of another style (<BUCKET_NAME>) everywhere through the same quick fix', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::<BUCKET_NAME>' }, { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::<BUCKET_NAME>/*' }] }, null, 2);
    const editor = await openText(text);
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'placeholder').length === 2);
    const action = (await quickFixes(editor.document, diags.find((x) => codeOf(x) === 'placeholder')!)).find((a) => a.command?.command === 'brazeS3.replacePlaceholder');
    assert.equal(action?.title, 'Replace <BUCKET_NAME> with bucket name…');
    await vscode.commands.executeCommand(action!.command!.command, ...action!.command!.arguments!, 'acme-log-archive');
    await ourDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'placeholder'));
    assert.equal(editor.document.getText().includes('<BUCKET_NAME>'), false);
    assert.equal(editor.document.getText().split('arn:aws:s3:::acme-log-archive').length - 1, 2);
  });

  it('fixes all safe problems with source.fixAll.brazeS3', async () => {
    const editor = await openText(currents(['s3:PutObject'], `arn:aws:s3:::${BUCKET}*`).replace('"Version": "2012-10-17",', ''));
    await ourDiagnostics(editor.document.uri, (d) => d.length >= 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.brazeS3');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.brazeS3');
    assert.ok(fixAll?.edit, `actions: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ')}; v${editor.document.version}; ${codes(vscode.languages.getDiagnostics(editor.document.uri)).join(' / ')}`);
    await vscode.workspace.applyEdit(fixAll.edit);
    const after = await ourDiagnostics(editor.document.uri, (d) => d.every((x) => x.severity !== vscode.DiagnosticSeverity.Error && x.severity !== vscode.DiagnosticSeverity.Warning));
    assert.deepEqual(codes(after), []);
  });

  for (const [name, integration] of [['braze-currents-policy', 'currents'], ['braze-dashboard-export-policy', 'dashboard'], ['braze-currents-policy-folder', 'currents'], ['braze-role-trust-policy', 'trust']] as const) {
    it(`snippet "${name}" is offered in an empty document and inserts valid JSON that analyses clean once filled`, async () => {
      const editor = await openText('braze');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 5));
      const item = list.items.find((i) => i.label === name);
      assert.ok(item?.insertText instanceof vscode.SnippetString, `${name} offered`);
      await editor.insertSnippet(item.insertText, item.range as vscode.Range);
      const text = editor.document.getText().replace(/INSERTBUCKETNAME/g, BUCKET).replace(/INSERTPARTNERACCOUNTID/g, '111122223333').replace(/INSERTEXTERNALID/g, 'ext-1');
      JSON.parse(text);
      const { analyze } = await import('../../src/policy');
      const r = analyze(text, { integration: integration === 'trust' ? 'auto' : integration });
      assert.deepEqual(r.findings.map((f) => f.code), []);
      assert.equal(r.kind, integration === 'trust' ? 'trust' : 'identity');
    });
  }

  it('offers no context-aware policy completion inside an open policy (a whole policy would break it)', async () => {
    const editor = await openText(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/braze' }] }, null, 2));
    const at = editor.document.positionAt(editor.document.getText().indexOf('braze') + 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
    // The static snippets (braze-json-…, snippets/json.json) are VS Code's: offered wherever their prefix is typed.
    const contextual = ['braze-currents-policy', 'braze-currents-policy-folder', 'braze-dashboard-export-policy', 'braze-role-trust-policy'];
    assert.deepEqual(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => contextual.includes(l)), []);
  });

  it('"Insert Currents policy…" with the cursor inside an ARN of a complete policy adds only the missing statements; the JSON stays valid', async () => {
    const existing = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${BUCKET}`] }] };
    const editor = await openText(JSON.stringify(existing, null, 4));
    const inArn = editor.document.positionAt(editor.document.getText().indexOf(BUCKET) + 4);
    editor.selection = new vscode.Selection(inArn, inArn);
    await vscode.commands.executeCommand('brazeS3.insertCurrentsPolicy', { auth: 'secret-key', bucket: BUCKET, scope: 'bucket', target: 'cursor', placement: 'merge' });
    const parsed = JSON.parse(editor.document.getText());
    assert.equal(parsed.Statement.length, 2, editor.document.getText());
    assert.deepEqual(parsed.Statement[0], existing.Statement[0]);
    assert.deepEqual(parsed.Statement[1].Action, ['s3:PutObject', 's3:GetObject']);
    // Run again: nothing is missing any more, and merging adds nothing.
    await vscode.commands.executeCommand('brazeS3.insertCurrentsPolicy', { auth: 'secret-key', bucket: BUCKET, scope: 'bucket', target: 'cursor', placement: 'merge' });
    assert.equal(JSON.parse(editor.document.getText()).Statement.length, 2);
  });

  it('"Insert role trust policy…" into a permission policy never merges: "new" opens a new file, the policy is untouched', async () => {
    const before = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] }, null, 4);
    const editor = await openText(before);
    const merged = await vscode.commands.executeCommand('brazeS3.insertTrustPolicy', { partnerAccountId: '111122223333', externalId: 'ext-1', target: 'cursor', placement: 'merge' });
    assert.equal(merged, undefined);
    assert.equal(editor.document.getText(), before);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.insertTrustPolicy', { partnerAccountId: '111122223333', externalId: 'ext-1', target: 'cursor', placement: 'new' });
    assert.notEqual(doc.uri.toString(), editor.document.uri.toString());
    assert.match(doc.getText(), /sts:ExternalId/);
    assert.equal(editor.document.getText(), before);
  });

  it('"New policy file…" writes the chosen template into a new document (answers as arguments)', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.newPolicyFile', { integration: 'dashboard', auth: 'secret-key', bucket: BUCKET, scope: 'bucket' });
    assert.ok(doc);
    assert.equal(doc.isUntitled, true);
    const parsed = JSON.parse(doc.getText());
    assert.deepEqual(parsed.Statement[1].Action, ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
    assert.deepEqual(parsed.Statement[1].Resource, [`arn:aws:s3:::${BUCKET}/*`]);
    await ourDiagnostics(doc.uri, (d) => d.length === 0).catch(() => undefined);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'braze-s3'), []);
  });

  it('a new document holds the text asked for, even when VS Code hands back a just-closed Untitled-N\'s backup in its place', async () => {
    const wanted = currents(['s3:PutObject', 's3:GetObject']);
    const stale = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }, null, 2);
    // What VS Code does under load: the new Untitled-1 restores the closed one's backup, not the content given.
    let opened: vscode.TextDocument | undefined;
    const doc = await openUntitled('json', wanted, async (o) => (opened = await vscode.workspace.openTextDocument({ language: o.language, content: stale })));
    assert.equal(doc, opened);
    assert.equal(doc.getText(), wanted);
    assert.equal(doc.languageId, 'json');
    // When VS Code gives the content asked for, the document is left as it is (no edit, version 1).
    const plain = await openUntitled('json', wanted);
    assert.equal(plain.getText(), wanted);
    assert.equal(plain.version, 1);
  });

  it('"Insert Currents policy…" with the role method also opens the trust policy', async () => {
    const editor = await openText('');
    const before = vscode.workspace.textDocuments.length;
    await vscode.commands.executeCommand('brazeS3.insertCurrentsPolicy', { auth: 'role-arn', bucket: BUCKET, folder: 'currents', scope: 'folder', partnerAccountId: '111122223333', externalId: 'ext-1' });
    assert.match(editor.document.getText(), new RegExp(`arn:aws:s3:::${BUCKET}/currents/\\*`));
    const trust = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('sts:AssumeRole')), (d) => !!d, 5000, 'trust document');
    assert.ok(vscode.workspace.textDocuments.length > before);
    assert.deepEqual(JSON.parse(trust!.getText()).Statement[0].Condition, { StringEquals: { 'sts:ExternalId': 'ext-1' } });
  });

  it('cancelling the first question changes nothing', async () => {
    const count = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand('brazeS3.newPolicyFile')).finally(() => (settled = true));
    // Close the quick pick as soon as it is up (retrying until the command returns).
    for (let i = 0; i < 50 && !settled; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.equal(await pending, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, count);
  });

  it('completes actions with their access level and resource types', async () => {
    const editor = await openText(currents(['s3:Put']));
    await ourDiagnostics(editor.document.uri);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"s3:Put"'));
    const col = editor.document.lineAt(line).text.indexOf('s3:Put') + 's3:Put'.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, col));
    const put = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 's3:PutObject');
    assert.ok(put, 's3:PutObject offered');
    assert.match(String(put.detail), /^Write · .*object/);
  });

  it('completes condition operators and keys valid for the statement', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}`, Condition: { StringLike: { 's3:p': 'x' } } }] }, null, 4);
    const editor = await openText(text);
    await ourDiagnostics(editor.document.uri, () => true);
    const line = text.split('\n').findIndex((l) => l.includes('"s3:p"'));
    const col = editor.document.lineAt(line).text.indexOf('s3:p') + 4;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, col));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('s3:prefix'), 's3:prefix offered for ListBucket');
    assert.ok(labels.includes('aws:SourceIp'), 'global keys offered');
  });

  it('hovers an action with its description and access level, and a wildcard with its expansion', async () => {
    const editor = await openText(currents(['s3:PutObject', 's3:Get*']));
    await ourDiagnostics(editor.document.uri, () => true);
    const at = (needle: string) => editor.document.positionAt(editor.document.getText().indexOf(needle) + 3);
    const text = async (needle: string) => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at(needle)))
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    const put = await text('"s3:PutObject"');
    assert.match(put, /\*\*s3:PutObject\*\*/);
    assert.match(put, /Access level: Write/);
    assert.match(put, /arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/);
    assert.match(await text('"s3:Get*"'), /matches \d{2,} actions:/);
  });

  it('shows the assumed integration in a code lens and switches it', async () => {
    const editor = await openText(currents(['s3:PutObject', 's3:GetObject']));
    await ourDiagnostics(editor.document.uri, () => true);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const lens = lenses.find((l) => l.command?.command === 'brazeS3.setIntegration');
    // The bucket's name mentions Braze: a Braze signal, which wins over the export's shape alone.
    assert.equal(lens!.command!.title, 'Braze S3: checked as Currents (a bucket name mentions Braze or Currents; inferred because s3:DeleteObject is not granted)');
    await vscode.commands.executeCommand('brazeS3.setIntegration', editor.document.uri, 'dashboard');
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.match(diags[0].message, /^Dashboard data export needs s3:DeleteObject on arn:aws:s3:::[^/]+\/\*,/);
    await vscode.commands.executeCommand('brazeS3.setIntegration', editor.document.uri, 'auto');
    await ourDiagnostics(editor.document.uri, (d) => d.length === 0);
  });

  it('the export\'s shape without a Braze signal: a suggestion lens, no Braze finding, one click to a full Currents check', async () => {
    // A log shipper's writer has the same shape (GetBucketLocation + PutObject on one bucket).
    const shaped = JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-log-archive' },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::acme-log-archive/*' },
    ] }, null, 2);
    const editor = await openText(shaped);
    const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).map((l) => l.command?.title);
    await waitFor(lenses, (l) => l.includes('Looks like a Braze Currents export policy'), 10_000, 'the suggestion lens');
    assert.deepEqual(await lenses(), ['Looks like a Braze Currents export policy', 'Check as Currents', 'Not a Braze policy']);
    assert.deepEqual(codes(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'braze-s3')), []);
    const check = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).find((l) => l.command?.title === 'Check as Currents')!;
    await vscode.commands.executeCommand(check.command!.command, ...(check.command!.arguments ?? []));
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.ok(diags.some((d) => /s3:GetObject/.test(d.message)), diags.map((d) => d.message).join('\n'));
    const not = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).find((l) => l.command?.title === 'Not a Braze policy');
    await vscode.commands.executeCommand('brazeS3.setIntegration', editor.document.uri, 'none');
    await ourDiagnostics(editor.document.uri, (d) => d.length === 0);
    await waitFor(lenses, (l) => l.includes('General IAM policy: Braze export checks off'), 10_000, 'the general lens once declared none');
    assert.equal(await not(), undefined);
  });

  it('treats an ordinary IAM policy as general: no Braze findings, a lens that says so, one click to check it as Currents', async () => {
    const ec2ReadOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetObject'], Resource: '*' }] }, null, 2);
    const editor = await openText(ec2ReadOnly);
    const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).map((l) => l.command?.title);
    await waitFor(lenses, (l) => l.includes('General IAM policy: Braze export checks off'), 10_000, 'the general-policy lens');
    assert.deepEqual(await lenses(), ['General IAM policy: Braze export checks off', 'Check as Currents', 'Check as dashboard export']);
    assert.deepEqual(codes(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'braze-s3')), []);
    const check = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).find((l) => l.command?.title === 'Check as Currents')!;
    await vscode.commands.executeCommand(check.command!.command, ...(check.command!.arguments ?? []));
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'integration-excess-permission'));
    assert.ok(diags.some((d) => codeOf(d) === 'resource-overbroad'), codes(diags).join('\n'));
    assert.match((await lenses())[0] ?? '', /^Braze S3: checked as Currents \(declared\)$/);
    await vscode.commands.executeCommand('brazeS3.setIntegration', editor.document.uri, 'auto');
  });

  it('honours brazeS3.rules (severity override and off)', async () => {
    const config = vscode.workspace.getConfiguration('brazeS3');
    const editor = await openText(currents(['s3:PutObject', 's3:GetObject', 's3:GetObject']));
    await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'action-redundant' && x.severity === vscode.DiagnosticSeverity.Information));
    try {
      await config.update('rules', { 'action-redundant': 'error' }, vscode.ConfigurationTarget.Global);
      await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'action-redundant' && x.severity === vscode.DiagnosticSeverity.Error));
      await config.update('rules', { 'action-redundant': 'off' }, vscode.ConfigurationTarget.Global);
      await ourDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'action-redundant'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('registers every command the walkthrough and menus use', async () => {
    const ext = vscode.extensions.getExtension('braze-s3-policy-kit.braze-s3-policy-kit')!;
    const declared: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((c) => !all.has(c)), []);
    const walkthrough = JSON.stringify(ext.packageJSON.contributes.walkthroughs);
    assert.ok(walkthrough.length > 100);
  });

  it('the walkthrough speaks the display language only, and each step\'s buttons run what the step says', async () => {
    const ext = vscode.extensions.getExtension('braze-s3-policy-kit.braze-s3-policy-kit')!;
    const steps: { id: string; description: string; media: { markdown: string } }[] = ext.packageJSON.contributes.walkthroughs[0].steps;
    const all = new Set(await vscode.commands.getCommands(true));
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const step of steps) {
      // English host: the English media file only, no Spanish half.
      assert.equal(step.media.markdown, `media/walkthrough/${step.id}.md`);
      const media = readFileSync(join(ext.extensionPath, step.media.markdown), 'utf8');
      assert.doesNotMatch(media, /contenedor|política|socio/i, step.id);
      for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)/g)) assert.ok(all.has(command), `${step.id}: ${command}`);
    }
    const auth = steps.find((s) => s.id === 'auth')!;
    // "Choose how the partner authenticates": one button per method, each starting that method's policy.
    const args = [...auth.description.matchAll(/command:brazeS3\.newPolicyFile\?([^)]+)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1])).auth);
    assert.deepEqual(args, ['secret-key', 'role-arn']);
    assert.doesNotMatch(auth.description, /selectProfile/);
  });
});

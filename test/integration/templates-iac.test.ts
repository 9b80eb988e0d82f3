// Terraform and CloudFormation files in the real host: diagnostics on the exact text, quick fixes
// that edit HCL and YAML, hover on resolved values, one code lens per document, the setup command,
// and the edit-to-diagnostics latency on a 2,000-line .tf with 20 policy documents.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { terraformFile } from '../../bench/iacFiles';
import { BRAZE_CURRENTS_TF_FINDINGS } from '../fixtures/iac/expectedFindings';
import { api, codeOf, latencyStats, measureEdits, ourDiagnostics, waitFor, workspaceFile } from './util';

async function open(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...parts));
  return vscode.window.showTextDocument(doc);
}

const at = (d: vscode.Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;

async function fix(doc: vscode.TextDocument, d: vscode.Diagnostic, title: string | RegExp): Promise<void> {
  const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const action = all.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action?.edit, `no "${title}" among: ${all.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

describe('Terraform and CloudFormation in the editor', () => {
  before(() => api());
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a .tf file opens as Terraform, highlighted by the extension\'s own grammar (no Terraform extension in the host)', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    assert.equal(editor.document.languageId, 'terraform');
    const ext = vscode.extensions.all.filter((e) => (e.packageJSON.contributes?.grammars ?? []).some((g: { language?: string }) => g.language === 'terraform'));
    assert.deepEqual(ext.map((e) => e.id), ['braze-s3-policy-kit.braze-s3-policy-kit']);
  });

  it('a .tf file: each finding on its exact text, at the right line and column', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.length >= 7);
    const shown = diags.map((d) => `${at(d)} ${codeOf(d)} [${editor.document.getText(d.range)}]`).sort();
    assert.deepEqual(shown, [...BRAZE_CURRENTS_TF_FINDINGS].sort());
  });

  it('quick fixes edit HCL: the typo inside its quotes, then a condition block for the external ID', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    const doc = editor.document;
    let diags = await ourDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'action-unknown'));
    await fix(doc, diags.find((x) => codeOf(x) === 'action-unknown')!, 'Replace with "s3:GetObject"');
    diags = await ourDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'action-unknown'));
    assert.match(doc.getText(), /"s3:PutObject",\n {6}"s3:GetObject",\n/);
    await fix(doc, diags.find((x) => codeOf(x) === 'trust-external-id-missing')!, /external ID/);
    await ourDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'trust-external-id-missing'));
    // The value is the configured external ID (brazeS3.externalId), else INSERTEXTERNALID.
    const configured = vscode.workspace.getConfiguration('brazeS3').get<string>('externalId') || 'INSERTEXTERNALID';
    assert.ok(doc.getText().includes(`condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["${configured}"]\n    }`), doc.getText());
  });

  it('two missing permissions on one .tf header: each has its own fix (not one title twice); Add resource writes ${var.bucket_name}/*', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    const doc = editor.document;
    const diags = await ourDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'integration-missing-permission').length === 2);
    const header = diags.find((x) => codeOf(x) === 'integration-missing-permission')!;
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, header.range, vscode.CodeActionKind.QuickFix.value);
    const titles = all.map((a) => a.title).filter((t) => /^Add a statement/.test(t));
    assert.deepEqual(titles.sort(), ['Add a statement allowing s3:GetObject on arn:aws:s3:::acme-braze-currents/currents/*', 'Add a statement allowing s3:PutObject on arn:aws:s3:::acme-braze-currents/currents/*']);
    await fix(doc, diags.find((x) => codeOf(x) === 'resource-mismatch')!, /^Add resource/);
    await ourDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'resource-mismatch'));
    assert.match(doc.getText(), /resources = \["arn:aws:s3:::\$\{var\.bucket_name\}", "arn:aws:s3:::\$\{var\.bucket_name\}\/\*"\]/);
  });

  it('"Replace INSERTBUCKETNAME with bucket name…" works in a .tf file (every occurrence, one edit)', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'placeholder'));
    assert.ok(await vscode.commands.executeCommand('brazeS3.replacePlaceholder', editor.document.uri, 'INSERTBUCKETNAME', 'acme-braze-exports'));
    await ourDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'placeholder'));
    assert.equal((editor.document.getText().match(/arn:aws:s3:::acme-braze-exports/g) ?? []).length, 2);
  });

  it('Fix all in a .tf file applies the safe fixes in HCL and the file stays readable', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    const doc = editor.document;
    const before = await ourDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.brazeS3');
    const fixAll = all.find((a) => a.kind?.value === 'source.fixAll.brazeS3');
    assert.ok(fixAll?.edit, all.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = await ourDiagnostics(doc.uri, (d) => d.length < before.length);
    // The missing actions were added (safe); the typo's did-you-mean needs a person (not safe).
    assert.ok(!after.some((x) => codeOf(x) === 'template-syntax'), after.map((x) => x.message).join(' | '));
    assert.ok(after.some((x) => codeOf(x) === 'action-unknown'));
    assert.ok(after.filter((x) => codeOf(x) === 'integration-missing-permission').length < before.filter((x) => codeOf(x) === 'integration-missing-permission').length);
  });

  it('hover on ${var.bucket_name} shows the value it resolves to and where from', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    await ourDiagnostics(editor.document.uri);
    const offset = editor.document.getText().indexOf('${var.bucket_name}') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Resolved value: `acme-braze-currents` \(from var\.bucket_name, line 4\)/);
  });

  it('completion offers actions inside an HCL actions list, and condition keys in a condition block', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    await ourDiagnostics(editor.document.uri);
    const text = editor.document.getText();
    const inAction = editor.document.positionAt(text.indexOf('"s3:GetObjekt"') + 4);
    const actions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inAction);
    const labels = actions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('s3:GetObject') && labels.includes('s3:PutObject'), labels.slice(0, 20).join(', '));
    // Add a condition to the trust statement, then ask inside its variable string.
    await editor.edit((b) => b.insert(editor.document.positionAt(text.indexOf('    principals {')), '    condition {\n      test     = "StringEquals"\n      variable = "sts:"\n      values   = ["x"]\n    }\n'));
    await waitFor(() => api().then((a) => a.diagnostics.analysis(editor.document)), (a) => !!a, 10_000, 'analysis after the edit');
    const inKey = editor.document.positionAt(editor.document.getText().indexOf('"sts:"') + 5);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inKey);
    const keyLabels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(keyLabels.includes('sts:ExternalId') && keyLabels.includes('aws:SourceIp'), keyLabels.slice(0, 20).join(', '));
  });

  it('one code lens per policy document, saying what it is checked as', async () => {
    const editor = await open('infra', 'braze-currents.tf');
    await ourDiagnostics(editor.document.uri);
    // The diagnostics may come from the workspace scan before the open document's own analysis,
    // which the lenses read: wait for the lenses themselves.
    const lensesOf = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).filter((l) => /Braze|General IAM/.test(l.command?.title ?? ''));
    const ours = await waitFor(lensesOf, (l) => l.length >= 3, 10_000, 'the code lenses of the three documents');
    assert.deepEqual(ours.map((l) => [l.range.start.line + 1, /Currents|dashboard|trust/i.exec(l.command!.title)?.[0].toLowerCase()]), [[11, 'currents'], [33, 'trust'], [51, 'dashboard']]);
  });

  it('a general document in a .tf file: its lens offers "Check as Currents" for that document alone', async () => {
    const uri = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'braze-s3-lens-')), 'storage.tf'));
    const text = 'data "aws_iam_policy_document" "writer" {\n  statement {\n    actions   = ["s3:PutObject", "s3:GetObject"]\n    resources = ["arn:aws:s3:::acme-exports/*"]\n  }\n}\n\ndata "aws_iam_policy_document" "reader" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::acme-exports/*"]\n  }\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const target = uri.with({ fragment: 'data.aws_iam_policy_document.writer' });
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const { diagnostics } = await api();
      await waitFor(() => diagnostics.analysis(editor.document), (a) => !!a, 10_000, 'analysis');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const checkAs = lenses.find((l) => l.command?.title === 'Check as Currents' && l.range.start.line === 0);
      assert.ok(checkAs?.command, lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`).join(' | '));
      assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3'), []);
      await vscode.commands.executeCommand(checkAs.command.command, ...(checkAs.command.arguments ?? []));
      const diags = await ourDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
      // Only the declared document (lines 1-6) is checked as Currents; the other stays general.
      assert.ok(diags.every((d) => d.range.start.line < 6), diags.map((d) => `${d.range.start.line}: ${d.message}`).join(' | '));
      const after = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(after.some((l) => l.range.start.line === 0 && /checked as Currents \(declared\)/.test(l.command?.title ?? '')), after.map((l) => l.command?.title).join(' | '));
    } finally {
      await vscode.commands.executeCommand('brazeS3.setIntegration', target, 'auto');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('a CloudFormation YAML template: the missing action is added as a "- item" line', async () => {
    const editor = await open('infra', 'braze-export.yaml');
    const doc = editor.document;
    assert.equal(doc.languageId, 'yaml');
    const diags = await ourDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.deepEqual(diags.map((d) => `${at(d)} ${codeOf(d)}`).sort(), ['29:15 integration-missing-permission', '31:17 action-unknown', '41:20 trust-external-id-missing'].sort());
    await fix(doc, diags.find((x) => codeOf(x) === 'integration-missing-permission')!, 'Add s3:GetObject');
    await ourDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.match(doc.getText(), / {14}- s3:PutObjekt\n {14}- s3:GetObject\n/);
  });

  it('New Braze export setup writes a clean Terraform module into the workspace and opens it', async () => {
    // Outside the fixture workspace: a test never leaves files in the repository.
    const dir = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'braze-s3-setup-')));
    // The workspace configures the partner account and external ID: the module uses the same ones.
    const config = vscode.workspace.getConfiguration('brazeS3');
    const partnerAccountId = config.get<string>('partnerAccountId') || '111122223333';
    const externalId = config.get<string>('externalId') || 'braze-ext-1';
    await vscode.workspace.fs.createDirectory(dir);
    try {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.newSetup', {
        format: 'terraform', integration: 'currents', auth: 'role-arn', bucket: 'acme-braze-currents', folder: 'currents',
        partnerAccountId, externalId, directory: dir,
      });
      assert.ok(doc, 'no document');
      assert.match(doc.uri.path, /braze-s3-setup-[^/]+\/braze-currents\.tf$/);
      const { diagnostics } = await api();
      await waitFor(() => diagnostics.analysis(doc), (a) => !!a, 10_000, 'the analysis of the new module');
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'braze-s3').map((d) => d.message), []);
      assert.deepEqual(diagnostics.analysis(doc)!.documents!.map((d) => d.result.purpose.id), ['currents', 'trust']);
      // A second run never overwrites the first file.
      const second = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.newSetup', { format: 'cloudformation', integration: 'currents', auth: 'role-arn', bucket: 'acme-braze-currents', folder: 'currents', partnerAccountId, externalId, directory: dir });
      assert.match(second.uri.path, /braze-s3-setup-[^/]+\/braze-currents\.yaml$/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('New Braze export setup with an existing bucket: reads it (data source), writes into the workspace\'s infra/ folder, checks clean', async () => {
    const config = vscode.workspace.getConfiguration('brazeS3');
    const partnerAccountId = config.get<string>('partnerAccountId') || '111122223333';
    const externalId = config.get<string>('externalId') || 'braze-ext-1';
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.newSetup', {
      format: 'terraform', integration: 'dashboard', auth: 'role-arn', bucket: 'acme-braze-exports', existingBucket: true, partnerAccountId, externalId,
    });
    try {
      assert.ok(doc, 'no document');
      assert.equal(vscode.workspace.asRelativePath(doc.uri), 'infra/braze-dashboard-export.tf');
      assert.match(doc.getText(), /data "aws_s3_bucket" "braze_export" \{\n {2}bucket = var\.bucket_name\n\}/);
      assert.doesNotMatch(doc.getText(), /resource "aws_s3_bucket"/);
      const { diagnostics } = await api();
      await waitFor(() => diagnostics.analysis(doc), (a) => !!a, 10_000, 'the analysis of the new module');
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'braze-s3').map((d) => d.message), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (doc) await vscode.workspace.fs.delete(doc.uri);
    }
  });

  it('latency: re-analyses a 2,000-line .tf with 20 policy documents as you type (prints p95; target <= 150 ms)', async () => {
    const { diagnostics } = await api();
    const uri = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'braze-s3-latency-')), 'generated-latency.tf'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(terraformFile()));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const lines = editor.document.lineCount;
      await waitFor(() => diagnostics.analysis(editor.document), (a) => !!a, 10_000, 'first analysis');
      assert.equal(diagnostics.analysis(editor.document)!.documents!.length, 20);
      // As the JSON latency test: from the change event in the host to the diagnostics published
      // (the browser round trip of editor.edit is the editor's, printed apart).
      const { whole: samples, inHost, analysisMs } = await measureEdits(editor, 30, (i) => {
        const at = editor.document.getText().indexOf('"BucketLevel7"') + 12;
        return { range: new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 1)), text: i % 2 ? '7' : '8' };
      });
      console.log(`latency: .tf, ${samples.length} edits on ${lines} lines with 20 policy documents; in the host, change event -> diagnostics published: ${latencyStats(inHost)} (target p95 <= 150 ms), of which the analysis (incremental parse, projection, engine): ${latencyStats(analysisMs)}; whole, editor.edit -> diagnostics: ${latencyStats(samples)}`);
      assert.equal(samples.length, 30);
      assert.ok(inHost.length >= 30);
      assert.ok(lines >= 2000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

// The repository configuration file (.braze-s3.yaml) and braze-s3-ignore comments in the real host:
// the file's rules apply to open documents and to files nobody opened, editing it re-analyses,
// an invalid one is marked on itself (the defaults apply), and a comment suppresses as you type.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, ourDiagnostics, waitFor, workspaceFile } from './util';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3');

describe('repository configuration (.braze-s3.yaml) in the editor', () => {
  const config = workspaceFile('.braze-s3.yaml');
  const write = (text: string) => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
  // A policy of its own (the workspace suite wants the fixtures it checks never opened).
  const policy = workspaceFile('policies', 'zz-braze-repo-config-test.json');
  const policyText = JSON.stringify({ Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-braze-exports' },
    { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::acme-braze-exports/*' },
  ] }, null, 2);
  // Not opened by any test: its diagnostics come from the workspace scan.
  const closed = workspaceFile('policies', 'braze-role-trust-no-external-id.json');

  before(async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(policy, new TextEncoder().encode(policyText));
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    // The deletion is seen (and its rescan finished) before the next suite starts its own scans.
    const { repoConfig, workspace } = await api();
    const seen = new Promise<void>((resolve) => {
      const sub = repoConfig.onDidChange((uri) => {
        if (uri.toString() !== config.toString()) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.workspace.fs.delete(policy);
    await vscode.workspace.fs.delete(config);
    await waitFor(async () => Promise.race([seen.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]), (done) => done, 15_000, 'the deletion seen');
    await workspace.last;
    await waitFor(() => ours(closed).map(codeOf), (c) => c.includes('trust-external-id-missing'), 15_000, 'defaults back after the file was deleted');
  });

  it('rules: off removes a diagnostic in an open document and in a closed file; editing the file re-analyses', async () => {
    const doc = await vscode.workspace.openTextDocument(policy);
    await vscode.window.showTextDocument(doc);
    await ourDiagnostics(policy, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    await waitFor(() => ours(closed).map(codeOf), (c) => c.includes('trust-external-id-missing'), 15_000, 'the closed file checked');

    await write('rules:\n  integration-missing-permission: off\n  trust-external-id-missing: off\n');
    await ourDiagnostics(policy, (d) => !d.some((x) => codeOf(x) === 'integration-missing-permission'));
    await waitFor(() => ours(closed).map(codeOf), (c) => !c.includes('trust-external-id-missing'), 15_000, 'the closed file re-checked');

    await write('rules:\n  integration-missing-permission: info\n');
    const info = await ourDiagnostics(policy, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission'));
    assert.ok(info.filter((x) => codeOf(x) === 'integration-missing-permission').every((x) => x.severity === vscode.DiagnosticSeverity.Information));
  });

  it('an invalid file is marked on itself (config-invalid, with the line) and the defaults apply', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    await write('rules:\n  integration-missing-permission: off\n  resource-overbroad: loud\n');
    const marked = await ourDiagnostics(config, (d) => d.length > 0);
    assert.equal(codeOf(marked[0]), 'config-invalid');
    assert.equal(marked[0].range.start.line, 2);
    assert.match(marked[0].message, /"loud" is not a severity for resource-overbroad/);
    // The defaults apply: the finding is back at its default severity. The previous test left it at
    // info, so this waits for the severity, not for the finding alone (stale diagnostics have it).
    await ourDiagnostics(policy, (d) => d.some((x) => codeOf(x) === 'integration-missing-permission' && x.severity === vscode.DiagnosticSeverity.Error));
    await write('rules: {}\n');
    await ourDiagnostics(config, (d) => d.length === 0);
  });

  it('a braze-s3-ignore comment typed into a .tf document suppresses its finding', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('infra', 'braze-currents.tf')));
    await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'action-unknown'));
    await editor.edit((b) => b.insert(new vscode.Position(21, 0), '      # braze-s3-ignore: action-unknown -- added by the host test\n'));
    const after = await ourDiagnostics(editor.document.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'action-unknown'));
    assert.ok(after.some((x) => codeOf(x) === 'resource-mismatch'), 'the other findings stay');
    await editor.edit((b) => b.replace(new vscode.Range(21, 0, 22, 0), '      # braze-s3-ignore: action-unknown\n'));
    const invalid = await ourDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'suppression-invalid'));
    assert.ok(invalid.some((x) => codeOf(x) === 'action-unknown'), 'an invalid suppression suppresses nothing');
  });
});

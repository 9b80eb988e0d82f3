// Workspace-wide Problems: policy files are checked without being opened, follow file changes, and
// the setting (with its bound) switches it.
import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { api, codeOf, waitFor, workspaceFile } from './util';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3');
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace-wide Problems (files not opened)', () => {
  const created = workspaceFile('policies', 'zz-created-by-test.json');
  const config = () => vscode.workspace.getConfiguration('brazeS3.workspaceDiagnostics');

  before(async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    await config().update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('maxFiles', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists the problems of a policy file nobody opened, and none for package.json', async () => {
    const { workspace } = await api();
    const scan = await workspace.rescan();
    assert.ok(scan && !scan.overLimit && scan.policies >= 5, JSON.stringify(scan));
    const file = workspaceFile('policies', 'currents-missing-getobject.json');
    assert.equal(isOpen(file), false);
    const diags = await waitFor(() => ours(file), (d) => d.length > 0, 10_000, 'diagnostics on an unopened file');
    assert.ok(diags.some((d) => codeOf(d) === 'integration-missing-permission' && /s3:GetObject/.test(d.message)), diags.map((d) => d.message).join(' | '));
    assert.deepEqual(ours(workspaceFile('package.json')), []);
  });

  it('follows a file created, changed and deleted on disk', async () => {
    const write = (text: string) => vscode.workspace.fs.writeFile(created, new TextEncoder().encode(text));
    await write(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::INSERTBUCKETNAME/*' }] }, null, 2));
    await waitFor(() => ours(created).map(codeOf), (c) => c.includes('placeholder'), 15_000, 'diagnostics after create');
    await write(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-app-assets/*' }] }, null, 2));
    await waitFor(() => ours(created).map(codeOf), (c) => !c.includes('placeholder'), 15_000, 'diagnostics after change');
    await write(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::acme-app-assets/*' }] }, null, 2));
    await waitFor(() => ours(created).map(codeOf), (c) => c.includes('action-unknown'), 15_000, 'diagnostics after second change');
    await vscode.workspace.fs.delete(created);
    await waitFor(() => ours(created).length, (n) => n === 0, 15_000, 'no diagnostics after delete');
  });

  it('keeps a file\'s problems after its editor closes', async () => {
    const file = workspaceFile('policies', 'currents-missing-getobject.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await waitFor(() => ours(file).length, (n) => n > 0, 10_000, 'diagnostics while open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(ours(file).length > 0, 'still listed after closing');
  });

  it('is switched off by the setting, and off above brazeS3.workspaceDiagnostics.maxFiles', async () => {
    const { workspace } = await api();
    // A file no test opens (a document VS Code still holds after its editor closed keeps the
    // open-document diagnostics, as every language extension's do).
    const file = workspaceFile('policies', 'braze-role-trust-no-external-id.json');
    assert.equal(isOpen(file), false);
    await waitFor(() => ours(file).map(codeOf), (c) => c.includes('trust-external-id-missing'), 10_000, 'listed before');
    await config().update('enabled', false, vscode.ConfigurationTarget.Workspace);
    await workspace.last;
    await waitFor(() => ours(file).length, (n) => n === 0, 10_000, 'cleared when disabled');
    await config().update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await workspace.last;
    await waitFor(() => ours(file).length, (n) => n > 0, 10_000, 'back when enabled');
    await config().update('maxFiles', 2, vscode.ConfigurationTarget.Workspace);
    const over = await workspace.last;
    assert.equal(over?.overLimit, true, JSON.stringify(over));
    await waitFor(() => ours(file).length, (n) => n === 0, 10_000, 'cleared above the bound');
  });
});

// Not part of npm test: run by scripts/test-host/bench-workspace.mjs (npm run bench) on a
// generated workspace of real AWS policies. It prints figures and asserts only what it measured.
describe('workspace scan benchmark', () => {
  it('scans the workspace of real AWS policies', async function () {
    const files = Number(process.env.BRAZE_S3_BENCH_FILES ?? 0);
    if (!files) this.skip();
    this.timeout(300_000);
    const { workspace } = await api();
    await workspace.last; // the scan at activation
    const rss0 = process.memoryUsage().rss;
    // How long the extension host's event loop was held up while the scan ran (every other
    // extension's requests wait that long).
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    const scan = await workspace.rescan();
    const ms = performance.now() - t0;
    delay.disable();
    const loop = `extension host event-loop delay during the scan: p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`;
    const withProblems = vscode.languages.getDiagnostics().filter(([, d]) => d.some((x) => x.source === 'braze-s3')).length;
    console.log(`workspace-wide Problems, ${files} real AWS policy files: scan ${ms.toFixed(0)} ms (${(ms / files).toFixed(2)} ms per file), ${scan?.policies} policies checked, ${withProblems} files with findings, extension host RSS ${(rss0 / 1048576).toFixed(0)} → ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB; ${loop}`);
    assert.equal(scan?.overLimit, false);
    assert.equal(scan?.policies, files);
  });
});

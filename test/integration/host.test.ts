// Proof that this is a real VS Code host running the bundled extension, and that the engine's
// findings reach the Problems panel with the right codes and ranges.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, ourDiagnostics, workspaceFile, EXTENSION_ID } from './util';

describe('the VS Code host', () => {
  it('is a real server-side extension host', () => {
    assert.ok(vscode.env.remoteName, 'remoteName should be set under code-server');
    assert.match(process.versions.node, /^\d+\./);
    assert.ok(vscode.version.startsWith('1.'), vscode.version);
  });

  it('activates the bundled extension (dist/extension.js) quickly', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.match(ext.packageJSON.main, /dist\/extension\.js$/);
    const a = await api();
    assert.ok(a.activationMs > 0 && a.activationMs < 1000, `activation took ${a.activationMs} ms`);
    console.log(`activation: ${a.activationMs.toFixed(1)} ms`);
  });

  it('reports the placeholder in a fixture policy with its exact range and code', async () => {
    const uri = workspaceFile('policies', 'currents-placeholder.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await ourDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'placeholder'));
    const placeholders = diags.filter((d) => codeOf(d) === 'placeholder');
    assert.equal(placeholders.length, 2);
    for (const d of placeholders) {
      assert.equal(doc.getText(d.range), 'INSERTBUCKETNAME');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.source, 'braze-s3');
      assert.ok(typeof d.code === 'object' && /\/docs\/rules\.md#L\d+$/.test(d.code.target.toString()), String((d.code as { target?: unknown }).target));
    }
    assert.deepEqual(placeholders.map((d) => d.range.start.line), [10, 20]);
  });

  it('reports the source document\'s secret-key dashboard template as over-broad', async () => {
    const uri = workspaceFile('policies', 'dashboard-secret-key-doc.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const diags = await ourDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'resource-overbroad'));
    const overbroad = diags.find((d) => codeOf(d) === 'resource-overbroad')!;
    assert.equal(doc.getText(overbroad.range), 'arn:aws:s3:::acme-braze-exports*');
    assert.equal(overbroad.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('leaves package.json and other JSON alone', async () => {
    const uri = workspaceFile('package.json');
    await vscode.workspace.openTextDocument(uri);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3'), []);
  });
});

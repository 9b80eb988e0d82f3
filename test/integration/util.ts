import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'braze-s3-policy-kit.braze-s3-policy-kit';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Waits until `get` returns a value accepted by `done` (or fails with what it last saw). */
export async function waitFor<T>(get: () => T | Promise<T>, done: (v: T) => boolean, ms = 10_000, what = 'condition'): Promise<T> {
  const start = Date.now();
  let last: T = await get();
  while (!done(last)) {
    if (Date.now() - start > ms) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last, null, 1)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await get();
  }
  return last;
}

export async function ourDiagnostics(uri: vscode.Uri, done: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, ms?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3'), done, ms, `diagnostics on ${uri.path}`);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function openText(content: string, language = 'json'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

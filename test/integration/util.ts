import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { openUntitled } from '../../src/editor/untitledDocument';

export const EXTENSION_ID = 'braze-s3-policy-kit.braze-s3-policy-kit';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the host`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  // Hover, completion and code actions come from the language server, registered once it answers.
  assert.ok(await exports.workspace.ready(), 'the language server started');
  return exports;
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

/** Our diagnostics on `uri` once `done` accepts them; for an open document, only those of its current version. */
export async function ourDiagnostics(uri: vscode.Uri, done: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, ms?: number): Promise<vscode.Diagnostic[]> {
  const { diagnostics } = await api();
  const behind = () => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return !!open && diagnostics.isBehind(open);
  };
  const seen = await waitFor(() => ({ behind: behind(), list: vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'braze-s3') }), (v) => !v.behind && done(v.list), ms, `diagnostics on ${uri.path}`);
  return seen.list;
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function openText(content: string, language = 'json'): Promise<vscode.TextEditor> {
  // The product's own opener: VS Code may restore a just-closed Untitled-N's backup in its place.
  return vscode.window.showTextDocument(await openUntitled(language, content));
}

export interface EditLatency {
  /** editor.edit → our diagnostics of the new version, per edit. */
  whole: number[];
  /** The change event in the host → our diagnostics published (debounce + analysis). */
  inHost: number[];
  /** editor.edit → the change event back in the host (the round trip through the browser). */
  roundTrips: number[];
  /** How long each analysis itself took. */
  analysisMs: number[];
}

/**
 * Makes `count` edits one after another, each waiting for our own "diagnostics replaced" event for
 * the new version (the built-in JSON server publishes diagnostics too), and times each stage.
 */
export async function measureEdits(editor: vscode.TextEditor, count: number, edit: (i: number) => { range: vscode.Range; text: string }): Promise<EditLatency> {
  const { diagnostics } = await api();
  const key = editor.document.uri.toString();
  const out: EditLatency = { whole: [], inHost: [], roundTrips: [], analysisMs: [] };
  let changedAt = 0;
  let editAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() !== key) return;
    changedAt = performance.now();
    out.roundTrips.push(changedAt - editAt);
  });
  const updates = diagnostics.onDidUpdate((doc) => {
    if (doc.uri.toString() !== key || !changedAt) return;
    out.inHost.push(performance.now() - changedAt);
    out.analysisMs.push(diagnostics.lastAnalysisMs(doc) ?? NaN);
  });
  try {
    for (let i = 0; i < count; i++) {
      const version = editor.document.version;
      const pending = new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const timer = setTimeout(() => reject(new Error('no diagnostics within 5 s')), 5000);
        const sub = diagnostics.onDidUpdate((doc) => {
          if (doc.uri.toString() === key && doc.version > version) {
            clearTimeout(timer);
            sub.dispose();
            resolve(performance.now() - started);
          }
        });
      });
      const { range, text } = edit(i);
      editAt = performance.now();
      await editor.edit((b) => b.replace(range, text));
      out.whole.push(await pending);
    }
  } finally {
    changes.dispose();
    updates.dispose();
  }
  return out;
}

/** `median X ms, p95 Y ms` of a list of durations. */
export function latencyStats(list: number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(1)} ms`;
}

// Edit-to-diagnostics latency on a 10,240-character policy, 50 edits, including the debounce.
// Asserts that every edit's diagnostics arrive; prints the figures (npm run bench collects them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { maxSizePolicy } from '../../bench/engine';
import { latencyStats, measureEdits, openText } from './util';

describe('latency', () => {
  it('updates diagnostics after each of 50 edits to a 10,240-character policy', async () => {
    const editor = await openText(maxSizePolicy());
    const uri = editor.document.uri;
    await new Promise((r) => setTimeout(r, 500));
    // Toggle a Sid's last character: the document changes, its findings do not.
    const { whole: samples, inHost, roundTrips } = await measureEdits(editor, 50, (i) => {
      const at = editor.document.getText().indexOf('"S1"') + 2;
      return { range: new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 1)), text: i % 2 ? '1' : '9' };
    });
    console.log(`latency: ${samples.length} edits on ${editor.document.getText().length} chars; in the host, change event -> diagnostics published (debounce + analysis): ${latencyStats(inHost)} (target p95 <= 150 ms); `
      + `editor.edit -> change event back in the host (round trip through the browser): ${latencyStats(roundTrips)}; whole: ${latencyStats(samples)}`);
    assert.equal(samples.length, 50);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.source === 'braze-s3'));
  });
});

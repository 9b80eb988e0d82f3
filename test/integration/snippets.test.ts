// The static snippets (snippets/*.json) in the real host: Insert Snippet by name and completion of
// a prefix insert the template in a JSON, a Terraform and a YAML (CloudFormation) document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { staticSnippets } from '../../src/formats/snippetFiles';
import { openUntitled } from '../../src/editor/untitledDocument';
import { codeOf, ourDiagnostics, waitFor } from './util';

const snippet = (id: 'json' | 'terraform' | 'yaml', prefix: string) => {
  const s = staticSnippets()[id].find((x) => x.prefix === prefix);
  assert.ok(s, prefix);
  return s;
};
const CFN_HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const indent = (text: string) => text.replace(/^(?=.)/gm, '  ');

async function open(language: string, content: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await openUntitled(language, content));
  const end = editor.document.positionAt(content.length);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

async function insertByName(editor: vscode.TextEditor, name: string, expected: string): Promise<void> {
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: editor.document.languageId, name });
  await waitFor(() => editor.document.getText(), (t) => t === expected, 10_000, `the text of "${name}"`);
  // Leave the snippet session (its tab stops) before the next test.
  await vscode.commands.executeCommand('leaveSnippet');
}

describe('static snippets (Insert Snippet, prefixes)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('JSON: Insert Snippet "Braze Currents S3 policy" writes the template; only its placeholder is flagged', async () => {
    const s = snippet('json', 'braze-json-currents-policy');
    const editor = await open('json', '');
    await insertByName(editor, s.name, s.text.trimEnd());
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.length > 0);
    assert.deepEqual([...new Set(diags.map(codeOf))], ['placeholder']);
  });

  it('Terraform: .tf files are "terraform" and Insert Snippet writes the policy document block', async () => {
    const tf = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'infra', 'braze-currents.tf'));
    assert.equal(tf.languageId, 'terraform');
    const s = snippet('terraform', 'braze-tf-currents-policy-document');
    const editor = await open('terraform', '');
    await insertByName(editor, s.name, s.text.trimEnd());
  });

  it('Terraform: completing the prefix braze-tf-partner-role offers the snippet, and accepting it inserts the role', async () => {
    const s = snippet('terraform', 'braze-tf-partner-role');
    const editor = await open('terraform', 'braze-tf-partner');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === s.prefix);
    assert.ok(item, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', '));
    assert.ok(item.insertText instanceof vscode.SnippetString, 'the item is a snippet');
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    await editor.insertSnippet(item.insertText, range);
    await waitFor(() => editor.document.getText(), (t) => t === s.text.trimEnd(), 10_000, 'the role');
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('YAML: Insert Snippet under Resources writes the CloudFormation resource at that indentation', async () => {
    const s = snippet('yaml', 'braze-cfn-currents-policy');
    const editor = await open('yaml', `${CFN_HEAD}  `);
    await insertByName(editor, s.name, CFN_HEAD + indent(s.text.trimEnd()));
    const diags = await ourDiagnostics(editor.document.uri, (d) => d.length > 0);
    assert.deepEqual([...new Set(diags.map(codeOf))], ['placeholder']);
  });
});

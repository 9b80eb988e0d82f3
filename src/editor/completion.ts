// Completion (src/service/completion.ts) in VS Code's terms, after the context-aware template
// completions (snippets.ts), which only VS Code offers.
import * as vscode from 'vscode';
import { COMPLETION_TRIGGERS, CompletionKind, ServiceCompletionItem, completionAt } from '../service';
import { PolicyDiagnostics } from './diagnostics';
import { snippetCompletions } from './snippets';
import { readSettings } from './settings';
import { serviceDocument, toRange } from './convert';

/** The bucket names already fetched (by the account view or a quick pick), without fetching. */
export type KnownBuckets = () => readonly string[] | undefined;

export class PolicyCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = COMPLETION_TRIGGERS;

  constructor(private readonly diagnostics: PolicyDiagnostics, private readonly knownBuckets: KnownBuckets = () => undefined) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const snippets = snippetCompletions(document, position);
    if (snippets) return snippets;
    const items = completionAt(serviceDocument(document), position, this.diagnostics.analysis(document), {
      buckets: this.knownBuckets(),
      folder: readSettings(document.uri).folderPath,
      l10n: vscode.l10n,
    });
    return items?.map(toCompletionItem);
  }
}

const KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  module: vscode.CompletionItemKind.Module,
  function: vscode.CompletionItemKind.Function,
  operator: vscode.CompletionItemKind.Operator,
  property: vscode.CompletionItemKind.Property,
  enumMember: vscode.CompletionItemKind.EnumMember,
  folder: vscode.CompletionItemKind.Folder,
  file: vscode.CompletionItemKind.File,
};

function toCompletionItem(c: ServiceCompletionItem): vscode.CompletionItem {
  const it = new vscode.CompletionItem(c.label, KIND[c.kind]);
  it.detail = c.detail;
  if (c.documentation) it.documentation = c.documentation;
  if (c.range) it.range = toRange(c.range);
  if (c.insertText !== undefined) it.insertText = c.insertText;
  if (c.filterText !== undefined) it.filterText = c.filterText;
  if (c.sortText !== undefined) it.sortText = c.sortText;
  if (c.retrigger) it.command = { command: 'editor.action.triggerSuggest', title: '' };
  return it;
}

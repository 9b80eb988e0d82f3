// Live-check reports as read-only virtual documents (braze-s3-report:), also kept in the output
// channel. Reports never contain a secret (they are redacted before they get here).
import * as vscode from 'vscode';
import type { Report } from '../aws';
import { loadAws } from '../loadAws';

export const REPORT_SCHEME = 'braze-s3-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.path) ?? '';
  }

  async show(report: Report, output: vscode.LogOutputChannel): Promise<vscode.TextDocument> {
    const aws = loadAws();
    output.info(aws.reportText(report));
    const text = aws.reportMarkdown(report);
    const path = `/${report.kind}-${++this.counter}.md`;
    this.reports.set(path, text);
    if (this.reports.size > 50) this.reports.delete(this.reports.keys().next().value as string);
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path });
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
    // Rendered beside the policy: marks, codes and remedies at a glance; the source stays one
    // command away (and copies as plain text).
    // One report on screen at a time: earlier reports' previews close (each stays in the output
    // channel). Then a locked preview beside the editor renders this report only (an unlocked one
    // follows the active editor, and switching one to a new report rendered blank).
    const earlier = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /(test-credentials|verify-role)-\d+\.md/.test(t.label));
    if (earlier.length) await vscode.window.tabGroups.close(earlier).then(undefined, () => undefined);
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri).then(undefined, () => vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside }));
    return doc;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const POLICY_SCHEME = 'braze-s3-policy';

/** Policies fetched from AWS, shown read-only (as JSON, so the diagnostics analyse them). */
export class PolicyDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  async open(name: string, content: string): Promise<vscode.TextDocument> {
    const path = `/${encodeURIComponent(name)}.json`;
    this.docs.set(path, content);
    if (this.docs.size > 100) this.docs.delete(this.docs.keys().next().value as string);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: POLICY_SCHEME, path })), 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }
}

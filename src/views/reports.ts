// Live-check reports as read-only virtual documents (braze-s3-report:), also kept in the output
// channel. Reports never contain a secret (they are redacted before they get here).
import * as vscode from 'vscode';
import type { Report } from '../aws';
import { loadAws } from './loadAws';

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
    const text = loadAws().reportText(report);
    output.info(text);
    const path = `/${report.kind}-${++this.counter}.txt`;
    this.reports.set(path, text);
    if (this.reports.size > 50) this.reports.delete(this.reports.keys().next().value as string);
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return doc;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

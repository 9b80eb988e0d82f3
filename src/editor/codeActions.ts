// Quick fixes for the engine's findings, the placeholder flow, and "fix all" (source.fixAll.brazeS3).
import * as vscode from 'vscode';
import { fixAll } from '../policy';
import type { Finding, TextEdit } from '../policy';
import { DIAGNOSTIC_SOURCE, PolicyDiagnostics, findingKey } from './diagnostics';
import { REPLACE_PLACEHOLDER_COMMAND } from './placeholders';
import { analyzeOptions } from './settings';
import { IntegrationOverrides } from './integrationOverrides';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('brazeS3');

export class PolicyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: PolicyDiagnostics, private readonly overrides: IntegrationOverrides) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.diagnostics.analysis(document);
    if (!analysis) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
      for (const d of context.diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object') continue;
        const offset = document.offsetAt(d.range.start);
        const finding = analysis.byKey.get(findingKey(String(d.code.value), offset, document.offsetAt(d.range.end) - offset, d.message));
        if (!finding) continue;
        if (finding.placeholder) {
          const a = new vscode.CodeAction(
            /BUCKET/.test(finding.placeholder) ? vscode.l10n.t('Replace {0} with bucket name…', finding.placeholder) : vscode.l10n.t('Replace {0} with its value…', finding.placeholder),
            vscode.CodeActionKind.QuickFix,
          );
          a.command = { command: REPLACE_PLACEHOLDER_COMMAND, title: a.title, arguments: [document.uri, finding.placeholder] };
          a.diagnostics = [d];
          a.isPreferred = true;
          actions.push(a);
        }
        finding.fixes.forEach((fix, i) => {
          if (fix.edits.length === 0) return;
          const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          const edit = new vscode.WorkspaceEdit();
          for (const e of fix.edits) {
            edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
          }
          a.edit = edit;
          a.diagnostics = [d];
          a.isPreferred = i === 0 && fix.safe && !finding.placeholder;
          actions.push(a);
        });
      }
    }
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) {
      const fixAllAction = this.fixAll(document);
      if (fixAllAction) actions.push(fixAllAction);
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const analysis = this.diagnostics.analysis(document);
    if (analysis && analysis.format !== 'json') return this.fixAllEmbedded(document, analysis.result.findings);
    const settings = this.diagnostics.settingsFor(document);
    const text = document.getText();
    const fixed = fixAll(text, analyzeOptions(settings, this.overrides.declared(document, settings)));
    if (fixed.applied.length === 0) return undefined;
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all safe Braze S3 policy problems'), FIX_ALL_KIND);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), fixed.text);
    return a;
  }

  /**
   * Terraform / CloudFormation: the first safe fix of each finding, in one edit. A fix whose edits
   * overlap one already taken waits for the next run (insertions at one point may share it).
   */
  private fixAllEmbedded(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction | undefined {
    const taken: TextEdit[] = [];
    const overlaps = (e: TextEdit) => taken.some((t) => e.offset < t.offset + t.length && t.offset < e.offset + e.length);
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe && x.edits.length > 0);
      if (!fix || fix.edits.some(overlaps)) continue;
      taken.push(...fix.edits);
    }
    if (taken.length === 0) return undefined;
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all safe Braze S3 policy problems'), FIX_ALL_KIND);
    a.edit = new vscode.WorkspaceEdit();
    for (const e of taken) a.edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
    return a;
  }
}

// Quick fixes for the engine's findings, the placeholder flow, and "fix all" (source.fixAll.brazeS3).
import { fixAll } from '../policy';
import type { Finding, TextEdit } from '../policy';
import { DocumentAnalysis, findingKey } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { DeclaredKind, ServiceSettings, analyzeOptions } from './settings';
import type { L10n, Range, ServiceCodeAction, ServiceDocument, ServiceTextEdit } from './types';

export const FIX_ALL_KIND = 'source.fixAll.brazeS3';
/** Asks for the placeholder's value (a bucket from the account, the account ID, …): run by the client. */
export const REPLACE_PLACEHOLDER_COMMAND = 'brazeS3.replacePlaceholder';

/** A diagnostic as the client holds it: enough to find the finding behind it. */
export interface DiagnosticRef {
  range: Range;
  message: string;
  code?: string;
  source?: string;
}

const toEdits = (document: ServiceDocument, edits: readonly TextEdit[]): ServiceTextEdit[] =>
  edits.map((e) => ({ range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, newText: e.newText }));

/** The finding behind one of our diagnostics in the current analysis. */
export function findingOf(document: ServiceDocument, analysis: DocumentAnalysis, d: DiagnosticRef): Finding | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || !d.code) return undefined;
  const offset = document.offsetAt(d.range.start);
  const length = document.offsetAt(d.range.end) - offset;
  const exact = analysis.byKey.get(findingKey(d.code, offset, length, d.message));
  if (exact) return exact;
  // The diagnostic can come from an analysis of the same text whose message a setting has since
  // changed (the new diagnostics are on their way): the one finding of that code on that span.
  const same = analysis.result.findings.filter((f) => f.code === d.code && f.offset === offset && f.length === length);
  return same.length === 1 ? same[0] : undefined;
}

/** The quick fixes of each diagnostic, in order: the placeholder's command first, then the engine's fixes. */
export type QuickFix<D> = Omit<ServiceCodeAction, 'diagnostic'> & { diagnostic: D };

export function quickFixes<D extends DiagnosticRef>(document: ServiceDocument, analysis: DocumentAnalysis, diagnostics: readonly D[], l10n: L10n): QuickFix<D>[] {
  const actions: QuickFix<D>[] = [];
  for (const d of diagnostics) {
    const finding = findingOf(document, analysis, d);
    if (!finding) continue;
    if (finding.placeholder) {
      const title = /BUCKET/.test(finding.placeholder) ? l10n.t('Replace {0} with bucket name…', finding.placeholder) : l10n.t('Replace {0} with its value…', finding.placeholder);
      actions.push({ title, kind: 'quickfix', diagnostic: d, isPreferred: true, command: { title, command: REPLACE_PLACEHOLDER_COMMAND, arguments: [document.uri, finding.placeholder] } });
    }
    finding.fixes.forEach((fix, i) => {
      if (fix.edits.length === 0) return;
      actions.push({ title: fix.title, kind: 'quickfix', diagnostic: d, edits: toEdits(document, fix.edits), isPreferred: i === 0 && fix.safe && !finding.placeholder });
    });
  }
  return actions;
}

/**
 * Every safe fix at once. JSON: the engine's fixAll (it re-analyses until nothing safe is left),
 * as one edit of the whole text. Terraform / CloudFormation: the first safe fix of each finding, in
 * one edit; a fix whose edits overlap one already taken waits for the next run.
 */
export function fixAllAction(document: ServiceDocument, analysis: DocumentAnalysis, settings: ServiceSettings, declared: DeclaredKind | undefined, l10n: L10n): ServiceCodeAction | undefined {
  const title = l10n.t('Fix all safe Braze S3 policy problems');
  if (analysis.format !== 'json') {
    const taken: TextEdit[] = [];
    const overlaps = (e: TextEdit) => taken.some((t) => e.offset < t.offset + t.length && t.offset < e.offset + e.length);
    for (const f of analysis.result.findings) {
      const fix = f.fixes.find((x) => x.safe && x.edits.length > 0);
      if (!fix || fix.edits.some(overlaps)) continue;
      taken.push(...fix.edits);
    }
    return taken.length ? { title, kind: FIX_ALL_KIND, edits: toEdits(document, taken) } : undefined;
  }
  const text = document.getText();
  const fixed = fixAll(text, analyzeOptions(settings, declared));
  if (fixed.applied.length === 0) return undefined;
  return { title, kind: FIX_ALL_KIND, edits: toEdits(document, [{ offset: 0, length: text.length, newText: fixed.text }]) };
}

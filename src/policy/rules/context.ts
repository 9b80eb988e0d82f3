// What every rule family receives, and the one way to report a finding.
import type { Node } from 'jsonc-parser';
import { IamCatalog } from '../catalog/catalog';
import { RULES, RuleCode } from '../codes';
import { CompiledStatement } from '../evaluate';
import type { EditWriter } from '../edits';
import { Messages } from '../messages';
import type { DocumentGrammar } from '../kind';
import { PolicyModel } from '../parse';
import { Span, spanOf } from '../ranges';
import type { DocumentKind, Finding, Fix, IntegrationId } from '../types';

export interface ResolvedOptions {
  integration: IntegrationId | 'auto';
  folder: string;
  partnerAccountId?: string;
  externalId?: string;
  templateValues: boolean;
}

export interface RuleContext {
  text: string;
  model: PolicyModel;
  kind: DocumentKind;
  /** The rules of this kind of document's grammar (Sids, Principal, Resource). */
  grammar: DocumentGrammar;
  /** The file said how the document is used (not inferred from its content). */
  usageDeclared: boolean;
  /** A Braze export or partner trust document: the Braze-worded rules apply (purpose.ts). */
  braze: boolean;
  options: ResolvedOptions;
  cat: IamCatalog;
  m: Messages;
  compiled: CompiledStatement[];
  /** Writes fixes in the document's own syntax (JSON, or the file a document was projected from). */
  edits: EditWriter;
  findings: Finding[];
}

export function report(
  ctx: RuleContext,
  code: RuleCode,
  where: Node | Span,
  message: string,
  fixes: Fix[] = [],
  severity = RULES[code],
): Finding {
  const span = 'type' in where ? spanOf(where) : where;
  // Errors at the end of the text (unterminated input) still get a visible, in-range span.
  const end = ctx.text.length;
  const offset = Math.max(0, Math.min(span.offset, span.length > 0 ? end - 1 : end));
  const length = Math.max(0, Math.min(span.length, end - offset));
  const finding: Finding = { code, severity, message, offset, length, fixes };
  ctx.findings.push(finding);
  return finding;
}

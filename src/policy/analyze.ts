// The engine's entry point: text in, findings out. Never throws.
import { catalog } from './catalog/catalog';
import { RULES } from './codes';
import { compileStatements } from './evaluate';
import { integrationFolder } from './integration';
import { documentNature } from './kind';
import { messages } from './messages';
import { asOneAnalysis } from './memo';
import { EditWriter, jsonWriter } from './edits';
import { PolicyModel, parsePolicy } from './parse';
import { decidePurpose } from './purpose';
import { RuleContext } from './rules/context';
import { checkActions } from './rules/actions';
import { checkConditions } from './rules/conditions';
import { checkGrammar, checkSyntax } from './rules/grammar';
import { checkIntegration, inferIntegration, policyBucket } from './rules/integration';
import { checkPlaceholders, checkResources } from './rules/resources';
import { checkTrust } from './rules/trust';
import type { AnalysisResult, AnalyzeOptions, Finding, PurposeInfo } from './types';

/** IAM's own ceiling is 10,240 characters (role inline policies); leave room for whitespace. */
export const DEFAULT_MAX_LENGTH = 128 * 1024;

/** Makes the fix writer for a document: JSON edits by default (src/formats passes its own). */
export type WriterFactory = (text: string, model: PolicyModel) => EditWriter;

export function analyze(text: string, options: AnalyzeOptions = {}, writer: WriterFactory = jsonWriter): AnalysisResult {
  const m = messages(options.locale);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return {
      kind: 'unknown',
      purpose: { id: 'general', declared: false, reason: m.purposeReason.notAnalysed },
      findings: [{ code: 'document-too-large', severity: RULES['document-too-large'], message: m.tooLarge(text.length, maxLength), offset: 0, length: 0, fixes: [] }],
    };
  }
  try {
    return asOneAnalysis(() => analyzeUnchecked(text, options, writer));
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      kind: 'unknown',
      purpose: { id: 'general', declared: false, reason: m.purposeReason.notAnalysed },
      findings: [{ code: 'analysis-failed', severity: RULES['analysis-failed'], message: m.analysisFailed(reason), offset: 0, length: 0, fixes: [] }],
    };
  }
}

function analyzeUnchecked(text: string, options: AnalyzeOptions, writer: WriterFactory): AnalysisResult {
  const model = parsePolicy(text);
  const declared = options.integration ?? 'auto';
  // A document declared the partner's trust policy follows the trust grammar.
  const usage = options.usage ?? (declared === 'trust' ? 'trust' : undefined);
  const { kind, grammar } = documentNature(model, usage, options.templateValues !== true);
  const cat = catalog();
  const m = messages(options.locale);
  const partnerAccountId = options.partnerAccountId?.trim() || undefined;
  const externalId = options.externalId?.trim() || undefined;
  const decided = decidePurpose({ text, model, kind, declared, sourceName: options.sourceName, partnerAccountId, externalId, brazeContext: options.brazeContext }, m);
  const ctx: RuleContext = {
    text,
    model,
    kind,
    grammar,
    usageDeclared: usage !== undefined,
    braze: decided.id !== 'general',
    options: {
      integration: declared === 'currents' || declared === 'dashboard' ? declared : 'auto',
      folder: options.folder ?? 'currents',
      partnerAccountId,
      externalId,
      templateValues: options.templateValues === true,
    },
    cat,
    m,
    compiled: compileStatements(model, options.templateValues === true),
    edits: writer(text, model),
    findings: [],
  };
  checkSyntax(ctx);
  checkGrammar(ctx);
  checkPlaceholders(ctx);
  let integration;
  let purpose: PurposeInfo = decided.id === 'export' ? { ...decided, id: 'currents' } : { ...decided, id: decided.id };
  if (model.root?.type === 'object' && model.statements.length > 0) {
    checkConditions(ctx);
    checkActions(ctx);
    checkResources(ctx);
    const exportPolicy = decided.id === 'export' || decided.id === 'currents' || decided.id === 'dashboard';
    if (kind === 'identity' && exportPolicy) {
      const bucket = policyBucket(ctx.compiled) ?? 'INSERTBUCKETNAME';
      // Infer from what it grants at the bucket's root (where dashboard exports write), then check
      // with the chosen integration's folder (the folder setting is Currents' only).
      integration = inferIntegration(ctx, bucket, integrationFolder('dashboard', options.folder));
      // A statement IAM would reject (bad Effect, Action and NotAction…) is not evaluated; its
      // grammar finding explains the problem, so "missing permission" noise is held back.
      const rejected = model.statements.some((s) => s.node.type !== 'object') || ctx.compiled.length < model.statements.length;
      if (!rejected) checkIntegration(ctx, integration, bucket, integrationFolder(integration.id, options.folder));
      purpose = { id: integration.id, declared: decided.declared, reason: decided.declared ? decided.reason : `${decided.reason}; ${integration.reason}` };
    } else if (kind === 'trust') {
      checkTrust(ctx);
    }
  }
  return { kind, purpose, integration, findings: inDocumentOrder(ctx.findings) };
}

/** Findings by offset, then code; ties keep the order they were reported in (sort is stable). */
function inDocumentOrder(findings: Finding[]): Finding[] {
  // Codes are ASCII: compare them directly (localeCompare goes through ICU).
  return findings.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

// Hover: an action's description, access level, resource types and condition keys; a wildcard's
// expansion; an S3 ARN's kind and which integration requirements it satisfies.
import * as vscode from 'vscode';
import { isSingular } from './settings';
import { getLocation, parseTree, findNodeAtOffset } from 'jsonc-parser';
import { REQUIREMENTS, bucketArn, catalog, s3Location } from '../policy';
import { hasWildcard } from '../policy/wildcard';
import { PolicyDiagnostics } from './diagnostics';
import type { DocumentReport } from '../formats/analyzeFile';

const MAX_LISTED = 25;

export class PolicyHover implements vscode.HoverProvider {
  constructor(private readonly diagnostics: PolicyDiagnostics) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.diagnostics.analysis(document);
    if (!analysis) return undefined;
    if (analysis.documents) return embeddedHover(document, document.offsetAt(position), analysis.documents);
    const text = document.getText();
    const offset = document.offsetAt(position);
    const location = getLocation(text, offset);
    const root = parseTree(text);
    const node = root && findNodeAtOffset(root, offset);
    if (!node || node.type !== 'string' || location.isAtPropertyKey) return undefined;
    const element = location.path.find((p) => typeof p === 'string' && /^(Not)?(Action|Resource)$/.test(p));
    const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
    const value = String(node.value);
    if (element === 'Action' || element === 'NotAction') {
      const md = actionHover(value);
      return md ? new vscode.Hover(md, range) : undefined;
    }
    if (element === 'Resource' || element === 'NotResource') {
      const md = resourceHover(value, analysis.result.integration?.id);
      return md ? new vscode.Hover(md, range) : undefined;
    }
    return undefined;
  }
}

/** Hover in a Terraform or CloudFormation file: the element's help, and where a value came from. */
function embeddedHover(document: vscode.TextDocument, offset: number, documents: DocumentReport[]): vscode.Hover | undefined {
  const doc = documents.find((d) => offset >= d.span.offset && offset <= d.span.offset + d.span.length);
  if (!doc?.projection) return undefined;
  const md = new vscode.MarkdownString();
  let span: { offset: number; length: number } | undefined;
  const value = doc.values.find((p) => offset >= p.src.offset && offset <= p.src.offset + p.src.length);
  if (value?.kind === 'resolved' && value.line > 0) {
    md.appendMarkdown(vscode.l10n.t('Resolved value: `{0}` (from {1}, line {2})', value.text, value.origin, value.line) + '\n\n');
    span = value.src;
  } else if (value?.kind === 'unknown') {
    md.appendMarkdown(vscode.l10n.t('`{0}` is known only at deploy time: checks that depend on it are skipped.', value.label) + '\n\n');
    span = value.src;
  }
  const at = doc.projection.elementAt(offset);
  if (at && (at.element === 'Action' || at.element === 'NotAction')) {
    const help = actionHover(at.value);
    if (help) md.appendMarkdown(help.value);
    span ??= at.span;
  } else if (at && (at.element === 'Resource' || at.element === 'NotResource')) {
    const help = resourceHover(at.value, doc.result.integration?.id);
    if (help) md.appendMarkdown(help.value);
    span ??= at.span;
  }
  if (!md.value || !span) return undefined;
  return new vscode.Hover(md, new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length)));
}

export function actionHover(value: string): vscode.MarkdownString | undefined {
  const cat = catalog();
  const md = new vscode.MarkdownString();
  if (hasWildcard(value)) {
    const all = cat.expand(value);
    md.appendMarkdown(isSingular(all.length) ? vscode.l10n.t('**{0}** matches {1} action', value, all.length) : vscode.l10n.t('**{0}** matches {1} actions', value, all.length));
    if (all.length) md.appendMarkdown(':\n\n' + all.slice(0, MAX_LISTED).map((a) => `- \`${a.full}\` (${a.access})`).join('\n'));
    if (all.length > MAX_LISTED) md.appendMarkdown('\n- …');
    return md;
  }
  const action = cat.action(value);
  if (!action) return undefined;
  md.appendMarkdown(`**${action.full}** — ${cat.serviceTitle(action.service) ?? action.service}\n\n`);
  md.appendMarkdown(vscode.l10n.t('Access level: {0}', action.access) + '\n\n');
  const detail = cat.detail(action);
  if (detail) {
    if (detail.description) md.appendMarkdown(`${detail.description}\n\n`);
    if (detail.resourceTypes.length) {
      md.appendMarkdown(vscode.l10n.t('Resource types:') + '\n' + detail.resourceTypes.map((r) => `- ${r.name}: \`${r.arn}\``).join('\n') + '\n\n');
    } else md.appendMarkdown(vscode.l10n.t('No resource-level permissions: use "Resource": "*".') + '\n\n');
    if (detail.conditionKeys.length) md.appendMarkdown(vscode.l10n.t('Condition keys:') + ' ' + detail.conditionKeys.map((k) => `\`${k}\``).join(', '));
  }
  return md;
}

export function resourceHover(value: string, integration: 'currents' | 'dashboard' | undefined): vscode.MarkdownString | undefined {
  const loc = s3Location(value);
  if (!loc) return undefined;
  const md = new vscode.MarkdownString();
  const isBucket = loc.key === undefined && !/[*?]/.test(loc.bucket);
  md.appendMarkdown(isBucket ? vscode.l10n.t('S3 bucket ARN (bucket-level actions such as s3:ListBucket)') : vscode.l10n.t('S3 object ARN pattern (object actions such as s3:PutObject)'));
  if (integration) {
    const req = REQUIREMENTS[integration].filter((r) => (isBucket ? r.on === 'bucket' : r.on === 'object'));
    md.appendMarkdown('\n\n' + vscode.l10n.t('For {0} this resource serves: {1}', integration === 'currents' ? 'Currents' : vscode.l10n.t('dashboard data export'), req.map((r) => `\`${r.action}\``).join(', ')));
  }
  if (!isBucket && loc.key === undefined) md.appendMarkdown('\n\n' + vscode.l10n.t('The wildcard is in the bucket name: it also matches other buckets. Prefer {0} and {0}/*.', `\`${bucketArn(loc.bucket.replace(/[*?].*$/, ''))}\``));
  return md;
}

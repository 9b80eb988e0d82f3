// Hover: an action's description, access level, resource types and condition keys; a wildcard's
// expansion; an S3 ARN's kind and which integration requirements it satisfies; in a Terraform or
// CloudFormation file, where a value came from.
import { getLocation, parseTree, findNodeAtOffset } from 'jsonc-parser';
import { REQUIREMENTS, bucketArn, catalog, hasWildcard, isOne, s3Location } from '../policy';
import type { Locale } from '../policy';
import type { DocumentReport } from '../routing/analyzeFile';
import { DocumentAnalysis, documentAt } from './analysis';
import type { L10n, Span } from './types';

const MAX_LISTED = 25;

export interface HoverResult {
  /** Markdown. */
  contents: string;
  span: Span;
}

export function hoverAt(analysis: DocumentAnalysis, text: string, offset: number, l10n: L10n, locale: Locale): HoverResult | undefined {
  if (analysis.documents) return embeddedHover(offset, analysis.documents, l10n, locale);
  const location = getLocation(text, offset);
  const root = parseTree(text);
  const node = root && findNodeAtOffset(root, offset);
  if (!node || node.type !== 'string' || location.isAtPropertyKey) return undefined;
  const element = location.path.find((p) => typeof p === 'string' && /^(Not)?(Action|Resource)$/.test(p));
  const span = { offset: node.offset, length: node.length };
  const value = String(node.value);
  let md: string | undefined;
  if (element === 'Action' || element === 'NotAction') md = actionHover(value, l10n, locale);
  else if (element === 'Resource' || element === 'NotResource') md = resourceHover(value, analysis.result.integration?.id, l10n);
  return md ? { contents: md, span } : undefined;
}

/** Hover in a Terraform or CloudFormation file: the element's help, and where a value came from. */
function embeddedHover(offset: number, documents: DocumentReport[], l10n: L10n, locale: Locale): HoverResult | undefined {
  const doc = documentAt(documents, offset);
  if (!doc?.projection) return undefined;
  let md = '';
  let span: Span | undefined;
  const value = doc.values.find((p) => offset >= p.src.offset && offset <= p.src.offset + p.src.length);
  if (value?.kind === 'resolved' && value.line > 0) {
    md += l10n.t('Resolved value: `{0}` (from {1}, line {2})', value.text, value.origin, value.line) + '\n\n';
    span = value.src;
  } else if (value?.kind === 'unknown') {
    md += l10n.t('`{0}` is known only at deploy time: checks that depend on it are skipped.', value.label) + '\n\n';
    span = value.src;
  }
  const at = doc.projection.elementAt(offset);
  if (at && (at.element === 'Action' || at.element === 'NotAction')) {
    md += actionHover(at.value, l10n, locale) ?? '';
    span ??= at.span;
  } else if (at && (at.element === 'Resource' || at.element === 'NotResource')) {
    md += resourceHover(at.value, doc.result.integration?.id, l10n) ?? '';
    span ??= at.span;
  }
  if (!md || !span) return undefined;
  return { contents: md, span };
}

export function actionHover(value: string, l10n: L10n, locale: Locale): string | undefined {
  const cat = catalog();
  let md = '';
  if (hasWildcard(value)) {
    const all = cat.expand(value);
    md += isOne(locale, all.length) ? l10n.t('**{0}** matches {1} action', value, all.length) : l10n.t('**{0}** matches {1} actions', value, all.length);
    if (all.length) md += ':\n\n' + all.slice(0, MAX_LISTED).map((a) => `- \`${a.full}\` (${a.access})`).join('\n');
    if (all.length > MAX_LISTED) md += '\n- …';
    return md;
  }
  const action = cat.action(value);
  if (!action) return undefined;
  md += `**${action.full}** — ${cat.serviceTitle(action.service) ?? action.service}\n\n`;
  md += l10n.t('Access level: {0}', action.access) + '\n\n';
  const detail = cat.detail(action);
  if (detail) {
    if (detail.description) md += `${detail.description}\n\n`;
    if (detail.resourceTypes.length) {
      md += l10n.t('Resource types:') + '\n' + detail.resourceTypes.map((r) => `- ${r.name}: \`${r.arn}\``).join('\n') + '\n\n';
    } else md += l10n.t('No resource-level permissions: use "Resource": "*".') + '\n\n';
    if (detail.conditionKeys.length) md += l10n.t('Condition keys:') + ' ' + detail.conditionKeys.map((k) => `\`${k}\``).join(', ');
  }
  return md;
}

export function resourceHover(value: string, integration: 'currents' | 'dashboard' | undefined, l10n: L10n): string | undefined {
  const loc = s3Location(value);
  if (!loc) return undefined;
  const isBucket = loc.key === undefined && !/[*?]/.test(loc.bucket);
  let md = isBucket ? l10n.t('S3 bucket ARN (bucket-level actions such as s3:ListBucket)') : l10n.t('S3 object ARN pattern (object actions such as s3:PutObject)');
  if (integration) {
    const req = REQUIREMENTS[integration].filter((r) => (isBucket ? r.on === 'bucket' : r.on === 'object'));
    md += '\n\n' + l10n.t('For {0} this resource serves: {1}', integration === 'currents' ? 'Currents' : l10n.t('dashboard data export'), req.map((r) => `\`${r.action}\``).join(', '));
  }
  if (!isBucket && loc.key === undefined) md += '\n\n' + l10n.t('The wildcard is in the bucket name: it also matches other buckets. Prefer {0} and {0}/*.', `\`${bucketArn(loc.bucket.replace(/[*?].*$/, ''))}\``);
  return md;
}

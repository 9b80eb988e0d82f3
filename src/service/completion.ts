// Completion inside Action/NotAction strings (services, then their actions with access level and
// resource types), inside Condition (operators, then keys valid for the statement's actions), of
// the policy's keys and values (policyKeys.ts), and of S3 ARNs for the buckets the account view
// already listed (never a network call here: without a listing, no ARN is offered).
import { getLocation, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { CONDITION_OPERATORS, catalog } from '../policy';
import { DocumentAnalysis, documentAt } from './analysis';
import { Candidate, CandidateKind, PolicyCompletionSpot, bucketArns, policyCompletionAt } from './policyKeys';
import type { CompletionKind, L10n, Position, Range, ServiceCompletionItem, ServiceDocument } from './types';

export const COMPLETION_TRIGGERS = ['"', ':'];

export interface CompletionContext {
  /** Bucket names already fetched (by the account view or a quick pick), without fetching. */
  buckets?: readonly string[];
  /** The configured Currents folder (brazeS3.folderPath). */
  folder?: string;
  l10n: L10n;
}

/** The range of the match of `word` on the position's line that touches the position (as VS Code's getWordRangeAtPosition). */
export function wordRangeAt(document: ServiceDocument, position: Position, word: RegExp): Range | undefined {
  const text = document.getText();
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const re = new RegExp(word.source, 'g');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index <= position.character && position.character <= m.index + m[0].length) {
      return { start: { line: position.line, character: m.index }, end: { line: position.line, character: m.index + m[0].length } };
    }
    if (m.index > position.character) break;
  }
  return undefined;
}

export function completionAt(document: ServiceDocument, position: Position, analysis: DocumentAnalysis | undefined, context: CompletionContext): ServiceCompletionItem[] | undefined {
  const text = document.getText();
  const offset = document.offsetAt(position);
  if (analysis?.documents) {
    // Terraform / CloudFormation: actions inside a string of an actions list.
    const doc = documentAt(analysis.documents, offset);
    const range = wordRangeAt(document, position, /[\w:*?/-]+/);
    const condition = doc?.projection && 'conditionKeyAt' in doc.projection ? doc.projection.conditionKeyAt(offset) : undefined;
    if (condition) return keysFor(condition.actions, range);
    const at = doc?.projection?.elementAt(offset);
    if (at?.element === 'Resource' || at?.element === 'NotResource') {
      const arns = bucketArns(context);
      // The whole ARN, interpolations included (`${var.bucket}`, `${AWS::Partition}`): the choice replaces it.
      const arnRange = wordRangeAt(document, position, /[\w:*?./${}-]+/);
      return arns.length ? arns.map((c, i) => ({ ...candidateItem(c, arnRange, undefined, context.l10n), sortText: String(i).padStart(4, '0') })) : undefined;
    }
    if (at?.element !== 'Action' && at?.element !== 'NotAction') return undefined;
    return actions(document, position, range);
  }
  if (!analysis && !/"Statement"/.test(text)) return undefined;
  const location = getLocation(text, offset);
  const path = location.path;
  const element = path.find((p) => typeof p === 'string' && /^(Not)?Action$/.test(p));
  const wordRange = wordRangeAt(document, position, /[\w:*?.\-/${}]+/);
  if (element && !location.isAtPropertyKey) return actions(document, position, wordRange);
  const conditionAt = path.indexOf('Condition');
  if (conditionAt >= 0 && location.isAtPropertyKey) {
    const depth = path.length - conditionAt;
    if (depth === 2) return CONDITION_OPERATORS.map((op) => item(op, 'operator', undefined, wordRange));
    if (depth === 3) return conditionKeys(text, path.slice(0, conditionAt), wordRange);
  }
  const spot = policyCompletionAt(text, offset, context);
  return spot && spotItems(document, spot, context.l10n);
}

/** Keys and values replace the string's content (the quotes are the person's), or come quoted where none was typed. */
function spotItems(document: ServiceDocument, spot: PolicyCompletionSpot, l10n: L10n): ServiceCompletionItem[] {
  const range = { start: document.positionAt(spot.start), end: document.positionAt(spot.end) };
  return spot.candidates.map((c, i) => ({ ...candidateItem(c, range, spot.quote ? JSON.stringify(c.text) : undefined, l10n), sortText: String(i).padStart(4, '0') }));
}

function actions(document: ServiceDocument, position: Position, range: Range | undefined): ServiceCompletionItem[] {
  const cat = catalog();
  const typed = range ? document.getText().slice(document.offsetAt(range.start), document.offsetAt(position)) : '';
  const colon = typed.indexOf(':');
  if (colon < 0) return cat.serviceNames.map((s) => ({ ...item(`${s}:`, 'module', cat.serviceTitle(s), range), retrigger: true }));
  return cat.actionsOf(typed.slice(0, colon)).map((a) => {
    const detail = cat.detail(a);
    const types = detail?.resourceTypes.map((r) => r.name).join(', ');
    return item(a.full, 'function', `${a.access}${types ? ` · ${types}` : ''}`, range, detail?.description);
  });
}

function conditionKeys(text: string, statementPath: (string | number)[], range: Range | undefined): ServiceCompletionItem[] {
  const root = parseTree(text);
  const actionsNode = root && findNodeAtLocation(root, [...statementPath, 'Action']);
  const patterns: string[] = actionsNode?.type === 'string' ? [actionsNode.value] : (actionsNode?.children ?? []).map((c) => String(c.value));
  return keysFor(patterns, range);
}

/** Global condition keys and those the statement's actions support. */
function keysFor(patterns: string[], range: Range | undefined): ServiceCompletionItem[] {
  const cat = catalog();
  const keys = new Set<string>([...cat.globalConditionKeys(), ...cat.conditionKeysForActions(patterns)]);
  return [...keys].sort().map((k) => item(k, 'property', cat.conditionKeyInfo(k)?.type, range));
}

const CANDIDATE_KIND: Record<CandidateKind, CompletionKind> = {
  topKey: 'property',
  statementKey: 'property',
  principalKey: 'property',
  value: 'enumMember',
  bucket: 'folder',
  objects: 'file',
  folder: 'file',
};

function candidateDetail(c: Candidate, l10n: L10n): string | undefined {
  switch (c.kind) {
    case 'topKey': return l10n.t('Policy element');
    case 'statementKey': return l10n.t('Statement element');
    case 'principalKey': return l10n.t('Principal type');
    case 'bucket': return l10n.t('Bucket {0}: s3:ListBucket, s3:GetBucketLocation', c.bucket ?? '');
    case 'objects': return l10n.t('Every object in {0}', c.bucket ?? '');
    case 'folder': return l10n.t('Objects under the Currents folder (brazeS3.folderPath)');
    default: return undefined;
  }
}

function candidateItem(c: Candidate, range: Range | undefined, insertText: string | undefined, l10n: L10n): ServiceCompletionItem {
  const it = item(c.text, CANDIDATE_KIND[c.kind], candidateDetail(c, l10n), range);
  if (insertText !== undefined) {
    it.insertText = insertText;
    it.filterText = c.text;
  }
  return it;
}

function item(label: string, kind: CompletionKind, detail: string | undefined, range: Range | undefined, documentation?: string): ServiceCompletionItem {
  const it: ServiceCompletionItem = { label, kind, detail };
  if (documentation) it.documentation = documentation;
  if (range) it.range = range;
  return it;
}

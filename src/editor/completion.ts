// Completion inside Action/NotAction strings (services, then their actions with access level and
// resource types), inside Condition (operators, then keys valid for the statement's actions), of
// the policy's keys and values (policyKeys.ts), and of S3 ARNs for the buckets the account view
// already listed (never a network call here: without a listing, no ARN is offered).
import * as vscode from 'vscode';
import { getLocation, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { catalog } from '../policy';
import { CONDITION_OPERATORS } from '../policy/rules/conditions';
import { PolicyDiagnostics } from './diagnostics';
import { snippetCompletions } from './snippets';
import { Candidate, PolicyCompletionSpot, bucketArns, policyCompletionAt } from './policyKeys';
import { readSettings } from './settings';

/** The bucket names already fetched (by the account view or a quick pick), without fetching. */
export type KnownBuckets = () => readonly string[] | undefined;

export class PolicyCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = ['"', ':'];

  constructor(private readonly diagnostics: PolicyDiagnostics, private readonly knownBuckets: KnownBuckets = () => undefined) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const snippets = snippetCompletions(document, position);
    if (snippets) return snippets;
    const analysis = this.diagnostics.analysis(document);
    if (analysis?.documents) {
      // Terraform / CloudFormation: actions inside a string of an actions list.
      const offset = document.offsetAt(position);
      const doc = analysis.documents.find((d) => offset >= d.span.offset && offset <= d.span.offset + d.span.length);
      const range = document.getWordRangeAtPosition(position, /[\w:*?/-]+/);
      const condition = doc?.projection && 'conditionKeyAt' in doc.projection ? doc.projection.conditionKeyAt(offset) : undefined;
      if (condition) return this.keysFor(condition.actions, range);
      const at = doc?.projection?.elementAt(offset);
      if (at?.element === 'Resource' || at?.element === 'NotResource') {
        const arns = bucketArns(this.arnContext(document));
        // The whole ARN, interpolations included (`${var.bucket}`, `${AWS::Partition}`): the choice replaces it.
        const arnRange = document.getWordRangeAtPosition(position, /[\w:*?./${}-]+/);
        return arns.length ? arns.map((c, i) => Object.assign(candidateItem(c, arnRange, undefined), { sortText: String(i).padStart(4, '0') })) : undefined;
      }
      if (at?.element !== 'Action' && at?.element !== 'NotAction') return undefined;
      return this.actions(document, position, range);
    }
    if (!analysis && !/"Statement"/.test(document.getText())) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const location = getLocation(text, offset);
    const path = location.path;
    const element = path.find((p) => typeof p === 'string' && /^(Not)?Action$/.test(p));
    const wordRange = document.getWordRangeAtPosition(position, /[\w:*?.\-/${}]+/);
    if (element && !location.isAtPropertyKey) return this.actions(document, position, wordRange);
    const conditionAt = path.indexOf('Condition');
    if (conditionAt >= 0 && location.isAtPropertyKey) {
      const depth = path.length - conditionAt;
      if (depth === 2) return CONDITION_OPERATORS.map((op) => item(op, vscode.CompletionItemKind.Operator, undefined, wordRange));
      if (depth === 3) return this.conditionKeys(text, path.slice(0, conditionAt), wordRange);
    }
    const spot = policyCompletionAt(text, offset, this.arnContext(document));
    return spot && this.spotItems(document, spot);
  }

  private arnContext(document: vscode.TextDocument): { buckets?: readonly string[]; folder?: string } {
    return { buckets: this.knownBuckets(), folder: readSettings(document.uri).folderPath };
  }

  /** Keys and values replace the string's content (the quotes are the person's), or come quoted where none was typed. */
  private spotItems(document: vscode.TextDocument, spot: PolicyCompletionSpot): vscode.CompletionItem[] {
    const range = new vscode.Range(document.positionAt(spot.start), document.positionAt(spot.end));
    return spot.candidates.map((c, i) => {
      const it = candidateItem(c, range, spot.quote ? JSON.stringify(c.text) : undefined);
      it.sortText = String(i).padStart(4, '0');
      return it;
    });
  }

  private actions(document: vscode.TextDocument, position: vscode.Position, range: vscode.Range | undefined): vscode.CompletionItem[] {
    const cat = catalog();
    const typed = range ? document.getText(range.with(undefined, position)) : '';
    const colon = typed.indexOf(':');
    if (colon < 0) {
      return cat.serviceNames.map((s) => {
        const it = item(`${s}:`, vscode.CompletionItemKind.Module, cat.serviceTitle(s), range);
        it.command = { command: 'editor.action.triggerSuggest', title: '' };
        return it;
      });
    }
    return cat.actionsOf(typed.slice(0, colon)).map((a) => {
      const detail = cat.detail(a);
      const types = detail?.resourceTypes.map((r) => r.name).join(', ');
      return item(a.full, vscode.CompletionItemKind.Function, `${a.access}${types ? ` · ${types}` : ''}`, range, detail?.description);
    });
  }

  private conditionKeys(text: string, statementPath: (string | number)[], range: vscode.Range | undefined): vscode.CompletionItem[] {
    const root = parseTree(text);
    const actionsNode = root && findNodeAtLocation(root, [...statementPath, 'Action']);
    const patterns: string[] = actionsNode?.type === 'string' ? [actionsNode.value] : (actionsNode?.children ?? []).map((c) => String(c.value));
    return this.keysFor(patterns, range);
  }

  /** Global condition keys and those the statement's actions support. */
  private keysFor(patterns: string[], range: vscode.Range | undefined): vscode.CompletionItem[] {
    const cat = catalog();
    const keys = new Set<string>([...cat.globalConditionKeys(), ...cat.conditionKeysForActions(patterns)]);
    return [...keys].sort().map((k) => item(k, vscode.CompletionItemKind.Property, cat.conditionKeyInfo(k)?.type, range));
  }
}

const CANDIDATE_KIND: Record<Candidate['kind'], vscode.CompletionItemKind> = {
  topKey: vscode.CompletionItemKind.Property,
  statementKey: vscode.CompletionItemKind.Property,
  principalKey: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  bucket: vscode.CompletionItemKind.Folder,
  objects: vscode.CompletionItemKind.File,
  folder: vscode.CompletionItemKind.File,
};

function candidateDetail(c: Candidate): string | undefined {
  switch (c.kind) {
    case 'topKey': return vscode.l10n.t('Policy element');
    case 'statementKey': return vscode.l10n.t('Statement element');
    case 'principalKey': return vscode.l10n.t('Principal type');
    case 'bucket': return vscode.l10n.t('Bucket {0}: s3:ListBucket, s3:GetBucketLocation', c.bucket ?? '');
    case 'objects': return vscode.l10n.t('Every object in {0}', c.bucket ?? '');
    case 'folder': return vscode.l10n.t('Objects under the Currents folder (brazeS3.folderPath)');
    default: return undefined;
  }
}

function candidateItem(c: Candidate, range: vscode.Range | undefined, insertText: string | undefined): vscode.CompletionItem {
  const it = item(c.text, CANDIDATE_KIND[c.kind], candidateDetail(c), range);
  if (insertText !== undefined) {
    it.insertText = insertText;
    it.filterText = c.text;
  }
  return it;
}

function item(label: string, kind: vscode.CompletionItemKind, detail: string | undefined, range: vscode.Range | undefined, doc?: string): vscode.CompletionItem {
  const it = new vscode.CompletionItem(label, kind);
  it.detail = detail;
  if (doc) it.documentation = doc;
  if (range) it.range = range;
  return it;
}

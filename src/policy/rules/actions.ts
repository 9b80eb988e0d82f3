// Action rules: unknown services and actions (with did-you-mean), wildcards that match nothing,
// redundant entries.
import { catalog } from '../catalog/catalog';
import { ActionFacts } from '../facts';
import { memoizeByObject } from '../memo';
import { ActionItem, itemsOf } from '../parse';
import { closest } from '../suggest';
import { hasWildcard, wildcardMatch } from '../wildcard';
import { lazyFix } from '../fix';
import { holdsPlaceholder } from '../placeholders';
import { RuleContext, report } from './context';

// API operation names people write where IAM wants the action that authorises them.
const API_TO_ACTION: Record<string, string> = {
  's3:listobjects': 'ListBucket',
  's3:listobjectsv2': 'ListBucket',
  's3:headbucket': 'ListBucket',
  's3:headobject': 'GetObject',
  's3:deleteobjects': 'DeleteObject',
  's3:copyobject': 'PutObject',
  's3:createmultipartupload': 'PutObject',
  's3:uploadpart': 'PutObject',
  's3:completemultipartupload': 'PutObject',
  's3:listbuckets': 'ListAllMyBuckets',
  'sts:assumerolewithexternalid': 'AssumeRole',
  // AWS Budgets: the Service Authorization Reference's operations table maps these API
  // operations to budgets:ModifyBudget and budgets:ViewBudget.
  'budgets:createbudget': 'ModifyBudget',
  'budgets:updatebudget': 'ModifyBudget',
  'budgets:deletebudget': 'ModifyBudget',
  'budgets:describebudget': 'ViewBudget',
  'budgets:describebudgets': 'ViewBudget',
};

export function checkActions(ctx: RuleContext): void {
  for (const s of ctx.model.statements) {
    for (const name of ['Action', 'NotAction'] as const) {
      if (s.el[name]) checkActionList(ctx, itemsOf(s, name));
    }
  }
}

type ActionClass =
  | { kind: 'valid' }
  | { kind: 'retired' }
  | { kind: 'no-service' }
  | { kind: 'no-match' }
  | { kind: 'unknown-service'; service: string; suggestion?: string; fixed?: string }
  | { kind: 'unknown-action'; suggestion?: string };

/** What an Action element is, computed once per distinct string (users repeat the same actions). */
const classifyAction = memoizeByObject((facts: ActionFacts): ActionClass => {
  const cat = catalog();
  const value = facts.value;
  if (value === '*') return { kind: 'valid' };
  // A placeholder (`<action>`, `{{ACTION}}`): its placeholder finding says so.
  if (holdsPlaceholder(value)) return { kind: 'valid' };
  const colon = value.indexOf(':');
  if (colon < 0) return { kind: 'no-service' };
  const service = value.slice(0, colon);
  const actionName = value.slice(colon + 1);
  if (!hasWildcard(service) && cat.isRetiredService(service)) {
    // A retired service's wildcard or action is judged against what its last reference page
    // listed (curated.json): deepracer:ListModels is retired, deepracer:AnythingAtAll unknown.
    if (hasWildcard(actionName)) return facts.expanded.length === 0 ? { kind: 'no-match' } : { kind: 'retired' };
    if (cat.isRetiredAction(value)) return { kind: 'retired' };
    const suggestion = closest(actionName, cat.actionsOf(service).map((a) => a.name));
    return { kind: 'unknown-action', suggestion: suggestion ? `${service}:${suggestion}` : undefined };
  }
  if (!hasWildcard(service) && !cat.hasService(service)) {
    const suggestion = closest(service, cat.serviceNames);
    return { kind: 'unknown-service', service, suggestion, fixed: suggestion ? `${suggestion}:${actionName}` : undefined };
  }
  if (hasWildcard(service) || hasWildcard(actionName)) return facts.expanded.length === 0 ? { kind: 'no-match' } : { kind: 'valid' };
  if (cat.action(value)) return { kind: 'valid' };
  if (cat.isRetiredAction(value)) return { kind: 'retired' };
  const suggestionName = API_TO_ACTION[value.toLowerCase()] ?? closest(actionName, cat.actionsOf(service).map((a) => a.name));
  return { kind: 'unknown-action', suggestion: suggestionName ? `${service}:${suggestionName}` : undefined };
});

function checkActionList(ctx: RuleContext, items: readonly ActionItem[]): void {
  const { m } = ctx;
  // Usually every entry is valid: the list itself then serves, without a copy.
  let valid: readonly ActionItem[] = items;
  for (const item of items) {
    const value = item.value;
    const c = classifyAction(item.facts);
    if (c.kind !== 'valid' && valid === items) valid = items.filter((i) => classifyAction(i.facts).kind === 'valid');
    switch (c.kind) {
      case 'valid':
        break;
      case 'retired':
        report(ctx, 'action-retired', item.node, m.actionRetired(value));
        break;
      case 'no-service':
        report(ctx, 'action-unknown', item.node, m.actionNoService(value));
        break;
      case 'no-match':
        report(ctx, 'action-wildcard-no-match', item.node, m.wildcardNoMatch(value));
        break;
      case 'unknown-service': {
        const fixed = c.fixed;
        report(ctx, 'service-unknown', { offset: item.node.offset + 1, length: c.service.length }, m.serviceUnknown(c.service, c.suggestion),
          fixed ? [lazyFix(m.fix.replaceWith(fixed), () => ctx.edits.replaceNode(item.node, fixed), false)] : []);
        break;
      }
      case 'unknown-action': {
        const suggestion = c.suggestion;
        report(ctx, 'action-unknown', item.node, m.actionUnknown(value, suggestion),
          suggestion ? [lazyFix(m.fix.replaceWith(suggestion), () => ctx.edits.replaceNode(item.node, suggestion), false)] : []);
        break;
      }
    }
  }
  // Redundancy among the valid entries of this one list. AWS's read-only policies list thousands
  // of entries in one statement, so twins are found through a map and covering wildcards through
  // an index by service prefix, never by comparing every pair.
  if (valid.length < 2) return;
  const lower = valid.map((v) => v.facts.lower);
  const firstOf = new Map<string, number>();
  const wildcardsByService = new Map<string, number[]>();
  const wildcardServices: number[] = []; // `*`, `s3*:Get*`: a wildcard in the service part
  for (let i = 0; i < valid.length; i++) {
    if (!firstOf.has(lower[i])) firstOf.set(lower[i], i);
    if (!hasWildcard(lower[i])) continue;
    const service = serviceOf(lower[i]);
    if (service === undefined || hasWildcard(service)) wildcardServices.push(i);
    else {
      let list = wildcardsByService.get(service);
      if (!list) wildcardsByService.set(service, (list = []));
      list.push(i);
    }
  }
  for (let vi = 0; vi < valid.length; vi++) {
    const v = valid[vi];
    if (firstOf.get(lower[vi]) !== vi) {
      report(ctx, 'action-redundant', v.node, m.actionDuplicate(v.value), [lazyFix(m.fix.removeItem(v.value), () => ctx.edits.removeItem(v.node), true)]);
      continue;
    }
    if (wildcardServices.length === 0 && wildcardsByService.size === 0) continue; // nothing covers
    // Two wildcards that cover each other (`s3:*`, `s3:**`): only the later one is redundant,
    // so removing every redundant entry never removes both.
    const covers = (wi: number) => lower[wi] !== lower[vi] && wildcardMatch(lower[wi], lower[vi]) && !(wi > vi && wildcardMatch(lower[vi], lower[wi]));
    const service = serviceOf(lower[vi]);
    const cover = (service === undefined ? undefined : wildcardsByService.get(service)?.find(covers)) ?? wildcardServices.find(covers);
    if (cover !== undefined) {
      report(ctx, 'action-redundant', v.node, m.actionCovered(v.value, valid[cover].value), [lazyFix(m.fix.removeItem(v.value), () => ctx.edits.removeItem(v.node), true)]);
    }
  }
}

/** `s3` of `s3:getobject`; undefined without a colon (only `*` among valid entries). */
function serviceOf(lowerAction: string): string | undefined {
  const colon = lowerAction.indexOf(':');
  return colon < 0 ? undefined : lowerAction.slice(0, colon);
}

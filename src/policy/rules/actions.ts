// Action rules: unknown services and actions (with did-you-mean), wildcards that match nothing,
// redundant entries.
import { Property, prop, stringItems } from '../parse';
import { closest } from '../suggest';
import { hasWildcard, wildcardMatch } from '../wildcard';
import { removeItem, replaceNode } from '../edits';
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
};

export function checkActions(ctx: RuleContext): void {
  for (const s of ctx.model.statements) {
    for (const name of ['Action', 'NotAction']) {
      const p = prop(s, name);
      if (p) checkActionList(ctx, p);
    }
  }
}

function checkActionList(ctx: RuleContext, p: Property): void {
  const { m, cat, text } = ctx;
  const items = stringItems(p.value);
  const seen = new Map<string, string>();
  const valid: { value: string; lower: string; node: (typeof items)[number]['node'] }[] = [];
  for (const item of items) {
    const value = item.value;
    if (value === '*') {
      valid.push({ value, lower: value, node: item.node });
      continue;
    }
    const colon = value.indexOf(':');
    if (colon < 0) {
      report(ctx, 'action-unknown', item.node, m.actionNoService(value));
      continue;
    }
    const service = value.slice(0, colon);
    const actionName = value.slice(colon + 1);
    if (hasWildcard(service)) {
      if (ctx.expand(value).length === 0) report(ctx, 'action-wildcard-no-match', item.node, m.wildcardNoMatch(value));
      else valid.push({ value, lower: value.toLowerCase(), node: item.node });
      continue;
    }
    if (!cat.hasService(service)) {
      const suggestion = closest(service, cat.serviceNames);
      const fixed = suggestion ? `${suggestion}:${actionName}` : undefined;
      report(ctx, 'service-unknown', { offset: item.node.offset + 1, length: service.length }, m.serviceUnknown(service, suggestion),
        fixed ? [{ title: m.fix.replaceWith(fixed), get edits() { return replaceNode(item.node, fixed); }, safe: false }] : []);
      continue;
    }
    if (hasWildcard(actionName)) {
      if (ctx.expand(value).length === 0) report(ctx, 'action-wildcard-no-match', item.node, m.wildcardNoMatch(value));
      else valid.push({ value, lower: value.toLowerCase(), node: item.node });
      continue;
    }
    if (!cat.action(value)) {
      const lower = value.toLowerCase();
      const alias = API_TO_ACTION[lower];
      const suggestionName = alias ?? closest(actionName, cat.actionsOf(service).map((a) => a.name));
      const suggestion = suggestionName ? `${service}:${suggestionName}` : undefined;
      report(ctx, 'action-unknown', item.node, m.actionUnknown(value, suggestion),
        suggestion ? [{ title: m.fix.replaceWith(suggestion), get edits() { return replaceNode(item.node, suggestion); }, safe: false }] : []);
      continue;
    }
    valid.push({ value, lower: value.toLowerCase(), node: item.node });
  }
  // Redundancy among the valid entries of this one list.
  for (const v of valid) {
    const twin = seen.get(v.lower);
    if (twin !== undefined) {
      report(ctx, 'action-redundant', v.node, m.actionDuplicate(v.value), [{ title: m.fix.removeItem(v.value), get edits() { return removeItem(text, v.node); }, safe: true }]);
      continue;
    }
    seen.set(v.lower, v.value);
    // Two wildcards that cover each other (`s3:*`, `s3:**`): only the later one is redundant,
    // so removing every redundant entry never removes both.
    const vi = valid.indexOf(v);
    const cover = valid.find((w, wi) => w !== v && w.lower !== v.lower && hasWildcard(w.value) && wildcardMatch(w.lower, v.lower)
      && !(wi > vi && wildcardMatch(v.lower, w.lower)));
    if (cover) {
      report(ctx, 'action-redundant', v.node, m.actionCovered(v.value, cover.value), [{ title: m.fix.removeItem(v.value), get edits() { return removeItem(text, v.node); }, safe: true }]);
    }
  }
}

// Grammar rules: what IAM's policy grammar accepts, for every kind of document.
import type { Node } from 'jsonc-parser';
import { ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import { Property, Statement, propertiesOf, prop, STATEMENT_ELEMENTS } from '../parse';
import { openingOf } from '../ranges';
import { closest } from '../suggest';
import { lazyFix } from '../fix';
import { RuleContext, report } from './context';

const TOP_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS: readonly string[] = STATEMENT_ELEMENTS;
const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
export const VERSIONS = ['2012-10-17', '2008-10-17'];

function suggestKey(name: string, allowed: readonly string[]): string | undefined {
  return allowed.find((k) => k.toLowerCase() === name.toLowerCase()) ?? closest(name, allowed);
}

function checkKeys(ctx: RuleContext, props: Property[], allowed: readonly string[]): void {
  for (const p of props) {
    if (allowed.includes(p.name)) continue;
    const suggestion = suggestKey(p.name, allowed);
    const taken = suggestion !== undefined && props.some((q) => q.name === suggestion);
    const fixes = suggestion && !taken ? [lazyFix(ctx.m.fix.renameKey(suggestion), () => ctx.edits.renameKey(p.key, suggestion), suggestion.toLowerCase() === p.name.toLowerCase())] : [];
    report(ctx, 'unknown-key', p.key, ctx.m.unknownKey(p.name, suggestion), fixes);
  }
}

/**
 * The offset of a trailing comma: one followed only by space and then the bracket that closes its
 * own container (`,}` in an object, `,]` in a list). A comma before a mismatched bracket is not
 * one, and removing it would not repair anything. -1 when there is none.
 */
function trailingCommaBefore(text: string, error: ParseErrorCode, offset: number): number {
  const closer = error === ParseErrorCode.PropertyNameExpected ? '}' : error === ParseErrorCode.ValueExpected ? ']' : '';
  if (!closer || text[offset] !== closer) return -1;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : -1;
}

export function checkSyntax(ctx: RuleContext): void {
  const { model, text, m } = ctx;
  const blank = !/\S/.test(text); // stops at the first non-space: no copy of the whole text
  if (!model.root && !blank && model.parseErrors.length === 0) {
    report(ctx, 'json-syntax', { offset: 0, length: Math.min(1, text.length) }, m.tooDeep);
    return;
  }
  for (const e of model.parseErrors) {
    let name: string = printParseErrorCode(e.error);
    const comma = trailingCommaBefore(text, e.error, e.offset);
    if (comma >= 0) {
      name = 'TrailingComma';
      report(ctx, 'json-syntax', { offset: comma, length: 1 }, m.jsonSyntax(m.syntaxDetail(name)), [
        lazyFix(m.fix.removeItem(','), () => [{ offset: comma, length: 1, newText: '' }], true),
      ]);
      continue;
    }
    report(ctx, 'json-syntax', { offset: e.offset, length: Math.max(e.length, 1) }, m.jsonSyntax(m.syntaxDetail(name)));
  }
  if (blank) report(ctx, 'json-syntax', { offset: 0, length: 0 }, m.emptyDocument);
}

/** `${aws:username}`, `${s3:prefix}`, `${*}`: IAM's policy variables (2012-10-17 only). */
function usesPolicyVariables(text: string): boolean {
  return text.includes('${') && /\$\{(?:[A-Za-z0-9.-]+:[^:}"\s][^}"\s]*|[*?$])\}/.test(text);
}

export function checkGrammar(ctx: RuleContext): void {
  const { model, m } = ctx;
  const root = model.root;
  if (!root) return;
  if (root.type !== 'object') {
    report(ctx, 'invalid-type', root, m.rootNotObject);
    return;
  }
  checkKeys(ctx, model.topProperties, TOP_KEYS);
  const top = { properties: model.topProperties };
  const version = prop(top, 'Version');
  if (!version) {
    // Without policy variables, 2008-10-17 reads the document the same way: a hint, not a warning.
    report(ctx, 'policy-version-missing', openingOf(root), usesPolicyVariables(ctx.text) ? m.versionMissing : m.versionMissingHarmless, [
      lazyFix(m.fix.addVersion, () => ctx.edits.setValue(['Version'], '2012-10-17', true), true),
    ], usesPolicyVariables(ctx.text) ? 'warning' : 'info');
  } else if (version.value.type !== 'string') {
    report(ctx, 'invalid-type', version.value, m.invalidType('Version', m.expected.string));
  } else if (!VERSIONS.includes(version.value.value)) {
    report(ctx, 'policy-version-invalid', version.value, m.versionInvalid(version.value.value), [
      lazyFix(m.fix.setVersion, () => ctx.edits.replaceNode(version.value, '2012-10-17'), true),
    ]);
  }
  const id = prop(top, 'Id');
  if (id && id.value.type !== 'string') report(ctx, 'invalid-type', id.value, m.invalidType('Id', m.expected.string));

  const st = model.statementProperty;
  if (!st) {
    report(ctx, 'statement-missing', openingOf(root), m.statementMissing);
    return;
  }
  if (st.value.type !== 'object' && st.value.type !== 'array') {
    report(ctx, 'invalid-type', st.value, m.invalidType('Statement', m.expected.statement));
    return;
  }
  if (st.value.type === 'array' && (st.value.children?.length ?? 0) === 0) {
    report(ctx, 'statement-missing', st.value, m.statementEmpty);
    return;
  }
  const sids = new Map<string, Node>();
  for (const s of model.statements) checkStatement(ctx, s, sids);
}

function checkStringList(ctx: RuleContext, p: Property): void {
  const { m } = ctx;
  if (p.value.type === 'string') return;
  if (p.value.type !== 'array') {
    report(ctx, 'invalid-type', p.value, m.invalidType(p.name, m.expected.stringOrArray));
    return;
  }
  if ((p.value.children?.length ?? 0) === 0) {
    report(ctx, p.name.endsWith('Action') ? 'action-missing' : 'resource-missing', p.value, m.invalidType(p.name, m.expected.nonEmptyArray));
  }
  for (const c of p.value.children ?? []) {
    if (c.type !== 'string') report(ctx, 'invalid-type', c, m.invalidType(p.name, m.expected.stringOrArray));
  }
}

function checkStatement(ctx: RuleContext, s: Statement, sids: Map<string, Node>): void {
  const { m, grammar } = ctx;
  if (s.node.type !== 'object') {
    report(ctx, 'invalid-type', s.node, m.invalidType('Statement', m.expected.statement));
    return;
  }
  const noResource = grammar.resource === 'forbidden' && !standsForMerged(ctx, s);
  const resourceKey = (name: string) => name === 'Resource' || name === 'NotResource';
  if (noResource) for (const p of s.properties) if (resourceKey(p.name)) report(ctx, 'unknown-key', p.key, m.resourceInTrust(p.name));
  if (s.hasUnknownKeys) checkKeys(ctx, s.properties.filter((p) => !(noResource && resourceKey(p.name))), STATEMENT_KEYS);

  const sid = s.el.Sid;
  if (sid) {
    if (sid.value.type !== 'string') report(ctx, 'invalid-type', sid.value, m.invalidType('Sid', m.expected.string));
    else {
      const value = sid.value.value as string;
      // Only IAM's own documents restrict a Sid's characters; S3, KMS, SNS… accept any text.
      if (grammar.iamSid && /[^A-Za-z0-9]/.test(value)) {
        const cleaned = value.replace(/[^A-Za-z0-9]/g, '');
        const fixes = cleaned && !sids.has(cleaned) ? [lazyFix(m.fix.sid(cleaned), () => ctx.edits.replaceNode(sid.value, cleaned), false)] : [];
        report(ctx, 'sid-invalid', sid.value, m.sidInvalid(value), fixes);
      }
      // An empty Sid names nothing (the Firehose console writes "Sid": "" in every statement).
      if (value !== '' && sids.has(value)) report(ctx, 'sid-duplicate', sid.value, m.sidDuplicate(value));
      else sids.set(value, sid.value);
    }
  }

  const effect = s.el.Effect;
  if (!effect) report(ctx, 'effect-invalid', openingOf(s.node), m.effectMissing);
  else if (effect.value.type !== 'string') report(ctx, 'invalid-type', effect.value, m.invalidType('Effect', m.expected.string));
  else if (effect.value.value !== 'Allow' && effect.value.value !== 'Deny') {
    const v = String(effect.value.value);
    const to = ['Allow', 'Deny'].find((e) => e.toLowerCase() === v.toLowerCase().trim()) ?? closest(v, ['Allow', 'Deny']);
    report(ctx, 'effect-invalid', effect.value, m.effectInvalid(v), to ? [lazyFix(m.fix.effect(to), () => ctx.edits.replaceNode(effect.value, to), to.toLowerCase() === v.toLowerCase().trim())] : []);
  }

  const action = s.el.Action;
  const notAction = s.el.NotAction;
  if (!action && !notAction) report(ctx, 'action-missing', openingOf(s.node), m.actionMissing);
  if (action && notAction && !eitherUnknown(ctx, action, notAction)) report(ctx, 'action-missing', notAction.key, m.actionBoth);
  for (const p of [action, notAction]) if (p) checkStringList(ctx, p);

  const resource = s.el.Resource;
  const notResource = s.el.NotResource;
  if (!noResource) {
    if (!resource && !notResource && grammar.resource === 'required') report(ctx, 'resource-missing', openingOf(s.node), m.resourceMissing);
    if (resource && notResource && !eitherUnknown(ctx, resource, notResource)) report(ctx, 'resource-missing', notResource.key, m.resourceBoth);
    for (const p of [resource, notResource]) if (p) checkStringList(ctx, p);
  }

  const principals = (['Principal', 'NotPrincipal'] as const).filter((name) => s.el[name]);
  if (principals.length === 0 && grammar.principal === 'required' && !standsForMerged(ctx, s)) report(ctx, 'principal-missing', openingOf(s.node), ctx.kind === 'trust' ? m.principalMissingTrust : m.principalMissing);
  for (const name of principals) {
    const p = s.el[name]!;
    if (grammar.principal === 'forbidden') {
      report(ctx, 'principal-not-allowed', p.key, m.principalNotAllowed(name));
      continue;
    }
    checkPrincipal(ctx, p);
  }

  const condition = s.el.Condition;
  if (condition) checkConditionShape(ctx, condition);
}

/** A whole value known only at deploy time (`try(each.value.actions, null)` may be null: absent). */
function wholeUnknown(ctx: RuleContext, p: Property | undefined): boolean {
  return ctx.options.templateValues && p?.value.type === 'string' && /^\$\{[^}]*\}$/.test(String(p.value.value));
}

function eitherUnknown(ctx: RuleContext, a: Property, b: Property): boolean {
  return wholeUnknown(ctx, a) || wholeUnknown(ctx, b);
}

/**
 * A statement that stands for documents merged in at deploy time (Terraform's
 * source_policy_documents, a dynamic block): its Action and Resource are both unknown values.
 */
function standsForMerged(ctx: RuleContext, s: Statement): boolean {
  return wholeUnknown(ctx, s.el.Action) && wholeUnknown(ctx, s.el.Resource);
}

function checkPrincipal(ctx: RuleContext, p: Property): void {
  const { m } = ctx;
  if (p.value.type === 'string') {
    if (p.value.value !== '*') report(ctx, 'invalid-type', p.value, m.invalidType(p.name, m.expected.principal));
    return;
  }
  if (p.value.type !== 'object') {
    report(ctx, 'invalid-type', p.value, m.invalidType(p.name, m.expected.principal));
    return;
  }
  const props = propertiesOf(p.value);
  checkKeys(ctx, props, PRINCIPAL_KEYS);
  for (const q of props) if (PRINCIPAL_KEYS.includes(q.name)) checkStringList(ctx, q);
}

function checkConditionShape(ctx: RuleContext, condition: Property): void {
  const { m } = ctx;
  if (condition.value.type !== 'object') {
    report(ctx, 'invalid-type', condition.value, m.invalidType('Condition', m.expected.object));
    return;
  }
  for (const op of propertiesOf(condition.value)) {
    if (op.value.type !== 'object') {
      report(ctx, 'invalid-type', op.value, m.invalidType(op.name, m.expected.object));
      continue;
    }
    for (const key of propertiesOf(op.value)) {
      const v = key.value;
      const scalar = (n: Node) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';
      if (!(scalar(v) || (v.type === 'array' && (v.children ?? []).every(scalar)))) {
        report(ctx, 'invalid-type', v, m.invalidType(key.name, m.expected.conditionValue));
      }
    }
  }
}

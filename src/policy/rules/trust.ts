// Trust-policy rules (role ARN method): how the partner account may assume the role.
import type { Node } from 'jsonc-parser';
import { accountOfPrincipal } from '../arn';
import { Property, Statement, itemsOf, propertiesOf, stringItems } from '../parse';
import { pathOf } from '../edits';
import { lazyFix } from '../fix';
import type { Fix } from '../types';
import { RuleContext, report } from './context';

const ACCOUNT_ACTIONS = ['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext'];
// Condition keys that confine a "*" principal to known accounts, organisations or sources.
const LIMITING_KEYS = /^aws:(principalaccount|principalorgid|principalorgpaths|principalarn|sourceaccount|sourcearn|sourceorgid|sourceorgpaths)$/i;

interface AwsPrincipal {
  value: string;
  node: Node;
}

function awsPrincipals(s: Statement): { wildcard: Node | undefined; aws: AwsPrincipal[]; other: boolean } {
  const p = s.el.Principal;
  if (!p) return { wildcard: undefined, aws: [], other: false };
  if (p.value.type === 'string') return { wildcard: p.value.value === '*' ? p.value : undefined, aws: [], other: false };
  if (p.value.type !== 'object') return { wildcard: undefined, aws: [], other: false };
  const props = propertiesOf(p.value);
  const aws = stringItems(props.find((q) => q.name === 'AWS')?.value).map((i) => ({ value: i.value, node: i.node }));
  const wildcard = aws.find((a) => a.value === '*')?.node;
  return { wildcard, aws: aws.filter((a) => a.value !== '*'), other: props.some((q) => q.name !== 'AWS') };
}

function conditionEntries(s: Statement): { op: string; key: Property }[] {
  const c = s.el.Condition;
  if (!c || c.value.type !== 'object') return [];
  return propertiesOf(c.value).flatMap((op) => (op.value.type === 'object' ? propertiesOf(op.value).map((key) => ({ op: op.name, key })) : []));
}

function externalIdEdits(ctx: RuleContext, s: Statement, value: string) {
  const condition = s.el.Condition;
  const path = pathOf(s.node);
  if (!condition || condition.value.type !== 'object') return ctx.edits.setValue([...path, 'Condition'], { StringEquals: { 'sts:ExternalId': value } });
  const eq = propertiesOf(condition.value).find((p) => p.name === 'StringEquals');
  return eq && eq.value.type === 'object'
    ? ctx.edits.setValue([...path, 'Condition', 'StringEquals', 'sts:ExternalId'], value)
    : ctx.edits.setValue([...path, 'Condition', 'StringEquals'], { 'sts:ExternalId': value });
}

function externalIdFix(ctx: RuleContext, s: Statement): Fix {
  const value = ctx.options.externalId || 'INSERTEXTERNALID';
  return lazyFix(ctx.m.fix.addExternalId, () => externalIdEdits(ctx, s, value), !!ctx.options.externalId);
}

/**
 * Conditions a template fills in at deploy time (a Terraform `dynamic "condition"`, a
 * CloudFormation `!If`): they may require the external ID, so its absence is not asserted.
 */
function conditionsUnknown(ctx: RuleContext, s: Statement): boolean {
  const c = s.el.Condition?.value;
  if (!ctx.options.templateValues || !c) return false;
  if (c.type === 'string') return String(c.value).includes('${');
  return c.type === 'object' && propertiesOf(c).some((op) => op.name.includes('${') || (op.value.type === 'string' && String(op.value.value).includes('${')));
}

export function checkTrust(ctx: RuleContext): void {
  const { m, options } = ctx;
  for (const s of ctx.model.statements) {
    if (s.node.type !== 'object' || s.el.Effect?.value.value !== 'Allow') continue;
    const { wildcard, aws, other } = awsPrincipals(s);
    const entries = conditionEntries(s);
    if (aws.length > 0 && !other) {
      for (const a of itemsOf(s, 'Action')) {
        if (!ACCOUNT_ACTIONS.includes(a.facts.lower)) report(ctx, 'trust-action-invalid', a.node, m.trustActionInvalid(a.value));
      }
    }
    if (wildcard && !entries.some((e) => LIMITING_KEYS.test(e.key.name))) {
      report(ctx, 'trust-principal-wildcard', wildcard, m.trustPrincipalWildcard);
    }
    // The rest is about the partner: a general trust policy (another account of the same
    // organisation, a service) is not told to require an external ID.
    if (!ctx.braze) continue;
    const externalIds = entries.filter((e) => e.key.name.toLowerCase() === 'sts:externalid');
    const required = externalIds.filter((e) => e.op === 'StringEquals');
    const accounts = aws.map((a) => ({ ...a, account: accountOfPrincipal(a.value) }));
    if (accounts.length > 0 && required.length === 0 && !conditionsUnknown(ctx, s)) {
      // For the configured partner this is the confused-deputy hole "Require external ID" closes.
      const partner = accounts.find((a) => a.account && a.account === options.partnerAccountId);
      const first = partner ?? accounts[0];
      report(ctx, 'trust-external-id-missing', first.node, m.externalIdMissing(first.account ?? first.value), [externalIdFix(ctx, s)], partner ? 'error' : undefined);
    }
    if (options.partnerAccountId) {
      for (const a of accounts) {
        if (a.account && a.account !== options.partnerAccountId) {
          const to = `arn:aws:iam::${options.partnerAccountId}:root`;
          report(ctx, 'trust-account-mismatch', a.node, m.accountMismatch(a.account, options.partnerAccountId), [
            lazyFix(m.fix.replaceWith(to), () => ctx.edits.replaceNode(a.node, to), false),
          ]);
        }
      }
    }
    const externalId = options.externalId;
    if (externalId) {
      for (const e of required) {
        for (const v of stringItems(e.key.value)) {
          if (v.value !== externalId && !/^INSERT/.test(v.value)) {
            report(ctx, 'trust-account-mismatch', v.node, m.externalIdMismatch(v.value, externalId), [
              lazyFix(m.fix.replaceWith(externalId), () => ctx.edits.replaceNode(v.node, externalId), false),
            ]);
          }
        }
      }
    }
  }
}

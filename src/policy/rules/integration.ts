// Integration rules for identity policies meant for Currents or dashboard data export:
// missing or denied permissions (evaluated like IAM), excess grants, mixed policies.
import type { Node } from 'jsonc-parser';
import { CompiledStatement, actionMatches, evaluateLower, isGranted } from '../evaluate';
import { REQUIREMENTS, Requirement, TOLERATED_EXTRAS, bucketArn, objectArnPattern, sampleObjectArn } from '../integration';
import { ActionFacts } from '../facts';
import { itemsOf } from '../parse';
import { ActionInfo } from '../catalog/catalog';
import { detach, memoizeByObject, mostCommon } from '../memo';
import { lazyFix } from '../fix';
import { matchCompiled } from '../wildcard';
import type { Fix, IntegrationId, IntegrationInfo } from '../types';
import { RuleContext, report } from './context';

/** The bucket a policy is about: the most named literal bucket (placeholders count). */
export function policyBucket(statements: CompiledStatement[]): string | undefined {
  const named: string[] = [];
  let fallback: string | undefined;
  for (const s of statements) {
    if (!s.resources) continue;
    for (const item of itemsOf(s.source, 'Resource')) {
      const bucket = item.facts.bucket;
      if (!bucket || !bucket.name) continue;
      if (bucket.pattern) {
        const base = bucket.name.replace(/[*?].*$/, '');
        if (base.length >= 3) fallback ??= base;
        continue;
      }
      named.push(bucket.name);
    }
  }
  return mostCommon(named)?.value ?? fallback;
}

/**
 * The concrete ARNs asked about. The object one is long, so the last pair built is kept: it
 * changes only with the bucket or folder, not on every keystroke.
 */
let lastAsked = { bucket: '', folder: '', onBucket: '', onObject: '' };
function askedArns(bucket: string, folder: string): { onBucket: string; onObject: string } {
  if (lastAsked.bucket !== bucket || lastAsked.folder !== folder || !lastAsked.onBucket) {
    const own = detach(bucket); // a slice of the document: do not keep the whole text alive
    lastAsked = { bucket: own, folder, onBucket: bucketArn(own), onObject: sampleObjectArn(own, folder) };
  }
  return lastAsked;
}

export function inferIntegration(ctx: RuleContext, bucket: string, folder: string): IntegrationInfo {
  const { options, m } = ctx;
  if (options.integration !== 'auto') return { id: options.integration, declared: true, reason: m.reasonDeclared };
  // An action list a template fills in at deploy time says nothing about which integration it is.
  const deletes = isGranted(evaluateLower(ctx.compiled, 's3:deleteobject', askedArns(bucket, folder).onObject, options.templateValues));
  return deletes
    ? { id: 'dashboard', declared: false, reason: m.reasonInferredDelete }
    : { id: 'currents', declared: false, reason: m.reasonInferredNoDelete };
}

function statementLabel(s: CompiledStatement): string {
  const sid = s.source.el.Sid?.value.value;
  return sid ? `"${sid}"` : `Statement[${s.index}]`;
}

/** Where to add a missing action: an unconditional Allow that already covers the resource. */
function fixForMissing(ctx: RuleContext, req: Requirement, arn: string, shown: string): Fix | undefined {
  const { m } = ctx;
  const host = ctx.compiled.find((s) => {
    if (s.effect !== 'Allow' || !s.actions || s.conditional) return false;
    return (s.resources ?? []).some((r) => matchCompiled(r, arn));
  });
  if (host) {
    const actionNode = host.source.el.Action?.value;
    if (actionNode && (actionNode.type === 'array' || actionNode.type === 'string')) {
      return lazyFix(m.fix.addAction(req.action), () => ctx.edits.appendString(actionNode, req.action), true);
    }
  }
  const st = ctx.model.statementProperty?.value;
  if (st?.type !== 'array') return undefined;
  const statement = { Effect: 'Allow', Action: [req.action], Resource: [shown] };
  return lazyFix(m.fix.addStatement(req.action, shown), () => ctx.edits.setValue(['Statement', st.children?.length ?? 0], statement), true);
}

/** The smallest node that shows a missing permission: the host statement's Action, else "Statement". */
function missingAnchor(ctx: RuleContext, req: Requirement, bucket: string): Node | undefined {
  const wantObject = req.on === 'object';
  for (const s of ctx.compiled) {
    if (s.effect !== 'Allow' || !s.resources) continue;
    const aboutIt = itemsOf(s.source, 'Resource').some(({ facts }) =>
      facts.s3 && facts.bucket && (facts.bucket.name === bucket || facts.bucket.pattern) && (facts.s3.key !== undefined) === wantObject);
    if (aboutIt) return s.source.el.Action?.value ?? s.source.node;
  }
  return ctx.model.statementProperty?.key;
}

export function checkIntegration(ctx: RuleContext, integration: IntegrationInfo, bucket: string, folder: string): void {
  const { m, options } = ctx;
  const name = m.integrationName(integration.id);
  const { onBucket, onObject } = askedArns(bucket, folder);
  for (const req of REQUIREMENTS[integration.id]) {
    const arn = req.on === 'bucket' ? onBucket : onObject;
    const result = evaluateLower(ctx.compiled, req.lower, arn);
    if (result.decision === 'allow') continue;
    const shown = req.on === 'bucket' ? onBucket : objectArnPattern(bucket, folder);
    if (result.decision === 'explicit-deny' && result.statement) {
      const deny = result.statement;
      const matching = itemsOf(deny.source, 'Action').find((a) => matchCompiled(a.facts.compiled, req.lower));
      report(ctx, 'integration-denied', matching?.node ?? deny.source.el.Effect?.value ?? deny.source.node, m.denied(name, req.action, shown));
      continue;
    }
    const anchor = missingAnchor(ctx, req, bucket) ?? ctx.model.root;
    if (!anchor) continue;
    // Only template values stand between the policy and the permission: assume the deployed values fit.
    if (result.decision === 'conditional' && options.templateValues && result.depends.every((d) => !d.conditional)) continue;
    if (result.decision === 'conditional') {
      // Not certain either way offline: a warning, never a plain "allowed" nor a hard error.
      const labels = result.depends.map(statementLabel).join(', ');
      // A policy variable in a Resource is not a condition: say which of the two it hangs on.
      const message = result.depends.some((d) => d.conditional) ? m.missingConditional(name, req.action, shown, labels) : m.missingVariable(name, req.action, shown, labels);
      report(ctx, 'integration-missing-permission', anchor, message, [], 'warning');
      continue;
    }
    const fix = fixForMissing(ctx, req, arn, shown);
    report(ctx, 'integration-missing-permission', anchor, m.missingPermission(name, req.action, shown), fix ? [fix] : []);
  }
  checkExcess(ctx, integration.id);
  if (integration.declared) checkMixed(ctx, integration.id);
}

const DANGER: Record<string, number> = { 'Permissions management': 0, Write: 1, Tagging: 2, Read: 3, List: 4 };
// Named first in "such as …": what a reviewer recognises as dangerous for an export user.
const NOTABLE = ['s3:DeleteBucket', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration', 's3:DeleteObjectVersion', 's3:PutBucketVersioning', 'iam:PassRole', 'iam:CreateAccessKey'];
const notableRank = (full: string) => {
  const i = NOTABLE.indexOf(full);
  return i < 0 ? NOTABLE.length : i;
};

function neededActions(id: IntegrationId): Set<string> {
  const needed = new Set([...REQUIREMENTS[id], ...TOLERATED_EXTRAS.map((action) => ({ action }))].map((r) => r.action.toLowerCase()));
  return needed;
}
const NEEDED: Record<IntegrationId, Set<string>> = { currents: neededActions('currents'), dashboard: neededActions('dashboard') };

interface Excess {
  actions: ActionInfo[];
  /** The three to name in the message: the most dangerous first. */
  examples: string;
}

/** Actions an Action element grants beyond what the integration needs: other services, S3 writes. */
function excessFinder(id: IntegrationId) {
  return memoizeByObject((action: ActionFacts): Excess => {
    const actions = action.expanded.filter((a) => {
      if (NEEDED[id].has(a.full.toLowerCase())) return false;
      return a.service !== 's3' || a.access === 'Write' || a.access === 'Permissions management' || a.access === 'Tagging';
    });
    const examples = [...actions]
      .sort((a, b) => notableRank(a.full) - notableRank(b.full) || DANGER[a.access] - DANGER[b.access] || a.full.localeCompare(b.full))
      .slice(0, 3)
      .map((a) => a.full)
      .join(', ');
    return { actions, examples };
  });
}
const EXCESS: Record<IntegrationId, (action: ActionFacts) => Excess> = { currents: excessFinder('currents'), dashboard: excessFinder('dashboard') };

function checkExcess(ctx: RuleContext, id: IntegrationId): void {
  const { m } = ctx;
  const name = m.integrationName(id);
  for (const s of ctx.compiled) {
    if (s.effect !== 'Allow') continue;
    if (!s.actions) {
      const key = s.source.el.NotAction?.key;
      if (key) report(ctx, 'integration-excess-permission', key, m.notActionAllow(name));
      continue;
    }
    const items = itemsOf(s.source, 'Action');
    for (const item of items) {
      const { actions: excess, examples } = EXCESS[id](item.facts);
      if (excess.length === 0) continue;
      const removable = items.length > 1 && !item.value.includes('*') && !item.value.includes('?');
      const fixes = removable ? [lazyFix(m.fix.removeItem(item.value), () => ctx.edits.removeItem(item.node), false)] : [];
      if (id === 'currents' && excess.length === 1 && excess[0].full === 's3:DeleteObject') {
        report(ctx, 'integration-excess-permission', item.node, m.currentsDelete, fixes, 'info');
        continue;
      }
      report(ctx, 'integration-excess-permission', item.node, m.excess(item.value, examples, excess.length, name), fixes);
    }
  }
}

/** A declared policy with statements shaped like the other integration's object statement. */
function checkMixed(ctx: RuleContext, id: IntegrationId): void {
  const { m } = ctx;
  const shapes = ctx.compiled
    .filter((s) => s.effect === 'Allow' && s.actions)
    .map((s) => {
      const put = actionMatches(s, 's3:putobject');
      return { s, shape: put && actionMatches(s, 's3:deleteobject') ? 'dashboard' : put && actionMatches(s, 's3:getobject') ? 'currents' : undefined };
    })
    .filter((x) => x.shape);
  const hasOwn = shapes.some((x) => x.shape === id);
  if (!hasOwn) return;
  for (const x of shapes) {
    if (x.shape === id) continue;
    const other = x.shape as IntegrationId;
    const anchor = x.s.source.el.Action?.value ?? x.s.source.node;
    report(ctx, 'integration-mixed', anchor, m.mixed(m.integrationName(id), m.integrationName(other)));
  }
}

// Resource rules: placeholders, ARN form, bucket names, action/resource-type mismatches,
// over-broad wildcards, and policies that name several buckets.
import type { Node } from 'jsonc-parser';
import { BucketProblem, hasWildcardOrVariable } from '../arn';
import { placeholdersIn } from '../placeholders';
import { catalog } from '../catalog/catalog';
import { ActionFacts } from '../facts';
import { mostCommon } from '../memo';
import { ResourceItem, Statement, itemsOf, propertiesOf } from '../parse';
import { lazyFix } from '../fix';
import { wildcardMatch } from '../wildcard';
import { Messages } from '../messages';
import { RuleContext, report } from './context';

const VALUE_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'] as const;

function stringNodes(n: Node | undefined, out: Node[]): Node[] {
  if (!n) return out;
  if (n.type === 'string') out.push(n);
  else if (n.type === 'property') stringNodes(n.children?.[1], out);
  else for (const c of n.children ?? []) stringNodes(c, out);
  return out;
}

/**
 * One finding per placeholder in a value (never a cascade of ARN, bucket-name or resource-type
 * findings: those rules skip a value that holds one). An error in a Braze document (the
 * partner's check fails); elsewhere a hint, as documentation and examples are written so.
 */
export function checkPlaceholders(ctx: RuleContext): void {
  const severity = ctx.braze ? 'error' : 'info';
  for (const s of ctx.model.statements) {
    for (const name of VALUE_ELEMENTS) {
      const nodes = stringNodes(s.el[name]?.value, []);
      // Condition keys may be placeholders too (`<OIDC_provider_name>:sub`).
      const condition = name === 'Condition' ? s.el.Condition?.value : undefined;
      if (condition?.type === 'object') for (const op of propertiesOf(condition)) if (op.value.type === 'object') for (const key of propertiesOf(op.value)) nodes.push(key.key);
      for (const node of nodes) {
        const value = String(node.value);
        const found = placeholdersIn(value, ctx.options.templateValues);
        if (found.length === 0) continue;
        // Offsets inside the string when it is written without escapes.
        const exact = ctx.text.slice(node.offset + 1, node.offset + node.length - 1) === value;
        for (const p of found) {
          const message = /BUCKET/i.test(p.text) ? ctx.m.placeholder(p.text) : ctx.m.placeholderValue(p.text);
          const where = exact ? { offset: node.offset + 1 + p.index, length: p.text.length } : node;
          report(ctx, 'placeholder', where, message, [], severity).placeholder = p.text;
        }
      }
    }
  }
}

/** A resource holding a placeholder (in a JSON file `${x}` is one too; in a template, a deploy-time value). */
function unfilled(ctx: RuleContext, item: ResourceItem): boolean {
  return item.facts.placeholder || (item.facts.templateVariable && !ctx.options.templateValues);
}

function bucketWhy(m: Messages, problem: BucketProblem): string {
  if (problem.kind === 'prefix') return m.bucketWhy.prefix(problem.text);
  if (problem.kind === 'suffix') return m.bucketWhy.suffix(problem.text);
  return m.bucketWhy[problem.kind];
}

export function checkResources(ctx: RuleContext): void {
  if (ctx.kind === 'trust') return;
  for (const s of ctx.model.statements) {
    for (const name of ['Resource', 'NotResource'] as const) {
      for (const item of itemsOf(s, name)) checkResourceString(ctx, s, name, item);
    }
    checkResourceMismatch(ctx, s);
  }
  if (ctx.kind === 'identity' && ctx.braze) checkBucketConsistency(ctx);
}

function statementHasS3Actions(s: Statement): boolean {
  return itemsOf(s, 'Action').some((a) => a.facts.expanded.some((x) => x.service === 's3'));
}

function checkResourceString(ctx: RuleContext, s: Statement, element: string, item: ResourceItem): void {
  const { m, text } = ctx;
  const { value, node, facts } = item;
  const allow = s.el.Effect?.value.value === 'Allow';
  if (value === '*') {
    if (ctx.braze && allow && element === 'Resource' && statementHasS3Actions(s)) report(ctx, 'resource-overbroad', node, m.overbroadStar);
    return;
  }
  if (unfilled(ctx, item)) return; // a template to fill in: its placeholder finding says so
  if (!facts.wellFormed) {
    report(ctx, 'arn-invalid', node, m.arnInvalid(value));
    return;
  }
  const loc = facts.s3;
  const bucket = facts.bucket;
  if (!loc || !bucket) return;
  if (bucket.problem && !facts.placeholder && loc.bucket !== '' && (ctx.braze || !bucket.legacy)) {
    // Point at the bucket name inside the string when it is written without escapes.
    const at = text.indexOf(loc.bucket, node.offset);
    const span = at > node.offset && at + loc.bucket.length < node.offset + node.length ? { offset: at, length: loc.bucket.length } : node;
    // Legacy names are valid IAM and may exist; only a Braze document is told its bucket cannot be new.
    // A pattern may match legacy buckets by design (a hint); a literal legacy name for a Braze
    // bucket is almost surely a mistake (a warning).
    if (bucket.legacy) report(ctx, 'bucket-name-invalid', span, m.bucketNameLegacy(loc.bucket), [], bucket.pattern ? 'info' : 'warning');
    else report(ctx, 'bucket-name-invalid', span, m.bucketNameInvalid(loc.bucket, bucketWhy(m, bucket.problem)));
  }
  // Over-broad resources are judged against the export's one bucket: Braze documents only.
  if (!allow || element !== 'Resource' || !ctx.braze) return;
  if (loc.bucket === '*' || loc.bucket === '') {
    report(ctx, 'resource-overbroad', node, m.overbroadAllBuckets(value));
  } else if (bucket.wildcard) {
    const base = loc.bucket.replace(/[*?]+$/, '');
    const fixes = [];
    if (loc.key === undefined && base && !hasWildcardOrVariable(base)) {
      const siblings = itemsOf(s, 'Resource').map((i) => i.value);
      const wanted = [`arn:aws:s3:::${base}`, `arn:aws:s3:::${base}/*`].filter((w) => !siblings.includes(w));
      fixes.push(lazyFix(m.fix.tighten(base), () => ctx.edits.replaceItem(node, wanted), true));
    }
    report(ctx, 'resource-overbroad', node, m.overbroadBucketWildcard(value), fixes);
  }
}

function sameService(arn: string, service: string): boolean {
  const start = arn.indexOf(':', 4) + 1;
  const end = arn.indexOf(':', start);
  if (start <= 0 || end < 0) return false;
  const part = arn.slice(start, end);
  return part === service || wildcardMatch(part, service);
}

/** The service of an ARN whose service part is literally s3, sts, iam or kms; else undefined. */
function preciseServiceOf(arn: string): string | undefined {
  const start = arn.indexOf(':', 4) + 1;
  const end = arn.indexOf(':', start);
  if (!arn.startsWith('arn:') || start <= 0 || end < 0) return undefined;
  const service = arn.slice(start, end);
  return catalog().hasPreciseArns(service) ? service : undefined;
}

/**
 * Can an Action entry act on one of a statement's resources? undefined: the catalog cannot say
 * (unknown action, or no resource-type data).
 */
function actionFits(action: ActionFacts, resources: readonly ResourceItem[]): boolean | undefined {
  if (action.expanded.length === 0) return undefined;
  const { judgeable, templates } = action.resourceTemplates;
  if (!judgeable) return undefined;
  // Actions the reference lists without resource types are still authorised against an ARN of
  // their own service (s3:ListAllMyBuckets on arn:aws:s3:::*, iam:ListRoles on a role path, as
  // in AWS's own examples and managed policies): a pattern of that service may fit; another
  // service's ARN or one literal resource (a bucket ARN) surely does not.
  // For the other services the reference is less exact about which actions take no resource
  // type (it lists none for ssmmessages:OpenDataChannel, which AWS grants on SSM session ARNs):
  // only an ARN of S3, STS, IAM or KMS (another service's) surely does not fit.
  if (templates.length === 0) {
    const service = action.expanded[0].service;
    const cat = catalog();
    if (!cat.hasPreciseArns(service)) return resources.some((r) => !preciseServiceOf(r.value) || sameService(r.value, service));
    return resources.some((r) => r.value === '*' || (hasWildcardOrVariable(r.value) && sameService(r.value, service)));
  }
  for (const r of resources) {
    if (r.value === '*') return true;
    for (const t of templates) if (r.facts.meetsTemplate(t)) return true;
  }
  return false;
}

type Mismatch = { kind: 'needs-star' } | { kind: 'mismatch'; example: string; fixable: boolean };

/** How to report an Action entry that fits none of a statement's resources (rare: no memo). */
function mismatchOf(action: ActionFacts, resources: readonly ResourceItem[]): Mismatch {
  const actions = action.expanded;
  const first = actions.length > 0 ? catalog().detail(actions[0]) : undefined;
  if (!first || first.resourceTypes.length === 0) return { kind: 'needs-star' };
  const bucket = resources.find((r) => r.facts.bucket?.name)?.facts.bucket?.name ?? 'BUCKET';
  // The plainest resource type makes the clearest example (S3 `object`, not `accesspointobject`).
  const plainest = [...first.resourceTypes].sort((a, b) => a.arn.split('${').length - b.arn.split('${').length)[0];
  const example = plainest.arn.replace('${Partition}', 'aws').replace('${BucketName}', bucket).replace('${ObjectName}', '*');
  const fixable = actions[0].service === 's3' && example.startsWith('arn:aws:s3:::') && !example.includes('${');
  return { kind: 'mismatch', example, fixable };
}

function checkResourceMismatch(ctx: RuleContext, s: Statement): void {
  const { m } = ctx;
  const resourceProp = s.el.Resource;
  if (!resourceProp || !s.el.Action || s.el.NotAction || s.el.NotResource) return;
  const resources = itemsOf(s, 'Resource');
  // "*" fits every action; a placeholder may stand for any resource: nothing to judge.
  if (resources.length === 0 || resources.some((r) => r.value === '*' || unfilled(ctx, r))) return;
  // In a Braze document the partner's credential check fails (an error); elsewhere IAM accepts
  // the entry and it only grants nothing (a warning: AWS's own managed policies hold a few).
  const severity = ctx.braze ? 'error' : 'warning';
  for (const item of itemsOf(s, 'Action')) {
    if (item.value === '*' || actionFits(item.facts, resources) !== false) continue;
    const verdict = mismatchOf(item.facts, resources);
    if (verdict.kind === 'needs-star') {
      report(ctx, 'resource-mismatch', item.node, m.resourceNeedsStar(item.value), [], severity);
      continue;
    }
    const example = verdict.example;
    const fixes = verdict.fixable ? [lazyFix(m.fix.addResource(example), () => ctx.edits.appendString(resourceProp.value, example), false)] : [];
    report(ctx, 'resource-mismatch', item.node, m.resourceMismatch(item.value, example), fixes, severity);
  }
}

function checkBucketConsistency(ctx: RuleContext): void {
  const named: ResourceItem[] = []; // literal buckets of Allow resources
  for (const s of ctx.model.statements) {
    if (s.el.Effect?.value.value !== 'Allow') continue;
    for (const item of itemsOf(s, 'Resource')) {
      const bucket = item.facts.bucket;
      if (!bucket || !bucket.name || bucket.pattern || bucket.placeholder) continue;
      named.push(item);
    }
  }
  const buckets = named.map((n) => n.facts.bucket?.name ?? '');
  const main = mostCommon(buckets);
  if (!main || main.distinct < 2) return; // the usual case: one bucket
  named.forEach((n, i) => {
    if (buckets[i] !== main.value) report(ctx, 'bucket-inconsistent', n.node, ctx.m.bucketInconsistent(buckets[i], main.value));
  });
}

// Resource rules: placeholders, ARN form, bucket names, action/resource-type mismatches,
// over-broad wildcards, and policies that name several buckets.
import type { Node } from 'jsonc-parser';
import { bucketHasWildcard, bucketNameProblem, findPlaceholders, hasPlaceholder, isWellFormedArn, s3Location } from '../arn';
import { ActionInfo } from '../catalog/catalog';
import { Statement, prop, stringItems } from '../parse';
import { appendString, replaceItem } from '../edits';
import { patternMeetsTemplate } from '../wildcard';
import { Messages } from '../messages';
import { RuleContext, report } from './context';

const VARIABLE = /\$\{[^}]*\}/g;

export function checkPlaceholders(ctx: RuleContext): void {
  for (const p of findPlaceholders(ctx.text)) {
    const message = /BUCKET/.test(p.text) ? ctx.m.placeholder(p.text) : ctx.m.placeholderValue(p.text);
    const f = report(ctx, 'placeholder', { offset: p.offset, length: p.text.length }, message);
    f.placeholder = p.text;
  }
}

function bucketWhy(m: Messages, name: string): string | undefined {
  const problem = bucketNameProblem(name);
  if (!problem) return undefined;
  if (problem.kind === 'prefix') return m.bucketWhy.prefix(problem.text);
  if (problem.kind === 'suffix') return m.bucketWhy.suffix(problem.text);
  return m.bucketWhy[problem.kind];
}

export function checkResources(ctx: RuleContext): void {
  if (ctx.kind === 'trust') return;
  for (const s of ctx.model.statements) {
    for (const name of ['Resource', 'NotResource']) {
      const p = prop(s, name);
      if (!p) continue;
      for (const item of stringItems(p.value)) checkResourceString(ctx, s, name, item.value, item.node);
    }
    checkResourceMismatch(ctx, s);
  }
  if (ctx.kind === 'identity') checkBucketConsistency(ctx);
}

function statementHasS3Actions(ctx: RuleContext, s: Statement): boolean {
  return stringItems(prop(s, 'Action')?.value).some((a) => ctx.expand(a.value).some((x) => x.service === 's3'));
}

function checkResourceString(ctx: RuleContext, s: Statement, element: string, value: string, node: Node): void {
  const { m, text } = ctx;
  const allow = prop(s, 'Effect')?.value.value === 'Allow';
  if (value === '*') {
    if (allow && element === 'Resource' && statementHasS3Actions(ctx, s)) report(ctx, 'resource-overbroad', node, m.overbroadStar);
    return;
  }
  const placeholder = hasPlaceholder(value);
  if (!isWellFormedArn(value)) {
    report(ctx, 'arn-invalid', node, m.arnInvalid(value));
    return;
  }
  const loc = s3Location(value);
  if (!loc) return;
  if (!placeholder && loc.bucket !== '') {
    const why = bucketWhy(m, loc.bucket);
    if (why) {
      // Point at the bucket name inside the string when it is written without escapes.
      const at = text.indexOf(loc.bucket, node.offset);
      const span = at > node.offset && at + loc.bucket.length < node.offset + node.length ? { offset: at, length: loc.bucket.length } : node;
      report(ctx, 'bucket-name-invalid', span, m.bucketNameInvalid(loc.bucket, why));
    }
  }
  if (!allow || element !== 'Resource') return;
  if (loc.bucket === '*' || loc.bucket === '') {
    report(ctx, 'resource-overbroad', node, m.overbroadAllBuckets(value));
  } else if (/[*?]/.test(loc.bucket.replace(VARIABLE, ''))) {
    const base = loc.bucket.replace(/[*?]+$/, '');
    const fixes = [];
    if (loc.key === undefined && base && !/[*?]/.test(base) && !bucketHasWildcard(base)) {
      const siblings = stringItems(prop(s, 'Resource')?.value).map((i) => i.value);
      const wanted = [`arn:aws:s3:::${base}`, `arn:aws:s3:::${base}/*`].filter((w) => !siblings.includes(w));
      fixes.push({ title: m.fix.tighten(base), get edits() { return replaceItem(text, node, wanted); }, safe: true });
    }
    report(ctx, 'resource-overbroad', node, m.overbroadBucketWildcard(value), fixes);
  }
}

/** Does an action have a resource type that one of the statement's resources can name? */
function actionFitsResources(ctx: RuleContext, action: ActionInfo, patterns: string[]): boolean | undefined {
  const detail = ctx.cat.detail(action);
  if (!detail) return undefined; // no resource-type data for this service: cannot judge
  if (patterns.includes('*')) return true;
  if (detail.resourceTypes.length === 0) return false;
  return patterns.some((pattern) => detail.resourceTypes.some((t) => t.arn && patternMeetsTemplate(pattern, t.arn)));
}

/** undefined: cannot judge; true: some expanded action fits a resource; false: none does. */
function itemFits(ctx: RuleContext, actions: ActionInfo[], patterns: string[]): boolean | undefined {
  let judged = false;
  for (const a of actions) {
    const r = actionFitsResources(ctx, a, patterns);
    if (r === undefined) continue;
    if (r) return true;
    judged = true;
  }
  return judged ? false : undefined;
}

function checkResourceMismatch(ctx: RuleContext, s: Statement): void {
  const { m, text } = ctx;
  const actionProp = prop(s, 'Action');
  const resourceProp = prop(s, 'Resource');
  if (!actionProp || !resourceProp || prop(s, 'NotAction') || prop(s, 'NotResource')) return;
  const resources = stringItems(resourceProp.value).map((r) => r.value);
  if (resources.length === 0) return;
  const patterns = resources.map((r) => (r.includes('${') ? r.replace(VARIABLE, '*') : r));
  for (const item of stringItems(actionProp.value)) {
    if (item.value === '*') continue;
    const actions = ctx.expand(item.value);
    if (actions.length === 0) continue;
    if (itemFits(ctx, actions, patterns) !== false) continue;
    const first = ctx.cat.detail(actions[0]);
    if (!first || first.resourceTypes.length === 0) {
      report(ctx, 'resource-mismatch', item.node, m.resourceNeedsStar(item.value));
      continue;
    }
    const buckets = resources.map((r) => s3Location(r)).filter((l) => l !== undefined);
    const bucket = buckets.find((b) => b.bucket)?.bucket ?? 'BUCKET';
    // The plainest resource type makes the clearest example (S3 `object`, not `accesspointobject`).
    const plainest = [...first.resourceTypes].sort((a, b) => a.arn.split('${').length - b.arn.split('${').length)[0];
    const example = plainest.arn
      .replace('${Partition}', 'aws')
      .replace('${BucketName}', bucket)
      .replace('${ObjectName}', '*');
    const fixes = [];
    if (actions[0].service === 's3' && example.startsWith('arn:aws:s3:::') && !example.includes('${')) {
      fixes.push({ title: m.fix.addResource(example), get edits() { return appendString(text, resourceProp.value, example); }, safe: false });
    }
    report(ctx, 'resource-mismatch', item.node, m.resourceMismatch(item.value, example), fixes);
  }
}

function checkBucketConsistency(ctx: RuleContext): void {
  const named: { bucket: string; node: Node }[] = [];
  for (const s of ctx.model.statements) {
    if (prop(s, 'Effect')?.value.value !== 'Allow') continue;
    for (const item of stringItems(prop(s, 'Resource')?.value)) {
      const loc = s3Location(item.value);
      if (!loc || !loc.bucket || bucketHasWildcard(loc.bucket) || hasPlaceholder(loc.bucket)) continue;
      named.push({ bucket: loc.bucket, node: item.node });
    }
  }
  const counts = new Map<string, number>();
  for (const n of named) counts.set(n.bucket, (counts.get(n.bucket) ?? 0) + 1);
  if (counts.size < 2) return;
  let main = named[0].bucket;
  for (const [b, c] of counts) if (c > (counts.get(main) ?? 0)) main = b;
  for (const n of named) if (n.bucket !== main) report(ctx, 'bucket-inconsistent', n.node, ctx.m.bucketInconsistent(n.bucket, main));
}

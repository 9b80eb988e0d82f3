// Resource rules: placeholders, ARN form, bucket names, action/resource-type mismatches,
// over-broad wildcards, and policies that name several buckets.
import { hasWildcardOrVariable, bucketNameProblem, findPlaceholders, hasPlaceholder, isWellFormedArn, s3Location } from '../arn';
import { ActionInfo, catalog } from '../catalog/catalog';
import { countDistinct, memoize } from '../memo';
import { Statement, StringItem, itemsOf, locationOf } from '../parse';
import { appendString, replaceItem } from '../edits';
import { lazyFix } from '../fix';
import { POLICY_VARIABLE, patternMeetsTemplate } from '../wildcard';
import { Messages } from '../messages';
import { RuleContext, report } from './context';


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
    for (const name of ['Resource', 'NotResource'] as const) {
      for (const item of itemsOf(s, name)) checkResourceString(ctx, s, name, item);
    }
    checkResourceMismatch(ctx, s);
  }
  if (ctx.kind === 'identity') checkBucketConsistency(ctx);
}

function statementHasS3Actions(ctx: RuleContext, s: Statement): boolean {
  return itemsOf(s, 'Action').some((a) => ctx.expand(a.value).some((x) => x.service === 's3'));
}

function checkResourceString(ctx: RuleContext, s: Statement, element: string, item: StringItem): void {
  const { m, text } = ctx;
  const { value, node } = item;
  const allow = s.el.Effect?.value.value === 'Allow';
  if (value === '*') {
    if (allow && element === 'Resource' && statementHasS3Actions(ctx, s)) report(ctx, 'resource-overbroad', node, m.overbroadStar);
    return;
  }
  const placeholder = hasPlaceholder(value);
  if (!isWellFormedArn(value)) {
    report(ctx, 'arn-invalid', node, m.arnInvalid(value));
    return;
  }
  const loc = locationOf(item);
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
  } else if (hasWildcardOrVariable(loc.bucket) && /[*?]/.test(loc.bucket.replace(POLICY_VARIABLE, ''))) {
    const base = loc.bucket.replace(/[*?]+$/, '');
    const fixes = [];
    if (loc.key === undefined && base && !/[*?]/.test(base) && !hasWildcardOrVariable(base)) {
      const siblings = itemsOf(s, 'Resource').map((i) => i.value);
      const wanted = [`arn:aws:s3:::${base}`, `arn:aws:s3:::${base}/*`].filter((w) => !siblings.includes(w));
      fixes.push(lazyFix(m.fix.tighten(base), () => replaceItem(text, node, wanted), true));
    }
    report(ctx, 'resource-overbroad', node, m.overbroadBucketWildcard(value), fixes);
  }
}

/** Does an action have a resource type that one of the statement's resources can name? */
function actionFitsResources(action: ActionInfo, patterns: string[]): boolean | undefined {
  const detail = catalog().detail(action);
  if (!detail) return undefined; // no resource-type data for this service: cannot judge
  if (patterns.includes('*')) return true;
  if (detail.resourceTypes.length === 0) return false;
  return patterns.some((pattern) => detail.resourceTypes.some((t) => t.arn && patternMeetsTemplate(pattern, t.arn)));
}

/** undefined: cannot judge; true: some expanded action fits a resource; false: none does. */
function itemFits(actions: ActionInfo[], patterns: string[]): boolean | undefined {
  let judged = false;
  for (const a of actions) {
    const r = actionFitsResources(a, patterns);
    if (r === undefined) continue;
    if (r) return true;
    judged = true;
  }
  return judged ? false : undefined;
}

type Mismatch = { kind: 'fits' } | { kind: 'needs-star' } | { kind: 'mismatch'; example: string; fixable: boolean };

/**
 * Can an Action entry act on any of a statement's resources? A pure answer from the catalog,
 * asked again for every unchanged statement while the user types: memoised by the statement's
 * resources (joined with NUL), then by the action.
 */
const mismatchMemo = memoize((resourcesKey: string) => {
  const resources = resourcesKey.split('\0');
  return memoize((action: string) => mismatchOf(action, resources), 500);
}, 2000);

function mismatchOf(action: string, resources: string[]): Mismatch {
  const actions = catalog().expand(action);
  if (actions.length === 0) return { kind: 'fits' };
  const patterns = resources.map((r) => (r.includes('${') ? r.replace(POLICY_VARIABLE, '*') : r));
  if (itemFits(actions, patterns) !== false) return { kind: 'fits' };
  const first = catalog().detail(actions[0]);
  if (!first || first.resourceTypes.length === 0) return { kind: 'needs-star' };
  const bucket = resources.map((r) => s3Location(r)).find((l) => l?.bucket)?.bucket ?? 'BUCKET';
  // The plainest resource type makes the clearest example (S3 `object`, not `accesspointobject`).
  const plainest = [...first.resourceTypes].sort((a, b) => a.arn.split('${').length - b.arn.split('${').length)[0];
  const example = plainest.arn.replace('${Partition}', 'aws').replace('${BucketName}', bucket).replace('${ObjectName}', '*');
  const fixable = actions[0].service === 's3' && example.startsWith('arn:aws:s3:::') && !example.includes('${');
  return { kind: 'mismatch', example, fixable };
}

function checkResourceMismatch(ctx: RuleContext, s: Statement): void {
  const { m, text } = ctx;
  const resourceProp = s.el.Resource;
  if (!resourceProp || !s.el.Action || s.el.NotAction || s.el.NotResource) return;
  const resources = itemsOf(s, 'Resource');
  if (resources.length === 0) return;
  const verdictFor = mismatchMemo(resources.length === 1 ? resources[0].value : resources.map((r) => r.value).join('\0'));
  for (const item of itemsOf(s, 'Action')) {
    if (item.value === '*') continue;
    const verdict = verdictFor(item.value);
    if (verdict.kind === 'fits') continue;
    if (verdict.kind === 'needs-star') {
      report(ctx, 'resource-mismatch', item.node, m.resourceNeedsStar(item.value));
      continue;
    }
    const example = verdict.example;
    const fixes = verdict.fixable ? [lazyFix(m.fix.addResource(example), () => appendString(text, resourceProp.value, example), false)] : [];
    report(ctx, 'resource-mismatch', item.node, m.resourceMismatch(item.value, example), fixes);
  }
}

function checkBucketConsistency(ctx: RuleContext): void {
  const named: StringItem[] = []; // literal buckets of Allow resources; locationOf is cached
  for (const s of ctx.model.statements) {
    if (s.el.Effect?.value.value !== 'Allow') continue;
    for (const item of itemsOf(s, 'Resource')) {
      const loc = locationOf(item);
      if (!loc || !loc.bucket || hasWildcardOrVariable(loc.bucket) || hasPlaceholder(loc.bucket)) continue;
      named.push(item);
    }
  }
  const buckets = named.map((n) => locationOf(n)?.bucket ?? '');
  const counts = countDistinct(buckets);
  if (counts.length < 2) return; // the usual case: one bucket
  let main = counts[0];
  for (const c of counts) if (c.count > main.count) main = c;
  named.forEach((n, i) => {
    if (buckets[i] !== main.value) report(ctx, 'bucket-inconsistent', n.node, ctx.m.bucketInconsistent(buckets[i], main.value));
  });
}

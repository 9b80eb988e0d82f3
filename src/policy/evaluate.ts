// "Does this policy allow action A on resource R, and which statement decides?" with IAM's
// semantics for one identity policy: an explicit Deny wins, an Allow is needed, `*`/`?` wildcards,
// NotAction/NotResource, policy variables. Conditions cannot be known offline, so a statement with
// a Condition (or a resource that only matches through a policy variable) makes the answer
// "allowed only if …", never plainly allowed.
import { PolicyModel, Statement, prop, stringItems } from './parse';
import { wildcardMatch } from './wildcard';

export type Decision = 'allow' | 'conditional' | 'explicit-deny' | 'implicit-deny';

export interface Evaluation {
  decision: Decision;
  /** The statement that decides: the Deny, or the first Allow. */
  statement?: CompiledStatement;
  /** Conditional statements the answer depends on (conditional Allows, or Denies that may apply). */
  depends: CompiledStatement[];
}

export interface CompiledStatement {
  index: number;
  source: Statement;
  effect: 'Allow' | 'Deny';
  /** Lower-cased Action patterns, or undefined when the statement uses NotAction. */
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditional: boolean;
  /** Version 2012-10-17: `${…}` are policy variables (in 2008-10-17 they are literal text). */
  variables: boolean;
}

const VARIABLE = /\$\{[^}]*\}/g;

export function compileStatements(model: PolicyModel): CompiledStatement[] {
  const version = stringItems(model.topProperties.find((p) => p.name === 'Version')?.value)[0]?.value;
  const variables = version === '2012-10-17';
  const out: CompiledStatement[] = [];
  for (const s of model.statements) {
    const effect = prop(s, 'Effect')?.value.value;
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const list = (name: string) => {
      const p = prop(s, name);
      return p ? stringItems(p.value).map((i) => i.value) : undefined;
    };
    const action = list('Action');
    const notAction = list('NotAction');
    const resource = list('Resource');
    const notResource = list('NotResource');
    if ((action === undefined) === (notAction === undefined)) continue; // malformed: IAM rejects it
    out.push({
      index: s.index,
      source: s,
      effect,
      actions: action?.map((a) => a.toLowerCase()),
      notActions: notAction?.map((a) => a.toLowerCase()),
      resources: resource,
      notResources: notResource,
      variables,
      conditional: prop(s, 'Condition') !== undefined,
    });
  }
  return out;
}

type ResourceMatch = 'no' | 'yes' | 'via-variable';

function matchResourcePattern(pattern: string, resource: string, variables: boolean): ResourceMatch {
  if (wildcardMatch(pattern, resource)) return 'yes';
  if (variables && pattern.includes('${') && wildcardMatch(pattern.replace(VARIABLE, '*'), resource)) return 'via-variable';
  return 'no';
}

function resourceMatches(s: CompiledStatement, resource: string): ResourceMatch {
  if (s.resources) {
    let best: ResourceMatch = 'no';
    for (const r of s.resources) {
      const m = matchResourcePattern(r, resource, s.variables);
      if (m === 'yes') return 'yes';
      if (m === 'via-variable') best = m;
    }
    return best;
  }
  if (s.notResources) {
    // NotResource: applies unless the resource is excluded (a variable makes that uncertain).
    let uncertain = false;
    for (const r of s.notResources) {
      const m = matchResourcePattern(r, resource, s.variables);
      if (m === 'yes') return 'no';
      if (m === 'via-variable') uncertain = true;
    }
    return uncertain ? 'via-variable' : 'yes';
  }
  return 'yes'; // no resource element (trust policies): the role itself
}

function actionMatches(s: CompiledStatement, lowerAction: string): boolean {
  if (s.actions) return s.actions.some((a) => wildcardMatch(a, lowerAction));
  return !(s.notActions ?? []).some((a) => wildcardMatch(a, lowerAction));
}

export function evaluate(statements: CompiledStatement[], action: string, resource: string): Evaluation {
  const lowerAction = action.toLowerCase();
  let firstAllow: CompiledStatement | undefined;
  const conditionalAllows: CompiledStatement[] = [];
  const conditionalDenies: CompiledStatement[] = [];
  for (const s of statements) {
    if (!actionMatches(s, lowerAction)) continue;
    const match = resourceMatches(s, resource);
    if (match === 'no') continue;
    const conditional = s.conditional || match === 'via-variable';
    if (s.effect === 'Deny') {
      if (!conditional) return { decision: 'explicit-deny', statement: s, depends: [] };
      conditionalDenies.push(s);
    } else if (conditional) conditionalAllows.push(s);
    else firstAllow ??= s;
  }
  if (firstAllow) {
    return conditionalDenies.length
      ? { decision: 'conditional', statement: firstAllow, depends: conditionalDenies }
      : { decision: 'allow', statement: firstAllow, depends: [] };
  }
  if (conditionalAllows.length) {
    return { decision: 'conditional', statement: conditionalAllows[0], depends: [...conditionalAllows, ...conditionalDenies] };
  }
  return { decision: 'implicit-deny', depends: [] };
}

export function isGranted(e: Evaluation): boolean {
  return e.decision === 'allow' || e.decision === 'conditional';
}

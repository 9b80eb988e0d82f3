// "Does this policy allow action A on resource R, and which statement decides?" with IAM's
// semantics for one identity policy: an explicit Deny wins, an Allow is needed, `*`/`?` wildcards,
// NotAction/NotResource, policy variables. Conditions cannot be known offline, so a statement with
// a Condition (or a resource that only matches through a policy variable) makes the answer
// "allowed only if …", never plainly allowed.
import { PolicyModel, Statement, itemsOf, stringItems } from './parse';
import type { CompiledResource } from './facts';
import { CompiledWildcard, matchCompiled } from './wildcard';

export type { CompiledResource };

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
  /** Lower-cased Action patterns, compiled; undefined when the statement uses NotAction. */
  actions?: CompiledWildcard[];
  notActions?: CompiledWildcard[];
  /** Action patterns holding `${…}` read as `*`: they may match, so a match is only "maybe". */
  variableActions?: CompiledWildcard[];
  resources?: CompiledResource[];
  notResources?: CompiledResource[];
  conditional: boolean;
  /** Its Effect is a template value: it may allow, so what it grants is only "maybe". */
  unknownEffect?: boolean;
}

function compileActions(s: Statement, name: 'Action' | 'NotAction'): CompiledWildcard[] | undefined {
  if (!s.el[name]) return undefined;
  return itemsOf(s, name).map((item) => item.facts.compiled);
}

function compileResources(s: Statement, name: 'Resource' | 'NotResource', variables: boolean): CompiledResource[] | undefined {
  if (!s.el[name]) return undefined;
  // Version 2012-10-17: `${…}` are policy variables (in 2008-10-17 they are literal text).
  return itemsOf(s, name).map((item) => (variables ? item.facts.withVariables : item.facts.literal));
}

/**
 * `templateValues` (a document projected from Terraform or CloudFormation): an Effect known only at
 * deploy time (`${var.effect}`) may be Allow, so its statement counts as an Allow that applies
 * only "maybe" (conditional), never as a statement IAM would reject.
 */
export function compileStatements(model: PolicyModel, templateValues = false): CompiledStatement[] {
  const version = stringItems(model.topProperties.find((p) => p.name === 'Version')?.value)[0]?.value;
  const variables = version === '2012-10-17';
  const out: CompiledStatement[] = [];
  for (const s of model.statements) {
    const written = s.el.Effect?.value.value;
    const unknownEffect = templateValues && typeof written === 'string' && written.includes('${');
    const effect = unknownEffect ? 'Allow' : written;
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const actions = compileActions(s, 'Action');
    const notActions = compileActions(s, 'NotAction');
    if ((actions === undefined) === (notActions === undefined)) continue; // malformed: IAM rejects it
    const widened = actions ? itemsOf(s, 'Action').flatMap((item) => (item.facts.widened ? [item.facts.widened] : [])) : [];
    out.push({
      index: s.index,
      source: s,
      effect,
      actions,
      notActions,
      variableActions: widened.length > 0 ? widened : undefined,
      resources: compileResources(s, 'Resource', variables),
      notResources: compileResources(s, 'NotResource', variables),
      conditional: s.el.Condition !== undefined,
      unknownEffect,
    });
  }
  return out;
}

type ResourceMatch = 'no' | 'yes' | 'via-variable';

function matchResourcePattern(r: CompiledResource, resource: string): ResourceMatch {
  if (matchCompiled(r, resource)) return 'yes';
  if (r.widened && matchCompiled(r.widened, resource)) return 'via-variable';
  return 'no';
}

function resourceMatches(s: CompiledStatement, resource: string): ResourceMatch {
  const { resources, notResources } = s;
  if (resources) {
    let best: ResourceMatch = 'no';
    for (const r of resources) {
      const m = matchResourcePattern(r, resource);
      if (m === 'yes') return 'yes';
      if (m === 'via-variable') best = m;
    }
    return best;
  }
  if (notResources) {
    // NotResource: applies unless the resource is excluded (a variable makes that uncertain).
    let uncertain = false;
    for (const r of notResources) {
      const m = matchResourcePattern(r, resource);
      if (m === 'yes') return 'no';
      if (m === 'via-variable') uncertain = true;
    }
    return uncertain ? 'via-variable' : 'yes';
  }
  return 'yes'; // no resource element (trust policies): the role itself
}

/** Does one of the statement's Action patterns (or, for NotAction, none of them) match? */
export function actionMatches(s: CompiledStatement, lowerAction: string): boolean {
  const { actions, notActions } = s;
  if (actions) {
    for (const a of actions) if (matchCompiled(a, lowerAction)) return true;
    return false;
  }
  for (const a of notActions ?? []) if (matchCompiled(a, lowerAction)) return false;
  return true;
}

export function evaluate(statements: CompiledStatement[], action: string, resource: string): Evaluation {
  return evaluateLower(statements, action.toLowerCase(), resource);
}

/** evaluate() for an action name already in lower case (the integration rules ask repeatedly). */
export function evaluateLower(statements: CompiledStatement[], lowerAction: string, resource: string, ignoreVariableActions = false): Evaluation {
  let firstAllow: CompiledStatement | undefined;
  let conditionalAllows: CompiledStatement[] | undefined; // rare: allocated on first use
  let conditionalDenies: CompiledStatement[] | undefined;
  for (const s of statements) {
    let viaVariable = false;
    if (!actionMatches(s, lowerAction)) {
      if (ignoreVariableActions || !s.variableActions?.some((a) => matchCompiled(a, lowerAction))) continue;
      viaVariable = true;
    }
    const match = resourceMatches(s, resource);
    if (match === 'no') continue;
    const conditional = s.conditional || !!s.unknownEffect || viaVariable || match === 'via-variable';
    if (s.effect === 'Deny') {
      if (!conditional) return { decision: 'explicit-deny', statement: s, depends: [] };
      (conditionalDenies ??= []).push(s);
    } else if (conditional) (conditionalAllows ??= []).push(s);
    else firstAllow ??= s;
  }
  if (firstAllow) {
    return conditionalDenies
      ? { decision: 'conditional', statement: firstAllow, depends: conditionalDenies }
      : { decision: 'allow', statement: firstAllow, depends: [] };
  }
  if (conditionalAllows) {
    return { decision: 'conditional', statement: conditionalAllows[0], depends: [...conditionalAllows, ...(conditionalDenies ?? [])] };
  }
  return { decision: 'implicit-deny', depends: [] };
}

export function isGranted(e: Evaluation): boolean {
  return e.decision === 'allow' || e.decision === 'conditional';
}

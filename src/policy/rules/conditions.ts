// Condition operators and condition keys.
import { catalog, conditionKeyMatches } from '../catalog/catalog';
import { memoizeRecent } from '../memo';
import { itemsOf, propertiesOf } from '../parse';
import { closest } from '../suggest';
import { lazyFix } from '../fix';
import { holdsPlaceholder } from '../placeholders';
import { RuleContext, report } from './context';

export const CONDITION_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];
const LOWER_OPERATORS = new Map(CONDITION_OPERATORS.map((o) => [o.toLowerCase(), o]));

/** `ForAnyValue:StringLike`, `StringEqualsIfExists` … → the base operator, or undefined. */
export function baseOperator(op: string): string | undefined {
  let rest = op;
  const set = /^(ForAllValues|ForAnyValue):/i.exec(rest);
  if (set) rest = rest.slice(set[0].length);
  let base = LOWER_OPERATORS.get(rest.toLowerCase());
  if (!base && /IfExists$/i.test(rest)) {
    base = LOWER_OPERATORS.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    if (base === 'Null') return undefined; // Null has no IfExists form
  }
  return base;
}

function suggestOperator(op: string): string | undefined {
  const set = /^(ForAllValues|ForAnyValue):/i.exec(op)?.[0] ?? '';
  const rest = op.slice(set.length);
  const ifExists = /IfExists$/i.test(rest) ? 'IfExists' : '';
  const core = ifExists ? rest.slice(0, -ifExists.length) : rest;
  const best = closest(core, CONDITION_OPERATORS) ?? closest(rest, CONDITION_OPERATORS);
  return best ? `${set}${best}${best === 'Null' ? '' : ifExists}` : undefined;
}

/**
 * Is a (non-global) condition key defined for a statement's actions, and if not, the closest one
 * that is? Keyed by "action patterns NUL key": a pure answer, asked again on every keystroke
 * (kept while recent analyses ask: the key may hold a policy's 2,600 action patterns).
 */
const keyVerdict = memoizeRecent((query: string): { known: boolean; suggestion?: string } => {
  const parts = query.split('\0');
  const name = parts.pop() ?? '';
  const keys = catalog().conditionKeysForActions(parts);
  const lower = name.toLowerCase();
  if (keys.some((k) => conditionKeyMatches(k, lower))) return { known: true };
  const candidates = [...keys, ...catalog().globalConditionKeys()].filter((k) => !k.includes('${') && !k.includes('<'));
  return { known: false, suggestion: closest(name, candidates) };
});

/**
 * Keys no catalog lists: an identity provider's own keys (`token.actions.githubusercontent.com:sub`,
 * `oidc.eks.eu-west-1.amazonaws.com/id/…:aud`, `accounts.google.com:aud`: the provider's host
 * name is the prefix), and keys a template computes at deploy time (`${…}`).
 */
function judgeableKey(name: string): boolean {
  if (name.includes('${') || holdsPlaceholder(name)) return false;
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? name : name.slice(0, colon);
  return !prefix.includes('.') && !prefix.includes('/');
}

export function checkConditions(ctx: RuleContext): void {
  const { m, cat } = ctx;
  for (const s of ctx.model.statements) {
    const condition = s.el.Condition;
    if (!condition || condition.value.type !== 'object') continue;
    const actionPatterns = itemsOf(s, 'Action').map((a) => a.value);
    // Keys can only be judged against a known, finite set of actions.
    const judgeKeys = actionPatterns.length > 0 && !actionPatterns.some((a) => a === '*' || /^[^:]*[*?][^:]*:/.test(a));
    const prefix = actionPatterns.join('\0');
    for (const op of propertiesOf(condition.value)) {
      if (!baseOperator(op.name)) {
        const suggestion = suggestOperator(op.name);
        report(ctx, 'condition-operator-unknown', op.key, m.conditionOperatorUnknown(op.name, suggestion),
          suggestion ? [lazyFix(m.fix.renameKey(suggestion), () => ctx.edits.renameKey(op.key, suggestion), false)] : []);
      }
      if (op.value.type !== 'object') continue;
      const base = baseOperator(op.name);
      const set = base && base !== 'Null' ? /^(ForAllValues|ForAnyValue):/i.exec(op.name) : null;
      if (set) {
        // AWS: set operators are for multivalued keys; ForAllValues on a single-valued key also
        // matches a request without the key. Keys the catalog does not know are not judged.
        for (const key of propertiesOf(op.value)) {
          // ForAnyValue on such a key behaves like the plain operator (false without the key):
          // pointless but harmless, a hint.
          const severity = /^ForAllValues/i.test(set[0]) ? 'warning' : 'info';
          if (cat.isMultivaluedKey(key.name) === false) report(ctx, 'condition-set-single-valued', key.key, m.conditionSetSingleValued(op.name, key.name, op.name.slice(set[0].length)), [], severity);
        }
      }
      if (!judgeKeys) continue;
      for (const key of propertiesOf(op.value)) {
        if (cat.isGlobalConditionKey(key.name)) continue; // case-insensitive
        if (!judgeableKey(key.name)) continue;
        const { known, suggestion } = keyVerdict(`${prefix}\0${key.name}`);
        if (known) continue;
        report(ctx, 'condition-key-unknown', key.key, m.conditionKeyUnknown(key.name, suggestion),
          suggestion ? [lazyFix(m.fix.renameKey(suggestion), () => ctx.edits.renameKey(key.key, suggestion), false)] : []);
      }
    }
  }
}

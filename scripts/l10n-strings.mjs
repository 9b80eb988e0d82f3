// Lists every l10n.t('…') message in src/ (vscode.l10n in the extension, the L10n the language
// service is given in src/service): the keys of l10n/bundle.l10n.*.json.
//   node scripts/l10n-strings.mjs            print them as JSON
//   node scripts/l10n-strings.mjs --check    exit 1 when the Spanish bundle lacks one (or has extras)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function l10nStrings(root = 'src') {
  const found = new Set();
  const call = /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const f of files(root)) {
    for (const m of readFileSync(f, 'utf8').matchAll(call)) found.add(m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
  }
  return [...found].sort();
}

if (process.argv[1] && process.argv[1].endsWith('l10n-strings.mjs')) {
  const strings = l10nStrings();
  if (process.argv.includes('--check')) {
    const es = JSON.parse(readFileSync('l10n/bundle.l10n.es.json', 'utf8'));
    const missing = strings.filter((s) => !(s in es));
    const extra = Object.keys(es).filter((k) => !strings.includes(k));
    if (missing.length || extra.length) {
      console.error(JSON.stringify({ missing, extra }, null, 2));
      process.exit(1);
    }
    console.log(`l10n: ${strings.length} strings, all translated to Spanish`);
  } else console.log(JSON.stringify(strings, null, 2));
}

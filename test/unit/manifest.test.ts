import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
const nlsEs = JSON.parse(readFileSync('package.nls.es.json', 'utf8'));
const properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }> = pkg.contributes.configuration.properties;

/** The settings README.md's "Settings" table documents. */
function documentedSettings(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('\n## Settings\n'), readme.indexOf('\n## ', readme.indexOf('\n## Settings\n') + 5));
  return [...new Set([...section.matchAll(/^\|[^|]*\|/gm)].flatMap((row) => [...row[0].matchAll(/`(brazeS3\.[\w.]+)`/g)].map((m) => m[1])))].sort();
}

// The scopes VS Code's Settings UI lists under "User" in a remote window (code-server, SSH,
// containers): `machine` and `machine-overridable` settings appear only under "Remote" there.
const USER_TAB_SCOPES = ['application', 'window', 'resource', 'language-overridable'];

describe('the extension manifest (package.json, written by scripts/manifest.mjs)', () => {
  it('package.json is what scripts/manifest.mjs writes', () => {
    const r = spawnSync(process.execPath, ['scripts/manifest.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('every setting README.md documents is contributed, and every contributed one is documented', () => {
    const documented = documentedSettings();
    assert.equal(documented.length, 15, documented.join(', '));
    assert.deepEqual(Object.keys(properties).sort(), documented);
  });

  it('every setting shows under User in the Settings UI, also in a remote window; per-file ones are resource-scoped', () => {
    for (const [key, p] of Object.entries(properties)) assert.ok(USER_TAB_SCOPES.includes(String(p.scope)), `${key}: scope ${p.scope}`);
    const perResource = Object.entries(properties).filter(([, p]) => p.scope === 'resource').map(([k]) => k).sort();
    // What readSettings(document.uri) reads, and the repository configuration file may set per file.
    assert.deepEqual(perResource, ['brazeS3.externalId', 'brazeS3.folderPath', 'brazeS3.partnerAccountId', 'brazeS3.policyFiles', 'brazeS3.rules']);
  });

  it('.tf files are the terraform language the code expects, with a grammar file that ships in the VSIX', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'terraform');
    assert.deepEqual(lang?.extensions, ['.tf']);
    const grammar = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'terraform');
    for (const file of [grammar.path, lang.configuration]) JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(JSON.parse(readFileSync(grammar.path, 'utf8')).scopeName, grammar.scopeName);
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!syntaxes\/\*\*$/m);
  });

  it('every setting has its description in English and Spanish', () => {
    for (const [key, p] of Object.entries(properties)) {
      const ref = /^%(.+)%$/.exec(p.markdownDescription ?? p.description ?? '')?.[1];
      assert.ok(ref && nls[ref] && nlsEs[ref], `${key}: ${ref}`);
    }
  });
});

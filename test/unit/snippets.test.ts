// The static snippet files (snippets/*.json): generated from the one template source, bodies
// without unintended `$` sequences, and every snippet, filled with its defaults, read clean by
// the engine (only the placeholders it is meant to hold).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFindings, analyzeFile } from '../../src/routing/analyzeFile';
import { setupSnippets } from '../../src/formats/setupTemplates';
import { SNIPPET_LANGUAGES, SnippetFileId, snippetBody, snippetFileText, staticSnippets } from '../../src/formats/snippetFiles';
import { loadTerraform } from '../../src/formats/treeSitter';
import { analyze } from '../../src/policy';

const root = join(__dirname, '..', '..');
const ids = Object.keys(SNIPPET_LANGUAGES) as SnippetFileId[];

/**
 * Expands a snippet body the way VS Code's snippet parser does, each tab stop keeping its default.
 * Fails on any `$` that is not an escaped `\$` or a numbered tab stop (`$1`, `${1}`, `${1:text}`):
 * a variable such as `${aws:username}` or `$TM_FILENAME` would be expanded by VS Code.
 */
function expand(body: string): { text: string; stops: Map<number, string> } {
  let text = '';
  const stops = new Map<number, string>();
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && /[\\$}]/.test(body[i + 1] ?? '')) {
      text += body[++i];
      continue;
    }
    if (c !== '$') {
      text += c;
      continue;
    }
    const m = /^\$(?:(\d+)|\{(\d+)\}|\{(\d+):([^$}\\]*)\})/.exec(body.slice(i));
    assert.ok(m, `an unescaped $ VS Code would read as a variable or tab stop: ${JSON.stringify(body.slice(i, i + 30))}`);
    const n = Number(m[1] ?? m[2] ?? m[3]);
    const value = m[4] ?? stops.get(n) ?? '';
    if (m[4] !== undefined && stops.has(n)) assert.equal(stops.get(n), m[4], `tab stop ${n} has two defaults`);
    stops.set(n, value);
    text += value;
    i += m[0].length - 1;
  }
  return { text, stops };
}

const REAL = { INSERTBUCKETNAME: 'acme-braze-exports', INSERTPARTNERACCOUNTID: '111122223333', INSERTEXTERNALID: 'braze-ext-1' } as Record<string, string>;
const fill = (text: string) => text.replace(/INSERT[A-Z]+/g, (m) => REAL[m] ?? m);

/** The findings the engine reports on a snippet's text in a file of its own language. */
function findingsOf(id: SnippetFileId, text: string): string[] {
  if (id === 'json') return analyze(text).findings.map((f) => f.code);
  const [file, whole] = id === 'terraform'
    ? ['snippet.tf', text]
    : ['template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${text.replace(/^(?=.)/gm, '  ')}`];
  const report = analyzeFile(whole, file);
  assert.ok(report && report.documents.length > 0, `no policy document read from the ${id} snippet:\n${whole}`);
  return allFindings(report).map((f) => f.code);
}

describe('static snippet files', () => {
  before(async () => {
    assert.ok(await loadTerraform(), 'the Terraform grammar did not load');
  });

  for (const id of ids) {
    it(`snippets/${id}.json is the generator's output (npx tsx scripts/generate-snippets.ts)`, () => {
      assert.equal(readFileSync(join(root, 'snippets', `${id}.json`), 'utf8'), snippetFileText(id));
    });

    for (const s of staticSnippets()[id]) {
      it(`${id}: "${s.prefix}" expands to its template; with its defaults only placeholders are found, filled in nothing`, () => {
        const file = JSON.parse(readFileSync(join(root, 'snippets', `${id}.json`), 'utf8'));
        const entry = file[s.name];
        assert.ok(entry, `${s.name} is not in snippets/${id}.json`);
        assert.equal(entry.prefix, s.prefix);
        const { text, stops } = expand(entry.body.join('\n'));
        assert.equal(text, s.text.trimEnd());
        assert.ok(stops.size > 0, 'no tab stop');
        assert.ok([...stops.values()].every((v) => /^(INSERT[A-Z]+|currents)$/.test(v)), JSON.stringify([...stops]));
        const withDefaults = findingsOf(id, text);
        assert.ok(withDefaults.length > 0 && withDefaults.every((c) => c === 'placeholder'), withDefaults.join(', '));
        assert.deepEqual(findingsOf(id, fill(text)), []);
      });
    }
  }

  it('escapes $ and \\ so IAM variables and Terraform interpolations stay text', () => {
    const text = '{"Resource": "arn:aws:s3:::INSERTBUCKETNAME/${aws:username}/*", "x": "${var.bucket} $1 $TM_FILENAME \\\\ }"}';
    const body = snippetBody(text);
    assert.equal(expand(body).text, text);
    assert.match(body, /\$\{1:INSERTBUCKETNAME\}/);
    assert.ok(!/(^|[^\\])\$\{aws/.test(body), body);
  });

  it('static prefixes differ from the context-aware completions\' (never two items with one name)', () => {
    // The JSON completions of src/editor/snippets.ts (policySnippets) and the template ones.
    const contextual = new Set(['braze-currents-policy', 'braze-currents-policy-folder', 'braze-dashboard-export-policy', 'braze-role-trust-policy', ...setupSnippets('terraform').map((s) => s.prefix), ...setupSnippets('cloudformation').map((s) => s.prefix)]);
    const all = ids.flatMap((id) => staticSnippets()[id].map((s) => s.prefix));
    assert.deepEqual(all.filter((p) => contextual.has(p)), []);
    assert.equal(new Set(all).size, all.length);
  });

  it('package.json contributes each file for its languages, and the VSIX ships snippets/', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.snippets as { language: string; path: string }[]).map((s) => `${s.language} ${s.path}`).sort();
    assert.deepEqual(contributed, ids.flatMap((id) => SNIPPET_LANGUAGES[id].map((l) => `${l} ./snippets/${id}.json`)).sort());
    assert.ok(readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').includes('!snippets/**'));
  });
});

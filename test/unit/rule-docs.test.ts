// The shipped rule documentation: every code has a section in both languages, and every example
// really makes its rule fire (so the docs cannot drift from the engine).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, analyze } from '../../src/policy';
import { RULE_DOCS, readmeRulesTable, ruleDocsMarkdown, ruleHeading } from '../../src/policy/ruleDocs';
import { withRulesTable } from '../../scripts/rulesTable';

describe('rule documentation (docs/rules.md, docs/rules.es.md, the README\'s rules table)', () => {
  for (const code of RULE_CODES) {
    const doc = RULE_DOCS[code];
    if (!doc.example) continue;
    it(`the example for ${code} makes it fire`, () => {
      const codes = analyze(doc.example!, { ...doc.options, sourceName: 'example.json' }).findings.map((f) => f.code);
      assert.ok(codes.includes(code), `${code} not among ${JSON.stringify(codes)}`);
    });
  }

  it('every code has one section, with its fix, in both languages, and the files are current', () => {
    for (const locale of ['en', 'es'] as const) {
      const text = readFileSync(join(__dirname, '../../docs', locale === 'es' ? 'rules.es.md' : 'rules.md'), 'utf8');
      assert.equal(text, ruleDocsMarkdown(locale), 'run npm run generate:rule-docs');
      for (const code of RULE_CODES) {
        assert.equal(text.split('\n').filter((l) => l === ruleHeading(code)).length, 1, `${locale} ${code}`);
        assert.ok(RULE_DOCS[code].fix[locale].length > 10);
      }
    }
    // Only the rules that cannot be shown by a JSON document lack an example (template-syntax is
    // about HCL and YAML: formats.test.ts makes it fire; the suppression and configuration codes
    // are about comments and the configuration file: repo-config.test.ts makes them fire).
    assert.deepEqual(RULE_CODES.filter((c) => !RULE_DOCS[c].example), ['document-too-large', 'analysis-failed', 'template-syntax', 'suppression-invalid', 'suppression-unused', 'config-invalid']);
  });

  it('the README\'s rules table is the registry\'s (between its markers)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    // withRulesTable throws when a marker is missing; the README must be what the generator writes.
    assert.equal(readme, withRulesTable(readme, readmeRulesTable()), 'run npm run generate:rule-docs');
  });
});

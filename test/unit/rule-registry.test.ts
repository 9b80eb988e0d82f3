// The rule registry (src/policy/registry) against the code that emits the findings: a rule
// declared but never reported, or a code reported but never declared, fails here; so does a change
// to a code's name, default severity or documented order (a stable public interface).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KEPT_ON_UNKNOWN, RULE_CODES, RULES, analyze } from '../../src/policy';
import { FAMILIES } from '../../src/policy/registry';
import { RULE_DOCS } from '../../src/policy/ruleDocs';
import { sarifRules } from '../../src/cli/formats/sarifRules';

const src = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The codes a file reports: `report(ctx, 'code', …)` (either branch of a ternary) and `code: 'code'`. */
function emitted(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/report\(\s*ctx,\s*([^,]+?),/g)) for (const q of m[1].matchAll(/'([a-z0-9-]+)'/g)) out.add(q[1]);
  for (const m of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) out.add(m[1]);
  return out;
}

const checkers = sources(src).filter((f) => !relative(src, f).startsWith(join('policy', 'registry')));
const byFile = new Map(checkers.map((f) => [relative(src, f).split('\\').join('/'), emitted(readFileSync(f, 'utf8'))]));

describe('rule registry (src/policy/registry)', () => {
  it('keeps every code with its default severity, in its documented order', () => {
    assert.deepEqual(Object.entries(RULES), [
      ['json-syntax', 'error'], ['policy-version-missing', 'warning'], ['policy-version-invalid', 'error'], ['statement-missing', 'error'],
      ['unknown-key', 'error'], ['invalid-type', 'error'], ['effect-invalid', 'error'], ['action-missing', 'error'], ['resource-missing', 'error'],
      ['principal-not-allowed', 'error'], ['principal-missing', 'error'], ['sid-duplicate', 'error'], ['sid-invalid', 'error'],
      ['condition-operator-unknown', 'error'], ['condition-key-unknown', 'warning'], ['condition-set-single-valued', 'warning'],
      ['service-unknown', 'error'], ['action-unknown', 'error'], ['action-wildcard-no-match', 'error'], ['action-redundant', 'info'], ['action-retired', 'info'],
      ['placeholder', 'error'], ['arn-invalid', 'error'], ['bucket-name-invalid', 'error'], ['resource-mismatch', 'error'], ['resource-overbroad', 'warning'],
      ['bucket-inconsistent', 'warning'], ['integration-missing-permission', 'error'], ['integration-denied', 'error'], ['integration-excess-permission', 'warning'],
      ['integration-mixed', 'warning'], ['trust-action-invalid', 'error'], ['trust-principal-wildcard', 'error'], ['trust-external-id-missing', 'warning'],
      ['trust-account-mismatch', 'warning'], ['document-too-large', 'info'], ['analysis-failed', 'error'], ['template-syntax', 'error'],
      ['suppression-invalid', 'warning'], ['suppression-unused', 'info'], ['config-invalid', 'error'],
    ]);
  });

  it('reads the emitting code (a sanity check of the scanner)', () => {
    assert.ok(byFile.get('policy/rules/grammar.ts')?.has('action-missing'), 'the ternary in report(ctx, a ? b : c, …)');
    assert.ok(byFile.get('routing/analyzeFile.ts')?.has('template-syntax'));
  });

  // Each checker module reports exactly the codes its family declares.
  for (const family of ['grammar', 'conditions', 'actions', 'resources', 'integration', 'trust'] as const) {
    it(`rules/${family}.ts reports exactly the codes registry/${family}.ts declares`, () => {
      assert.deepEqual([...byFile.get(`policy/rules/${family}.ts`)!].sort(), Object.keys(FAMILIES[family]).sort());
    });
  }

  it('every code reported anywhere is declared, and every declared code is reported somewhere', () => {
    const all = new Set([...byFile.values()].flatMap((s) => [...s]));
    assert.deepEqual([...all].filter((c) => !(RULE_CODES as string[]).includes(c)), [], 'reported but not declared');
    // config-invalid is the editor's and the CLI's word for a configuration file's problems (config/parse.ts).
    const reported = (c: string) => all.has(c) || (c === 'config-invalid' && /'config-invalid'/.test(readFileSync(join(src, 'editor/repoConfig.ts'), 'utf8')));
    assert.deepEqual(RULE_CODES.filter((c) => !reported(c)), [], 'declared but never reported');
  });

  // The examples' findings carry the quick fixes their rule declares (rule-docs.test.ts makes each fire).
  for (const code of RULE_CODES.filter((c) => RULE_DOCS[c].example)) {
    const { example, options, fixSafety } = RULE_DOCS[code];
    it(`the example for ${code} carries the quick fixes it declares (${fixSafety})`, () => {
      const fixes = analyze(example!, { ...options, sourceName: 'example.json' }).findings.filter((f) => f.code === code).flatMap((f) => f.fixes);
      if (fixSafety === 'none') assert.deepEqual(fixes, []);
      if (fixSafety === 'safe') assert.ok(fixes.every((f) => f.safe));
      if (fixSafety === 'suggestion') assert.ok(fixes.every((f) => !f.safe));
    });
  }

  it('the codes kept on values unknown until deploy are those routing used to keep by hand', () => {
    const documentCodes = ['trust-external-id-missing', 'integration-missing-permission', 'integration-denied', 'placeholder', 'document-too-large', 'analysis-failed', 'statement-missing', 'action-missing', 'resource-missing', 'policy-version-missing', 'json-syntax', 'sid-duplicate'];
    // The file-level codes (template syntax, comments, configuration) never sit on a document's value.
    assert.deepEqual([...KEPT_ON_UNKNOWN].sort(), [...documentCodes, 'template-syntax', 'suppression-invalid', 'suppression-unused', 'config-invalid'].sort());
  });
});

describe('SARIF rule catalogue (src/cli/formats/sarifRules.ts)', () => {
  it('describes every registered code, in the registry\'s order (results point at it by index)', () => {
    const rules = sarifRules('file:///kit/docs/rules.md');
    assert.deepEqual(rules.map((r) => r.id), RULE_CODES);
    for (const r of rules) {
      const d = RULE_DOCS[r.id];
      assert.equal(r.shortDescription.text, d.summary.en);
      assert.ok(r.fullDescription.text.startsWith(d.summary.en) && r.fullDescription.text.includes(d.severityNote?.en ?? d.severity), r.id);
      assert.equal(r.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[d.severity]);
      assert.equal(r.helpUri, `file:///kit/docs/rules.md#${r.id}`);
      assert.equal(r.help.text, d.fix.en);
      assert.deepEqual(r.properties, { purposes: [...d.purposes], unknownValues: d.unknownValues, fixSafety: d.fixSafety });
    }
  });
});

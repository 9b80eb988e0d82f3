// The engine never throws, whatever the input, and every finding it returns is well formed.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RULE_CODES, analyze } from '../../src/policy';
import type { AnalyzeOptions } from '../../src/policy';
import { adversarialInputs, corpusArbitrary } from '../fuzz/corpus';

const CODES = new Set<string>(RULE_CODES);

function checkWellFormed(text: string, options: AnalyzeOptions = {}, maxLength?: number) {
  const r = analyze(text, { ...options, maxLength });
  for (const f of r.findings) {
    assert.notEqual(f.code, 'analysis-failed', `the engine failed internally: ${f.message}\ninput: ${JSON.stringify(text.slice(0, 300))}`);
    assert.ok(CODES.has(f.code), f.code);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(Number.isInteger(f.offset) && f.offset >= 0 && f.offset + f.length <= text.length, `${f.code} range ${f.offset}+${f.length} outside ${text.length}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
  }
  return r;
}

describe('robustness', () => {
  it('analyses 10,000 generated and mutated policies without throwing or failing', () => {
    let runs = 0;
    fc.assert(
      fc.property(corpusArbitrary(), fc.constantFrom<AnalyzeOptions>({}, { integration: 'dashboard', folder: '' }, { partnerAccountId: '111122223333', externalId: 'x', locale: 'es' }), (text, options) => {
        runs++;
        checkWellFormed(text, options);
      }),
      { numRuns: 10_000 },
    );
    assert.equal(runs, 10_000);
  });

  for (const input of adversarialInputs()) {
    it(`survives: ${input.name}`, () => {
      const r = checkWellFormed(input.text, {}, 8 * 1024 * 1024);
      if (input.name.includes('deep')) assert.ok(r.findings.some((f) => f.code === 'json-syntax'));
      if (input.name === 'not a policy') assert.ok(r.findings.some((f) => f.code === 'statement-missing'));
    });
  }

  it('skips documents over the size limit with one finding', () => {
    const r = analyze('{' + ' '.repeat(200_000) + '}');
    assert.deepEqual(r.findings.map((f) => f.code), ['document-too-large']);
  });
});

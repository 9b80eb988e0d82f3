// The engine never throws, whatever the input, and every finding it returns is well formed.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RULE_CODES, analyze, applyEdits } from '../../src/policy';
import type { AnalyzeOptions } from '../../src/policy';
import { adversarialInputs, corpusArbitrary } from '../fuzz/corpus';
import { syntaxErrors } from './helpers';

const CODES = new Set<string>(RULE_CODES);

function checkWellFormed(text: string, options: AnalyzeOptions = {}, maxLength?: number) {
  const r = analyze(text, { ...options, maxLength });
  for (const f of r.findings) {
    assert.notEqual(f.code, 'analysis-failed', `the engine failed internally: ${f.message}\ninput: ${JSON.stringify(text.slice(0, 300))}`);
    assert.ok(CODES.has(f.code), f.code);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(Number.isInteger(f.offset) && f.offset >= 0 && f.offset + f.length <= text.length, `${f.code} range ${f.offset}+${f.length} outside ${text.length}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${f.code}: "${fix.title}" edit ${e.offset}+${e.length} outside ${text.length}`);
      // A fix may be withheld on broken JSON, but one that is offered never breaks it further.
      if (fix.edits.length > 0) assert.ok(syntaxErrors(applyEdits(text, fix.edits)) <= syntaxErrors(text), `${f.code}: "${fix.title}" adds syntax errors to ${JSON.stringify(text.slice(0, 300))}`);
    }
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

  it('keeps no old document text alive through its memos (keys are detached copies)', () => {
    // Strings read by the parser are slices of the whole text; a memo that kept them would pin
    // every version of a document the user has typed. 120 distinct 100 KB documents would then
    // hold 12 MB; detached keys keep only the small memo entries.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pad = ' '.repeat(100_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 120; i++) {
      analyze(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjectVersionAttributesZ${i}"],"Resource":"arn:aws:s3:::leak-check-bucket-${i}/currents/*"}]}${pad}`);
    }
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(retainedMb < 4, `retained ${retainedMb.toFixed(1)} MB after 120 distinct 100 KB documents`);
  });
});

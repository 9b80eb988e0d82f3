import assert from 'node:assert/strict';
import { analyze, policyText, trustPolicyText } from '../../src/policy';
import type { IntegrationId } from '../../src/policy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const seed = readFileSync(join(__dirname, '../fixtures/source-doc/braze-amazon-s3-partner-doc.es.md'), 'utf8');
/** The four JSON templates of the source document, in order: secret key (Currents, dashboard), role (Currents, dashboard). */
const docTemplates = [...seed.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('templates', () => {
  for (const id of ['currents', 'dashboard'] as IntegrationId[]) {
    for (const folder of [undefined, 'currents', 'exports/braze']) {
      it(`${id} policy${folder ? ` scoped to ${folder}` : ''}, filled in, analyses clean`, () => {
        const text = policyText(id, { bucket: 'acme-exports', folder });
        const r = analyze(text, { integration: id, folder });
        assert.deepEqual(r.findings.map((f) => f.code), []);
        assert.equal(r.integration?.id, id);
        if (folder) assert.ok(text.includes(`arn:aws:s3:::acme-exports/${folder}/*`));
      });
    }
    it(`${id} policy with the placeholder reports only the placeholder`, () => {
      const codes = new Set(analyze(policyText(id)).findings.map((f) => f.code));
      assert.deepEqual([...codes], ['placeholder']);
    });
  }
  it('inference picks the integration from s3:DeleteObject and says so', () => {
    assert.match(analyze(policyText('dashboard', { bucket: 'acme-exports' })).integration!.reason, /DeleteObject is granted/);
    const es = analyze(policyText('currents', { bucket: 'acme-exports' }), { locale: 'es' }).integration!;
    assert.equal(es.id, 'currents');
    assert.equal(es.reason, 'deducida porque no se concede s3:DeleteObject');
  });
  it('trust policy filled in analyses clean and matches the configured IDs', () => {
    const r = analyze(trustPolicyText('111122223333', 'braze-ext-42'), { partnerAccountId: '111122223333', externalId: 'braze-ext-42' });
    assert.equal(r.kind, 'trust');
    assert.deepEqual(r.findings.map((f) => f.code), []);
  });
  it('trust policy with placeholders reports only them', () => {
    assert.deepEqual([...new Set(analyze(trustPolicyText()).findings.map((f) => f.code))], ['placeholder']);
  });

  describe('the source document\'s four templates', () => {
    it('are found in the seed', () => assert.equal(docTemplates.length, 4));
    it('with the placeholder: every one is flagged for it', () => {
      for (const t of docTemplates) assert.ok(analyze(t).findings.some((f) => f.code === 'placeholder'));
    });
    it('filled in: three are clean, the secret-key dashboard one is flagged over-broad', () => {
      const filled = docTemplates.map((t) => t.replace(/INSERTBUCKETNAME/g, 'acme-exports'));
      const codes = filled.map((t) => analyze(t).findings.map((f) => f.code));
      assert.deepEqual(codes[0], []);
      assert.deepEqual(codes[2], []);
      assert.deepEqual(codes[3], []);
      assert.deepEqual(codes[1], ['resource-overbroad']);
      assert.equal(analyze(filled[1]).integration?.id, 'dashboard');
    });
    it('our templates never reproduce the BUCKET* form', () => {
      for (const id of ['currents', 'dashboard'] as IntegrationId[]) assert.ok(!policyText(id).includes('INSERTBUCKETNAME*'));
    });
  });
});

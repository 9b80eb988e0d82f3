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
    // Only a Currents connector writes under a folder; dashboard exports write at the bucket's root.
    for (const folder of id === 'currents' ? [undefined, 'currents', 'exports/braze'] : [undefined]) {
      it(`${id} policy${folder ? ` scoped to ${folder}` : ''}, filled in, analyses clean`, () => {
        const text = policyText(id, { bucket: 'acme-exports', folder });
        const r = analyze(text, { integration: id, folder });
        assert.deepEqual(r.findings.map((f) => f.code), []);
        assert.equal(r.integration?.id, id);
        if (folder) assert.ok(text.includes(`arn:aws:s3:::acme-exports/${folder}/*`));
      });
    }
    it(`${id} policy, filled in, analyses clean whatever the Currents folder setting says`, () => {
      assert.deepEqual(analyze(policyText(id, { bucket: 'acme-exports', folder: id === 'currents' ? 'braze' : undefined }), { integration: id, folder: 'braze' }).findings.map((f) => f.code), []);
    });
    it(`${id} policy with the placeholder reports only the placeholder`, () => {
      const codes = new Set(analyze(policyText(id)).findings.map((f) => f.code));
      assert.deepEqual([...codes], ['placeholder']);
    });
  }
  it('checks a dashboard export at the bucket root, never in the Currents folder, and says so with a capital (English and Spanish)', () => {
    const noGet = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-braze-exports' },
        { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::acme-braze-exports/*' },
      ],
    }, null, 2);
    for (const options of [{}, { folder: 'currents' }, { integration: 'dashboard' as const, folder: 'currents' }]) {
      const missing = analyze(noGet, options).findings.filter((f) => f.code === 'integration-missing-permission').map((f) => f.message);
      assert.deepEqual(missing, ['Dashboard data export needs s3:GetObject on arn:aws:s3:::acme-braze-exports/*, which this policy does not grant.'], JSON.stringify(options));
    }
    assert.deepEqual(analyze(noGet, { folder: 'currents', locale: 'es' }).findings.filter((f) => f.code === 'integration-missing-permission').map((f) => f.message),
      ['La exportación de datos del panel necesita s3:GetObject en arn:aws:s3:::acme-braze-exports/*, y esta política no lo concede.']);
    // A dashboard policy scoped to a folder misses the bucket root, where the exports are written.
    const scoped = analyze(noGet.split('acme-braze-exports/*').join('acme-braze-exports/currents/*'), { integration: 'dashboard', folder: 'currents' });
    assert.ok(scoped.findings.some((f) => f.code === 'integration-missing-permission' && f.message.startsWith('Dashboard data export needs s3:PutObject on arn:aws:s3:::acme-braze-exports/*')), JSON.stringify(scoped.findings));
  });

  it('inference picks the integration from s3:DeleteObject and says so', () => {
    assert.match(analyze(policyText('dashboard', { bucket: 'acme-braze-exports' })).integration!.reason, /DeleteObject is granted/);
    const es = analyze(policyText('currents', { bucket: 'acme-braze-exports' }), { locale: 'es' }).integration!;
    assert.equal(es.id, 'currents');
    assert.equal(es.reason, 'deducida porque no se concede s3:DeleteObject');
  });
  it('the export\'s shape alone is a suggestion: checked as a general policy, the integration offered', () => {
    const general = analyze(policyText('dashboard', { bucket: 'acme-exports' }));
    assert.equal(general.purpose.id, 'general');
    assert.equal(general.purpose.suggested, 'dashboard');
    assert.equal(general.integration, undefined);
    assert.equal(analyze(policyText('currents', { bucket: 'acme-exports' })).purpose.suggested, 'currents');
    // The same shape missing s3:GetObject: no Braze finding without a Braze signal…
    const lacking = policyText('currents', { bucket: 'acme-exports' }).replace('"s3:GetObject"', '"s3:AbortMultipartUpload"');
    assert.deepEqual(analyze(lacking).findings.filter((f) => f.code.startsWith('integration-')), []);
    // …and the missing permission once the user says it is Currents' policy.
    assert.deepEqual(analyze(lacking, { integration: 'currents' }).findings.filter((f) => f.code === 'integration-missing-permission').length, 1);
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
      const filled = docTemplates.map((t) => t.replace(/INSERTBUCKETNAME/g, 'acme-braze-exports'));
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

describe('placing a template in an open document', () => {
  const { documentShape, missingStatements, appendStatements, policyText: text } = require('../../src/policy') as typeof import('../../src/policy');
  const apply = (doc: string, edits: { offset: number; length: number; content: string }[]) => edits.reduceRight((t, e) => t.slice(0, e.offset) + e.content + t.slice(e.offset + e.length), doc);
  const fmt = { insertSpaces: true, tabSize: 4, eol: '\n' };

  it('tells empty, policy, other JSON, broken JSON and non-JSON documents apart', () => {
    assert.equal(documentShape('  \n', true), 'empty');
    assert.equal(documentShape(text('currents'), true), 'policy');
    assert.equal(documentShape('{"name": "pkg"}', true), 'json');
    assert.equal(documentShape('{"Statement": [', true), 'json');
    assert.equal(documentShape('# Notes\nsome text', false), 'text');
  });

  it('adds only the statements a policy lacks, keeps its own, and the result parses', () => {
    const full = JSON.parse(text('currents', { bucket: 'acme-b' }));
    const partial = JSON.stringify({ Version: '2012-10-17', Statement: [full.Statement[0], { Sid: 'Mine', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] }, null, 4);
    const missing = missingStatements(partial, text('currents', { bucket: 'acme-b' }));
    assert.deepEqual(missing, [full.Statement[1]]);
    const merged = JSON.parse(apply(partial, appendStatements(partial, missing, fmt)));
    assert.deepEqual(merged.Statement.map((s: { Sid?: string; Effect: string }) => s.Sid ?? s.Effect), ['Allow', 'Mine', 'Allow']);
    assert.deepEqual(missingStatements(JSON.stringify(merged), text('currents', { bucket: 'acme-b' })), []);
  });

  it('turns a single Statement object into an array holding it first', () => {
    const doc = '{\n    "Version": "2012-10-17",\n    "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-b"}\n}';
    const add = { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-b/*' };
    const merged = JSON.parse(apply(doc, appendStatements(doc, [add], fmt)));
    assert.equal(merged.Statement.length, 2);
    assert.equal(merged.Statement[0].Action, 's3:ListBucket');
    assert.deepEqual(merged.Statement[1], add);
  });

  it('edits only the end of the Statement array (the first lines are untouched)', () => {
    const doc = text('currents', { bucket: 'acme-b' }).replace(/,\s*\{[^{}]*"s3:PutObject"[\s\S]*?\}\s*(?=\])/, '');
    const edits = appendStatements(doc, missingStatements(doc, text('currents', { bucket: 'acme-b' })), fmt);
    assert.equal(edits.length, 1);
    assert.ok(edits[0].offset > doc.indexOf('s3:GetBucketLocation'), JSON.stringify(edits));
  });
});

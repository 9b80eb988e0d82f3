// Every engine fix, applied to the text and re-analysed: its finding is gone, the JSON stays
// valid, and no new finding appears.
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixAll } from '../../src/policy';
import type { AnalyzeOptions } from '../../src/policy';
import { BUCKET, currentsStatements, policy, syntaxErrors, trustStatement } from './helpers';

const C = currentsStatements();
const key = (f: { code: string; message: string }) => `${f.code}: ${f.message}`;

function checkFix(text: string, code: string, options: AnalyzeOptions = {}, expectTitle?: RegExp): string {
  const before = analyze(text, options).findings;
  const target = before.find((f) => f.code === code && f.fixes.length > 0);
  assert.ok(target, `no fixable ${code} in ${before.map((f) => f.code).join(', ')}`);
  if (expectTitle) assert.match(target.fixes[0].title, expectTitle);
  const fixed = applyEdits(text, target.fixes[0].edits);
  assert.equal(syntaxErrors(fixed), 0, `fixed text is not valid JSON:\n${fixed}`);
  const after = analyze(fixed, options).findings;
  const remaining = after.filter((f) => f.code === code && f.message === target.message);
  assert.deepEqual(remaining.map(key), [], `finding still there after the fix:\n${fixed}`);
  const beforeKeys = new Set(before.map(key));
  const introduced = after.filter((f) => !beforeKeys.has(key(f)));
  assert.deepEqual(introduced.map(key), [], `the fix introduced findings:\n${fixed}`);
  return fixed;
}

describe('fixes', () => {
  it('adds a missing action to the statement that already covers its resource', () => {
    const fixed = checkFix(policy([C[0], { ...C[1], Action: ['s3:PutObject'] }]), 'integration-missing-permission', {}, /Add s3:GetObject/);
    assert.deepEqual(JSON.parse(fixed).Statement[1].Action, ['s3:PutObject', 's3:GetObject']);
  });
  it('adds a new statement when no statement covers the resource', () => {
    const fixed = checkFix(policy([C[0]]), 'integration-missing-permission', { integration: 'currents' });
    const statements = JSON.parse(fixed).Statement;
    assert.equal(statements.length, 2);
    assert.deepEqual(statements[1].Resource, [`arn:aws:s3:::${BUCKET}/currents/*`]);
  });
  it('turns a single-string Action into a list when adding', () => {
    const fixed = checkFix(policy([C[0], { ...C[1], Action: 's3:PutObject' }]), 'integration-missing-permission');
    assert.deepEqual(JSON.parse(fixed).Statement[1].Action, ['s3:PutObject', 's3:GetObject']);
  });
  it('adds DeleteObject for a declared dashboard export', () => {
    const fixed = checkFix(policy(C), 'integration-missing-permission', { integration: 'dashboard' });
    assert.ok(JSON.parse(fixed).Statement[1].Action.includes('s3:DeleteObject'));
  });
  it('adds the object ARN next to a bucket ARN', () => {
    const fixed = checkFix(policy([C[0], { ...C[1], Resource: [`arn:aws:s3:::${BUCKET}`] }]), 'resource-mismatch');
    assert.deepEqual(JSON.parse(fixed).Statement[1].Resource, [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]);
  });
  it('tightens BUCKET* to BUCKET + BUCKET/* (the source document\'s dashboard template)', () => {
    const text = policy([C[0], { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [`arn:aws:s3:::${BUCKET}*`, `arn:aws:s3:::${BUCKET}/`, `arn:aws:s3:::${BUCKET}`] }]);
    const fixed = checkFix(text, 'resource-overbroad');
    assert.deepEqual(JSON.parse(fixed).Statement[1].Resource, [`arn:aws:s3:::${BUCKET}/*`, `arn:aws:s3:::${BUCKET}/`, `arn:aws:s3:::${BUCKET}`]);
  });
  it('offers the did-you-mean action', () => {
    const fixed = checkFix(policy([C[0], { ...C[1], Action: ['s3:PutObjects', 's3:GetObject'] }]), 'action-unknown', {}, /s3:PutObject/);
    assert.deepEqual(JSON.parse(fixed).Statement[1].Action, ['s3:PutObject', 's3:GetObject']);
  });
  it('maps API names to IAM actions (ListObjectsV2 -> ListBucket)', () => {
    checkFix(policy([{ ...C[0], Action: ['s3:ListObjectsV2', 's3:GetBucketLocation'] }, C[1]]), 'action-unknown', {}, /s3:ListBucket/);
  });
  it('adds the sts:ExternalId condition (configured value)', () => {
    const text = policy([{ ...trustStatement(), Condition: undefined }]);
    const fixed = checkFix(text, 'trust-external-id-missing', { externalId: 'braze-ext-42', integration: 'trust' });
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'sts:ExternalId': 'braze-ext-42' } });
  });
  it('adds the external ID beside other conditions', () => {
    const text = policy([{ ...trustStatement(), Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }]);
    const fixed = checkFix(text, 'trust-external-id-missing', { externalId: 'x1', sourceName: 'braze-role-trust.json' });
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.StringEquals, { 'aws:PrincipalAccount': '111122223333', 'sts:ExternalId': 'x1' });
  });
  it('renames a miscased key, fixes Effect case, adds Version, removes a redundant action, drops a trailing comma', () => {
    checkFix(policy([{ ...C[0], resource: C[0].Resource, Resource: undefined }, C[1]]), 'unknown-key');
    checkFix(policy([{ ...C[0], Effect: 'allow' }, C[1]]), 'effect-invalid');
    checkFix(policy(C, {}), 'policy-version-missing');
    checkFix(policy(C, { Version: '2012-10-18' }), 'policy-version-invalid');
    checkFix(policy([C[0], { ...C[1], Action: ['s3:PutObject', 's3:GetObject', 's3:PutObject'] }]), 'action-redundant');
    checkFix(policy(C).replace(/\]\n}$/, '],\n}'), 'json-syntax');
    checkFix(policy([{ ...C[0], Condition: { StringEqual: { 's3:prefix': 'currents/' } } }, C[1]]), 'condition-operator-unknown');
  });
  it('replaces the trusted account with the configured partner account', () => {
    const fixed = checkFix(policy([trustStatement()]), 'trust-account-mismatch', { partnerAccountId: '444455556666', externalId: 'braze-ext-42' });
    assert.equal(JSON.parse(fixed).Statement[0].Principal.AWS, 'arn:aws:iam::444455556666:root');
  });
  it('keeps the file\'s indentation (tabs) when inserting', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [C[0], { ...C[1], Action: ['s3:PutObject'] }] }, null, '\t');
    const f = analyze(text).findings.find((x) => x.code === 'integration-missing-permission')!;
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /\n\t\t\t\t"s3:GetObject"/);
  });

  it('fixAll repairs the source document\'s secret-key dashboard template once the bucket is named', () => {
    const text = policy([
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${BUCKET}`] },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [`arn:aws:s3:::${BUCKET}*`, `arn:aws:s3:::${BUCKET}/`, `arn:aws:s3:::${BUCKET}`] },
    ], {});
    const { text: fixed, applied } = fixAll(text);
    assert.deepEqual(applied.sort(), ['policy-version-missing', 'resource-overbroad']);
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.severity !== 'info').map(key), []);
  });
  it('fixAll completes a policy missing three permissions', () => {
    const declared = { integration: 'currents' } as const;
    const { text: fixed, applied } = fixAll(policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` }]), declared);
    assert.equal(applied.length, 3);
    assert.deepEqual(analyze(fixed, declared).findings.map(key), []);
  });
  it('offers no fix that would end past the text or break it more (found by the fuzz test: an unterminated string at the end)', () => {
    // jsonc-parser's modify() returned an edit of length 345 for this 344-character text.
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"","Resource":392079740,"NotResource":["\u202e",null,"!M]T[ZL",-801{"a":64881],"Principal":{"Service":[true,null]}},{"Action":["arn:aws:s3:::192.168.1.1","arn:aws:s3:::acme/${aws:username}/*","0#yA","arn:aws:s3:::INSERTBUCKETNAME*"],"NotAction":"8),{,","Condition":-28256963,,e":["s3:/*';
    const findings = analyze(text).findings;
    const missing = findings.filter((f) => f.code === 'integration-missing-permission');
    assert.ok(missing.length > 0, 'the finding whose fix went wrong is still reported');
    for (const f of findings) for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.offset + e.length <= text.length, `${f.code}: ${fix.title} ends at ${e.offset + e.length} > ${text.length}`);
    assert.ok(missing.every((f) => f.fixes.every((x) => x.edits.length === 0)), 'the add-statement fix is withheld on this broken text');
    assert.ok(syntaxErrors(fixAll(text).text) <= syntaxErrors(text), 'fix-all leaves the text no more broken');
  });
  it('still offers the add-statement fix when the broken part is elsewhere', () => {
    const text = policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` }]).replace('"Version"', '"Version" ,,');
    const f = analyze(text, { integration: 'currents' }).findings.find((x) => x.code === 'integration-missing-permission');
    assert.ok(f && f.fixes[0].edits.length > 0);
  });
  it('removes only a trailing comma, never one before a bracket that closes another container (found by the fuzz test)', () => {
    const trailing = analyze('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"},]}').findings.filter((f) => f.code === 'json-syntax');
    assert.deepEqual(trailing.map((f) => [f.offset, f.fixes.length]), [[55, 1]]);
    const mismatched = '{"Version":"2012-10-17",]}';
    const found = analyze(mismatched).findings.filter((f) => f.code === 'json-syntax');
    assert.ok(found.length > 0);
    assert.deepEqual(found.flatMap((f) => f.fixes.map((x) => x.title)), []);
  });
});

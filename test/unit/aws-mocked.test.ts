// Only what moto cannot produce (see aws-moto.test.ts for everything it can): region redirects,
// expired tokens, throttling, time limits, the kms:GenerateDataKey failure, a role in another
// account, permissions boundaries, the policy simulator (SimulatePrincipalPolicy is not in moto)
// and secrets in every failure path. The SDK clients are mocked with aws-sdk-client-mock; test
// names say "(mocked)".
import assert from 'node:assert/strict';
import {
  GetBucketEncryptionCommand, GetBucketLocationCommand, GetObjectCommand, GetObjectLockConfigurationCommand,
  ListObjectsV2Command, PutObjectCommand, S3Client, DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import {
  GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand, ListRolesCommand, SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { createClients, describeProblem, isCredentialsProblem, listRolesPage, problemOf, reportMarkdown, reportText, testCredentials, verifyRole } from '../../src/aws';
import type { Clients } from '../../src/aws';
import { policyText, trustPolicyText } from '../../src/policy';

// Created per run and restored afterwards: a client mock stubs every instance in the process.
const mocks = () => ({ s3: mockClient(S3Client), iam: mockClient(IAMClient), sts: mockClient(STSClient) });
let s3Mock: ReturnType<typeof mocks>['s3'];
let iamMock: ReturnType<typeof mocks>['iam'];
let stsMock: ReturnType<typeof mocks>['sts'];
const CANARY = 'CANARYsecretKEY0123456789abcdefghijklmnop';

function awsError(name: string, message: string, status = 403) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}
/** The part of an SDK stream body that GetObject's caller uses. */
function body(text: string) {
  return { transformToString: async () => text } as never;
}
function happyS3() {
  s3Mock.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'eu-west-1' });
  s3Mock.on(ListObjectsV2Command).resolves({ KeyCount: 0 });
  s3Mock.on(PutObjectCommand).resolves({});
  s3Mock.on(GetObjectCommand).callsFake(() => ({ Body: body('marker') }));
  s3Mock.on(DeleteObjectCommand).resolves({});
  s3Mock.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError', 'none', 404));
  s3Mock.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
}

describe('AWS with mocked SDK clients', () => {
  let clients: Clients;
  before(() => {
    ({ s3: s3Mock, iam: iamMock, sts: stsMock } = mocks());
  });
  after(() => {
    s3Mock.restore();
    iamMock.restore();
    stsMock.restore();
  });
  beforeEach(() => {
    s3Mock.reset();
    iamMock.reset();
    stsMock.reset();
    clients = createClients({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: CANARY }, timeoutMs: 300 });
  });
  afterEach(() => clients.dispose());

  describe('Test credentials (mocked S3)', () => {
    it('(mocked) flags Object Lock (fail for Currents, warning for dashboard export)', async () => {
      happyS3();
      s3Mock.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
      const currents = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      assert.equal(currents.steps.find((s) => s.id === 'objectLock')!.status, 'fail');
      assert.equal(currents.ok, false);
      const dashboard = await testCredentials(clients, { bucket: 'acme', integration: 'dashboard' });
      assert.equal(dashboard.steps.find((s) => s.id === 'objectLock')!.status, 'warn');
      assert.equal(dashboard.ok, true);
    });
    it('(mocked) flags default SSE-KMS encryption and the kms:GenerateDataKey failure', async () => {
      happyS3();
      s3Mock.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } });
      s3Mock.on(PutObjectCommand).rejects(awsError('AccessDenied', 'User: arn:aws:iam::1:user/x is not authorized to perform: kms:GenerateDataKey'));
      const r = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      assert.match(r.steps.find((s) => s.id === 'put')!.remedy!, /SSE-KMS/);
      const enc = r.steps.find((s) => s.id === 'encryption')!;
      assert.equal(enc.status, 'fail');
      assert.match(enc.detail, /kms:GenerateDataKey/);
    });
    it('(mocked) follows the bucket region: later calls go to eu-west-1', async () => {
      happyS3();
      const r = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      assert.match(r.steps[0].detail, /eu-west-1/);
      const putCall = s3Mock.commandCalls(PutObjectCommand)[0];
      assert.ok(putCall, 'PutObject was called');
      assert.equal(await (clients.s3For('eu-west-1').config.region as () => Promise<string>)(), 'eu-west-1');
    });
    it('(mocked) reports an expired token and skips the rest', async () => {
      s3Mock.on(GetBucketLocationCommand).rejects(awsError('ExpiredToken', 'The provided token has expired.', 400));
      const r = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      assert.match(r.steps[0].remedy!, /sign in again/);
      assert.ok(r.steps.slice(1).every((s) => s.status === 'skip'));
    });
    it('(mocked) reports throttling with a retry remedy', async () => {
      happyS3();
      s3Mock.on(ListObjectsV2Command).rejects(awsError('SlowDown', 'Please reduce your request rate.', 503));
      const r = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      assert.match(r.steps.find((s) => s.id === 'list')!.remedy!, /throttled/);
    });
    it('(mocked) enforces the per-call time limit', async () => {
      happyS3();
      s3Mock.on(GetObjectCommand).callsFake(() => new Promise((resolve) => setTimeout(() => resolve({ Body: body('late') }), 2000)));
      const started = Date.now();
      const r = await testCredentials(clients, { bucket: 'acme', integration: 'currents' });
      const get = r.steps.find((s) => s.id === 'get')!;
      assert.equal(get.status, 'fail');
      assert.equal(get.errorCode, 'TimeoutError');
      assert.ok(Date.now() - started < 1900, 'the slow call was not waited for');
    });
  });

  const ROLE_ARN = 'arn:aws:iam::123456789012:role/braze-currents';
  function role(trust: string, boundary?: string) {
    return { Role: { RoleName: 'braze-currents', Arn: ROLE_ARN, Path: '/', RoleId: 'x', CreateDate: new Date(), AssumeRolePolicyDocument: encodeURIComponent(trust), ...(boundary ? { PermissionsBoundary: { PermissionsBoundaryArn: boundary, PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const } } : {}) } };
  }
  function happyIam(policy = policyText('currents', { bucket: 'acme-exports' }), trust = trustPolicyText('111122223333', 'ext-1')) {
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/admin' });
    iamMock.on(GetRoleCommand).resolves(role(trust));
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyName: 'braze-currents-policy', PolicyArn: 'arn:aws:iam::123456789012:policy/braze-currents-policy' }] });
    iamMock.on(GetPolicyCommand).resolves({ Policy: { PolicyName: 'braze-currents-policy', DefaultVersionId: 'v2' } });
    iamMock.on(GetPolicyVersionCommand).resolves({ PolicyVersion: { Document: encodeURIComponent(policy) } });
    iamMock.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
    s3Mock.on(GetObjectLockConfigurationCommand).rejects(awsError('AccessDenied', 'denied'));
    s3Mock.on(GetBucketEncryptionCommand).rejects(awsError('AccessDenied', 'denied'));
  }
  const verify = (extra: Record<string, unknown> = {}) => verifyRole(clients, { roleArn: ROLE_ARN, bucket: 'acme-exports', integration: 'currents', partnerAccountId: '111122223333', externalId: 'ext-1', ...extra });

  describe('Verify role ARN (mocked IAM)', () => {
    it('(mocked) rejects a malformed ARN without calling AWS', async () => {
      const r = await verify({ roleArn: 'arn:aws:iam::123:role/x' });
      assert.equal(r.steps[0].status, 'fail');
      assert.equal(iamMock.calls().length, 0);
    });
    it('(mocked) tells a missing iam:GetRole permission apart', async () => {
      happyIam();
      iamMock.on(GetRoleCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:GetRole'));
      const r = await verify();
      assert.match(r.steps[1].remedy!, /lack iam:GetRole/);
    });
    it('(mocked) tells a role in another account apart', async () => {
      happyIam();
      stsMock.on(GetCallerIdentityCommand).resolves({ Account: '999988887777' });
      iamMock.on(GetRoleCommand).rejects(awsError('AccessDenied', 'denied'));
      const r = await verify();
      assert.match(r.steps[1].remedy!, /account 123456789012/);
    });
    it('(mocked) fails a trust policy without the external ID or for another account', async () => {
      happyIam(undefined, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] }));
      const r = await verify();
      const trust = r.steps.find((s) => s.id === 'trust')!;
      assert.equal(trust.status, 'fail');
      assert.match(trust.detail, /444455556666/);
      assert.match(trust.detail, /trust-external-id-missing/);
    });
    it('(mocked) combines inline policies and honours a permissions boundary', async () => {
      happyIam(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-exports' }] }));
      iamMock.on(ListRolePoliciesCommand).resolves({ PolicyNames: ['objects'] });
      iamMock.on(GetRolePolicyCommand).resolves({ PolicyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-exports/*' }] })) });
      iamMock.on(GetRoleCommand).resolves(role(trustPolicyText('111122223333', 'ext-1'), 'arn:aws:iam::123456789012:policy/boundary'));
      iamMock.on(GetPolicyVersionCommand, { PolicyArn: 'arn:aws:iam::123456789012:policy/boundary' }).resolves({ PolicyVersion: { Document: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] })) } });
      const r = await verify();
      assert.equal(r.steps.find((s) => s.id === 'permissions')!.status, 'pass');
      const boundary = r.steps.find((s) => s.id === 'boundary')!;
      assert.equal(boundary.status, 'fail');
      assert.match(boundary.detail, /s3:PutObject/);
      assert.doesNotMatch(boundary.detail, /s3:ListBucket/);
    });
    it('(mocked) asks IAM\'s policy simulator when requested, labelled as such', async () => {
      happyIam();
      iamMock.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[] }) => ({
        EvaluationResults: [{ EvalActionName: input.ActionNames[0], EvalDecision: input.ActionNames[0] === 's3:GetObject' ? 'implicitDeny' : 'allowed' }],
      }));
      const r = await verify({ simulate: true });
      const sim = r.steps.find((s) => s.id === 'simulate')!;
      assert.equal(sim.title, 'IAM policy simulator (SimulatePrincipalPolicy)');
      assert.equal(sim.status, 'fail');
      assert.equal(sim.detail, "IAM's simulator allows 3 of 4 required actions");
      assert.equal(iamMock.commandCalls(SimulatePrincipalPolicyCommand).length, 4);
      assert.equal(iamMock.commandCalls(SimulatePrincipalPolicyCommand)[0].args[0].input.PolicySourceArn, ROLE_ARN);
    });
    it('(mocked) lists roles one page at a time with their trust summary', async () => {
      iamMock.on(ListRolesCommand).resolves({ Roles: [role(trustPolicyText('111122223333', 'x')).Role], IsTruncated: true, Marker: 'm1' });
      const page = await listRolesPage(clients.iam);
      assert.equal(page.marker, 'm1');
      assert.deepEqual(page.roles[0].trust, { accounts: ['111122223333'], externalIdRequired: true, services: [] });
      assert.equal(iamMock.calls().length, 1);
    });
  });

  describe('secrets', () => {
    it('(mocked) the canary secret appears in no report, text or error, whatever fails', async () => {
      const outputs: string[] = [];
      const failures: [string, Error][] = [['AccessDenied', awsError('AccessDenied', 'denied')], ['InvalidAccessKeyId', awsError('InvalidAccessKeyId', 'bad')],
        ['SignatureDoesNotMatch', awsError('SignatureDoesNotMatch', `The request signature we calculated does not match (echo: ${CANARY})`)]];
      for (const [, error] of failures) {
        s3Mock.reset();
        happyS3();
        s3Mock.on(PutObjectCommand).rejects(error);
        const r = await testCredentials(clients, { bucket: 'acme', integration: 'dashboard' });
        outputs.push(JSON.stringify(r), reportText(r), reportMarkdown(r));
      }
      happyIam();
      outputs.push(JSON.stringify(await verify()));
      for (const o of outputs) assert.ok(!o.includes(CANARY), `the secret leaked into: ${o.slice(0, 200)}`);
      assert.ok(outputs.some((o) => o.includes('********')), 'an echoed secret is redacted, not dropped silently');
    });
  });
});

describe('credential problems (what sends the account view to its welcome content)', () => {
  it('classifies missing credentials and expired SSO sessions, not other errors', () => {
    const yes = [
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), { name: 'TokenProviderError' }),
      Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken' }),
    ];
    const no = [Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }), Object.assign(new Error('getaddrinfo ENOTFOUND s3.amazonaws.com'), { code: 'ENOTFOUND' })];
    assert.deepEqual(yes.map((e) => isCredentialsProblem(problemOf(e))), [true, true, true]);
    assert.deepEqual(no.map((e) => isCredentialsProblem(problemOf(e))), [false, false]);
  });
});

describe('problem descriptions', () => {
  it('say the code once', () => {
    const net = problemOf(Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' }));
    assert.equal(describeProblem(net), 'network error (ENOTFOUND): getaddrinfo ENOTFOUND iam.amazonaws.com');
    assert.equal(describeProblem(problemOf(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }))), 'AccessDenied: Access Denied');
  });
});

// Set up the export: the paths moto 5.2.1 cannot produce, with the SDK clients mocked
// (aws-sdk-client-mock; "(mocked)" in each name). moto does not apply update change sets (it
// reports no changes), does not roll a failing stack back with a resource's reason, never leaves a
// stack stuck, and its IAM answers at once (no propagation delay): those are scripted here. The
// create → verify → teardown paths run against moto in setup-moto.test.ts.
import assert from 'node:assert/strict';
import {
  CloudFormationClient, CreateChangeSetCommand, DeleteChangeSetCommand, DeleteStackCommand, DescribeChangeSetCommand, DescribeStackEventsCommand,
  DescribeStacksCommand, ExecuteChangeSetCommand, ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetBucketEncryptionCommand, GetBucketLocationCommand, GetObjectLockConfigurationCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createClients, isPropagationFailure, principalArn, runSetup, stuckFix, verifyWithRetry } from '../../src/aws';
import type { Clients, Clock, Report, SetupAnswers, SetupUi } from '../../src/aws';

const answers: SetupAnswers = { integration: 'currents', auth: 'role-arn', bucket: 'acme-exports', existingBucket: true, folder: 'currents', partnerAccountId: '111122223333', externalId: 'braze-ext-1' };
const STACK = 'braze-currents-acme-exports';

/** A clock whose sleeps only move time forward (and are recorded). */
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

function awsError(name: string, message: string, status = 400) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe('Set up the export: what moto cannot do (mocked)', () => {
  let cfn: ReturnType<typeof mockClient>;
  let s3: ReturnType<typeof mockClient>;
  let iam: ReturnType<typeof mockClient>;
  let sts: ReturnType<typeof mockClient>;
  let clients: Clients;
  let lines: string[];
  let confirmations: number;
  const ui = (deploy = true): SetupUi => ({ progress: (t) => lines.push(t), confirm: async () => (confirmations++, deploy) });

  beforeEach(() => {
    cfn = mockClient(CloudFormationClient);
    s3 = mockClient(S3Client);
    iam = mockClient(IAMClient);
    sts = mockClient(STSClient);
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/Dev/alice' });
    // The simulator allows everything unless a test says otherwise.
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[] }) => ({ EvaluationResults: input.ActionNames.map((a) => ({ EvalActionName: a, EvalDecision: 'allowed' })) }));
    lines = [];
    confirmations = 0;
    // A suitable existing bucket in the stack's region.
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: undefined });
    s3.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError', 'none', 404));
    s3.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
    clients = createClients({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x'.repeat(40) } });
  });
  afterEach(() => {
    clients.dispose();
    cfn.restore();
    s3.restore();
    iam.restore();
    sts.restore();
  });

  const existing = (status: string, reason?: string) => cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: STACK, StackId: `arn:stack/${STACK}/1`, StackStatus: status as never, StackStatusReason: reason, CreationTime: new Date() }] });

  it('a re-run is an UPDATE change set that shows only the differences (mocked: moto applies no update change sets)', async () => {
    existing('CREATE_COMPLETE');
    cfn.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [{ ResourceChange: { Action: 'Modify', LogicalResourceId: 'BrazeCurrentsPolicy', ResourceType: 'AWS::IAM::Policy', Replacement: 'False' } }] });
    let shown: string[] = [];
    const o = await runSetup(clients, answers, { progress: (t) => lines.push(t), confirm: async (p) => ((shown = p.changeSet.changes.map((c) => `${c.action} ${c.logicalId}`)), false) }, { clock: fakeClock() });
    assert.equal(o.status, 'cancelled');
    assert.equal(cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType, 'UPDATE');
    assert.deepEqual(cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.Capabilities, ['CAPABILITY_NAMED_IAM']);
    assert.deepEqual(shown, ['Modify BrazeCurrentsPolicy']);
    // Cancelling an update deletes the change set and never the existing stack.
    assert.equal(cfn.commandCalls(DeleteChangeSetCommand).length, 1);
    assert.equal(cfn.commandCalls(DeleteStackCommand).length, 0);
  });

  it('an update with nothing to change says so, asks nothing, and deletes the failed change set (mocked)', async () => {
    existing('UPDATE_COMPLETE');
    cfn.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-2' });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'FAILED', StatusReason: "The submitted information didn't contain changes. Submit different information to create a change set." });
    iam.on(GetRoleCommand).rejects(awsError('AccessDenied', 'stop here', 403));
    await assert.rejects(runSetup(clients, answers, ui(), { clock: fakeClock() }), /stop here/);
    assert.equal(confirmations, 0);
    assert.ok(lines.includes('Nothing to change: the stack already matches these answers'), lines.join('\n'));
    assert.equal(cfn.commandCalls(DeleteChangeSetCommand).length, 1);
    assert.equal(cfn.commandCalls(ExecuteChangeSetCommand).length, 0);
  });

  it('a failing resource: shows it with CloudFormation\'s reason, names the denied action, and says the stack rolled back (mocked)', async () => {
    let created = false;
    cfn.on(DescribeStacksCommand).callsFake(() => {
      if (!created) throw awsError('ValidationError', `Stack with id ${STACK} does not exist`);
      return { Stacks: [{ StackName: STACK, StackId: 'arn:stack/1', StackStatus: 'ROLLBACK_COMPLETE', CreationTime: new Date() }] };
    });
    cfn.on(CreateChangeSetCommand).callsFake(() => ((created = true), { Id: 'cs-3' }));
    cfn.on(DescribeChangeSetCommand).resolvesOnce({ Status: 'CREATE_IN_PROGRESS' }).resolves({ Status: 'CREATE_COMPLETE', Changes: [{ ResourceChange: { Action: 'Add', LogicalResourceId: 'BrazeExportRole', ResourceType: 'AWS::IAM::Role' } }] });
    cfn.on(ExecuteChangeSetCommand).resolves({});
    const at = new Date(2_000_000);
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [
      { EventId: '4', StackId: 'arn:stack/1', StackName: STACK, LogicalResourceId: STACK, ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'ROLLBACK_COMPLETE', Timestamp: at },
      { EventId: '3', StackId: 'arn:stack/1', StackName: STACK, LogicalResourceId: 'BrazeExportRole', ResourceType: 'AWS::IAM::Role', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateRole on resource: braze-currents-acme-exports', Timestamp: at },
      { EventId: '2', StackId: 'arn:stack/1', StackName: STACK, LogicalResourceId: 'BrazeExportRole', ResourceType: 'AWS::IAM::Role', ResourceStatus: 'CREATE_IN_PROGRESS', Timestamp: at },
    ] });
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal(o.status, 'failed');
    const f = o as Extract<typeof o, { status: 'failed' }>;
    assert.equal(f.stackStatus, 'ROLLBACK_COMPLETE');
    assert.deepEqual(f.failures.map((x) => x.logicalId), ['BrazeExportRole']);
    assert.match(f.message, /BrazeExportRole: CREATE_FAILED — User: .* iam:CreateRole/);
    assert.match(f.message, /CloudFormation rolled the stack back/);
    assert.match(f.message, /your credentials may not iam:CreateRole/);
    // Resource by resource, oldest first.
    assert.deepEqual(lines.filter((l) => l.startsWith('BrazeExportRole')).map((l) => l.split(' — ')[0]), ['BrazeExportRole: CREATE_IN_PROGRESS', 'BrazeExportRole: CREATE_FAILED']);
  });

  it('a stack in ROLLBACK_COMPLETE (or another stuck state) is explained with the one action that fixes it; nothing is sent (mocked)', async () => {
    existing('ROLLBACK_COMPLETE', 'The following resource(s) failed to create: [BrazeExportRole].');
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal(o.status, 'refused');
    assert.match((o as { message: string }).message, /is ROLLBACK_COMPLETE \(The following resource\(s\) failed to create: \[BrazeExportRole\]\.\): its creation failed and rolled back, so it holds nothing; delete the stack/);
    assert.equal(cfn.commandCalls(CreateChangeSetCommand).length, 0);
    assert.equal(stuckFix('UPDATE_ROLLBACK_FAILED'), 'continue-rollback');
    assert.equal(stuckFix('DELETE_FAILED'), 'delete-stack-retain');
    assert.equal(stuckFix('UPDATE_IN_PROGRESS'), 'wait');
    assert.equal(stuckFix('UPDATE_COMPLETE'), undefined);
  });

  it('two runs at once on one stack: the second sees the first one\'s change set (or its stack in progress) and stops (mocked)', async () => {
    existing('CREATE_COMPLETE');
    cfn.on(ListChangeSetsCommand).resolves({ Summaries: [{ StackName: STACK, ChangeSetName: 'braze-s3-setup-1', ExecutionStatus: 'AVAILABLE' }] });
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal(o.status, 'refused');
    assert.equal((o as { reason: string }).reason, 'busy');
    assert.match((o as { message: string }).message, /another setup run is using the stack .* \(braze-s3-setup-1\)/);
    existing('UPDATE_IN_PROGRESS');
    const p = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal((p as { reason: string }).reason, 'busy');
    assert.equal(cfn.commandCalls(CreateChangeSetCommand).length, 0);
  });

  it('credentials without CloudFormation permissions: the denied action is named and nothing is created (mocked)', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsError('ValidationError', `Stack with id ${STACK} does not exist`));
    cfn.on(CreateChangeSetCommand).rejects(awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/braze-currents-acme-exports/*', 403));
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal(o.status, 'refused');
    assert.match((o as { message: string }).message, /^your credentials may not cloudformation:CreateChangeSet, so nothing was created/);
    assert.equal(cfn.commandCalls(ExecuteChangeSetCommand).length, 0);
  });

  it('missing IAM permissions are named before anything is created, from IAM\'s policy simulator (mocked: moto has no SimulatePrincipalPolicy)', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; PolicySourceArn: string }) => ({
      EvaluationResults: input.ActionNames.map((a) => ({ EvalActionName: a, EvalDecision: a === 'iam:CreateRole' || a === 'iam:PutRolePolicy' ? 'implicitDeny' : 'allowed' })),
    }));
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.equal(o.status, 'refused');
    assert.match((o as { message: string }).message, /^your credentials may not iam:CreateRole, iam:PutRolePolicy, so nothing was created: IAM's policy simulator/);
    // The session's role is what the simulator is asked about.
    assert.equal(iam.commandCalls(SimulatePrincipalPolicyCommand)[0].args[0].input.PolicySourceArn, 'arn:aws:iam::123456789012:role/Dev');
    assert.equal(cfn.commandCalls(CreateChangeSetCommand).length, 0);
    assert.equal(principalArn('arn:aws:iam::123456789012:user/dev'), 'arn:aws:iam::123456789012:user/dev');
    assert.equal(principalArn('arn:aws:iam::123456789012:root'), undefined);
  });

  it('a bucket in another region and a taken "new" bucket name are refused before any stack (mocked: moto serves every region at one endpoint)', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsError('ValidationError', `Stack with id ${STACK} does not exist`));
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'eu-west-1' });
    const o = await runSetup(clients, answers, ui(), { clock: fakeClock() });
    assert.match((o as { message: string }).message, /is in eu-west-1, but the setup deploys in us-east-1: switch the region to eu-west-1/);
    s3.on(HeadBucketCommand).rejects(awsError('Forbidden', '', 403));
    const taken = await runSetup(clients, { ...answers, existingBucket: false }, ui(), { clock: fakeClock() });
    assert.match((taken as { message: string }).message, /is taken by another AWS account/);
    assert.equal(cfn.commandCalls(CreateChangeSetCommand).length, 0);
  });
});

describe('Verification while IAM propagates (scripted delay, injected clock)', () => {
  const report = (code?: string): Report => ({ kind: 'verify-role', subject: 's', locale: 'en', startedAt: '', steps: [{ id: 'role', title: 'Role', status: code ? 'fail' : 'pass', detail: '', errorCode: code }], ok: !code });

  it('retries a "not there yet" failure with backoff until it passes, and says so each time', async () => {
    const clock = fakeClock();
    const answersSeen: Report[] = [report('NoSuchEntity'), report('NoSuchEntity'), report('NoSuchEntity'), report()];
    const retries: string[] = [];
    const r = await verifyWithRetry(async () => answersSeen.shift()!, clock, 120_000, (n, wait) => retries.push(`${n}:${wait}`));
    assert.equal(r.report.ok, true);
    assert.equal(r.attempts, 4);
    assert.deepEqual(clock.slept, [2000, 4000, 8000]);
    assert.deepEqual(retries, ['1:2000', '2:4000', '3:8000']);
  });

  it('gives up when the window closes, with the last report', async () => {
    const clock = fakeClock();
    const r = await verifyWithRetry(async () => report('InvalidAccessKeyId'), clock, 30_000, () => undefined);
    assert.equal(r.report.ok, false);
    assert.deepEqual(clock.slept, [2000, 4000, 8000, 15000], 'a fifth wait would pass the 30 s window');
  });

  it('does not retry a failure that waiting cannot fix', async () => {
    const clock = fakeClock();
    const r = await verifyWithRetry(async () => report('NoSuchBucket'), clock, 120_000, () => undefined);
    assert.equal(r.attempts, 1);
    assert.deepEqual(clock.slept, []);
    assert.equal(isPropagationFailure(report('NoSuchBucket')), false);
    assert.equal(isPropagationFailure(report('AccessDenied')), true);
  });
});

describe('Set up the export speaks Spanish', () => {
  it('names and refusals in Spanish with --lang es / a Spanish editor', async () => {
    const clients = createClients({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x'.repeat(40) } });
    try {
      const o = await runSetup(clients, { ...answers, bucket: 'ab', externalId: 'x' }, { progress: () => undefined, confirm: async () => false }, { locale: 'es' });
      assert.deepEqual((o as { problems: string[] }).problems, [
        '"ab" no es un nombre de contenedor de S3 válido: debe tener entre 3 y 63 caracteres.',
        'el ID externo tiene de 2 a 1.224 letras, dígitos y + = , . @ : / _ - (lo muestra el panel del socio)',
      ]);
    } finally {
      clients.dispose();
    }
  });
});

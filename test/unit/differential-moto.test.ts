// A generated differential test that ties the engine to a server: random identity policies inside
// the subset moto's IAM enforcement evaluates faithfully (Allow/Deny, `*` wildcards, NotAction; no
// conditions, no NotResource). For each Test-credentials step, the engine's prediction
// (evaluate: allow or not) must equal what moto answered with that policy's own access key.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { createClients, testCredentials } from '../../src/aws';
import type { Clients } from '../../src/aws';
import { compileStatements, evaluate, parsePolicy } from '../../src/policy';
import { startLocalAws, type LocalAws } from './localAws';

const BUCKET = 'acme-braze-exports';
const POLICIES = 200;
const STEP_ACTION: Record<string, { action: string; resource: string }> = {
  location: { action: 's3:GetBucketLocation', resource: `arn:aws:s3:::${BUCKET}` },
  list: { action: 's3:ListBucket', resource: `arn:aws:s3:::${BUCKET}` },
  put: { action: 's3:PutObject', resource: `arn:aws:s3:::${BUCKET}/braze-s3-credentials-check.txt` },
  get: { action: 's3:GetObject', resource: `arn:aws:s3:::${BUCKET}/braze-s3-credentials-check.txt` },
  delete: { action: 's3:DeleteObject', resource: `arn:aws:s3:::${BUCKET}/braze-s3-credentials-check.txt` },
};

const actionArb = fc.constantFrom('s3:GetBucketLocation', 's3:ListBucket', 's3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:*', 's3:Get*', 's3:Put*', 's3:List*', 's3:Delete*', 's3:*Object', '*', 's3:GetObjectAcl');
const resourceArb = fc.constantFrom(`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`, '*', 'arn:aws:s3:::acme-*', `arn:aws:s3:::${BUCKET}*`, 'arn:aws:s3:::other-bucket/*', `arn:aws:s3:::${BUCKET}/braze-*`);
const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  not: fc.nat(9).map((n) => n < 3), // NotAction in about 3 statements of 10
  actions: fc.uniqueArray(actionArb, { minLength: 1, maxLength: 4 }),
  Resource: fc.uniqueArray(resourceArb, { minLength: 1, maxLength: 3 }),
}).map(({ Effect, not, actions, Resource }) => ({ Effect, [not ? 'NotAction' : 'Action']: actions, Resource }));
const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement }));

describe('engine vs moto: predicted step outcomes equal the server\'s (generated policies)', function () {
  let aws: LocalAws;
  let admin: Clients;
  before(async function () {
    aws = await startLocalAws(this);
    this.timeout(300_000);
    admin = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
    await aws.enforceIam(true);
  });
  after(async () => {
    admin?.dispose();
    await aws?.stop();
  });

  it(`agrees on every step of ${POLICIES} random policies`, async function () {
    this.timeout(300_000);
    const policies = fc.sample(policyArb, { numRuns: POLICIES, seed: 20261129 });
    let compared = 0;
    const byOutcome = { allowed: 0, denied: 0 };
    for (const [i, policy] of policies.entries()) {
      const user = `diff-${i}`;
      await admin.iam.send(new CreateUserCommand({ UserName: user }));
      await admin.iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: 'p', PolicyDocument: JSON.stringify(policy) }));
      const k = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
      const clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! }, timeoutMs: 10_000 });
      try {
        // Bucket root: moto mis-signs a ListObjectsV2 Prefix holding "/" in enforcement mode.
        const report = await testCredentials(clients, { bucket: BUCKET, integration: 'dashboard', folder: '' });
        const compiled = compileStatements(parsePolicy(JSON.stringify(policy)));
        for (const step of report.steps) {
          const target = STEP_ACTION[step.id];
          if (!target || step.status === 'skip') continue;
          const predicted = evaluate(compiled, target.action, target.resource).decision === 'allow';
          const actual = step.status === 'pass';
          assert.equal(actual, predicted, `policy ${i} step ${step.id} (${target.action}): moto ${step.status} ${step.errorCode ?? ''}, engine ${predicted ? 'allow' : 'deny'}\n${JSON.stringify(policy)}`);
          compared++;
          byOutcome[actual ? 'allowed' : 'denied']++;
        }
      } finally {
        clients.dispose();
      }
    }
    console.log(`      ${compared} step outcomes compared over ${POLICIES} policies: ${byOutcome.allowed} allowed, ${byOutcome.denied} denied`);
    // The generator must exercise both answers, or the agreement says little.
    assert.ok(byOutcome.allowed > 100 && byOutcome.denied > 100, JSON.stringify(byOutcome));
  });
});

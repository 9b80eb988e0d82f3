import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { compileStatements, evaluate, parsePolicy } from '../../src/policy';

function decide(doc: object, action: string, resource: string) {
  return evaluate(compileStatements(parsePolicy(JSON.stringify(doc))), action, resource);
}

const OBJ = 'arn:aws:s3:::b/currents/file.avro';

describe('evaluate (IAM semantics for one identity policy)', () => {
  it('needs an Allow; an explicit Deny wins and is named', () => {
    const doc = { Version: '2012-10-17', Statement: [
      { Sid: 'Write', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
    ] };
    assert.equal(decide(doc, 's3:PutObject', OBJ).decision, 'allow');
    const denied = decide(doc, 's3:DeleteObject', OBJ);
    assert.equal(denied.decision, 'explicit-deny');
    assert.equal(denied.statement?.index, 1);
    assert.equal(decide(doc, 's3:PutObject', 'arn:aws:s3:::other/x').decision, 'implicit-deny');
  });

  it('honours NotAction and NotResource', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 's3:DeleteObject', NotResource: 'arn:aws:s3:::secret/*' }] };
    assert.equal(decide(doc, 's3:PutObject', OBJ).decision, 'allow');
    assert.equal(decide(doc, 's3:DeleteObject', OBJ).decision, 'implicit-deny');
    assert.equal(decide(doc, 's3:PutObject', 'arn:aws:s3:::secret/x').decision, 'implicit-deny');
  });

  it('matches actions case-insensitively and resources case-sensitively', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'S3:PUTOBJECT', Resource: 'arn:aws:s3:::b/*' }] };
    assert.equal(decide(doc, 's3:PutObject', OBJ).decision, 'allow');
    assert.equal(decide(doc, 's3:PutObject', 'arn:aws:s3:::B/x').decision, 'implicit-deny');
  });

  it('reports conditions and policy variables as "allowed only if", never plainly allowed', () => {
    const cond = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
    const r = decide(cond, 's3:PutObject', OBJ);
    assert.equal(r.decision, 'conditional');
    assert.deepEqual(r.depends.map((s) => s.index), [0]);
    const variable = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] };
    assert.equal(decide(variable, 's3:PutObject', OBJ).decision, 'conditional');
    // In the 2008-10-17 language ${…} is literal text, not a variable.
    assert.equal(decide({ ...variable, Version: '2008-10-17' }, 's3:PutObject', OBJ).decision, 'implicit-deny');
    const denyMaybe = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ] };
    assert.equal(decide(denyMaybe, 's3:PutObject', OBJ).decision, 'conditional');
  });

  it('agrees with iam-simulate (AGPL, test-only oracle) on 300 random condition-free policies', async () => {
    const actions = fc.constantFrom('s3:PutObject', 's3:GetObject', 's3:Put*', 's3:*', '*', 's3:DeleteObject', 's3:List*', 's3:ListBucket', 's3:Get?bject');
    const resources = fc.constantFrom('*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b*', 'arn:aws:s3:::b/currents/*', 'arn:aws:s3:::other/*', 'arn:aws:s3:::b/?urrents/*');
    const statement = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      act: fc.tuple(fc.boolean(), fc.array(actions, { minLength: 1, maxLength: 3 })),
      res: fc.tuple(fc.boolean(), fc.array(resources, { minLength: 1, maxLength: 2 })),
    }).map(({ Effect, act, res }) => ({ Effect, [act[0] ? 'NotAction' : 'Action']: act[1], [res[0] ? 'NotResource' : 'Resource']: res[1] }));
    const requests: [string, string][] = [['s3:PutObject', OBJ], ['s3:DeleteObject', OBJ], ['s3:ListBucket', 'arn:aws:s3:::b'], ['s3:GetObject', 'arn:aws:s3:::bb/x']];
    const expected = { Allowed: 'allow', ImplicitlyDenied: 'implicit-deny', ExplicitlyDenied: 'explicit-deny' } as Record<string, string>;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 4 }), async (statements) => {
        const policy = { Version: '2012-10-17', Statement: statements };
        for (const [action, resource] of requests) {
          const sim = await runSimulation({
            request: { principal: 'arn:aws:iam::111122223333:user/braze', action, resource: { resource, accountId: '111122223333' }, contextVariables: {} },
            identityPolicies: [{ name: 'p', policy }], serviceControlPolicies: [], resourceControlPolicies: [],
          } as never, {});
          const oracle = expected[(sim as { overallResult?: string }).overallResult ?? ''];
          if (!oracle) continue; // the oracle rejected the request (e.g. resource type mismatch)
          compared++;
          assert.equal(decide(policy, action, resource).decision, oracle, `${JSON.stringify(policy)} ${action} ${resource}`);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(compared > 600, `only ${compared} decisions compared`);
  });
});

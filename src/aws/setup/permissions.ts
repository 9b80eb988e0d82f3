// Missing permissions named before anything is created: IAM's policy simulator is asked whether
// the caller may do what the stack will do. Best effort: when the simulator cannot be asked
// (not allowed to, or an emulator without it) nothing is concluded, and a refusal later still
// names the denied action from CloudFormation's reason (and the stack rolls back).
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Clients } from '../connection';
import type { SetupAnswers } from './answers';

export function requiredActions(a: Pick<SetupAnswers, 'auth' | 'existingBucket'>): string[] {
  return [
    'cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:DescribeStackEvents',
    ...(a.auth === 'role-arn' ? ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:GetRole'] : ['iam:CreateUser', 'iam:PutUserPolicy', 'iam:CreateAccessKey']),
    ...(a.existingBucket ? [] : ['s3:CreateBucket', 's3:PutEncryptionConfiguration', 's3:PutBucketPublicAccessBlock']),
  ];
}

/** The caller's principal ARN as the simulator takes it (an assumed role's session → its role). */
export function principalArn(callerArn: string): string | undefined {
  const assumed = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
  return /^arn:aws[\w-]*:iam::\d{12}:(user|role)\//.test(callerArn) ? callerArn : undefined;
}

/** The actions IAM's simulator says the caller may not perform; undefined when it could not be asked. */
export async function deniedActions(clients: Clients, a: Pick<SetupAnswers, 'auth' | 'existingBucket'>): Promise<string[] | undefined> {
  try {
    const me = await clients.sts.send(new GetCallerIdentityCommand({}));
    const arn = me.Arn && principalArn(me.Arn);
    if (!arn) return undefined;
    const r = await clients.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: requiredActions(a) }));
    return (r.EvaluationResults ?? []).filter((e) => e.EvalDecision !== 'allowed').map((e) => e.EvalActionName ?? '?');
  } catch {
    return undefined;
  }
}

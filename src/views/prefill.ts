// Test credentials started from an IAM user, Verify role ARN started from a role: the bucket,
// folder and integration come from that principal's own policies (read from IAM), so the person
// is asked only what those policies do not say.
import { loadAws } from '../loadAws';
import { exportTargetOf } from '../policy';
import type { IntegrationId } from '../policy';
import type { Node } from './accountTree';
import type { AccountConnection } from './connection';

export type Prefill = Partial<{ bucket: string; integration: IntegrationId; folder: string }>;

/** What the node's policies say; nothing when they cannot be read or name no single export bucket. */
export async function prefillFrom(node: Node | undefined, connection: AccountConnection): Promise<Prefill> {
  if (node?.kind !== 'role' && node?.kind !== 'user') return {};
  try {
    const aws = loadAws();
    const iam = connection.get().iam;
    const policies = node.kind === 'role' ? await aws.rolePolicies(iam, node.role.name, undefined) : await aws.userPolicies(iam, node.user.name);
    const target = exportTargetOf(policies.filter((p) => p.kind !== 'boundary').map((p) => p.document));
    return target ?? {};
  } catch {
    // Not allowed to read the policies, or AWS unreachable: ask as usual.
    return {};
  }
}

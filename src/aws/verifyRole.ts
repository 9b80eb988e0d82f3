// Verify role ARN: the ARN's form, the role's existence, its trust policy (the engine's trust
// rules, partner account and external ID), and whether its policies (and boundary) grant the
// integration's actions on the bucket (the engine's evaluation; optionally IAM's simulator).
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { REQUIREMENTS, analyze, compileStatements, evaluate, parsePolicy, sampleObjectArn, objectArnPattern, bucketArn, messages } from '../policy';
import type { IntegrationId, Locale } from '../policy';
import { integrationFolder } from '../policy';
import { bucketFactSteps } from './bucketFacts';
import { Clients, DEFAULT_TIMEOUT_MS, accessKeyIdOf } from './connection';
import { problemOf, withTimeout } from './errors';
import { liveMessages } from './messages';
import { Report, Step, finish } from './report';
import { getRole, rolePolicies } from './roles';
import { failureDetail, remedyFor } from './testCredentials';
import { endpointOf } from './endpoint';

export interface VerifyRoleInput {
  roleArn: string;
  bucket: string;
  integration: IntegrationId;
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  /** Also ask IAM's policy simulator (labelled as such in the report). */
  simulate?: boolean;
  locale?: Locale;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

export function parseRoleArn(value: string): { account: string; path: string; name: string } | undefined {
  const m = ROLE_ARN.exec(value.trim());
  return m ? { account: m[2], path: `/${m[3]}`, name: m[4] } : undefined;
}

export async function verifyRole(clients: Clients, input: VerifyRoleInput): Promise<Report> {
  const m = liveMessages(input.locale);
  const em = messages(input.locale);
  const timeout = input.timeoutMs ?? clients.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const steps: Step[] = [];
  const folder = integrationFolder(input.integration, input.folder);
  const ctx = { bucket: input.bucket, folder, endpoint: endpointOf(clients.settings, 'iam') };
  const accessKeyId = await accessKeyIdOf(clients, Math.min(timeout, 5000));
  const done = () => finish({ kind: 'verify-role', subject: `${input.roleArn} → s3://${input.bucket} (${input.integration})`, locale: input.locale ?? 'en', startedAt: new Date().toISOString(), steps, accessKeyId, roleArn: input.roleArn.trim() });
  const call = <T>(run: (signal: AbortSignal) => Promise<T>) => withTimeout(run, timeout, input.signal);

  const arn = parseRoleArn(input.roleArn);
  if (!arn) {
    steps.push({ id: 'arn', title: m.step.arn, status: 'fail', detail: m.arnBad(input.roleArn) });
    return done();
  }
  steps.push({ id: 'arn', title: m.step.arn, status: 'pass', detail: m.arnOk(arn.account, arn.name) });

  // Whose credentials are these? A role in another account cannot be read with them.
  let callerAccount: string | undefined;
  try {
    const me = await call((signal) => clients.sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
    callerAccount = me.Account;
  } catch {
    callerAccount = undefined; // not fatal: GetRole will tell
  }

  let role;
  try {
    role = await call((signal) => getRole(clients.iam, arn.name, signal));
    if (role.summary.arn && role.summary.arn !== input.roleArn.trim()) throw Object.assign(new Error(`found ${role.summary.arn}`), { name: 'NoSuchEntity' });
    steps.push({ id: 'role', title: m.step.role, status: 'pass', detail: m.roleFound(role.summary.arn) });
  } catch (error) {
    const p = problemOf(error);
    const otherAccount = callerAccount && callerAccount !== arn.account;
    const remedy = otherAccount ? m.remedy.OtherAccount({ ...ctx, account: arn.account })
      : p.code === 'AccessDenied' || p.code === 'AccessDeniedException' ? m.remedy.GetRoleDenied(ctx)
        : remedyFor(m, p, ctx);
    steps.push({ id: 'role', title: m.step.role, status: 'fail', detail: failureDetail(m, p, ctx.endpoint), errorCode: p.code, remedy });
    return done();
  }

  // Trust policy: the engine's trust rules with the configured partner account and external ID.
  const trust = analyze(role.trustDocument, { integration: 'trust', partnerAccountId: input.partnerAccountId, externalId: input.externalId, locale: input.locale });
  const trustProblems = trust.findings.filter((f) => f.severity !== 'info');
  const trustsPartner = !input.partnerAccountId || (role.summary.trust?.accounts.includes(input.partnerAccountId) ?? false);
  if (trustProblems.length === 0 && trustsPartner && role.summary.trust?.externalIdRequired) {
    steps.push({ id: 'trust', title: m.step.trust, status: 'pass', detail: m.trustOk(input.partnerAccountId ?? role.summary.trust.accounts.join(', ')) });
  } else {
    // The role is the partner's by definition: without the external ID any other customer of the
    // partner who learns the ARN could have it write here (the confused deputy), so that fails.
    const errors = trustProblems.some((f) => f.severity === 'error') || !trustsPartner || !role.summary.trust?.externalIdRequired;
    const list = trustProblems.map((f) => `${f.code}: ${f.message}`);
    if (!trustsPartner && input.partnerAccountId) list.unshift(em.accountMismatch((role.summary.trust?.accounts ?? []).join(', ') || '—', input.partnerAccountId));
    steps.push({ id: 'trust', title: m.step.trust, status: errors ? 'fail' : 'warn', detail: m.trustProblems(list.join(' | ') || em.externalIdMissing(role.summary.trust?.accounts.join(', ') || '—')) });
  }

  // Permissions: every attached and inline policy together; the boundary must allow too.
  let policies;
  try {
    policies = await call((signal) => rolePolicies(clients.iam, arn.name, role.summary.boundaryArn, signal));
  } catch (error) {
    const p = problemOf(error);
    steps.push({ id: 'permissions', title: m.step.permissions, status: 'fail', detail: failureDetail(m, p, ctx.endpoint), errorCode: p.code, remedy: p.code.startsWith('AccessDenied') ? m.remedy.GetRoleDenied(ctx) : remedyFor(m, p, ctx) });
    return done();
  }
  const identity = policies.filter((p) => p.kind !== 'boundary');
  const compiled = identity.flatMap((p) => compileStatements(parsePolicy(p.document)).map((s) => ({ s, policy: p.name })));
  const boundary = policies.find((p) => p.kind === 'boundary');
  const boundaryStatements = boundary ? compileStatements(parsePolicy(boundary.document)) : undefined;
  const problems: string[] = [];
  let worst: 'pass' | 'warn' | 'fail' = 'pass';
  const boundaryBlocked: string[] = [];
  for (const req of REQUIREMENTS[input.integration]) {
    const resource = req.on === 'bucket' ? bucketArn(input.bucket) : sampleObjectArn(input.bucket, folder);
    const shown = req.on === 'bucket' ? bucketArn(input.bucket) : objectArnPattern(input.bucket, folder);
    const e = evaluate(compiled.map((c) => c.s), req.action, resource);
    if (e.decision === 'explicit-deny') {
      const by = compiled.find((c) => c.s === e.statement)?.policy ?? '?';
      problems.push(m.permissionDenied(req.action, shown, by));
      worst = 'fail';
    } else if (e.decision === 'implicit-deny') {
      problems.push(m.permissionMissing(req.action, shown));
      worst = 'fail';
    } else if (e.decision === 'conditional') {
      problems.push(m.permissionConditional(req.action, shown));
      if (worst === 'pass') worst = 'warn';
    }
    if (boundaryStatements && evaluate(boundaryStatements, req.action, resource).decision !== 'allow') boundaryBlocked.push(req.action);
  }
  steps.push({
    id: 'permissions', title: m.step.permissions, status: worst,
    detail: problems.length ? problems.join('; ') : m.permissionsOk(em.integrationName(input.integration), identity.length),
  });
  if (!boundary) steps.push({ id: 'boundary', title: m.step.boundary, status: 'pass', detail: m.noBoundary });
  else if (boundaryBlocked.length) steps.push({ id: 'boundary', title: m.step.boundary, status: 'fail', detail: boundaryBlocked.map((a) => m.boundaryBlocks(a)).join('; ') });
  else steps.push({ id: 'boundary', title: m.step.boundary, status: 'pass', detail: m.boundaryOk(boundary.arn ?? boundary.name) });

  if (input.simulate) {
    try {
      const actions = REQUIREMENTS[input.integration];
      let allowed = 0;
      for (const req of actions) {
        const resource = req.on === 'bucket' ? bucketArn(input.bucket) : sampleObjectArn(input.bucket, folder);
        const r = await call((signal) => clients.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: input.roleArn, ActionNames: [req.action], ResourceArns: [resource] }), { abortSignal: signal }));
        if (r.EvaluationResults?.[0]?.EvalDecision === 'allowed') allowed++;
      }
      steps.push({ id: 'simulate', title: m.step.simulate, status: allowed === actions.length ? 'pass' : 'fail', detail: m.simulated(allowed, actions.length) });
    } catch (error) {
      const p = problemOf(error);
      steps.push({ id: 'simulate', title: m.step.simulate, status: 'skip', detail: m.failed(p.code, p.message, p.status, p.requestId), errorCode: p.code });
    }
  }

  // Bucket facts, when these credentials can read them.
  steps.push(...(await bucketFactSteps(clients.s3, input.integration, m, call, ctx)));
  return done();
}

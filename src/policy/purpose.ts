// What a document is for. Braze-specific rules run only on Braze documents: a repository holds
// many IAM policies, and an EC2 or CloudWatch policy must not be told it lacks s3:PutObject.
//
// The rule (README, "What a policy is for"):
// - A declaration always wins (setting glob, code-lens choice, CLI --integration).
// - An identity policy is a Braze export policy when it holds a template placeholder
//   (INSERTBUCKETNAME…), when its file name or a Sid mentions Braze or Currents, or when it has the
//   export's shape: every Allow grants S3 actions only and names none outside the export's,
//   s3:GetBucketLocation is named and s3:PutObject granted, and the resources name exactly one
//   bucket literally. Then
//   s3:DeleteObject granted → dashboard export.
// - A trust policy is the partner's when it holds a placeholder, mentions Braze or Currents, trusts
//   the configured partner account, or requires the configured external ID.
// - Anything else is a general IAM policy.
import { accountOfPrincipal, hasBrazePlaceholder } from './arn';
import { Messages } from './messages';
import { PolicyModel, Statement, itemsOf, propertiesOf, stringItems } from './parse';
import type { DeclaredPurpose, DocumentKind, Purpose } from './types';
import { catalog } from './catalog/catalog';
import { REQUIREMENTS, TOLERATED_EXTRAS } from './integration';
import { hasWildcard, matchCompiled } from './wildcard';

const MENTION = /braze|currents/i;

export interface PurposeInput {
  text: string;
  model: PolicyModel;
  kind: DocumentKind;
  declared: DeclaredPurpose;
  sourceName?: string;
  partnerAccountId?: string;
  externalId?: string;
  /** A Braze signal from outside the document (analyze's brazeContext). */
  brazeContext?: string;
}

/**
 * The purpose before an inferred export is told apart: `export` stands for Currents or dashboard
 * export (inferIntegration decides which from what the policy grants).
 */
export interface DecidedPurpose {
  id: Purpose | 'export';
  declared: boolean;
  reason: string;
  /** A general policy with the export's shape: offered as a choice, never checked as one unasked. */
  suggested?: 'currents' | 'dashboard';
}

export function decidePurpose(input: PurposeInput, m: Messages): DecidedPurpose {
  const { declared } = input;
  if (declared === 'none') return { id: 'general', declared: true, reason: m.purposeReason.declared };
  if (declared === 'trust') return { id: 'trust', declared: true, reason: m.purposeReason.declared };
  if (declared === 'currents' || declared === 'dashboard') return { id: declared, declared: true, reason: m.purposeReason.declared };
  if (input.kind === 'identity') {
    const why = commonSignal(input, m);
    if (why) return { id: 'export', declared: false, reason: why };
    // The shape alone (GetBucketLocation + PutObject on one bucket) is what every log shipper,
    // warehouse unloader and backup writer asks for: a suggestion, not a Braze signal.
    const bucket = exportShapeBucket(input.model.statements);
    if (bucket === undefined) return { id: 'general', declared: false, reason: m.purposeReason.generalIdentity };
    const deletes = input.model.statements.some((s) => allows(s) && itemsOf(s, 'Action').some((a) => matchCompiled(a.facts.compiled, 's3:deleteobject')));
    return { id: 'general', declared: false, reason: m.purposeReason.shapeOnly(bucket), suggested: deletes ? 'dashboard' : 'currents' };
  }
  if (input.kind === 'trust') {
    const why = partnerTrustSignal(input, m);
    return why ? { id: 'trust', declared: false, reason: why } : { id: 'general', declared: false, reason: m.purposeReason.generalTrust };
  }
  return { id: 'general', declared: false, reason: m.purposeReason.generalOther };
}

function commonSignal(input: PurposeInput, m: Messages): string | undefined {
  if (hasBrazePlaceholder(input.text)) return m.purposeReason.placeholder;
  if (input.sourceName && MENTION.test(baseName(input.sourceName))) return m.purposeReason.fileName;
  if (input.model.statements.some((s) => MENTION.test(s.el.Sid?.value.value ?? ''))) return m.purposeReason.sid;
  if (input.model.statements.some((s) => itemsOf(s, 'Resource').some((r) => MENTION.test(r.facts.s3?.bucket ?? '')))) return m.purposeReason.bucketName;
  if (input.brazeContext) return input.brazeContext;
  return undefined;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** What an export policy names: the integrations' actions and the tolerated multipart extras. */
const EXPORT_ACTIONS = new Set([...REQUIREMENTS.dashboard.map((r) => r.lower), ...TOLERATED_EXTRAS.map((a) => a.toLowerCase())]);

const allows = (s: Statement) => s.node.type === 'object' && s.el.Effect?.value.value === 'Allow';

/**
 * The one bucket of an export-shaped policy, else undefined: every Allow grants only S3 actions,
 * names no S3 action outside the export's, names s3:GetBucketLocation and grants s3:PutObject,
 * and its resources name exactly one bucket literally (a family of buckets alone, `dms-*`, is not
 * an export's bucket).
 */
export function exportShapeBucket(statements: readonly Statement[]): string | undefined {
  let location = false;
  let put = false;
  const named = new Set<string>();
  for (const s of statements) {
    if (!allows(s)) continue;
    if (s.el.NotAction) return undefined;
    for (const a of itemsOf(s, 'Action')) {
      if (!a.facts.lower.startsWith('s3:')) return undefined;
      // Another S3 action named outright (s3:GetObjectVersion, s3:DeleteBucket) marks another
      // kind of S3 policy (a Snowflake stage, a DMS target); typos and wildcards do not.
      if (!hasWildcard(a.value) && !EXPORT_ACTIONS.has(a.facts.lower) && catalog().action(a.value)) return undefined;
      location ||= a.facts.lower === 's3:getbucketlocation';
      // s3:PutObject named, or granted by an S3 wildcard (s3:Put*, s3:*): over-granting is one of
      // the export mistakes the Braze checks exist for.
      put ||= matchCompiled(a.facts.compiled, 's3:putobject');
    }
    // Patterns (`*`, `name*`, `dms-*`) are over-broad grants to judge, not the bucket to name.
    for (const r of itemsOf(s, 'Resource')) if (r.facts.bucket && !r.facts.bucket.pattern) named.add(r.facts.bucket.name);
  }
  return location && put && named.size === 1 ? [...named][0] : undefined;
}

function partnerTrustSignal(input: PurposeInput, m: Messages): string | undefined {
  const common = commonSignal(input, m);
  if (common) return common;
  const { partnerAccountId, externalId } = input;
  for (const s of input.model.statements) {
    if (!allows(s)) continue;
    const principal = s.el.Principal?.value;
    if (partnerAccountId && principal?.type === 'object') {
      const aws = propertiesOf(principal).find((p) => p.name === 'AWS');
      if (stringItems(aws?.value).some((i) => accountOfPrincipal(i.value) === partnerAccountId)) return m.purposeReason.partnerAccount;
    }
    const condition = s.el.Condition?.value;
    if (externalId && condition?.type === 'object') {
      for (const op of propertiesOf(condition)) {
        if (op.value.type !== 'object') continue;
        const key = propertiesOf(op.value).find((k) => k.name.toLowerCase() === 'sts:externalid');
        if (stringItems(key?.value).some((i) => i.value === externalId)) return m.purposeReason.partnerExternalId;
      }
    }
  }
  return undefined;
}

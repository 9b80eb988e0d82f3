// ARN structure and S3 bucket-name rules.
import { POLICY_VARIABLE } from './wildcard';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

const SERVICE = /^[a-z0-9*?-]+$/;
const S3_PREFIX = 'arn:aws:s3:::';

/** `arn:partition:service:region:account:resource` with a known partition and a resource. */
export function isWellFormedArn(value: string): boolean {
  if (value === '*') return true;
  if (value.startsWith(S3_PREFIX)) return value.length > S3_PREFIX.length; // the usual case
  if (!value.startsWith('arn:')) return false;
  // Colon positions by indexOf rather than split: this runs for every resource on every keystroke.
  const c1 = value.indexOf(':', 4);
  const c2 = c1 < 0 ? -1 : value.indexOf(':', c1 + 1);
  const c3 = c2 < 0 ? -1 : value.indexOf(':', c2 + 1);
  const c4 = c3 < 0 ? -1 : value.indexOf(':', c3 + 1);
  if (c4 < 0) return false;
  const partition = value.slice(4, c1);
  if (!PARTITIONS.has(partition) && !hasWildcardOrVariable(partition)) return false;
  const service = value.slice(c1 + 1, c2);
  if (!SERVICE.test(service) && !hasWildcardOrVariable(service)) return false;
  // An empty resource part (`arn:aws:organizations::*:`) is accepted by IAM; it names nothing.
  return true;
}

export interface S3Location {
  /** The bucket-name part as written (may hold wildcards or variables). */
  bucket: string;
  /** The key part after the first `/`, or undefined for a bucket ARN. */
  key: string | undefined;
}

/**
 * A general-purpose S3 bucket/object ARN (`arn:<partition>:s3:::bucket[/key]`), else undefined.
 * Read with indexOf, not parseArn: rules ask this of every resource, and a lookup in a memo
 * (hashing a fresh string) costs more than the answer.
 */
export function s3Location(value: string): S3Location | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const afterPartition = value.indexOf(':', 4);
  if (afterPartition < 0 || !value.startsWith(':s3:::', afterPartition)) return undefined;
  const start = afterPartition + 6;
  const slash = slashAfterBucket(value, start);
  const bucket = slash < 0 ? value.slice(start) : value.slice(start, slash);
  // parseArn semantics: a colon in the bucket part belongs to the resource, never to the region.
  return slash < 0 ? { bucket, key: undefined } : { bucket, key: value.slice(slash + 1) };
}

/** The `/` that ends the bucket part: a policy variable may hold one (`${aws:PrincipalTag/Team}`). */
function slashAfterBucket(value: string, start: number): number {
  let slash = value.indexOf('/', start);
  for (let v = value.indexOf('${', start); v >= 0 && slash > v; v = value.indexOf('${', v + 2)) {
    const close = value.indexOf('}', v);
    if (close < 0) break;
    if (slash < close) slash = value.indexOf('/', close);
  }
  return slash;
}

export function hasWildcardOrVariable(s: string): boolean {
  return s.includes('*') || s.includes('?') || s.includes('${');
}

export type BucketProblem =
  | { kind: 'length' | 'chars' | 'edges' | 'dots' | 'ip' }
  | { kind: 'prefix' | 'suffix'; text: string };

const BAD_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BAD_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * S3's naming rules for general-purpose buckets. With wildcards or variables only the rules that
 * literal characters can break are checked (an uppercase letter is wrong wherever it stands).
 */
/**
 * Could the name (or pattern) be a legacy bucket's? Before March 2018, us-east-1 accepted names
 * of up to 255 characters with uppercase letters and underscores; such buckets still exist.
 */
export function legacyBucketName(bucket: string): boolean {
  const literal = bucket.replace(POLICY_VARIABLE, '');
  return bucket.length <= 255 && (bucket.length >= 3 || hasWildcardOrVariable(bucket)) && /^[A-Za-z0-9._*?-]+$/.test(literal || 'x');
}

export function bucketNameProblem(bucket: string): BucketProblem | undefined {
  if (hasWildcardOrVariable(bucket)) {
    const literal = bucket.replace(POLICY_VARIABLE, '').replace(/[*?]/g, '');
    return /[^a-z0-9.-]/.test(literal) ? { kind: 'chars' } : undefined;
  }
  if (bucket.length < 3 || bucket.length > 63) return { kind: 'length' };
  if (/[^a-z0-9.-]/.test(bucket)) return { kind: 'chars' };
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket)) return { kind: 'edges' };
  if (bucket.includes('..')) return { kind: 'dots' };
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bucket)) return { kind: 'ip' };
  const prefix = BAD_PREFIXES.find((p) => bucket.startsWith(p));
  if (prefix) return { kind: 'prefix', text: prefix };
  const suffix = BAD_SUFFIXES.find((s) => bucket.endsWith(s));
  if (suffix) return { kind: 'suffix', text: suffix };
  return undefined;
}

const PLACEHOLDER = /\bINSERT[A-Z0-9_]*[A-Z0-9]/y;

/** Template placeholders (`INSERTBUCKETNAME`, any `INSERT…` in capitals) with their offsets. */
export function findPlaceholders(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  // indexOf finds the rare candidates fast; the expression then reads only from each one.
  for (let at = text.indexOf('INSERT'); at >= 0; at = text.indexOf('INSERT', at + 1)) {
    PLACEHOLDER.lastIndex = at;
    const m = PLACEHOLDER.exec(text);
    if (m && m.index === at) {
      out.push({ text: m[0], offset: at });
      at += m[0].length - 1;
    }
  }
  return out;
}

export function hasPlaceholder(text: string): boolean {
  return text.includes('INSERT') && findPlaceholders(text).length > 0;
}

/** Braze's own placeholders (the source document's and this product's templates): a Braze signal. */
const BRAZE_PLACEHOLDER = /\bINSERT(?:BUCKETNAME|PARTNERACCOUNTID|EXTERNALID)\b/;

export function hasBrazePlaceholder(text: string): boolean {
  return text.includes('INSERT') && BRAZE_PLACEHOLDER.test(text);
}

/** An account ID from a principal (`123456789012`, `arn:aws:iam::123456789012:root|role/…`). */
export function accountOfPrincipal(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const arn = parseArn(value);
  if (arn && arn.service === 'iam' && /^\d{12}$/.test(arn.account)) return arn.account;
  return undefined;
}

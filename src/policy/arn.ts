// ARN structure and S3 bucket-name rules.
import { memoize } from './memo';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Parsed ARNs are memoised (bounded): the same resources are asked about by several rules. */
export const parseArn = memoize((value: string): Arn | undefined => {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
});

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

export function isWellFormedArn(value: string): boolean {
  if (value === '*') return true;
  const arn = parseArn(value);
  if (!arn) return false;
  const wild = (s: string) => s.includes('*') || s.includes('?') || s.includes('${');
  if (!PARTITIONS.has(arn.partition) && !wild(arn.partition)) return false;
  if (!/^[a-z0-9*?-]+$/.test(arn.service) && !wild(arn.service)) return false;
  return arn.resource.length > 0;
}

export interface S3Location {
  /** The bucket-name part as written (may hold wildcards or variables). */
  bucket: string;
  /** The key part after the first `/`, or undefined for a bucket ARN. */
  key: string | undefined;
}

export const s3Location = memoize((value: string) => computeS3Location(value));

/** A general-purpose S3 bucket/object ARN (`arn:aws:s3:::bucket[/key]`), else undefined. */
function computeS3Location(value: string): S3Location | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 's3' || arn.region !== '' || arn.account !== '') return undefined;
  const slash = arn.resource.indexOf('/');
  return slash < 0
    ? { bucket: arn.resource, key: undefined }
    : { bucket: arn.resource.slice(0, slash), key: arn.resource.slice(slash + 1) };
}

export function bucketHasWildcard(bucket: string): boolean {
  return bucket.includes('*') || bucket.includes('?') || bucket.includes('${');
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
export const bucketNameProblem = memoize((bucket: string) => computeBucketNameProblem(bucket));

function computeBucketNameProblem(bucket: string): BucketProblem | undefined {
  if (bucketHasWildcard(bucket)) {
    const literal = bucket.replace(/\$\{[^}]*\}/g, '').replace(/[*?]/g, '');
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

const PLACEHOLDER = /\bINSERT[A-Z0-9_]*[A-Z0-9]/g;

/** Template placeholders (`INSERTBUCKETNAME`, any `INSERT…` in capitals) with their offsets. */
export function findPlaceholders(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) out.push({ text: m[0], offset: m.index ?? 0 });
  return out;
}

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return /\bINSERT[A-Z0-9_]*[A-Z0-9]/.test(text);
}

/** An account ID from a principal (`123456789012`, `arn:aws:iam::123456789012:root|role/…`). */
export function accountOfPrincipal(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const arn = parseArn(value);
  if (arn && arn.service === 'iam' && /^\d{12}$/.test(arn.account)) return arn.account;
  return undefined;
}

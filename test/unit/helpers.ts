import { parse } from 'jsonc-parser';
import { analyze, applyEdits } from '../../src/policy';
import type { AnalyzeOptions, Finding } from '../../src/policy';

export const BUCKET = 'acme-braze-exports';

/** How many syntax errors IAM's strict JSON (no comments, no trailing commas) finds in a text. */
export function syntaxErrors(text: string): number {
  const errors: unknown[] = [];
  parse(text, errors as never, { disallowComments: true, allowTrailingComma: false });
  return errors.length;
}

/** A policy document's text from its statements (2-space indented, like hand-written files). */
export function policy(statements: unknown[], top: Record<string, unknown> = { Version: '2012-10-17' }): string {
  return JSON.stringify({ ...top, Statement: statements }, null, 2);
}

export const currentsStatements = (bucket = BUCKET) => [
  { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${bucket}`] },
  { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] },
];

export const dashboardStatements = (bucket = BUCKET) => [
  { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${bucket}`] },
  { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: [`arn:aws:s3:::${bucket}/*`] },
];

export const trustStatement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': 'braze-ext-42' } },
  ...extra,
});

export function findings(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

export function highlighted(text: string, f: Finding): string {
  return text.slice(f.offset, f.offset + f.length);
}

export function applyFirstFix(text: string, f: Finding): string {
  return applyEdits(text, f.fixes[0].edits);
}

// What each integration needs (the source document's permission table), shared by the policy
// rules, Test credentials and Verify role.
import type { IntegrationId } from './types';

export interface Requirement {
  action: string;
  /** The action in lower case, as evaluation compares it. */
  lower: string;
  on: 'bucket' | 'object';
}

const need = (action: string, on: Requirement['on']): Requirement => ({ action, lower: action.toLowerCase(), on });

export const REQUIREMENTS: Record<IntegrationId, Requirement[]> = {
  currents: [
    need('s3:ListBucket', 'bucket'),
    need('s3:GetBucketLocation', 'bucket'),
    need('s3:PutObject', 'object'),
    need('s3:GetObject', 'object'),
  ],
  dashboard: [
    need('s3:ListBucket', 'bucket'),
    need('s3:GetBucketLocation', 'bucket'),
    need('s3:PutObject', 'object'),
    need('s3:GetObject', 'object'),
    need('s3:DeleteObject', 'object'),
  ],
};

/** Harmless extras an export user may reasonably hold (multipart upload housekeeping). */
export const TOLERATED_EXTRAS = ['s3:AbortMultipartUpload', 's3:ListMultipartUploadParts', 's3:ListBucketMultipartUploads'];

export const DEFAULT_FOLDER = 'currents';

/** Folder path without leading/trailing slashes; '' is the bucket root. */
export function normaliseFolder(folder: string | undefined): string {
  const f = folder ?? DEFAULT_FOLDER;
  if (f === DEFAULT_FOLDER) return f; // the common case, on every analysis
  return f.trim().replace(/^\/+|\/+$/g, '');
}

export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** The object ARN pattern the integration writes to: `BUCKET/folder/*` or `BUCKET/*`. */
export function objectArnPattern(bucket: string, folder: string): string {
  return folder ? `arn:aws:s3:::${bucket}/${folder}/*` : `arn:aws:s3:::${bucket}/*`;
}

/**
 * A concrete key like the ones the partner writes (Currents' layout), used to ask "is this
 * allowed?" of a policy: a policy scoped to the folder must allow it, one scoped elsewhere not.
 */
export function sampleObjectKey(folder: string): string {
  const tail = 'dataexport.prod-01.S3.integration.0123456789abcdef/event_type=users.messages.email.Send/date=2026-01-01-00/0/0/dataexport.prod-01.S3.integration.0123456789abcdef+0+0.avro';
  return folder ? `${folder}/${tail}` : tail;
}

/** A concrete object ARN under the folder, in the partner's layout (see sampleObjectKey). */
export function sampleObjectArn(bucket: string, folder: string): string {
  return `arn:aws:s3:::${bucket}/${sampleObjectKey(folder)}`;
}

/**
 * The folder an integration writes under: a Currents connector's folder path; dashboard exports
 * always write at the bucket's root, whatever the Currents folder setting says.
 */
export function integrationFolder(id: IntegrationId, folder: string | undefined): string {
  return id === 'dashboard' ? '' : normaliseFolder(folder);
}

// How to reach AWS (or an S3-compatible endpoint): profile, region, endpoint, or explicit keys.
// Clients are created here, once per connection, never inside tree items.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export interface ConnectionSettings {
  profile?: string;
  region?: string;
  /**
   * One endpoint for S3, IAM and STS (a local emulator such as moto, or an S3-compatible store;
   * path-style addressing). Without it the SDK's own configuration applies: AWS_ENDPOINT_URL,
   * AWS_ENDPOINT_URL_S3 / _IAM / _STS, or endpoint_url in the profile.
   */
  endpoint?: string;
  /** Keys typed by the user for Test credentials; the secret stays in memory only. */
  credentials?: AwsCredentialIdentity;
  /** Per-call time limit. */
  timeoutMs?: number;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface Clients {
  s3: S3Client;
  iam: IAMClient;
  sts: STSClient;
  /** CloudFormation in the configured region (Set up the export deploys its stack there). */
  cloudFormation: CloudFormationClient;
  settings: ConnectionSettings;
  /** An S3 client for another region (buckets answer only in their own region). */
  s3For(region: string): S3Client;
  dispose(): void;
}

function credentialsOf(settings: ConnectionSettings): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  if (settings.credentials) return settings.credentials;
  return fromNodeProviderChain(settings.profile ? { profile: settings.profile } : {});
}

export function createClients(settings: ConnectionSettings): Clients {
  const region = settings.region || DEFAULT_REGION;
  const credentials = credentialsOf(settings);
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const requestHandler = { requestTimeout: timeout, connectionTimeout: Math.min(timeout, 5000) };
  const s3Options = (r: string) => ({
    region: r,
    credentials,
    requestHandler,
    maxAttempts: 2,
    // A bucket answers only in its own region: let the SDK follow S3's redirect.
    followRegionRedirects: true,
    ...(settings.endpoint
      ? {
          endpoint: settings.endpoint,
          forcePathStyle: true,
          // Some S3-compatible stores do not implement the newer default checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
  const regional = new Map<string, S3Client>();
  const s3 = new S3Client(s3Options(region));
  regional.set(region, s3);
  // IAM is global; STS uses the configured region.
  const endpoint = settings.endpoint ? { endpoint: settings.endpoint } : {};
  const iam = new IAMClient({ region, credentials, requestHandler, maxAttempts: 2, ...endpoint });
  const sts = new STSClient({ region, credentials, requestHandler, maxAttempts: 2, ...endpoint });
  const cloudFormation = new CloudFormationClient({ region, credentials, requestHandler, maxAttempts: 2, ...endpoint });
  return {
    s3,
    iam,
    sts,
    cloudFormation,
    settings,
    s3For(r: string) {
      if (settings.endpoint) return s3; // one endpoint serves every "region"
      let c = regional.get(r);
      if (!c) regional.set(r, (c = new S3Client(s3Options(r))));
      return c;
    },
    dispose() {
      for (const c of regional.values()) c.destroy();
      iam.destroy();
      sts.destroy();
      cloudFormation.destroy();
    },
  };
}

/** Profile names from the shared config and credentials files. */
export async function listProfiles(): Promise<string[]> {
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const files = await loadSharedConfigFiles();
  return [...new Set([...Object.keys(files.configFile ?? {}), ...Object.keys(files.credentialsFile ?? {})])].sort();
}

/**
 * The access key ID these clients sign with (typed keys, or what the profile's credential chain
 * resolves to), never the secret; undefined when no credentials can be loaded in time.
 */
export async function accessKeyIdOf(clients: Clients, timeoutMs = 5000): Promise<string | undefined> {
  if (clients.settings.credentials) return clients.settings.credentials.accessKeyId;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const provider = clients.s3.config.credentials as () => Promise<AwsCredentialIdentity>;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const identity = await Promise.race([provider(), late]);
    return identity?.accessKeyId || undefined;
  } catch {
    return undefined; // the first step reports why
  } finally {
    clearTimeout(timer);
  }
}

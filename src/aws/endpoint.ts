// Where the SDK sends a service's requests, said for people when nothing answers there: the
// endpoint setting (brazeS3.endpoint / --endpoint), the SDK's AWS_ENDPOINT_URL_<SERVICE> and
// AWS_ENDPOINT_URL, else AWS's own endpoint for the region. (An endpoint_url in the AWS profile is
// not read here: the remedy names that place too.)
import { ConnectionSettings, DEFAULT_REGION } from './connection';

export type EndpointSource = 'setting' | 'env-service' | 'env' | 'aws';

export interface EndpointInfo {
  url: string;
  source: EndpointSource;
  /** The environment variable it came from (env-service, env). */
  variable?: string;
}

export type Service = 's3' | 'iam' | 'sts';

export function endpointOf(settings: ConnectionSettings, service: Service = 's3', env: NodeJS.ProcessEnv = process.env): EndpointInfo {
  if (settings.endpoint) return { url: settings.endpoint, source: 'setting' };
  const serviceVariable = `AWS_ENDPOINT_URL_${service.toUpperCase()}`;
  if (env[serviceVariable]) return { url: env[serviceVariable]!, source: 'env-service', variable: serviceVariable };
  if (env.AWS_ENDPOINT_URL) return { url: env.AWS_ENDPOINT_URL, source: 'env', variable: 'AWS_ENDPOINT_URL' };
  const region = settings.region || DEFAULT_REGION;
  const url = service === 'iam' ? 'https://iam.amazonaws.com' : service === 'sts' ? `https://sts.${region}.amazonaws.com` : `https://s3.${region}.amazonaws.com`;
  return { url, source: 'aws' };
}

// `test-credentials` and `verify-role`: the extension's live checks for CI pipelines.
// Credentials come from the standard chain (environment variables or --profile).
import type * as Aws from '../aws';
import type { IntegrationId, Locale } from '../policy';
import { loadAws } from '../loadAws';
import { Parsed, UsageError, defaultLocale, oneOf, partnerAccountIdOption, str } from './args';

export const TEST_CREDENTIALS_OPTIONS = { bucket: true, integration: true, folder: true, sse: false, profile: true, region: true, endpoint: true, format: true, lang: true, 'timeout-ms': true };
export const VERIFY_ROLE_OPTIONS = { bucket: true, integration: true, folder: true, 'partner-account-id': true, 'external-id': true, profile: true, region: true, endpoint: true, simulate: false, format: true, lang: true, 'timeout-ms': true };

function common(parsed: Parsed) {
  const bucket = str(parsed, 'bucket');
  if (!bucket) throw new UsageError('--bucket is required');
  const integration = oneOf(parsed, 'integration', ['currents', 'dashboard'] as const, 'currents') as IntegrationId;
  const format = oneOf(parsed, 'format', ['text', 'json'] as const, 'text');
  const locale: Locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const timeout = str(parsed, 'timeout-ms');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(timeoutMs >= 100 && timeoutMs <= 600_000)) throw new UsageError('--timeout-ms must be between 100 and 600000');
  const settings = { profile: str(parsed, 'profile'), region: str(parsed, 'region'), endpoint: str(parsed, 'endpoint'), timeoutMs };
  return { bucket, integration, format, locale, folder: str(parsed, 'folder'), settings };
}

function print(report: Aws.Report, format: 'text' | 'json', write: (s: string) => void): number {
  const aws = loadAws();
  write(format === 'json' ? JSON.stringify({ kind: report.kind, subject: report.subject, accessKeyId: report.accessKeyId, roleArn: report.roleArn, ok: report.ok, steps: report.steps }, null, 2) : aws.reportText(report));
  return report.ok ? 0 : 1;
}

export async function runTestCredentials(parsed: Parsed, write: (s: string) => void): Promise<number> {
  const c = common(parsed);
  const aws = loadAws();
  const clients = aws.createClients(c.settings);
  try {
    const report = await aws.testCredentials(clients, { bucket: c.bucket, integration: c.integration, folder: c.folder, sse: parsed.options.has('sse'), locale: c.locale });
    return print(report, c.format, write);
  } finally {
    clients.dispose();
  }
}

export async function runVerifyRole(parsed: Parsed, write: (s: string) => void): Promise<number> {
  const [roleArn] = parsed.positionals;
  if (!roleArn || parsed.positionals.length > 1) throw new UsageError('verify-role needs exactly one role ARN');
  const c = common(parsed);
  const partnerAccountId = partnerAccountIdOption(parsed);
  const aws = loadAws();
  const clients = aws.createClients(c.settings);
  try {
    const report = await aws.verifyRole(clients, {
      roleArn, bucket: c.bucket, integration: c.integration, folder: c.folder, partnerAccountId, externalId: str(parsed, 'external-id'),
      simulate: parsed.options.has('simulate'), locale: c.locale,
    });
    return print(report, c.format, write);
  } finally {
    clients.dispose();
  }
}

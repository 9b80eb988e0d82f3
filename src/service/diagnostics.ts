// Findings as diagnostics: the configured severity (brazeS3.rules, the configuration file), rules
// switched off left out, ranges in line/character.
import type { Finding } from '../policy';
import type { ServiceSettings } from './settings';
import type { Position, ServiceDiagnostic } from './types';

export const DIAGNOSTIC_SOURCE = 'braze-s3';

export function toDiagnostics(positionAt: (offset: number) => Position, findings: readonly Finding[], settings: Pick<ServiceSettings, 'rules'>): ServiceDiagnostic[] {
  const out: ServiceDiagnostic[] = [];
  for (const f of findings) {
    const configured = settings.rules[f.code];
    if (configured === 'off') continue;
    out.push({
      range: { start: positionAt(f.offset), end: positionAt(f.offset + f.length) },
      span: { offset: f.offset, length: f.length },
      message: f.message,
      // A misspelt setting keeps the rule's own severity.
      severity: configured === 'error' || configured === 'warning' || configured === 'info' ? configured : f.severity,
      code: f.code,
      source: DIAGNOSTIC_SOURCE,
    });
  }
  return out;
}

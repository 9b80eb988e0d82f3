// The shape of a live check's report (Test credentials, Verify role ARN), shared by the
// extension's report view and the CLI's text/JSON output.
import type { Locale } from '../policy';
import { liveMessages } from './messages';

export type StepStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface Step {
  id: string;
  title: string;
  status: StepStatus;
  detail: string;
  /** AWS error code when a call failed. */
  errorCode?: string;
  remedy?: string;
}

export interface Report {
  kind: 'test-credentials' | 'verify-role';
  subject: string;
  locale: Locale;
  startedAt: string;
  steps: Step[];
  /** The access key ID the check used (never the secret); undefined when none could be resolved. */
  accessKeyId?: string;
  /** Verify role ARN: the role it read. */
  roleArn?: string;
  /** True only when no step failed. */
  ok: boolean;
}

const MARK: Record<StepStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', skip: '–' };

export function finish(report: Omit<Report, 'ok'>): Report {
  return { ...report, ok: report.steps.every((s) => s.status !== 'fail') };
}

/** What the check ran with: the role ARN, the access key ID (never the secret). */
function usedLines(r: Report, code: (s: string) => string): string[] {
  const m = liveMessages(r.locale);
  const out: string[] = [];
  if (r.roleArn) out.push(m.usedRole(code(r.roleArn)));
  out.push(r.accessKeyId ? m.usedKey(code(r.accessKeyId)) : m.usedKeyUnknown);
  return out;
}

export function reportText(r: Report): string {
  const lines = [`${r.kind} ${r.subject}`, ...usedLines(r, (s) => s)];
  for (const s of r.steps) {
    lines.push(`${MARK[s.status]} ${s.title}: ${s.detail}${s.errorCode ? ` [${s.errorCode}]` : ''}`);
    if (s.remedy) lines.push(`    → ${s.remedy}`);
  }
  lines.push(liveMessages(r.locale).summary(countSteps(r)));
  return lines.join('\n');
}

export function countSteps(r: Pick<Report, 'steps'>): { passed: number; failed: number; warned: number; skipped: number } {
  const n = (status: StepStatus) => r.steps.filter((s) => s.status === status).length;
  return { passed: n('pass'), failed: n('fail'), warned: n('warn'), skipped: n('skip') };
}

/**
 * The report for people, as Markdown: a title, the counts, then one line per step with its mark,
 * the AWS code and, under it, the remedy. Rendered it reads at a glance; as text it still pastes
 * cleanly into a ticket (the editor wraps Markdown lines).
 */
export function reportMarkdown(r: Report): string {
  const m = liveMessages(r.locale);
  const lines = [`# ${r.ok ? MARK.pass : MARK.fail} ${m.reportTitle[r.kind]}`, '', `\`${r.subject}\``, '', ...usedLines(r, (s) => `\`${s}\``).map((l) => `${l}  `), '', `**${m.summary(countSteps(r))}** · ${r.startedAt}`, ''];
  for (const s of r.steps) {
    lines.push(`- ${MARK[s.status]} **${s.title}**${s.errorCode ? ` \`${s.errorCode}\`` : ''}: ${s.detail}`);
    if (s.remedy) lines.push(`  - → ${s.remedy}`);
  }
  return lines.join('\n') + '\n';
}

/** Removes every secret from a text (defence in depth: AWS messages never carry them). */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 8) out = out.split(s).join('********');
  return out;
}

export function redactReport(r: Report, secrets: (string | undefined)[]): Report {
  return { ...r, subject: redact(r.subject, secrets), accessKeyId: r.accessKeyId && redact(r.accessKeyId, secrets), steps: r.steps.map((s) => ({ ...s, detail: redact(s.detail, secrets), remedy: s.remedy && redact(s.remedy, secrets) })) };
}

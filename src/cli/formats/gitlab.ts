// --format gitlab: GitLab Code Quality (the Code Climate subset GitLab reads,
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format), shown in merge
// requests as new and resolved findings: the fingerprint must stay the same while a finding does.
import { createHash } from 'node:crypto';
import type { DocumentReport, InputProblem } from '../report';
import { repoPath } from './paths';

/** GitLab's five levels: a policy error breaks the export (major), the rest is advice. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

const fingerprint = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

export function toGitlab(reports: DocumentReport[], problems: InputProblem[], options: { root: string }): string {
  const issues: CodeQualityIssue[] = [];
  for (const r of reports) {
    const path = repoPath(r.path, options.root);
    for (const f of r.findings) {
      issues.push({
        description: r.name ? `${f.message} (${r.name})` : f.message,
        check_name: f.code,
        fingerprint: fingerprint(path, r.name ?? '', f.key),
        severity: SEVERITY[f.severity],
        location: { path, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      });
    }
  }
  // An unreadable input stops the export check for that file: as bad as a policy error.
  for (const p of problems) {
    const path = repoPath(p.path, options.root);
    issues.push({ description: p.problem, check_name: 'unreadable-input', fingerprint: fingerprint(path, 'unreadable-input'), severity: 'major', location: { path, lines: { begin: 1, end: 1 } } });
  }
  return JSON.stringify(issues, null, 2);
}

// --format junit: JUnit XML, which every CI system reads as test results (GitLab's
// artifacts:reports:junit, Jenkins, Azure Pipelines). One test case per checked file: it fails
// when the file has an error finding (as the exit status does); warnings and notes go to its
// system-out; an unreadable file is an <error>.
import type { DocumentReport, InputProblem, PlacedFinding } from '../report';
import type { Locale } from '../../policy';
import { count } from '../plural';
import { repoPath } from './paths';

/** Text and attribute values: the five XML escapes, and no character XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface FileCase {
  path: string;
  findings: { f: PlacedFinding; document?: string }[];
  problem?: string;
}

const line = (path: string, { f, document }: FileCase['findings'][number]) =>
  `${path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}${document ? ` (${document})` : ''}`;

export function toJunit(reports: DocumentReport[], problems: InputProblem[], options: { root: string; locale: Locale }): string {
  const cases = new Map<string, FileCase>();
  const caseOf = (p: string) => {
    const path = repoPath(p, options.root);
    const c = cases.get(path) ?? { path, findings: [] };
    cases.set(path, c);
    return c;
  };
  for (const r of reports) {
    const c = caseOf(r.path);
    for (const f of r.findings) c.findings.push({ f, document: r.name });
  }
  for (const p of problems) caseOf(p.path).problem = p.problem;
  const all = [...cases.values()];
  const failures = all.filter((c) => !c.problem && c.findings.some(({ f }) => f.severity === 'error')).length;
  const errors = all.filter((c) => c.problem).length;
  const body = all.map((c) => {
    const errorsHere = c.findings.filter(({ f }) => f.severity === 'error');
    const others = c.findings.filter(({ f }) => f.severity !== 'error');
    const parts = [`    <testcase classname="braze-s3" name="${escapeXml(c.path)}" file="${escapeXml(c.path)}">`];
    if (c.problem) parts.push(`      <error message="${escapeXml(c.problem)}" type="unreadable-input"/>`);
    else if (errorsHere.length > 0) {
      const first = errorsHere[0].f;
      parts.push(`      <failure message="${escapeXml(`${count(options.locale, 'error', errorsHere.length)}: ${first.code} ${first.message}`)}" type="${escapeXml(first.code)}">${escapeXml(errorsHere.map((e) => line(c.path, e)).join('\n'))}</failure>`);
    }
    if (others.length > 0) parts.push(`      <system-out>${escapeXml(others.map((e) => line(c.path, e)).join('\n'))}</system-out>`);
    parts.push('    </testcase>');
    return parts.join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="braze-s3" tests="${all.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="braze-s3 check" tests="${all.length}" failures="${failures}" errors="${errors}">`,
    ...body,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

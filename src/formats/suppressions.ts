// braze-s3-ignore comments in Terraform and CloudFormation files, and CloudFormation resources'
// Metadata entries (modelled on cfn-lint's `Metadata: cfn-lint: config: ignore_checks`):
//
//   # braze-s3-ignore: resource-overbroad, bucket-inconsistent -- the stage sets the bucket
//   // braze-s3-ignore: ...   (Terraform; /* … */ too)
//   Metadata: { braze-s3: { ignore: [ { code: resource-overbroad, reason: ... } ] } }
//
// A comment alone on its line covers the next line that is not blank or a comment; one at the end
// of a line covers that line. When the covered line opens a block (Terraform: brackets or a heredoc
// left open; YAML: the lines indented under it), the whole block is covered. A Metadata entry
// covers its resource. Findings are matched by their start offset (analyzeFile's file offsets).
// A directive without a reason, or naming an unknown code, is invalid and suppresses nothing.
import { LineIndex } from '../policy';
import { Parser, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { RULE_CODES } from '../policy';
import { closest } from '../policy';
import type { Locale } from '../policy';
import { configMessages } from '../config/messages';
import { UNSUPPRESSIBLE } from '../config/parse';

export const DIRECTIVE = 'braze-s3-ignore';
/** A `braze-s3:` key, as Metadata holds it (YAML or JSON). */
const METADATA_KEY = /["']?braze-s3["']?\s*:/;

/** Whether a text may hold a directive at all (a cheap test before any parsing). */
export function mayHoldSuppressions(text: string): boolean {
  return text.includes(DIRECTIVE) || METADATA_KEY.test(text);
}

export interface InlineSuppression {
  codes: string[];
  reason: string;
  /** Where it is written (the comment, or the Metadata entry). */
  offset: number;
  length: number;
  /** The file offsets it covers: [start, end). */
  start: number;
  end: number;
}

export interface InvalidSuppression {
  offset: number;
  length: number;
  message: string;
}

export interface InlineSuppressions {
  suppressions: InlineSuppression[];
  invalid: InvalidSuppression[];
}

interface Comment {
  offset: number;
  end: number;
  body: string;
  /** Nothing but blanks before it on its line. */
  ownLine: boolean;
}

/** The codes and reason of a comment's text, a problem, or undefined when it is no directive. */
export function parseDirective(body: string, locale?: Locale): { codes: string[]; reason: string } | { problem: string } | undefined {
  const m = configMessages(locale);
  const t = body.trim();
  if (!t.startsWith(DIRECTIVE)) return undefined;
  let rest = t.slice(DIRECTIVE.length);
  if (!rest.startsWith(':')) return { problem: m.noColon };
  rest = rest.slice(1);
  const dash = rest.indexOf('--');
  const codes = (dash < 0 ? rest : rest.slice(0, dash)).split(/[\s,]+/).filter(Boolean);
  const reason = dash < 0 ? '' : rest.slice(dash + 2).trim();
  if (codes.length === 0) return { problem: m.noCodes };
  const bad = codeProblem(codes, locale);
  if (bad) return { problem: bad };
  if (!reason) return { problem: m.noReason(codes) };
  return { codes, reason };
}

function codeProblem(codes: string[], locale?: Locale): string | undefined {
  const m = configMessages(locale);
  for (const c of codes) {
    if (!(RULE_CODES as readonly string[]).includes(c)) return `${m.codeUnknown(c, closest(c, RULE_CODES))} ${m.suppressesNothing}`;
    if (UNSUPPRESSIBLE.has(c)) return `${m.codeNotSuppressible(c)} ${m.suppressesNothing}`;
  }
  return undefined;
}

/** Line starts (LineIndex: \n, \r\n and \r end a line) with the few extra questions this module asks. */
class Lines extends LineIndex {
  constructor(readonly text: string) {
    super(text);
  }
  lineOf(offset: number): number {
    return this.positionAt(offset).line;
  }
  start(line: number): number {
    return this.starts[line];
  }
  /** The offset of the line's newline (or the text's end). */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }
  get count(): number {
    return this.starts.length;
  }
  content(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }
}

interface HclScan {
  comments: Comment[];
  /** Brackets outside strings, comments and heredocs: +1 opens, -1 closes. */
  brackets: { offset: number; delta: number }[];
  heredocs: { start: number; end: number }[];
}

/** Comments, brackets and heredocs of HCL text (strings and `${…}` templates skipped). */
function scanHcl(text: string): HclScan {
  const out: HclScan = { comments: [], brackets: [], heredocs: [] };
  const stack: ('string' | { depth: number })[] = [];
  const lineStartBefore = (i: number) => text.lastIndexOf('\n', i - 1) + 1;
  const ownLine = (i: number) => text.slice(lineStartBefore(i), i).trim() === '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    const top = stack[stack.length - 1];
    if (top === 'string') {
      if (c === '\\') i += 2;
      else if (c === '"' || c === '\n') {
        stack.pop();
        i++;
      } else if ((c === '$' || c === '%') && next === c && text[i + 2] === '{') i += 3; // $${ is a literal
      else if ((c === '$' || c === '%') && next === '{') {
        stack.push({ depth: 0 });
        i += 2;
      } else i++;
      continue;
    }
    if (c === '#' || (c === '/' && next === '/')) {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? text.length : eol;
      out.comments.push({ offset: i, end, body: text.slice(i + (c === '#' ? 1 : 2), end), ownLine: ownLine(i) });
      i = end;
      continue;
    }
    if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      out.comments.push({ offset: i, end, body: text.slice(i + 2, close < 0 ? text.length : close), ownLine: ownLine(i) });
      i = end;
      continue;
    }
    if (c === '"') {
      stack.push('string');
      i++;
      continue;
    }
    if (c === '<' && next === '<') {
      const h = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (h) {
        const term = new RegExp(`^[ \\t]*${h[1]}[ \\t]*\\r?$`, 'm');
        const bodyStart = i + h[0].length;
        const found = term.exec(text.slice(bodyStart));
        const end = found ? bodyStart + found.index + found[0].length : text.length;
        out.heredocs.push({ start: i, end });
        i = end;
        continue;
      }
    }
    if (typeof top === 'object') {
      if (c === '{') top.depth++;
      else if (c === '}') {
        if (top.depth === 0) stack.pop();
        else top.depth--;
      }
      i++;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') out.brackets.push({ offset: i, delta: 1 });
    else if (c === '}' || c === ']' || c === ')') out.brackets.push({ offset: i, delta: -1 });
    i++;
  }
  return out;
}

/** The line a directive comment covers: its own, or the next line holding code. */
function targetLine(lines: Lines, comment: Comment, commentOnly: Set<number>): number | undefined {
  const line = lines.lineOf(comment.offset);
  if (!comment.ownLine) return line;
  for (let l = lines.lineOf(comment.end) + 1; l < lines.count; l++) {
    if (lines.content(l).trim() === '' || commentOnly.has(l)) continue;
    return l;
  }
  return undefined;
}

function hclRegion(lines: Lines, scan: HclScan, line: number): { start: number; end: number } {
  const start = lines.start(line);
  let end = lines.end(line);
  let depth = 0;
  for (const b of scan.brackets) if (b.offset >= start && b.offset < end) depth += b.delta;
  for (const h of scan.heredocs) if (h.start >= start && h.start < lines.end(line)) end = Math.max(end, h.end);
  if (depth > 0) {
    const after = lines.end(line);
    let closed = false;
    for (const b of scan.brackets) {
      if (b.offset < after) continue;
      depth += b.delta;
      if (depth <= 0) {
        end = Math.max(end, lines.end(lines.lineOf(b.offset)));
        closed = true;
        break;
      }
    }
    if (!closed) end = lines.text.length;
  }
  return { start, end };
}

function yamlRegion(lines: Lines, line: number, commentOnly: Set<number>): { start: number; end: number } {
  const indent = (l: number) => /^[ \t]*/.exec(lines.content(l))![0].length;
  const own = indent(line);
  // `Key:` followed by a sequence written at the key's own indentation (`- item`).
  const opensBlock = /:\s*(#.*)?$/.test(lines.content(line));
  let end = lines.end(line);
  for (let l = line + 1; l < lines.count; l++) {
    const content = lines.content(l);
    if (content.trim() === '' || commentOnly.has(l)) continue;
    const i = indent(l);
    if (i > own || (opensBlock && i === own && content.slice(i).startsWith('-'))) end = lines.end(l);
    else break;
  }
  return { start: lines.start(line), end };
}

/** Comment tokens of the yaml parser's concrete syntax tree (never inside block scalars). */
function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const t = node as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const lineStart = text.lastIndexOf('\n', t.offset - 1) + 1;
      out.push({ offset: t.offset, end: t.offset + t.source.length, body: t.source.slice(1), ownLine: text.slice(lineStart, t.offset).trim() === '' });
      return;
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort((a, b) => a.offset - b.offset);
}

/** Metadata: braze-s3: ignore: [{ code, reason }] on CloudFormation resources (YAML or JSON). */
function metadataSuppressions(text: string, locale: Locale | undefined, out: InlineSuppressions): void {
  const m = configMessages(locale);
  const doc = parseDocument(text, { prettyErrors: false });
  const resources = isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
  if (!isMap(resources)) return;
  const range = (n: unknown) => (n as Node | undefined)?.range;
  for (const resource of resources.items) {
    const metadata = isMap(resource.value) ? resource.value.get('Metadata', true) : undefined;
    const ours = isMap(metadata) ? metadata.get('braze-s3', true) : undefined;
    if (ours === undefined) continue;
    const r = [range(resource.key)?.[0] ?? 0, range(resource.value)?.[1] ?? text.length];
    const ignore = isMap(ours) ? ours.get('ignore', true) : undefined;
    if (!isSeq(ignore)) {
      const at = range(ours) ?? range(metadata);
      out.invalid.push({ offset: at?.[0] ?? r[0], length: Math.max(0, (at?.[1] ?? r[0]) - (at?.[0] ?? r[0])), message: m.metadataNotList });
      continue;
    }
    for (const item of ignore.items) {
      const at = range(item) ?? [r[0], r[0]];
      const place = { offset: at[0], length: Math.max(0, at[1] - at[0]) };
      const codeNode = isMap(item) ? item.get('code', true) : undefined;
      const reasonNode = isMap(item) ? item.get('reason', true) : undefined;
      const codes = (isSeq(codeNode) ? codeNode.items : [codeNode]).map((c) => (isScalar(c) && typeof c.value === 'string' ? c.value : undefined));
      const reason = isScalar(reasonNode) && typeof reasonNode.value === 'string' ? reasonNode.value.trim() : '';
      if (!isMap(item) || codeNode === undefined || codes.some((c) => c === undefined)) {
        out.invalid.push({ ...place, message: m.metadataEntry });
        continue;
      }
      const bad = codeProblem(codes as string[], locale);
      if (bad) out.invalid.push({ ...place, message: bad });
      else if (!reason) out.invalid.push({ ...place, message: m.noReason(codes as string[]) });
      else out.suppressions.push({ codes: codes as string[], reason, ...place, start: r[0], end: r[1] });
    }
  }
}

/** Every braze-s3-ignore directive of a Terraform or CloudFormation file. */
export function inlineSuppressions(text: string, format: 'terraform' | 'cloudformation', locale?: Locale): InlineSuppressions {
  const out: InlineSuppressions = { suppressions: [], invalid: [] };
  const yaml = format === 'cloudformation';
  if (yaml && METADATA_KEY.test(text)) metadataSuppressions(text, locale, out);
  if (!text.includes(DIRECTIVE)) return out;
  const lines = new Lines(text);
  const json = yaml && /^\s*\{/.test(text);
  const scan = yaml ? undefined : scanHcl(text);
  const comments = json ? [] : yaml ? yamlComments(text) : scan!.comments;
  const commentOnly = new Set(comments.filter((c) => c.ownLine).map((c) => lines.lineOf(c.offset)));
  for (const c of comments) {
    const d = parseDirective(c.body.replace(/\*\/$/, ''), locale);
    if (!d) continue;
    const place = { offset: c.offset, length: c.end - c.offset };
    if ('problem' in d) {
      out.invalid.push({ ...place, message: d.problem });
      continue;
    }
    const line = targetLine(lines, c, commentOnly);
    const region = line === undefined ? { start: c.end, end: c.end } : yaml ? yamlRegion(lines, line, commentOnly) : hclRegion(lines, scan!, line);
    out.suppressions.push({ ...d, ...place, ...region });
  }
  return out;
}

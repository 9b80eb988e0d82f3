// Fix edits written as HCL: a quoted string, an item added to a tuple, an attribute or a nested
// block (`condition`, `principals`, `statement`) added to an aws_iam_policy_document block, an
// element added to a jsonencode object. What it cannot write in place returns no edits.
import type { TextEdit } from '../policy';
import { Expr, FormatWriter, NewString, PArray, PObject, PString, Span, eolOf, indentAt, indentUnit, lazyWriter, lineStartOf } from './projection';

interface BlockInfo {
  start: number;
  /** Offset of the block's closing brace. */
  close: number;
}

/** What the writer needs to know about the HCL a projected value came from. */
export type HclHost =
  | { kind: 'string'; span: Span; policyDocument: boolean }
  | { kind: 'synthetic' }
  | { kind: 'tuple'; span: Span }
  | { kind: 'object'; span: Span }
  | { kind: 'object-elem'; span: Span }
  | { kind: 'attribute'; span: Span }
  | { kind: 'document-block'; block: BlockInfo }
  | { kind: 'statement-list'; block: BlockInfo }
  | { kind: 'statement-block'; block: BlockInfo }
  | { kind: 'principals'; statement: BlockInfo; blockName: string }
  | { kind: 'conditions'; statement: BlockInfo }
  | { kind: 'condition-test'; statement: BlockInfo; test: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A quoted HCL string. In aws_iam_policy_document, IAM's `${var}` is written `&{var}`. */
export function hclString(value: string, policyDocument = false): string {
  // Function replacements: in a replacement string, `$$` would mean a single `$`.
  const json = JSON.stringify(value).replace(/%\{/g, () => '%%{');
  return json.replace(/\$\{/g, () => (policyDocument ? '&{' : '$${'));
}

/**
 * A string a fix writes, as an HCL expression: a quoted string, or one that interpolates the
 * file's values (`"arn:aws:s3:::${var.bucket_name}/*"`), or the bare reference (`var.external_id`).
 */
export function hclExpr(value: NewString, policyDocument = false): string {
  if (!(value instanceof Expr)) return hclString(value, policyDocument);
  return value.sole ?? `"${value.template((s) => hclString(s, policyDocument).slice(1, -1))}"`;
}

function hclKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

/** A JSON value as an HCL expression (jsonencode style); objects one element per line. */
export function hclValue(value: unknown, indent: string, unit: string, eol: string): string {
  if (typeof value === 'string' || value instanceof Expr) return hclExpr(value);
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v, indent, unit, eol)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const inner = indent + unit;
    const lines = Object.entries(value).map(([k, v]) => `${inner}${hclKey(k)} = ${hclValue(v, inner, unit, eol)}`);
    return `{${eol}${lines.join(eol)}${eol}${indent}}`;
  }
  return JSON.stringify(value);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const ATTRIBUTE_OF: Record<string, string> = { Sid: 'sid', Effect: 'effect', Action: 'actions', NotAction: 'not_actions', Resource: 'resources', NotResource: 'not_resources', Version: 'version', Id: 'policy_id' };
const LIST_ATTRIBUTES = new Set(['actions', 'not_actions', 'resources', 'not_resources']);

/** The HCL writer for a file, made on first use (see lazyWriter). */
export function hclWriter(text: string): FormatWriter {
  return lazyWriter(() => makeHclWriter(text));
}

function makeHclWriter(text: string): FormatWriter {
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const str = (v: unknown) => hclExpr(v instanceof Expr ? v : String(v), true);
  const list = (values: unknown[]) => `[${values.map(str).join(', ')}]`;

  /** Lines for one policy-document element (an attribute, or principals/condition blocks). */
  function documentLines(key: string, value: unknown, indent: string): string[] | undefined {
    const inner = indent + unit;
    if (key === 'Condition' && value && typeof value === 'object') {
      return Object.entries(value).flatMap(([test, vars]) => Object.entries(vars as object).flatMap(([variable, values]) => conditionBlock(test, variable, values, indent)));
    }
    if ((key === 'Principal' || key === 'NotPrincipal') && value && typeof value === 'object') {
      const name = key === 'Principal' ? 'principals' : 'not_principals';
      return Object.entries(value).flatMap(([type, ids]) => [`${indent}${name} {`, `${inner}type        = ${hclString(type, true)}`, `${inner}identifiers = ${list(asList(ids))}`, `${indent}}`]);
    }
    const attribute = ATTRIBUTE_OF[key];
    if (!attribute) return undefined;
    return [`${indent}${attribute} = ${LIST_ATTRIBUTES.has(attribute) ? list(asList(value)) : str(value)}`];
  }

  function conditionBlock(test: string, variable: string, values: unknown, indent: string): string[] {
    const inner = indent + unit;
    return [`${indent}condition {`, `${inner}test     = ${hclString(test, true)}`, `${inner}variable = ${hclString(variable, true)}`, `${inner}values   = ${list(asList(values))}`, `${indent}}`];
  }

  /** Insert whole lines before a block's closing brace, indented one step inside the block. */
  function intoBlock(block: BlockInfo, lines: (indent: string) => string[] | undefined): TextEdit[] {
    const indent = indentAt(text, block.start) + unit;
    const made = lines(indent);
    if (!made?.length) return [];
    const lineStart = lineStartOf(text, block.close);
    if (/^[ \t]*$/.test(text.slice(lineStart, block.close))) return [{ offset: lineStart, length: 0, newText: made.join(eol) + eol }];
    return [{ offset: block.close, length: 0, newText: eol + made.join(eol) + eol + indentAt(text, block.start) }];
  }

  /** Add an element after the last of a bracketed sequence (tuple or object) in its layout. */
  function appendTo(span: Span, last: Span | undefined, rendered: (indent: string) => string): TextEdit[] {
    if (!last) {
      const indent = indentAt(text, span.offset);
      return [{ offset: span.offset + 1, length: 0, newText: rendered(indent) }];
    }
    const lastEnd = last.offset + last.length;
    const multiLine = text.slice(span.offset, last.offset).includes('\n');
    const after = /^[ \t]*,/.exec(text.slice(lastEnd));
    const indent = indentAt(text, last.offset);
    if (multiLine && after) return [{ offset: lastEnd + after[0].length, length: 0, newText: `${eol}${indent}${rendered(indent)},` }];
    if (multiLine) return [{ offset: lastEnd, length: 0, newText: `,${eol}${indent}${rendered(indent)}` }];
    return [{ offset: lastEnd, length: 0, newText: `, ${rendered(indent)}` }];
  }

  return {
    replaceString(target: PString, value: NewString): TextEdit[] {
      const host = target.host as HclHost | undefined;
      if (host?.kind !== 'string') return [];
      return [{ offset: host.span.offset, length: host.span.length, newText: hclExpr(value, host.policyDocument) }];
    },

    renameKey(entry, _parent, name): TextEdit[] {
      const quoted = text[entry.keySrc.offset] === '"';
      return [{ offset: entry.keySrc.offset, length: entry.keySrc.length, newText: quoted || !IDENTIFIER.test(name) ? hclString(name) : name }];
    },

    appendItem(target: PArray | PString, item: NewString): TextEdit[] {
      const host = target.host as HclHost | undefined;
      if (target.type === 'string') {
        if (host?.kind !== 'string') return [];
        const old = text.slice(host.span.offset, host.span.offset + host.span.length);
        return [{ offset: host.span.offset, length: host.span.length, newText: `[${old}, ${hclExpr(item, host.policyDocument)}]` }];
      }
      if (host?.kind !== 'tuple') return [];
      const policyDocument = target.items.some((i) => (i.type === 'string' && (i.host as HclHost | undefined)?.kind === 'string' && (i.host as { policyDocument: boolean }).policyDocument));
      return appendTo(host.span, target.items.at(-1)?.src, () => hclExpr(item, policyDocument));
    },

    replaceWithList(target: PString, items: NewString[]): TextEdit[] {
      const host = target.host as HclHost | undefined;
      if (host?.kind !== 'string') return [];
      return [{ offset: host.span.offset, length: host.span.length, newText: `[${items.map((i) => hclExpr(i, host.policyDocument)).join(', ')}]` }];
    },

    removeItem(target: PArray, index: number): TextEdit[] {
      const host = target.host as HclHost | undefined;
      if (host?.kind !== 'tuple' || index < 0) return [];
      const items = target.items.map((i) => i.src);
      const item = items[index];
      if (items.length === 1) return [{ offset: item.offset, length: item.length, newText: '' }];
      if (index < items.length - 1) return [{ offset: item.offset, length: items[index + 1].offset - item.offset, newText: '' }];
      const prevEnd = items[index - 1].offset + items[index - 1].length;
      return [{ offset: prevEnd, length: item.offset + item.length - prevEnd, newText: '' }];
    },

    addEntry(target: PObject, key: string, value: unknown): TextEdit[] {
      const host = target.host as HclHost | undefined;
      switch (host?.kind) {
        case 'object': {
          const last = target.entries.at(-1);
          const lastSpan = last ? { offset: last.keySrc.offset, length: last.value.src.offset + last.value.src.length - last.keySrc.offset } : undefined;
          return appendTo(host.span, lastSpan, (indent) => `${hclKey(key)} = ${hclValue(value, indent, unit, eol)}`);
        }
        case 'statement-block':
        case 'document-block':
          return intoBlock(host.block, (indent) => documentLines(key, value, indent));
        case 'conditions':
          return intoBlock(host.statement, (indent) => documentLines('Condition', { [key]: value }, indent));
        case 'condition-test':
          return intoBlock(host.statement, (indent) => conditionBlock(host.test, key, value, indent));
        case 'principals':
          return intoBlock(host.statement, (indent) => documentLines(host.blockName === 'principals' ? 'Principal' : 'NotPrincipal', { [key]: value }, indent));
        default:
          return [];
      }
    },

    addItem(target: PArray, value: unknown): TextEdit[] {
      const host = target.host as HclHost | undefined;
      if (host?.kind === 'statement-list') {
        return intoBlock(host.block, (indent) => {
          const inner = indent + unit;
          const body = Object.entries(value as object).flatMap(([k, v]) => documentLines(k, v, inner) ?? []);
          return [`${indent}statement {`, ...body, `${indent}}`];
        });
      }
      if (host?.kind === 'tuple') return appendTo(host.span, target.items.at(-1)?.src, (indent) => hclValue(value, indent, unit, eol));
      return [];
    },
  };
}

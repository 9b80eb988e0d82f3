// Fix edits written as YAML (or as JSON, for a CloudFormation template written in JSON): a scalar
// replaced in its own quoting style, an item added to a block or flow sequence, a key added to a
// block or flow mapping. Intrinsic functions (!Sub, !Ref…) are never rewritten.
import { stringify } from 'yaml';
import type { TextEdit } from '../policy';
import { Expr, FormatWriter, NewString, PArray, PObject, PString, PValue, Span, eolOf, indentAt, indentUnit, lazyWriter, lineStartOf } from './projection';

export type YamlHost =
  | { kind: 'scalar'; span: Span; style: string; json: boolean }
  | { kind: 'seq'; span: Span; flow: boolean; json: boolean }
  | { kind: 'map'; span: Span; flow: boolean; json: boolean }
  | { kind: 'pair'; keySpan: Span; json: boolean };

const PLAIN_SAFE = /^[A-Za-z0-9/*][A-Za-z0-9:/*._\-${}?=@+]*$/;

/** A scalar in the style of the one it replaces (plain when YAML allows it, else double quotes). */
export function yamlScalar(value: string, style = 'PLAIN', json = false): string {
  if (json || style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return PLAIN_SAFE.test(value) && !/^(true|false|null|yes|no|on|off|~|[0-9.]+)$/i.test(value) && !/: |#/.test(value) ? value : JSON.stringify(value);
}

/** `Fn::Sub` text: a literal `${` is written `${!`. */
const subLiteral = (s: string) => s.replace(/\$\{/g, '${!');

/** A reference to the template's values as CloudFormation JSON: Ref, Fn::GetAtt, or Fn::Sub. */
export function cfJson(e: Expr): unknown {
  const sole = e.sole;
  if (sole && !sole.includes('.') && !sole.startsWith('AWS::')) return { Ref: sole };
  if (sole && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+$/.test(sole)) return { 'Fn::GetAtt': [sole.slice(0, sole.indexOf('.')), sole.slice(sole.indexOf('.') + 1)] };
  return { 'Fn::Sub': e.template(subLiteral) };
}

/** The same in YAML's short form: `!Ref X`, `!GetAtt X.Arn`, `!Sub "…${X}…"`. */
export function cfTag(e: Expr, flow = false): string {
  const j = cfJson(e) as Record<string, unknown>;
  if ('Ref' in j) return `!Ref ${j.Ref}`;
  if ('Fn::GetAtt' in j) return `!GetAtt ${(j['Fn::GetAtt'] as string[]).join('.')}`;
  const text = j['Fn::Sub'] as string;
  return `!Sub ${flow ? JSON.stringify(text) : yamlScalar(text)}`;
}

/** A new string in the file's syntax: a scalar in the given style, or a reference (see cfTag). */
export function yamlValue(value: NewString, style = 'PLAIN', json = false, flow = false): string {
  if (value instanceof Expr) return json ? JSON.stringify(cfJson(value)) : cfTag(value, flow);
  return yamlScalar(value, style, json);
}

/** JSON with every Expr written as its CloudFormation function. */
const cfStringify = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Expr ? cfJson(v) : v));

/** A value in YAML flow style (`{"k": v}`, `[a, b]`), references as short-form tags. */
function flowYaml(value: unknown): string {
  if (value instanceof Expr) return cfTag(value, true);
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${flowYaml(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function lastSpan(values: PValue[]): Span | undefined {
  return values.at(-1)?.src;
}

/** The YAML writer for a file, made on first use (see lazyWriter). */
export function yamlWriter(text: string): FormatWriter {
  return lazyWriter(() => makeYamlWriter(text));
}

function makeYamlWriter(text: string): FormatWriter {
  const eol = eolOf(text);
  const unit = indentUnit(text);

  /** A value as block YAML lines under `indent` (for a new key or sequence item). */
  function blockLines(value: unknown, indent: string): string[] {
    // References are written as tags: each stands in the YAML as a marker, replaced afterwards.
    const tags: string[] = [];
    const marked = (v: unknown): unknown => {
      if (v instanceof Expr) return `BRAZES3REF${tags.push(cfTag(v)) - 1}X`;
      if (Array.isArray(v)) return v.map(marked);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marked(x)]));
      return v;
    };
    const text = stringify(marked(value), { lineWidth: 0, indent: unit.length || 2 }).replace(/BRAZES3REF(\d+)X/g, (_, i: string) => tags[Number(i)]);
    return text.trimEnd().split('\n').map((l) => indent + l);
  }

  /** After the last element of a flow collection (`[a, b]`, `{…}`, or JSON), in its layout. */
  function appendFlow(span: Span, last: Span | undefined, rendered: string): TextEdit[] {
    if (!last) return [{ offset: span.offset + 1, length: 0, newText: rendered }];
    const lastEnd = last.offset + last.length;
    const multiLine = text.slice(span.offset, last.offset).includes('\n');
    return [{ offset: lastEnd, length: 0, newText: multiLine ? `,${eol}${indentAt(text, last.offset)}${rendered}` : `, ${rendered}` }];
  }

  /** Inside a flow collection (`[…]`, `{…}`) on its line: a `!Sub` text there is quoted. */
  function inFlow(offset: number): boolean {
    const before = text.slice(lineStartOf(text, offset), offset);
    return /[[{]/.test(before.replace(/"[^"]*"|'[^']*'/g, ''));
  }

  /** End of a block node's last line of content (before trailing newlines and comments). */
  function contentEnd(span: Span): number {
    return span.offset + text.slice(span.offset, span.offset + span.length).trimEnd().length;
  }

  return {
    replaceString(target: PString, value: NewString): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (host?.kind !== 'scalar' || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(host.style)) return [];
      return [{ offset: host.span.offset, length: host.span.length, newText: yamlValue(value, host.style, host.json, inFlow(host.span.offset)) }];
    },

    renameKey(entry, _parent, name): TextEdit[] {
      const host = entry.host as YamlHost | undefined;
      if (host?.kind !== 'pair') return [];
      const raw = text.slice(entry.keySrc.offset, entry.keySrc.offset + entry.keySrc.length);
      const style = raw.startsWith('"') ? 'QUOTE_DOUBLE' : raw.startsWith("'") ? 'QUOTE_SINGLE' : 'PLAIN';
      return [{ offset: entry.keySrc.offset, length: entry.keySrc.length, newText: yamlScalar(name, style, host.json) }];
    },

    appendItem(target: PArray | PString, item: NewString): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (target.type === 'string') {
        if (host?.kind !== 'scalar' || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(host.style)) return [];
        const old = text.slice(host.span.offset, host.span.offset + host.span.length);
        return [{ offset: host.span.offset, length: host.span.length, newText: `[${old}, ${yamlValue(item, host.style, host.json, true)}]` }];
      }
      if (host?.kind !== 'seq') return [];
      const last = lastSpan(target.items);
      const lastItem = target.items.at(-1);
      const lastHost = lastItem && lastItem.type !== 'scalar' ? (lastItem.host as YamlHost | undefined) : undefined;
      const style = lastHost?.kind === 'scalar' ? lastHost.style : 'PLAIN';
      if (host.flow || host.json) return appendFlow(host.span, last, yamlValue(item, style, host.json, true));
      if (!last) return [];
      // A block sequence: a new "- item" line at the indentation of the last dash.
      const dash = text.lastIndexOf('-', last.offset);
      const indent = indentAt(text, dash);
      const column = dash - lineStartOf(text, dash);
      const pad = indent.length < column ? ' '.repeat(column) : indent;
      return [{ offset: contentEnd(last), length: 0, newText: `${eol}${pad}- ${yamlValue(item, style)}` }];
    },

    replaceWithList(target: PString, items: NewString[]): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (host?.kind !== 'scalar' || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(host.style)) return [];
      return [{ offset: host.span.offset, length: host.span.length, newText: `[${items.map((i) => yamlValue(i, host.style, host.json, true)).join(', ')}]` }];
    },

    removeItem(target: PArray, index: number): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (host?.kind !== 'seq' || index < 0) return [];
      const items = target.items.map((i) => i.src);
      const item = items[index];
      if (host.flow || host.json) {
        if (items.length === 1) return [{ offset: item.offset, length: item.length, newText: '' }];
        if (index < items.length - 1) return [{ offset: item.offset, length: items[index + 1].offset - item.offset, newText: '' }];
        const prevEnd = items[index - 1].offset + items[index - 1].length;
        return [{ offset: prevEnd, length: item.offset + item.length - prevEnd, newText: '' }];
      }
      if (items.length === 1) return [];
      // Whole lines: from the start of the item's "- " line to the start of the next line.
      const from = lineStartOf(text, item.offset);
      const nextLine = text.indexOf('\n', contentEnd(item));
      const to = nextLine < 0 ? text.length : nextLine + 1;
      return [{ offset: from, length: to - from, newText: '' }];
    },

    addEntry(target: PObject, key: string, value: unknown): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (host?.kind !== 'map') return [];
      const last = target.entries.at(-1);
      if (host.flow || host.json) {
        const lastEntry = last && { offset: last.keySrc.offset, length: last.value.src.offset + last.value.src.length - last.keySrc.offset };
        return appendFlow(host.span, lastEntry, `${JSON.stringify(key)}: ${host.json ? cfStringify(value) : flowYaml(value)}`);
      }
      if (!last) return [];
      const indent = indentAt(text, last.keySrc.offset);
      const column = last.keySrc.offset - lineStartOf(text, last.keySrc.offset);
      const pad = indent.length < column ? ' '.repeat(column) : indent;
      return [{ offset: contentEnd(last.value.src), length: 0, newText: eol + blockLines({ [key]: value }, pad).join(eol) }];
    },

    addItem(target: PArray, value: unknown): TextEdit[] {
      const host = target.host as YamlHost | undefined;
      if (host?.kind !== 'seq') return [];
      const last = lastSpan(target.items);
      if (host.flow || host.json) return appendFlow(host.span, last, host.json ? cfStringify(value) : flowYaml(value));
      if (!last) return [];
      const dash = text.lastIndexOf('-', last.offset);
      const pad = ' '.repeat(dash - lineStartOf(text, dash));
      return [{ offset: contentEnd(last), length: 0, newText: eol + blockLines([value], pad).join(eol) }];
    },
  };
}

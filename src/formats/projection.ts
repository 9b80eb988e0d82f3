// A policy document found inside a Terraform or CloudFormation file, projected to the JSON the
// engine reads. Each format's parser builds a tree of values that remember where they came from;
// this module writes that tree as JSON, remembers which JSON offsets came from which source text,
// and maps the engine's findings back onto the file. Fixes are written by the format's own writer
// (FormatWriter), so a quick fix edits HCL or YAML, never pastes JSON where it does not belong.
import type { Node } from 'jsonc-parser';
import type { JSONPath } from 'jsonc-parser';
import type { EditWriter } from '../policy';
import type { TextEdit } from '../policy';

export interface Span {
  offset: number;
  length: number;
}

/** Literal text whose source characters are exactly `text` (offsets inside it map one to one). */
export interface LiteralPart {
  kind: 'literal';
  text: string;
  src: Span;
  /** The source spells the text differently (escapes): findings inside map to the whole span. */
  escaped?: boolean;
}

/** A value known only at deploy time: the engine sees `${label}` and treats it as unknown. */
export interface UnknownPart {
  kind: 'unknown';
  label: string;
  src: Span;
}

/** A value read from elsewhere in the file (a variable's default, a bucket's name…). */
export interface ResolvedPart {
  kind: 'resolved';
  text: string;
  src: Span;
  /** Where the value came from, as the user wrote it (`var.bucket_name`), and its line (1-based). */
  origin: string;
  line: number;
  /**
   * How the file refers to this value when the part is the whole of that reference, in the
   * format's own substitution syntax: HCL `var.bucket_name` (written `${var.bucket_name}`),
   * CloudFormation `BucketName` / `ExportBucket.Arn` / `AWS::Partition` (`!Ref`, `!GetAtt`,
   * `${…}` in `!Sub`). A fix that writes the value writes this reference instead.
   */
  ref?: string;
}

export type Part = LiteralPart | UnknownPart | ResolvedPart;

export interface PString {
  type: 'string';
  parts: Part[];
  src: Span;
  host?: unknown;
}

export interface PArray {
  type: 'array';
  items: PValue[];
  src: Span;
  host?: unknown;
}

export interface PEntry {
  key: string;
  keySrc: Span;
  /** The key is written literally in the source (it can be renamed in place). */
  keyLiteral: boolean;
  /** The key stands for something known only at deploy time (a `dynamic` block): `${label}`. */
  keyUnknown?: string;
  value: PValue;
  host?: unknown;
}

export interface PObject {
  type: 'object';
  entries: PEntry[];
  src: Span;
  host?: unknown;
}

export interface PScalar {
  type: 'scalar';
  value: number | boolean | null;
  src: Span;
}

export type PValue = PString | PArray | PObject | PScalar;

/**
 * Text a fix writes that refers to values of the file: literal pieces and references (see
 * ResolvedPart.ref). Each writer renders it in its syntax (HCL interpolation, `!Sub`, `Fn::Sub`).
 */
export class Expr {
  constructor(readonly segments: readonly (string | { ref: string })[]) {}

  /** The text with `${ref}` for each reference (HCL and Fn::Sub spell them the same way). */
  template(escapeLiteral: (s: string) => string = (s) => s): string {
    return this.segments.map((s) => (typeof s === 'string' ? escapeLiteral(s) : `\${${s.ref}}`)).join('');
  }

  /** The single reference the whole value is, if it is one. */
  get sole(): string | undefined {
    return this.segments.length === 1 && typeof this.segments[0] !== 'string' ? this.segments[0].ref : undefined;
  }
}

/** A string a fix writes: literal text, or text that refers to the file's values. */
export type NewString = string | Expr;

/** A parameter or variable of the file that holds an external ID (its name says so, or its default is the ID). */
export interface ExternalIdRef {
  ref: string;
  /** Its default, when it has one. */
  value?: string;
  /** Its name says external ID (`ExternalId`, `braze_external_id`). */
  named: boolean;
}

/** What a whole file offers a fix to refer to, beyond the values its document already uses. */
export interface FileRefs {
  externalIds?: ExternalIdRef[];
}

const EXTERNAL_ID_KEY = 'sts:externalid';
/** Values too short to be told apart from ordinary text are never taken for a reference. */
const MIN_REFERENCED = 4;

/**
 * Maps a fix's new values back to the expressions they came from: in an ARN, the longest value
 * the document resolved from a reference is written as that reference (`arn:aws:s3:::acme/*` →
 * `arn:aws:s3:::${var.bucket_name}/*`); an external ID is written as the file's external-ID
 * parameter. Anything else stays literal.
 */
export class Substituter {
  private readonly known: { text: string; ref: string }[];
  private readonly partition: string | undefined;

  constructor(parts: Part[], private readonly refs: FileRefs = {}) {
    const byText = new Map<string, string>();
    let partition: string | undefined;
    for (const p of parts) {
      if (p.kind !== 'resolved' || !p.ref) continue;
      if (p.ref === 'AWS::Partition') partition = p.ref;
      else if (p.text.length >= MIN_REFERENCED && !byText.has(p.text)) byText.set(p.text, p.ref);
    }
    this.partition = partition;
    this.known = [...byText].map(([text, ref]) => ({ text, ref })).sort((a, b) => b.text.length - a.text.length);
  }

  /** One string: an ARN with the document's references put back, else the text as is. */
  string(text: string): NewString {
    if (!text.startsWith('arn:') || this.known.length === 0) return text;
    const segments = this.split(text);
    if (segments.every((s) => typeof s === 'string')) return text;
    // The document spells the partition as AWS::Partition: so does the fix, beside a reference.
    if (this.partition && typeof segments[0] === 'string' && segments[0].startsWith('arn:aws:')) segments.splice(0, 1, 'arn:', { ref: this.partition }, segments[0].slice(7));
    return new Expr(segments.filter((s) => s !== ''));
  }

  private split(text: string): (string | { ref: string })[] {
    for (const k of this.known) {
      const at = text.indexOf(k.text);
      if (at < 0) continue;
      return [...this.split(text.slice(0, at)), { ref: k.ref }, ...this.split(text.slice(at + k.text.length))];
    }
    return text ? [text] : [];
  }

  /** The file's external-ID parameter for this value: the one whose default it is, else the one named so. */
  externalId(value: string): NewString {
    const refs = this.refs.externalIds ?? [];
    const ref = refs.find((r) => r.value !== undefined && r.value === value) ?? (refs.filter((r) => r.named).length === 1 ? refs.find((r) => r.named) : undefined);
    return ref ? new Expr([{ ref: ref.ref }]) : value;
  }

  /** A whole value (a statement, a condition…): every string in it, `key` the entry it sits under. */
  value(v: unknown, key?: string): unknown {
    if (typeof v === 'string') return key?.toLowerCase() === EXTERNAL_ID_KEY ? this.externalId(v) : this.string(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x, key));
    if (v && typeof v === 'object' && !(v instanceof Expr)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, k)]));
    return v;
  }
}

/** A string made of one literal part. */
export function literalString(text: string, src: Span, content: Span = src, host?: unknown): PString {
  return { type: 'string', parts: [{ kind: 'literal', text, src: content }], src, host };
}

/**
 * The document a service builds from a statement given alone (a Lambda permission's fields, an
 * EventBridge bus policy's Statement): Version and a one-item Statement list, written nowhere in
 * the file (`at`: where findings about the document sit).
 */
export function oneStatementDocument(statement: PValue, at: Span): PObject {
  const entry = (key: string, value: PValue): PEntry => ({ key, keySrc: at, keyLiteral: false, value });
  return { type: 'object', entries: [entry('Version', literalString('2012-10-17', at)), entry('Statement', { type: 'array', items: [statement], src: at })], src: at };
}

/**
 * A Lambda permission's fields as the statement Lambda builds from them: a service principal
 * (`s3.amazonaws.com`) or an account/ARN, the action, and the function (named by name, ARN or
 * partial ARN: the service resolves it, so it is an unknown value here). `at`: the block or
 * resource, where findings about the statement sit.
 */
export function permissionStatement(p: { principal: PValue; principalText: string | undefined; principalKey: Span; action: PValue; actionKey: Span; functionName: Span; label: string; at: Span }): PObject {
  const entry = (key: string, value: PValue, keySrc = p.at): PEntry => ({ key, keySrc, keyLiteral: false, value });
  const principal: PValue = p.principalText === '*' ? p.principal : { type: 'object', entries: [entry(/\.amazonaws\.com(\.cn)?$/.test(p.principalText ?? '') ? 'Service' : 'AWS', p.principal, p.principalKey)], src: p.principal.src };
  const resource: PValue = { type: 'string', parts: [{ kind: 'unknown', label: p.label, src: p.functionName }], src: p.functionName };
  return { type: 'object', entries: [entry('Effect', literalString('Allow', p.at)), entry('Principal', principal), entry('Action', p.action, p.actionKey), entry('Resource', resource)], src: p.at };
}

export function isLiteral(v: PString): boolean {
  return v.parts.every((p) => p.kind === 'literal');
}

export function stringValue(v: PString): string {
  return v.parts.map((p) => (p.kind === 'unknown' ? `\${${p.label}}` : p.text)).join('');
}

/** How an unknown value reads in the projected JSON: `${label}`, without what would end it early. */
export function unknownText(label: string): string {
  return `\${${label.replace(/[}"\\\n]/g, '_')}}`;
}

/**
 * A writer made on first use: most analyses never write a fix, and reading a file's layout (line
 * ends, indentation) costs a scan of the whole text.
 */
export function lazyWriter(make: () => FormatWriter): FormatWriter {
  let made: FormatWriter | undefined;
  const w = () => (made ??= make());
  return {
    replaceString: (t, v) => w().replaceString(t, v),
    renameKey: (e, p, n) => w().renameKey(e, p, n),
    appendItem: (t, i) => w().appendItem(t, i),
    replaceWithList: (t, i) => w().replaceWithList(t, i),
    removeItem: (t, i) => w().removeItem(t, i),
    addEntry: (t, k, v) => w().addEntry(t, k, v),
    addItem: (t, v) => w().addItem(t, v),
  };
}

/** Edits in the source format's own syntax; an empty list means "cannot do it here". */
export interface FormatWriter {
  replaceString(target: PString, value: NewString): TextEdit[];
  renameKey(entry: PEntry, parent: PObject, name: string): TextEdit[];
  /** Append a string to a list (or turn a single string into a list). */
  appendItem(target: PArray | PString, item: NewString): TextEdit[];
  /** Replace a single string value by a list of strings. */
  replaceWithList(target: PString, items: NewString[]): TextEdit[];
  removeItem(list: PArray, index: number): TextEdit[];
  addEntry(target: PObject, key: string, value: unknown): TextEdit[];
  addItem(target: PArray, value: unknown): TextEdit[];
}

interface Placed {
  start: number;
  end: number;
  value: PValue;
}
interface PlacedPart {
  start: number;
  end: number;
  part: Part;
}
interface PlacedKey {
  start: number;
  end: number;
  entry: PEntry;
  parent: PObject;
  /** The statement object when this key is a condition key (Statement[i].Condition.Op.Key). */
  conditionOf?: PObject;
}


export class Projection {
  readonly json: string;
  private readonly values: Placed[] = [];
  private readonly parts: PlacedPart[] = [];
  private readonly keys: PlacedKey[] = [];
  private readonly byOffset = new Map<number, PValue>();
  private readonly keyByOffset = new Map<number, PlacedKey>();
  private readonly parent = new Map<PValue, PArray | PObject>();
  /** The key a value sits under (list items inherit their list's): `Action`, `Resource`… */
  private readonly keyOf = new Map<PValue, string>();
  /** Operator objects of a Condition, with the statement they belong to. */
  private readonly operatorOf = new Map<PValue, PObject>();
  private out: string[] = [];
  private length = 0;

  constructor(readonly root: PValue, readonly span: Span, private readonly writer: FormatWriter, private readonly refs?: FileRefs) {
    this.write(root);
    this.json = this.out.join('');
    this.out = [];
  }

  private emit(s: string): void {
    this.out.push(s);
    this.length += s.length;
  }

  private write(v: PValue): void {
    const start = this.length;
    this.byOffset.set(start, v);
    switch (v.type) {
      case 'string':
        this.emit('"');
        for (const part of v.parts) {
          const from = this.length;
          const raw = part.kind === 'unknown' ? unknownText(part.label) : part.text;
          this.emit(JSON.stringify(raw).slice(1, -1));
          this.parts.push({ start: from, end: this.length, part });
        }
        this.emit('"');
        break;
      case 'array':
        this.emit('[');
        v.items.forEach((item, i) => {
          if (i > 0) this.emit(',');
          this.parent.set(item, v);
          const key = this.keyOf.get(v);
          if (key !== undefined) this.keyOf.set(item, key);
          this.write(item);
        });
        this.emit(']');
        break;
      case 'object':
        this.emit('{');
        v.entries.forEach((entry, i) => {
          if (i > 0) this.emit(',');
          const keyStart = this.length;
          this.emit(JSON.stringify(entry.keyUnknown !== undefined ? unknownText(entry.keyUnknown) : entry.key));
          if (entry.keyUnknown !== undefined) this.parts.push({ start: keyStart, end: this.length, part: { kind: 'unknown', label: entry.keyUnknown, src: entry.keySrc } });
          const placed: PlacedKey = { start: keyStart, end: this.length, entry, parent: v, conditionOf: this.operatorOf.get(v) };
          // Statement.Condition → its operators' objects hold the condition keys.
          if (entry.key === 'Condition' && entry.value.type === 'object') for (const op of entry.value.entries) this.operatorOf.set(op.value, v);
          this.keys.push(placed);
          this.keyByOffset.set(keyStart, placed);
          this.emit(':');
          this.parent.set(entry.value, v);
          this.keyOf.set(entry.value, entry.key);
          this.write(entry.value);
        });
        this.emit('}');
        break;
      case 'scalar':
        this.emit(JSON.stringify(v.value));
        break;
    }
    this.values.push({ start, end: this.length, value: v });
  }

  /** The source span for a span of the projected JSON: the smallest source text it came from. */
  toSource(offset: number, length: number): Span {
    const end = offset + length;
    let best: { start: number; end: number; src: Span } | undefined;
    const consider = (start: number, stop: number, src: Span) => {
      if (start <= offset && end <= stop && (!best || stop - start < best.end - best.start)) best = { start, end: stop, src };
    };
    for (const v of this.values) consider(v.start, v.end, v.value.src);
    for (const k of this.keys) consider(k.start, k.end, k.entry.keySrc);
    for (const p of this.parts) {
      if (p.start <= offset && end <= p.end && p.end > p.start) {
        const part = p.part;
        if (part.kind === 'literal' && !part.escaped && p.end - p.start === part.src.length) {
          return { offset: part.src.offset + (offset - p.start), length };
        }
        consider(p.start, p.end, part.src);
      }
    }
    // A finding that spans several parts of one string: from the first part to the last.
    if (best && length > 0) {
      const inside = this.parts.filter((p) => p.start < end && p.end > offset && p.start >= best!.start && p.end <= best!.end);
      const container = this.values.find((v) => v.start === best!.start && v.end === best!.end);
      if (inside.length > 1 && container?.value.type === 'string' && !(offset === container.start && end === container.end)) {
        const from = inside[0].part.src.offset;
        const last = inside[inside.length - 1].part.src;
        return { offset: from, length: last.offset + last.length - from };
      }
    }
    return best?.src ?? this.span;
  }

  /** The parts of the projected JSON span (o, l) that are unknown or resolved values. */
  partsIn(offset: number, length: number): Part[] {
    const end = offset + Math.max(length, 1);
    return this.parts.filter((p) => p.start < end && p.end > offset && p.part.kind !== 'literal').map((p) => p.part);
  }

  /** The innermost projected value holding the JSON span: a string holding an unknown part? */
  innermostString(offset: number, length: number): PString | undefined {
    let best: Placed | undefined;
    for (const v of this.values) {
      if (v.start <= offset && offset + length <= v.end && (!best || v.end - v.start < best.end - best.start)) best = v;
    }
    return best?.value.type === 'string' ? best.value : undefined;
  }

  /**
   * The string written at a file offset, with the policy element it belongs to (hover and
   * completion): the smallest projected string whose source holds the offset.
   */
  elementAt(offset: number): { value: string; element: string | undefined; span: Span } | undefined {
    let best: PString | undefined;
    for (const v of this.values) {
      const x = v.value;
      if (x.type !== 'string' || offset < x.src.offset || offset > x.src.offset + x.src.length) continue;
      if (!best || x.src.length < best.src.length) best = x;
    }
    return best && { value: stringValue(best), element: this.keyOf.get(best), span: best.src };
  }

  /**
   * The condition key written at a file offset, with the statement's actions (completion offers
   * the keys those actions support).
   */
  conditionKeyAt(offset: number): { key: string; span: Span; actions: string[] } | undefined {
    const k = this.keys.find((x) => x.conditionOf && offset >= x.entry.keySrc.offset && offset <= x.entry.keySrc.offset + x.entry.keySrc.length);
    if (!k?.conditionOf) return undefined;
    const action = k.conditionOf.entries.find((e) => e.key === 'Action')?.value;
    const strings = action?.type === 'array' ? action.items : action ? [action] : [];
    return { key: k.entry.key, span: k.entry.keySrc, actions: strings.flatMap((x) => (x.type === 'string' ? [stringValue(x)] : [])) };
  }

  /** Every part that is not literal text, for hover. */
  get valueParts(): Part[] {
    return this.parts.map((p) => p.part).filter((p) => p.kind !== 'literal');
  }

  /** What analyze() takes to make this projection's fix writer. */
  writerFactory(): () => EditWriter {
    return () => this.editWriter();
  }

  private substituter: Substituter | undefined;

  /** How this document's fixes refer back to the file's values (made on the first fix). */
  private get subst(): Substituter {
    return (this.substituter ??= new Substituter(this.parts.map((p) => p.part), this.refs));
  }

  /** The engine's fix writer for this projection: JSON nodes in, source edits out. */
  editWriter(): EditWriter {
    const w = this.writer;
    const s = (text: string) => this.subst.string(text);
    const at = (node: Node) => this.byOffset.get(node.offset);
    const parentOf = (v: PValue) => this.parent.get(v);
    return {
      replaceNode: (node, value) => {
        const v = at(node);
        return v?.type === 'string' && isLiteral(v) ? w.replaceString(v, s(value)) : [];
      },
      renameKey: (key, name) => {
        const k = this.keyByOffset.get(key.offset);
        return k && k.entry.keyLiteral ? w.renameKey(k.entry, k.parent, name) : [];
      },
      setValue: (path, value) => this.setValue(path, value),
      appendString: (node, item) => {
        const v = at(node);
        return v && (v.type === 'array' || (v.type === 'string' && isLiteral(v))) ? w.appendItem(v, s(item)) : [];
      },
      replaceItem: (element, items) => {
        const v = at(element);
        if (v?.type !== 'string' || !isLiteral(v) || items.length === 0) return [];
        const replaced = w.replaceString(v, s(items[0]));
        if (items.length === 1 || replaced.length === 0) return replaced;
        const list = parentOf(v);
        if (list?.type !== 'array') return w.replaceWithList(v, items.map(s));
        const rest = items.slice(1).flatMap((item) => w.appendItem(list, s(item)));
        return rest.length > 0 ? [...replaced, ...rest] : [];
      },
      removeItem: (element) => {
        const v = at(element);
        const list = v ? parentOf(v) : undefined;
        return v && list?.type === 'array' ? w.removeItem(list, list.items.indexOf(v)) : [];
      },
    };
  }

  private setValue(path: JSONPath, raw: unknown): TextEdit[] {
    const lastKey = [...path].reverse().find((k): k is string => typeof k === 'string');
    const value = this.subst.value(raw, lastKey);
    let current: PValue = this.root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const rest = path.slice(i + 1);
      if (current.type === 'object' && typeof segment === 'string') {
        const entry: PEntry | undefined = current.entries.find((e) => e.key === segment);
        if (!entry) return this.writer.addEntry(current, segment, nest(rest, value));
        current = entry.value;
      } else if (current.type === 'array' && typeof segment === 'number') {
        if (segment >= current.items.length) return rest.length === 0 ? this.writer.addItem(current, value) : [];
        current = current.items[segment];
      } else return [];
    }
    return current.type === 'string' && (typeof value === 'string' || value instanceof Expr) && isLiteral(current) ? this.writer.replaceString(current, value) : [];
  }
}

/** `['a','b'], v` → `{a: {b: v}}`: the part of a path that does not exist yet, as a value. */
function nest(path: JSONPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (typeof key === 'string' ? { [key]: inner } : [inner]), value);
}

// Helpers the format writers share.

/** The indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset + 1))![0];
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The step of indentation the file uses (two spaces unless it shows otherwise). */
export function indentUnit(text: string): string {
  const m = /\n( +|\t)\S/.exec(text);
  if (m?.[1] === '\t') return '\t';
  const sizes = [...text.matchAll(/\n( +)\S/g)].map((x) => x[1].length);
  const smallest = sizes.length ? Math.min(...sizes) : 2;
  return ' '.repeat(smallest >= 2 && smallest <= 4 ? smallest : 2);
}

// A JSON policy written as text inside another file (a Terraform heredoc, a CloudFormation
// `PolicyDocument: |` block): the JSON is the source text itself, except where the file
// interpolates a value (`${var.bucket}`), which is replaced by its resolved text or left as an
// unknown `${…}`. Offsets map one to one outside those places, so the JSON writer's fixes apply
// to the file as they are, unless they touch an interpolation (then the fix is not offered).
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import type { EditWriter } from '../policy';
import { jsonWriter } from '../policy';
import type { PolicyModel } from '../policy';
import type { TextEdit } from '../policy';
import { Part, Span, unknownText } from './projection';

export interface Substitution {
  /** Source span replaced (the whole `${…}`). */
  src: Span;
  part: Part;
}

interface Piece {
  json: number;
  src: number;
  length: number;
  substitution?: Substitution;
}

export class TextProjection {
  readonly json: string;
  private readonly pieces: Piece[] = [];

  /** `escapeForSource` turns inserted JSON into what the host format needs (HCL: `${` → `$${`). */
  constructor(source: string, readonly span: Span, substitutions: Substitution[], private readonly escapeForSource: (s: string) => string = (s) => s) {
    const out: string[] = [];
    let json = 0;
    let at = span.offset;
    const end = span.offset + span.length;
    for (const sub of [...substitutions].sort((a, b) => a.src.offset - b.src.offset)) {
      if (sub.src.offset > at) {
        const literal = source.slice(at, sub.src.offset);
        this.pieces.push({ json, src: at, length: literal.length });
        out.push(literal);
        json += literal.length;
      }
      const text = sub.part.kind === 'unknown' ? unknownText(sub.part.label) : sub.part.kind === 'resolved' ? JSON.stringify(sub.part.text).slice(1, -1) : sub.part.text;
      this.pieces.push({ json, src: sub.src.offset, length: text.length, substitution: sub });
      out.push(text);
      json += text.length;
      at = sub.src.offset + sub.src.length;
    }
    if (end > at) {
      this.pieces.push({ json, src: at, length: end - at });
      out.push(source.slice(at, end));
    }
    this.json = out.join('');
  }

  private pieceAt(offset: number): Piece | undefined {
    // The last piece starting at or before the offset (an offset at a boundary belongs to the later one).
    let found: Piece | undefined;
    for (const p of this.pieces) if (p.json <= offset) found = p;
    return found;
  }

  toSource(offset: number, length: number): Span {
    const first = this.pieceAt(offset);
    const last = this.pieceAt(Math.max(offset, offset + length - 1));
    if (!first || !last) return { offset: this.span.offset, length: 0 };
    const start = first.substitution ? first.substitution.src.offset : first.src + (offset - first.json);
    const stop = last.substitution ? last.substitution.src.offset + last.substitution.src.length : last.src + (offset + length - last.json);
    return { offset: start, length: Math.max(0, stop - start) };
  }

  /** The projected JSON offset of a file offset (undefined outside the document). */
  jsonOffset(srcOffset: number): number | undefined {
    for (const p of this.pieces) {
      const srcLength = p.substitution ? p.substitution.src.length : p.length;
      if (srcOffset >= p.src && srcOffset <= p.src + srcLength) return p.substitution ? p.json : p.json + (srcOffset - p.src);
    }
    return undefined;
  }

  /** The string at a file offset and its policy element, read from the JSON (hover, completion). */
  elementAt(offset: number): { value: string; element: string | undefined; span: Span } | undefined {
    const at = this.jsonOffset(offset);
    if (at === undefined) return undefined;
    const root = parseTree(this.json);
    const node = root && findNodeAtOffset(root, at);
    if (!node || node.type !== 'string') return undefined;
    const path = getNodePath(node);
    const element = [...path].reverse().find((k): k is string => typeof k === 'string');
    return { value: String(node.value), element, span: this.toSource(node.offset, node.length) };
  }

  partsIn(offset: number, length: number): Part[] {
    const end = offset + Math.max(length, 1);
    return this.pieces.filter((p) => p.substitution && p.json < end && p.json + p.length > offset).map((p) => p.substitution!.part);
  }

  get valueParts(): Part[] {
    return this.pieces.flatMap((p) => (p.substitution ? [p.substitution.part] : []));
  }

  /** A JSON edit on the projection, as an edit of the source; undefined if it touches a substitution. */
  private mapEdit(e: TextEdit): TextEdit | undefined {
    const p = this.pieceAt(e.offset);
    if (!p || p.substitution) return undefined;
    if (e.offset + e.length > p.json + p.length) return undefined;
    return { offset: p.src + (e.offset - p.json), length: e.length, newText: this.escapeForSource(e.newText) };
  }

  /** What analyze() takes: JSON edits on the projection, mapped back onto the file. */
  writerFactory(): (text: string, model: PolicyModel) => EditWriter {
    return (text) => {
      const inner = jsonWriter(text);
      const mapped = (edits: TextEdit[]) => {
        const out = edits.map((e) => this.mapEdit(e));
        return out.every((e): e is TextEdit => e !== undefined) ? out : [];
      };
      return {
        replaceNode: (node, value) => mapped(inner.replaceNode(node, value)),
        renameKey: (key, name) => mapped(inner.renameKey(key, name)),
        setValue: (path, value, insertFirst) => mapped(inner.setValue(path, value, insertFirst)),
        appendString: (node, item) => mapped(inner.appendString(node, item)),
        replaceItem: (element, items) => mapped(inner.replaceItem(element, items)),
        removeItem: (element) => mapped(inner.removeItem(element)),
      };
    };
  }
}

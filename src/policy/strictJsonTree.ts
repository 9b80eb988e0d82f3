// A parser for well-formed strict JSON that builds the very tree jsonc-parser's parseTree builds
// (same node shapes, offsets, lengths, colon offsets and parents), for the common case of a valid
// document. jsonc-parser's scanner builds every run of whitespace one character at a time and
// calls a visitor per token: on pretty-printed policies that is most of what an analysis
// allocates, and the garbage grows the heap of a process that checks a whole repository. Any
// input this parser is unsure of (an error, a comment, an unusual space character, deep nesting)
// returns undefined, and the caller uses jsonc-parser, which reports and recovers from errors.
import type { Node } from 'jsonc-parser';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Deeper documents go to jsonc-parser (whose recursion parse.ts guards). */
const MAX_DEPTH = 256;

const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

/** jsonc-parser's Node, writable while it is built. */
type Built = { -readonly [K in keyof Node]: Node[K] };

class Unsure extends Error {}
const UNSURE = new Unsure();

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): number {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    while (c === SPACE || c === LF || c === CR || c === TAB) c = text.charCodeAt(++pos);
    this.pos = pos;
    return c; // NaN at the end
  }

  value(parent: Node | undefined, depth: number): Node {
    const c = this.skipSpace();
    if (c === OPEN_BRACE) return this.object(parent, depth + 1);
    if (c === OPEN_BRACKET) return this.array(parent, depth + 1);
    const offset = this.pos;
    if (c === QUOTE) {
      const value = this.string();
      return { type: 'string', offset, length: this.pos - offset, parent, value } as Node;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      this.number();
      return { type: 'number', offset, length: this.pos - offset, parent, value: Number(this.text.slice(offset, this.pos)) } as Node;
    }
    if (this.word('true')) return { type: 'boolean', offset, length: 4, parent, value: true } as Node;
    if (this.word('false')) return { type: 'boolean', offset, length: 5, parent, value: false } as Node;
    if (this.word('null')) return { type: 'null', offset, length: 4, parent, value: null } as Node;
    throw UNSURE;
  }

  private object(parent: Node | undefined, depth: number): Node {
    if (depth > MAX_DEPTH) throw UNSURE;
    const node: Built = { type: 'object', offset: this.pos, length: -1, parent, children: [] as Node[] };
    const children = node.children as Node[];
    this.pos++;
    let c = this.skipSpace();
    if (c !== CLOSE_BRACE) {
      for (;;) {
        if (c !== QUOTE) throw UNSURE;
        const keyOffset = this.pos;
        const name = this.string();
        const property: Built = { type: 'property', offset: keyOffset, length: -1, parent: node, children: [] as Node[] };
        const pair = property.children as Node[];
        pair.push({ type: 'string', value: name, offset: keyOffset, length: this.pos - keyOffset, parent: property } as Node);
        if (this.skipSpace() !== COLON) throw UNSURE;
        property.colonOffset = this.pos++;
        const value = this.value(property, depth);
        pair.push(value);
        property.length = value.offset + value.length - keyOffset;
        children.push(property);
        c = this.skipSpace();
        if (c === CLOSE_BRACE) break;
        if (c !== COMMA) throw UNSURE;
        this.pos++;
        c = this.skipSpace();
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  private array(parent: Node | undefined, depth: number): Node {
    if (depth > MAX_DEPTH) throw UNSURE;
    const node: Built = { type: 'array', offset: this.pos, length: -1, parent, children: [] as Node[] };
    const children = node.children as Node[];
    this.pos++;
    let c = this.skipSpace();
    if (c !== CLOSE_BRACKET) {
      for (;;) {
        children.push(this.value(node, depth));
        c = this.skipSpace();
        if (c === CLOSE_BRACKET) break;
        if (c !== COMMA) throw UNSURE;
        this.pos++;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    return node;
  }

  /** A string token at pos (on its opening quote); returns its value and moves past it. */
  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let start = pos;
    let result: string | undefined;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c !== c || c < SPACE) throw UNSURE; // end of text, or a control character
      if (c === BACKSLASH) {
        result = (result ?? '') + text.slice(start, pos);
        const e = text.charCodeAt(pos + 1);
        if (e === 0x75) {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw UNSURE;
          result += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const unescaped = ESCAPES[e];
          if (unescaped === undefined) throw UNSURE;
          result += unescaped;
          pos += 2;
        }
        start = pos;
        continue;
      }
      pos++;
    }
    this.pos = pos + 1;
    // Without escapes: a slice of the text, as jsonc-parser returns.
    return result === undefined ? text.slice(start, pos) : result + text.slice(start, pos);
  }

  /** JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(): void {
    const text = this.text;
    let pos = this.pos;
    if (text.charCodeAt(pos) === MINUS) pos++;
    let c = text.charCodeAt(pos);
    if (c === ZERO) c = text.charCodeAt(++pos);
    else if (c > ZERO && c <= NINE) {
      do c = text.charCodeAt(++pos);
      while (c >= ZERO && c <= NINE);
    } else throw UNSURE;
    if (c === DOT) {
      c = text.charCodeAt(++pos);
      if (!(c >= ZERO && c <= NINE)) throw UNSURE;
      do c = text.charCodeAt(++pos);
      while (c >= ZERO && c <= NINE);
    }
    if (c === 0x65 || c === 0x45) {
      c = text.charCodeAt(++pos);
      if (c === 0x2b || c === MINUS) c = text.charCodeAt(++pos);
      if (!(c >= ZERO && c <= NINE)) throw UNSURE;
      do c = text.charCodeAt(++pos);
      while (c >= ZERO && c <= NINE);
    }
    // What follows ("01", "1x") must be a delimiter, which the caller checks.
    this.pos = pos;
  }

  /** A keyword; what follows ("trueish") must be a delimiter, which the caller checks. */
  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.pos)) return false;
    this.pos += w.length;
    return true;
  }
}

/**
 * The tree of a well-formed strict JSON text, identical to jsonc-parser's parseTree; undefined
 * when the text is not plainly well-formed (the caller then asks jsonc-parser, errors and all).
 */
export function parseStrictJsonTree(text: string): Node | undefined {
  const reader = new Reader(text);
  try {
    const root = reader.value(undefined, 0);
    reader.skipSpace();
    if (reader.pos !== text.length) return undefined;
    delete (root as { parent?: Node }).parent; // as jsonc-parser leaves its root
    return root;
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

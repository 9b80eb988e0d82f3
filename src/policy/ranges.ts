// Offsets of the smallest meaningful span of a node, and offset -> line/character conversion.
import type { Node } from 'jsonc-parser';

export interface Span {
  offset: number;
  length: number;
}

/** A string node without its quotes (when it has content); any other node whole. */
export function spanOf(node: Node): Span {
  if (node.type === 'string' && node.length > 2) return { offset: node.offset + 1, length: node.length - 2 };
  return { offset: node.offset, length: node.length };
}

/** The opening brace of an object: where "this statement lacks X" findings point. */
export function openingOf(node: Node): Span {
  return { offset: node.offset, length: 1 };
}

export interface Position {
  line: number;
  character: number;
}

/** Line starts of a text, for repeated offset -> position conversion (0-based lines/characters). */
export class LineIndex {
  protected readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

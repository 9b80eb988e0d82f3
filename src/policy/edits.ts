// Text edits for fixes, built with jsonc-parser's `modify` so inserted JSON follows the
// document's own indentation and line endings.
import { FormattingOptions, JSONPath, Node, ParseError, getNodePath, modify, parse } from 'jsonc-parser';
import { STRICT_JSON } from './parse';
import type { TextEdit } from './types';

export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  if (indented && indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = indented ? Math.min(indented[1].length, 8) : 4;
  return { insertSpaces: true, tabSize: size || 4, eol };
}

function syntaxErrorCount(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, STRICT_JSON);
  return errors.length;
}

/**
 * `modify` is made for well-formed JSON. On a broken document it can return an edit that ends
 * past the text (an unterminated string at the end) or re-indent the broken part; such a fix is
 * dropped (no edits) rather than offered, so a quick fix never makes the document worse.
 */
function toEdits(text: string, list: { offset: number; length: number; content: string }[]): TextEdit[] {
  const edits = list.map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
  if (edits.some((e) => e.offset < 0 || e.length < 0 || e.offset + e.length > text.length)) return [];
  // The original is counted only when the result has errors: a valid result needs no comparison.
  const after = syntaxErrorCount(applyEdits(text, edits));
  if (after > 0 && after > syntaxErrorCount(text)) return [];
  return edits;
}

export function pathOf(node: Node): JSONPath {
  return getNodePath(node);
}

export function setValue(text: string, path: JSONPath, value: unknown, insertFirst = false): TextEdit[] {
  return toEdits(
    text,
    modify(text, path, value, {
      formattingOptions: formattingOf(text),
      getInsertionIndex: insertFirst ? () => 0 : undefined,
    }),
  );
}

export function replaceNode(node: Node, value: unknown): TextEdit[] {
  return [{ offset: node.offset, length: node.length, newText: JSON.stringify(value) }];
}

export function renameKey(key: Node, name: string): TextEdit[] {
  return [{ offset: key.offset, length: key.length, newText: JSON.stringify(name) }];
}

/** Append a string to a value that is a string (becomes a list) or a list of strings. */
export function appendString(text: string, value: Node, item: string): TextEdit[] {
  const path = pathOf(value);
  if (value.type === 'array') {
    return toEdits(
      text,
      modify(text, [...path, value.children?.length ?? 0], item, {
        formattingOptions: formattingOf(text),
        isArrayInsertion: true,
      }),
    );
  }
  return setValue(text, path, [value.value, item]);
}

/** Replace one element of a list of strings by several (or a single string value by a list). */
export function replaceItem(text: string, element: Node, items: string[]): TextEdit[] {
  const parent = element.parent;
  if (parent?.type === 'array') {
    const list = (parent.children ?? []).map((c) => (c === element ? items : [c.value])).flat();
    return setValue(text, pathOf(parent), list);
  }
  return setValue(text, pathOf(element), items.length === 1 ? items[0] : items);
}

/** Remove one element of a list. */
export function removeItem(text: string, element: Node): TextEdit[] {
  return toEdits(text, modify(text, pathOf(element), undefined, { formattingOptions: formattingOf(text) }));
}

/**
 * How rules write their fixes. JSON documents use the functions above; a document projected from
 * Terraform or CloudFormation (src/formats) supplies a writer that edits the file's own syntax,
 * and returns no edits for a change it cannot make there (the fix is then not offered).
 */
export interface EditWriter {
  replaceNode(node: Node, value: string): TextEdit[];
  renameKey(key: Node, name: string): TextEdit[];
  setValue(path: JSONPath, value: unknown, insertFirst?: boolean): TextEdit[];
  appendString(value: Node, item: string): TextEdit[];
  replaceItem(element: Node, items: string[]): TextEdit[];
  removeItem(element: Node): TextEdit[];
}

export function jsonWriter(text: string): EditWriter {
  return {
    replaceNode,
    renameKey,
    setValue: (path, value, insertFirst) => setValue(text, path, value, insertFirst),
    appendString: (value, item) => appendString(text, value, item),
    replaceItem: (element, items) => replaceItem(text, element, items),
    removeItem: (element) => removeItem(text, element),
  };
}

/** Apply edits to a text (for tests, the CLI and fix-all). Edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

// Loads web-tree-sitter and the Terraform grammar (both wasm) once. Loading is asynchronous; the
// parse itself is synchronous, so callers await loadTerraform() once and then analyse as usual.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Edit, Language, Parser, Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<Parser | undefined> | undefined;
let failure: string | undefined;

/** Where the two wasm files are: beside the bundle (dist/), or in the repository when run from source. */
function locate(name: string): string {
  const candidates = [join(__dirname, name), join(__dirname, '..', '..', 'grammars', name), join(__dirname, '..', '..', 'node_modules', 'web-tree-sitter', name)];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

/** Resolves to the parser, or undefined (with loadFailure() saying why) if the wasm cannot load. */
export function loadTerraform(): Promise<Parser | undefined> {
  loading ??= (async () => {
    try {
      await Parser.init({ locateFile: (file: string) => locate(file) });
      const language = await Language.load(locate('tree-sitter-terraform.wasm'));
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
      return p;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  })();
  return loading;
}

/** The parser if loaded, else undefined (call loadTerraform first). */
export function terraformParser(): Parser | undefined {
  return parser;
}

export function loadFailure(): string | undefined {
  return failure;
}

/** A change to an open document, as VS Code reports it (offsets and positions before the change). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * The last tree of each open Terraform document, kept so that a keystroke re-parses only what
 * changed (tree-sitter's incremental parse): the editor reports each change here, and the next
 * parse of that document starts from the edited tree. Any doubt (a missed version) means a full parse.
 */
const trees = new Map<string, { tree: Tree; version: number }>();

export function recordTerraformChanges(key: string, version: number, changes: readonly TextChange[]): void {
  const cached = trees.get(key);
  if (!cached) return;
  if (cached.version !== version - 1) {
    forgetTerraformTree(key);
    return;
  }
  // VS Code lists one event's changes so that each applies to the text the previous ones left.
  for (const c of changes) {
    const lines = c.text.split('\n');
    const start = { row: c.range.start.line, column: c.range.start.character };
    const end = lines.length === 1 ? { row: start.row, column: start.column + c.text.length } : { row: start.row + lines.length - 1, column: lines[lines.length - 1].length };
    cached.tree.edit(new Edit({
      startIndex: c.rangeOffset,
      oldEndIndex: c.rangeOffset + c.rangeLength,
      newEndIndex: c.rangeOffset + c.text.length,
      startPosition: start,
      oldEndPosition: { row: c.range.end.line, column: c.range.end.character },
      newEndPosition: end,
    }));
  }
  cached.version = version;
}

export function forgetTerraformTree(key: string): void {
  trees.get(key)?.tree.delete();
  trees.delete(key);
}

/**
 * Parses a Terraform text. With a cache key, the tree is kept for the next parse of that document
 * (the caller must not delete it); without, the caller deletes it.
 */
export function parseTerraform(parser: Parser, text: string, cache?: { key: string; version: number }): Tree | null {
  if (!cache) return parser.parse(text);
  const cached = trees.get(cache.key);
  const tree = cached && cached.version === cache.version ? parser.parse(text, cached.tree) : parser.parse(text);
  cached?.tree.delete();
  trees.delete(cache.key);
  if (tree) trees.set(cache.key, { tree, version: cache.version });
  return tree;
}

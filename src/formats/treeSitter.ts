// Loads web-tree-sitter and the Terraform grammar (both wasm) once. Loading is asynchronous; the
// parse itself is synchronous, so callers await loadTerraform() once and then analyse as usual.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

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

// Open documents with incremental sync: each change is applied in order, and its offsets (taken on
// the text it applies to) go to the Terraform reader, whose open trees re-parse incrementally.
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { formatsLoaded, loadFormats } from '../routing/loadFormats';
import type { ServiceDocument } from '../service';

type Change = { rangeOffset: number; rangeLength: number; text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };

export function openDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update(document, changes, version) {
      const recorded: Change[] = [];
      let whole = false;
      for (const change of changes) {
        if ('range' in change && change.range) {
          const start = document.offsetAt(change.range.start);
          recorded.push({ rangeOffset: start, rangeLength: document.offsetAt(change.range.end) - start, text: change.text, range: change.range });
        } else whole = true;
        TextDocument.update(document, [change as TextDocumentContentChangeEvent], version);
      }
      if (formatsLoaded()) {
        // A whole-text change leaves no edit to replay: the next parse starts afresh.
        if (whole) loadFormats().forgetTerraformTree(document.uri);
        else loadFormats().recordTerraformChanges(document.uri, version, recorded);
      }
      return document;
    },
  });
}

/** The path of a URI (`file:///a/b.json` → `/a/b.json`), for file names and globs. */
export function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

export function serviceDocument(document: TextDocument): ServiceDocument {
  return {
    uri: document.uri,
    path: pathOf(document.uri),
    languageId: document.languageId,
    version: document.version,
    getText: () => document.getText(),
    offsetAt: (p) => document.offsetAt(p),
    positionAt: (o) => document.positionAt(o),
  };
}

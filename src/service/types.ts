// The language service's plain data (positions in, plain data out, as vscode-json-languageservice):
// no vscode types, so the extension's adapters and the language server (LSP) share every feature.
import type { Severity } from '../policy';

/** Zero-based line and UTF-16 character, as LSP and VS Code count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** An offset span in the document's text. */
export interface Span {
  offset: number;
  length: number;
}

/** What the service needs of an open document. */
export interface ServiceDocument {
  /** The document's URI as a string (a key for caches; its path gives the file's name). */
  uri: string;
  /** The path part of the URI (`/repo/policies/x.json`), for globs and file names. */
  path: string;
  languageId: string;
  version: number;
  getText(): string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/** Messages shown to people: the extension passes vscode.l10n, the server its own bundle. */
export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

export type DiagnosticSeverityName = Severity;

export interface ServiceDiagnostic {
  range: Range;
  span: Span;
  message: string;
  severity: Severity;
  code: string;
  source: string;
}

export interface ServiceHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export type CompletionKind = 'module' | 'function' | 'operator' | 'property' | 'enumMember' | 'folder' | 'file';

export interface ServiceCompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** The text the item replaces (undefined: the editor's word at the cursor). */
  range?: Range;
  insertText?: string;
  filterText?: string;
  sortText?: string;
  /** Open the suggestions again after this item (a service name before its actions). */
  retrigger?: boolean;
}

export interface ServiceTextEdit {
  range: Range;
  newText: string;
}

/** A command the client runs (it may ask the person or the AWS account). */
export interface ServiceCommand {
  title: string;
  command: string;
  arguments?: unknown[];
  tooltip?: string;
}

export interface ServiceCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.brazeS3';
  /** The diagnostic the action fixes (quick fixes). */
  diagnostic?: ServiceDiagnostic;
  edits?: ServiceTextEdit[];
  command?: ServiceCommand;
  isPreferred?: boolean;
}

export interface ServiceCodeLens {
  range: Range;
  command: ServiceCommand;
}

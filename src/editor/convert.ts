// Between VS Code's types and the language service's plain data (src/service).
import * as vscode from 'vscode';
import type { Position, Range, ServiceDocument } from '../service';

export function serviceDocument(document: vscode.TextDocument): ServiceDocument {
  return {
    uri: document.uri.toString(),
    path: document.uri.path,
    languageId: document.languageId,
    version: document.version,
    getText: () => document.getText(),
    offsetAt: (p) => document.offsetAt(new vscode.Position(p.line, p.character)),
    positionAt: (offset) => document.positionAt(offset),
  };
}

export const toPosition = (p: Position): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: Range): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));

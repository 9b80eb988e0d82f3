// Reads the extension's settings for one document (every setting is resource-scoped).
import * as vscode from 'vscode';
import type { AnalyzeOptions, DeclaredPurpose, Locale, Severity } from '../policy';
import { isOne } from '../policy/plural';

export type RuleSetting = Severity | 'off';
/** What a glob or the code lens declares a document to be (`none`: a general IAM policy). */
export type DeclaredKind = DeclaredPurpose;

export interface EditorSettings {
  partnerAccountId?: string;
  externalId?: string;
  folderPath?: string;
  policyFiles: Record<string, DeclaredKind>;
  rules: Record<string, RuleSetting>;
}

export const SECTION = 'brazeS3';

export function readSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const text = (key: string) => {
    const v = c.get<string>(key);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  return {
    partnerAccountId: text('partnerAccountId'),
    externalId: text('externalId'),
    folderPath: c.get<string>('folderPath'),
    policyFiles: c.get<Record<string, DeclaredKind>>('policyFiles') ?? {},
    rules: c.get<Record<string, RuleSetting>>('rules') ?? {},
  };
}

export function uiLocale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Is `n` singular in the display language (CLDR rules: 1 in English and Spanish)? */
export function isSingular(n: number): boolean {
  return isOne(uiLocale(), n);
}

/** The integration a `brazeS3.policyFiles` glob declares for a document, if any. */
export function declaredByGlob(document: vscode.TextDocument, settings: EditorSettings): DeclaredKind | undefined {
  for (const [pattern, kind] of Object.entries(settings.policyFiles)) {
    if (vscode.languages.match({ pattern }, document) > 0) return kind;
  }
  return undefined;
}

export function analyzeOptions(settings: EditorSettings, declared: DeclaredKind | undefined, sourceName?: string): AnalyzeOptions {
  return {
    integration: declared ?? 'auto',
    sourceName,
    folder: settings.folderPath,
    partnerAccountId: settings.partnerAccountId,
    externalId: settings.externalId,
    locale: uiLocale(),
  };
}

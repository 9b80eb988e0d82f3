// Reads the extension's settings for one document (the per-file ones are resource-scoped), with the
// repository configuration file (.braze-s3.yaml) on top: for the repository's facts (purposes,
// rule severities, partner account, external ID, Currents folder) the file wins over the
// settings, so the editor says what `braze-s3 check` says in CI.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { isOne } from '../policy';
import type { Locale } from '../policy';
import { ConfigForFile, configFileFor, configForFile } from '../config/repoConfig';
import type { DeclaredKind, RuleSetting, ServiceSettings } from '../service';

export type { DeclaredKind, RuleSetting } from '../service';
export { analyzeOptions } from '../service';
export type EditorSettings = ServiceSettings;

export const SECTION = 'brazeS3';

/**
 * The repository configuration for a scope: a file's nearest one; without a file, the first
 * workspace folder's. Only local files (the configuration is read with Node's fs).
 */
function repoConfigFor(scope: vscode.ConfigurationScope | undefined): ConfigForFile | undefined {
  try {
    const uri = scope instanceof vscode.Uri ? scope : scope === undefined ? vscode.workspace.workspaceFolders?.[0]?.uri : undefined;
    if (!uri || uri.scheme !== 'file') return undefined;
    const file = scope === undefined ? join(uri.fsPath, '.braze-s3-folder') : uri.fsPath;
    const loaded = configFileFor(file, uiLocale());
    return loaded?.config ? configForFile(loaded.config, file) : undefined;
  } catch {
    return undefined; // never let a configuration file stop the editor: the defaults apply
  }
}

export function readSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const text = (key: string) => {
    const v = c.get<string>(key);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const repo = repoConfigFor(scope);
  return {
    partnerAccountId: repo?.partnerAccountId ?? text('partnerAccountId'),
    externalId: repo?.externalId ?? text('externalId'),
    folderPath: repo?.folder ?? c.get<string>('folderPath'),
    policyFiles: c.get<Record<string, DeclaredKind>>('policyFiles') ?? {},
    rules: { ...(c.get<Record<string, RuleSetting>>('rules') ?? {}), ...repo?.rules },
    repo,
    locale: uiLocale(),
  };
}

export function uiLocale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Is `n` singular in the display language (CLDR rules: 1 in English and Spanish)? */
export function isSingular(n: number): boolean {
  return isOne(uiLocale(), n);
}

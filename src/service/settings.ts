// The settings one document is checked with, as plain data: the extension reads them from VS Code's
// configuration (src/editor/settings.ts), the language server from its client's configuration;
// the repository configuration file (.braze-s3.yaml) is on top in both.
import type { AnalyzeOptions, DeclaredPurpose, Locale, Severity } from '../policy';
import type { ConfigForFile } from '../config/repoConfig';

export type RuleSetting = Severity | 'off';
/** What a glob or the code lens declares a document to be (`none`: a general IAM policy). */
export type DeclaredKind = DeclaredPurpose;

export interface ServiceSettings {
  partnerAccountId?: string;
  externalId?: string;
  folderPath?: string;
  policyFiles: Record<string, DeclaredKind>;
  /** brazeS3.rules with the configuration file's `rules` over it. */
  rules: Record<string, RuleSetting>;
  /** What a valid repository configuration file says for this document (undefined: none). */
  repo?: ConfigForFile;
  /** The language of messages (the engine's findings and the service's own). */
  locale: Locale;
}

export function analyzeOptions(settings: ServiceSettings, declared: DeclaredKind | undefined, sourceName?: string): AnalyzeOptions {
  return {
    integration: declared ?? 'auto',
    sourceName,
    folder: settings.folderPath,
    partnerAccountId: settings.partnerAccountId,
    externalId: settings.externalId,
    locale: settings.locale,
  };
}

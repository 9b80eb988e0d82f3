// The repository configuration's keys and shapes: shared by its reader (parse.ts, bundled with the
// readers) and by what applies it (repoConfig.ts, apply.ts).
import type { DeclaredPurpose } from '../policy';

/** Looked for in this order in each folder: the first one present is the folder's configuration. */
export const CONFIG_FILE_NAMES = ['.braze-s3.yaml', '.braze-s3.yml', '.braze-s3.json'] as const;
export const CONFIG_KEYS = ['purposes', 'rules', 'exclude', 'ignore', 'partnerAccountId', 'externalId', 'folder'] as const;

export type ConfigPurpose = Exclude<DeclaredPurpose, 'auto'>;
export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

export interface RepoConfig {
  /** Absolute path of the configuration file; globs are relative to its folder. */
  path: string;
  purposes: { glob: string; purpose: ConfigPurpose; line: number }[];
  rules: Record<string, RuleSetting>;
  exclude: string[];
  /** Codes ignored in the files a glob matches, with the reason (SARIF: an external suppression). */
  ignore: { glob: string; codes: string[]; reason: string; line: number }[];
  partnerAccountId?: string;
  externalId?: string;
  folder?: string;
}

export interface ConfigProblem {
  message: string;
  offset: number;
  length: number;
  /** 0-based. */
  line: number;
  character: number;
}

/** A configuration file as read: usable (config) only when there is no problem. */
export interface LoadedConfig {
  path: string;
  config?: RepoConfig;
  problems: ConfigProblem[];
}

/** What the configuration says for one file. */
export interface ConfigForFile {
  path: string;
  excluded: boolean;
  purpose?: ConfigPurpose;
  rules: Record<string, RuleSetting>;
  ignore: { codes: string[]; reason: string; line: number }[];
  partnerAccountId?: string;
  externalId?: string;
  folder?: string;
}


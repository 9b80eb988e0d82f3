// Public types of the policy engine. The engine works on offsets into the text; editors and the
// command line turn offsets into line/column ranges at their edge.

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'en' | 'es';
export type IntegrationId = 'currents' | 'dashboard';
export type DocumentKind = 'identity' | 'trust' | 'resource' | 'unknown';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Empty when the repair cannot be made safely on this text (broken JSON): do not offer it. */
  edits: TextEdit[];
  /** Safe to apply without the user looking (used by "fix all"). */
  safe: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  fixes: Fix[];
  /** Set on `placeholder` findings: the placeholder text, for an edit that needs user input. */
  placeholder?: string;
}

export interface AnalyzeOptions {
  /** Declared integration; `auto` or absent infers it (s3:DeleteObject granted → dashboard). */
  integration?: IntegrationId | 'auto';
  /** Currents folder path; default `currents`. Empty string means the bucket root. */
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  locale?: Locale;
  /** Documents longer than this many characters are skipped with one finding. */
  maxLength?: number;
}

export interface IntegrationInfo {
  id: IntegrationId;
  declared: boolean;
  /** Why it was assumed, in the requested locale (shown by hover/code lens and CLI). */
  reason: string;
}

export interface AnalysisResult {
  kind: DocumentKind;
  /** Set for identity policies. */
  integration?: IntegrationInfo;
  findings: Finding[];
}

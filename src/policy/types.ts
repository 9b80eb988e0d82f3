// Public types of the policy engine. The engine works on offsets into the text; editors and the
// command line turn offsets into line/column ranges at their edge.

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'en' | 'es';
export type IntegrationId = 'currents' | 'dashboard';
export type DocumentKind = 'identity' | 'trust' | 'resource' | 'unknown';
/**
 * How a file uses a document, where it says so (a Terraform or CloudFormation argument): an
 * identity policy, a role trust policy, a service's resource policy (S3, KMS, SQS, SNS…), an SCP,
 * a resource control policy or a VPC endpoint policy. Each follows its own grammar (kind.ts).
 */
export type DocumentUsage = 'identity' | 'trust' | 'resource' | 'scp' | 'rcp' | 'endpoint';
/**
 * What a document is for: a Braze export policy (Currents or dashboard export), the partner's
 * role trust policy, or any other IAM policy (which gets only the generic IAM rules).
 */
export type Purpose = IntegrationId | 'trust' | 'general';
/** A purpose as declared by the user: `none` declares a general policy; `auto` infers. */
export type DeclaredPurpose = IntegrationId | 'trust' | 'none' | 'auto';

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
  /**
   * Declared purpose; `auto` or absent infers it (purpose.ts): a Braze export policy only when the
   * document clearly is one, then s3:DeleteObject granted → dashboard export.
   */
  integration?: DeclaredPurpose;
  /** The file's name or path: a name that mentions Braze or Currents marks a Braze document. */
  sourceName?: string;
  /** Currents folder path; default `currents`. Empty string means the bucket root. */
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  locale?: Locale;
  /** Documents longer than this many characters are skipped with one finding. */
  maxLength?: number;
  /**
   * The document was projected from Terraform or CloudFormation: `${…}` texts may be values known
   * only at deploy time. A permission that only such a value could grant is assumed granted
   * (no "allowed only if" warning), and it never decides which integration a policy is.
   */
  templateValues?: boolean;
  /** How the file uses the document; absent: the content decides (kind.ts). */
  usage?: DocumentUsage;
  /**
   * A Braze signal from outside the document (its role's other policy is a Braze one, a Braze
   * name elsewhere in its resource): the reason, in the requested locale.
   */
  brazeContext?: string;
}

export interface IntegrationInfo {
  id: IntegrationId;
  declared: boolean;
  /** Why it was assumed, in the requested locale (shown by hover/code lens and CLI). */
  reason: string;
}

export interface PurposeInfo {
  id: Purpose;
  declared: boolean;
  /** Why, in the requested locale (shown by the code lens and the CLI). */
  reason: string;
  /** A general policy with the export's shape: the lens offers to check it as this integration. */
  suggested?: IntegrationId;
}

export interface AnalysisResult {
  kind: DocumentKind;
  purpose: PurposeInfo;
  /** Set for Braze export policies (purpose currents or dashboard) that are identity policies. */
  integration?: IntegrationInfo;
  findings: Finding[];
}

// Template placeholders of the common styles, as documentation and templates write them:
// `<BUCKET_NAME>`, `{{bucket}}`, `${bucket}` (in a JSON file: IAM's own variables have the form
// `${service:name}`), `$BUCKET_NAME`, `YOUR-BUCKET`, `_S3_BUCKET_ARN_` (a module's own marker),
// `arn:aws:iam::ACCOUNT_ID:root`, and any `INSERT…` in capitals (Braze's INSERTBUCKETNAME among
// them). A value holding one is a template to fill in: one `placeholder` finding, and no other
// finding about that value (its ARN form, bucket name or resource type cannot be judged yet).

/** `${x}` that is not an IAM policy variable (`${aws:username}`, `${s3:prefix}`, `${*}`, `${?}`, `${$}`). */
const TEMPLATE_VARIABLE = /\$\{(?![*?$]\})(?![A-Za-z0-9.-]+:(?!:)[^}]*\})[^{}\s]{1,80}\}/g;
const PATTERNS: RegExp[] = [
  /<[A-Za-z][A-Za-z0-9 _.:/-]{0,60}>/g,
  /\{\{[^{}]{1,80}\}\}/g,
  // `$NAME`, but not an ARN's version qualifier (`:$LATEST`, `:$DEFAULT`).
  /(?<!\w)\$(?!LATEST\b|DEFAULT\b)[A-Z][A-Z0-9_]{2,}\b/g,
  /\b(?:YOUR|[Yy]our)[-_][A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*/g,
  /(?<![A-Za-z0-9])_[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?![A-Za-z0-9])/g,
  /\bINSERT[A-Z0-9_]*[A-Z0-9]/g,
  // The region or account field of an ARN written as a name in capitals, or as x's.
  /(?<=^arn:[^:]*:[^:]*:(?:[^:]*:)?)(?:[A-Z][A-Z_-]*[A-Z]|[Xx]{12})(?=:)/g,
];

export interface PlaceholderMatch {
  text: string;
  /** Offset inside the value. */
  index: number;
}

/**
 * The placeholders in one string value. `templateValues`: the value was projected from Terraform
 * or CloudFormation, where `${…}` stands for a value known at deploy time, not a placeholder.
 */
export function placeholdersIn(value: string, templateValues = false): PlaceholderMatch[] {
  if (!mayHold(value)) return [];
  const out: PlaceholderMatch[] = [];
  const patterns = templateValues ? PATTERNS : [TEMPLATE_VARIABLE, ...PATTERNS];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(value); m; m = re.exec(value)) {
      if (!out.some((o) => m!.index < o.index + o.text.length && o.index < m!.index + m![0].length)) out.push({ text: m[0], index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Cheap pre-check: most values hold none of the characters a placeholder needs. */
function mayHold(value: string): boolean {
  return /[<{$_]|INSERT|your|YOUR|Your|arn:[^:]*:[^:]*:[^:]*:[A-Za-z]/.test(value);
}

export function holdsPlaceholder(value: string, templateValues = false): boolean {
  return placeholdersIn(value, templateValues).length > 0;
}

/** `${x}` that is not an IAM variable: a placeholder in a JSON file, a deploy-time value in a template. */
export function holdsTemplateVariable(value: string): boolean {
  if (!value.includes('${')) return false;
  TEMPLATE_VARIABLE.lastIndex = 0;
  return TEMPLATE_VARIABLE.test(value);
}

// What the engine knows about one Action or Resource string, worked out once per distinct string.
// A 10 KB policy holds hundreds of these strings and a keystroke changes one of them, so each
// analysis pays one lookup per item, and every rule family reads the same answers (ARN parts,
// bucket-name verdict, compiled wildcard, catalog expansion) instead of deriving them again.
import { ActionInfo, catalog } from './catalog/catalog';
import { BucketProblem, S3Location, bucketNameProblem, hasPlaceholder, hasWildcardOrVariable, isWellFormedArn, legacyBucketName, s3Location } from './arn';
import { memoize, memoizeRecent } from './memo';
import { holdsPlaceholder, holdsTemplateVariable } from './placeholders';
import { CompiledWildcard, POLICY_VARIABLE, compileWildcard, patternMeetsTemplate } from './wildcard';

export interface BucketFacts {
  /** The name as written: one string object per name, so rules compare buckets with ===. */
  name: string;
  problem: BucketProblem | undefined;
  /** The problem is one that legacy bucket names had (uppercase, `_`, long): IAM accepts them. */
  legacy: boolean;
  /** Holds `*`, `?` or `${…}`: stands for many buckets rather than naming one. */
  pattern: boolean;
  /** Holds `*` or `?` outside policy variables (a variable alone is not a wildcard grant). */
  wildcard: boolean;
  placeholder: boolean;
}

/** A Resource pattern compiled for evaluation. */
export interface CompiledResource extends CompiledWildcard {
  /** With policy variables read as `*` (only when the pattern holds one and variables apply). */
  widened?: CompiledWildcard;
}

export class ResourceFacts {
  readonly wellFormed: boolean;
  /** Holds a placeholder of a style other than `${x}` (placeholders.ts). */
  readonly placeholder: boolean;
  /** Holds `${x}` that is not an IAM variable: a placeholder in a JSON file, a deploy-time value in a template. */
  readonly templateVariable: boolean;
  /** The S3 bucket/object the value names (its bucket is `bucket.name`), if it is an S3 ARN. */
  readonly s3: S3Location | undefined;
  readonly bucket: BucketFacts | undefined;
  /** Compiled as written (Version 2008-10-17: `${…}` is literal text) … */
  readonly literal: CompiledResource;
  /** … and with policy variables (Version 2012-10-17). The same object when there is none. */
  readonly withVariables: CompiledResource;
  /** The ARN's service part in lower case, when it is literal (no wildcard or variable). */
  private readonly service: string | undefined;
  /** meetsTemplate's answers, by template: a policy asks about the same few templates. */
  private readonly meets = new Map<string, boolean>();

  constructor(readonly value: string) {
    this.wellFormed = isWellFormedArn(value);
    this.placeholder = holdsPlaceholder(value, true);
    this.templateVariable = holdsTemplateVariable(value);
    const loc = s3Location(value);
    if (loc) {
      this.bucket = bucketFacts(loc.bucket);
      loc.bucket = this.bucket.name;
    }
    this.s3 = loc;
    this.service = literalService(value);
    this.literal = compileWildcard(value);
    this.withVariables = value.includes('${') ? { ...this.literal, widened: compileWildcard(value.replace(POLICY_VARIABLE, '*')) } : this.literal;
  }

  /**
   * Can this pattern name a resource of the type with this ARN template? Policy variables stand
   * for any text here, whatever the Version. A `~` template is compared loosely, ignoring case
   * (catalog.ts, PRECISE_ARN_SERVICES).
   */
  meetsTemplate(template: string): boolean {
    const loose = template.startsWith('~');
    // Another service's template cannot fit a literal service part: answered without a search
    // and without keeping the answer (an `ec2:*` statement brings ~100 templates).
    if (loose && this.service !== undefined) {
      const theirs = templateService(template);
      if (theirs !== undefined && theirs !== this.service) return false;
    }
    let yes = this.meets.get(template);
    if (yes === undefined) {
      const pattern = (this.withVariables.widened ?? this.literal).pattern;
      yes = patternMeetsTemplate(loose ? pattern.toLowerCase() : pattern, loose ? template.toLowerCase() : template);
      this.meets.set(template, yes);
    }
    return yes;
  }
}

export class ActionFacts {
  /** Action names are case-insensitive: evaluation compares lower-cased text. */
  readonly lower: string;
  readonly compiled: CompiledWildcard;
  /** With `${…}` read as `*`: a value a template fills in at deploy time (src/formats). */
  readonly widened: CompiledWildcard | undefined;
  private expandedCache?: ActionInfo[];
  private templatesCache?: { judgeable: boolean; templates: string[] };

  constructor(readonly value: string) {
    this.lower = value.toLowerCase();
    this.compiled = compileWildcard(this.lower);
    this.widened = value.includes('${') ? compileWildcard(this.lower.replace(POLICY_VARIABLE, '*')) : undefined;
  }

  /** The catalog actions the pattern names (`s3:Get*` → every S3 Get action). */
  get expanded(): ActionInfo[] {
    return (this.expandedCache ??= catalog().expand(this.value));
  }

  /**
   * The ARN templates of the resource types its actions act on. `judgeable` is false when the
   * catalog has no resource-type data for any of them (nothing can be said about its resources).
   */
  get resourceTemplates(): { judgeable: boolean; templates: string[] } {
    if (!this.templatesCache) {
      let judgeable = false;
      const templates = new Set<string>();
      const cat = catalog();
      const add = (arn: string) => templates.add(arn);
      for (const a of this.expanded) if (cat.forEachResourceArn(a, add)) judgeable = true;
      this.templatesCache = { judgeable, templates: [...templates] };
    }
    return this.templatesCache;
  }
}

/** The service part of `arn:partition:service:…` in lower case; undefined unless literal. */
function literalService(arn: string): string | undefined {
  const from = arn.startsWith('~') ? 1 : 0;
  if (!arn.startsWith('arn:', from)) return undefined;
  const start = arn.indexOf(':', from + 4) + 1;
  const end = start > 0 ? arn.indexOf(':', start) : -1;
  if (end < 0) return undefined;
  // A wildcard or a variable in the partition may hide colons of its own (`${aws:…}`).
  const partition = arn.slice(from + 4, start - 1);
  if (/[*?]/.test(partition) || (partition.includes('${') && from === 0)) return undefined;
  const service = arn.slice(start, end);
  return /[*?$]/.test(service) ? undefined : service.toLowerCase();
}

/** A loose catalog template's service (`~arn:${Partition}:ec2:…` → ec2), kept per template. */
const templateService = memoize(literalService, 5000);

function computeBucketFacts(name: string): BucketFacts {
  const pattern = hasWildcardOrVariable(name);
  const problem = bucketNameProblem(name);
  return {
    name,
    problem,
    legacy: !!problem && (problem.kind === 'chars' || problem.kind === 'length') && legacyBucketName(name),
    pattern,
    wildcard: pattern && /[*?]/.test(name.replace(POLICY_VARIABLE, '')),
    placeholder: hasPlaceholder(name),
  };
}

const bucketFacts = memoize(computeBucketFacts, 2000);

// Kept while the last two analyses use them (memo.ts): typing re-reads the same strings.
export const resourceFacts = memoizeRecent((value: string) => new ResourceFacts(value));
export const actionFacts = memoizeRecent((value: string) => new ActionFacts(value));

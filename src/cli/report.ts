// What `check` found, as every output format reads it.
import { createHash } from 'node:crypto';
import type { AnalysisResult, Finding, Position } from '../policy';
import type { SuppressionInfo } from '../config/apply';

/** One finding with its place in the file, worked out while the file's text is at hand. */
export interface PlacedFinding {
  code: string;
  severity: Finding['severity'];
  message: string;
  offset: number;
  length: number;
  range: { start: Position; end: Position };
  /** Who the finding is in its file, whatever line it moves to (FindingKeys). */
  key: string;
}

/** A suppressed finding as the JSON and SARIF outputs carry it. */
export interface PlacedSuppressed extends PlacedFinding {
  suppression: { kind: SuppressionInfo['kind']; justification: string; path?: string; line?: number; range?: { start: Position; end: Position } };
}

/**
 * One policy document: a JSON file, or one document of a Terraform / CloudFormation file. Only
 * what the output needs is kept (not the text, nor the fixes): a run over a repository holds
 * one file's text at a time.
 */
export interface DocumentReport {
  path: string;
  /** The document's name inside a Terraform or CloudFormation file. */
  name?: string;
  /** How the file uses it (trust, resource, identity), when the file says. */
  usage?: string;
  purpose: AnalysisResult['purpose'];
  findings: PlacedFinding[];
  /** Findings a braze-s3-ignore comment or the configuration's `ignore` suppressed. */
  suppressed: PlacedSuppressed[];
}

export interface InputProblem {
  path: string;
  problem: string;
}


/**
 * A finding's identity that survives edits elsewhere in the file, for CI systems that compare a
 * branch's findings with its base's (GitLab Code Quality's fingerprint): the rule, the text it
 * points at with whitespace collapsed, and how many identical ones came before it. Line numbers
 * are left out on purpose: a line added above would make every finding below look new.
 */
export class FindingKeys {
  private readonly seen = new Map<string, number>();
  constructor(private readonly text: string) {}

  of(f: Pick<Finding, 'code' | 'offset' | 'length'>): string {
    const excerpt = this.text.slice(f.offset, f.offset + f.length).replace(/\s+/g, ' ').trim();
    const base = `${f.code}\0${excerpt}`;
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32);
  }
}

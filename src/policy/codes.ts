// The stable rule codes (a public interface: README.md, section Rules) and their default
// severities, derived from the rule registry (registry/index.ts), where each rule is declared.
import { REGISTRY } from './registry';
import type { Severity } from './types';

export type RuleCode = keyof typeof REGISTRY;

export const RULE_CODES = Object.keys(REGISTRY) as RuleCode[];

const byCode = <T>(pick: (code: RuleCode) => T) => Object.fromEntries(RULE_CODES.map((c) => [c, pick(c)])) as Record<RuleCode, T>;

export const RULES: Readonly<Record<RuleCode, Severity>> = byCode((c) => REGISTRY[c].severity);

/** One line per rule for SARIF rule metadata and the documentation. */
export const RULE_SUMMARIES: Readonly<Record<RuleCode, string>> = byCode((c) => REGISTRY[c].summary.en);

/** Findings that stand on a value unknown until deploy time (routing drops the others). */
export const KEPT_ON_UNKNOWN: ReadonlySet<string> = new Set(RULE_CODES.filter((c) => REGISTRY[c].unknownValues !== 'skip'));

// The shape of a rule's declaration: everything the docs, the SARIF catalogue, the README table
// and the routing need to know about a code, in one place per rule family (registry/index.ts
// collects them). Declarations import no checker: the checkers import codes.ts, which derives
// from here, so a declaration next to its checker would close an import cycle.
import type { AnalyzeOptions, Purpose, Severity } from '../types';

export interface Localized {
  en: string;
  es: string;
}

/**
 * What a rule does with a value unknown until deploy time (a Terraform `${var.x}`, a
 * CloudFormation `!Ref` / `!Sub`):
 * - `skip`: a finding on text holding such a value is dropped (routing/analyzeFile.ts);
 * - `assume-ok`: the finding stands, but the rule itself takes the deployed value to fit;
 * - `report`: the finding stands whatever the value.
 */
export type UnknownValues = 'skip' | 'assume-ok' | 'report';

/**
 * The quick fix a finding carries (Fix.safe):
 * - `safe`: whenever offered, "fix all" may apply it unseen;
 * - `mixed`: safe in some cases only (a case-only rename, a configured external ID);
 * - `suggestion`: offered for the user to choose, never applied by "fix all";
 * - `none`: no quick fix.
 */
export type FixSafety = 'safe' | 'mixed' | 'suggestion' | 'none';

export interface RuleDeclaration {
  /** The default severity (a stable public interface, like the code). */
  severity: Severity;
  /** When a finding of this code may carry another severity than the default. */
  severityNote?: Localized;
  /** The documents' purposes (purpose.ts) the rule runs on. */
  purposes: readonly Purpose[];
  unknownValues: UnknownValues;
  fixSafety: FixSafety;
  /** One line: when it fires. */
  summary: Localized;
  /** A document that makes the rule fire (rule-docs.test.ts runs each), or none when none can be shown. */
  example?: string;
  /** How the example is checked (the integration it is declared as). */
  options?: Pick<AnalyzeOptions, 'integration' | 'partnerAccountId' | 'externalId'>;
  fix: Localized;
}

/** Keeps the codes as literal keys (RuleCode is their union) while checking each declaration. */
export function defineRules<const T extends Record<string, RuleDeclaration>>(rules: T): T {
  return rules;
}

export const ALL_PURPOSES = ['currents', 'dashboard', 'trust', 'general'] as const satisfies readonly Purpose[];
/** Braze export policies (inferred or declared). */
export const EXPORT_PURPOSES = ['currents', 'dashboard'] as const satisfies readonly Purpose[];
/** The Braze documents: ctx.braze in the checkers. */
export const BRAZE_PURPOSES = ['currents', 'dashboard', 'trust'] as const satisfies readonly Purpose[];

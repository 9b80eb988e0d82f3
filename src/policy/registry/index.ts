// The rule registry: every code the product reports, in its documented order (a stable public
// interface), with its severity, purposes, summary, example and fix. codes.ts and ruleDocs.ts
// derive from it; so do docs/rules*.md, the README's rules table and the SARIF rule catalogue.
import { ACTION_RULES } from './actions';
import { CONDITION_RULES } from './conditions';
import { ENGINE_RULES } from './engine';
import { GRAMMAR_RULES } from './grammar';
import { INTEGRATION_RULES } from './integration';
import { REPOSITORY_RULES } from './repository';
import { RESOURCE_RULES } from './resources';
import { TRUST_RULES } from './trust';

export const REGISTRY = {
  ...GRAMMAR_RULES,
  ...CONDITION_RULES,
  ...ACTION_RULES,
  ...RESOURCE_RULES,
  ...INTEGRATION_RULES,
  ...TRUST_RULES,
  ...ENGINE_RULES,
  ...REPOSITORY_RULES,
};

/** The families by the module that declares them (a test checks each checker reports just these). */
export const FAMILIES = {
  grammar: GRAMMAR_RULES,
  conditions: CONDITION_RULES,
  actions: ACTION_RULES,
  resources: RESOURCE_RULES,
  integration: INTEGRATION_RULES,
  trust: TRUST_RULES,
  engine: ENGINE_RULES,
  repository: REPOSITORY_RULES,
};

export type { FixSafety, Localized, RuleDeclaration, UnknownValues } from './define';

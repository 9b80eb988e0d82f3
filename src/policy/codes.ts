// The stable rule codes (../../shared/docs/rules.md) and their default severities.
import type { Severity } from './types';

export const RULES = {
  'json-syntax': 'error',
  'policy-version-missing': 'warning',
  'policy-version-invalid': 'error',
  'statement-missing': 'error',
  'unknown-key': 'error',
  'invalid-type': 'error',
  'effect-invalid': 'error',
  'action-missing': 'error',
  'resource-missing': 'error',
  'principal-not-allowed': 'error',
  'sid-duplicate': 'error',
  'sid-invalid': 'error',
  'condition-operator-unknown': 'error',
  'condition-key-unknown': 'warning',
  'service-unknown': 'error',
  'action-unknown': 'error',
  'action-wildcard-no-match': 'error',
  'action-redundant': 'info',
  placeholder: 'error',
  'arn-invalid': 'error',
  'bucket-name-invalid': 'error',
  'resource-mismatch': 'error',
  'resource-overbroad': 'warning',
  'bucket-inconsistent': 'warning',
  'integration-missing-permission': 'error',
  'integration-denied': 'error',
  'integration-excess-permission': 'warning',
  'integration-mixed': 'warning',
  'trust-action-invalid': 'error',
  'trust-principal-wildcard': 'error',
  'trust-external-id-missing': 'warning',
  'trust-account-mismatch': 'warning',
  // Added by this engine (not policy mistakes): the document was not analysed in full.
  'document-too-large': 'info',
  'analysis-failed': 'error',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

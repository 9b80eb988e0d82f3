// What a document is, and which grammar it follows. Where the file says how a document is used
// (a role's assume_role_policy, a KMS key's policy, an SCP), that wins; otherwise the content
// decides: no Principal anywhere → identity policy; a Principal in every statement, an sts:
// AssumeRole action and no Resource → trust policy; anything else with a Principal → a resource
// policy of some service, checked leniently (its own service's rules are unknown here).
import { PolicyModel, itemsOf } from './parse';
import type { DocumentKind, DocumentUsage } from './types';

/** The grammar rules that differ between kinds of document. */
export interface DocumentGrammar {
  /** IAM's own Sid rule (A–Z, a–z, 0–9): IAM identity and trust policies, SCPs and RCPs. S3, KMS,
   * SQS, SNS… accept any text ("Allow Segment S3 user", "__default_statement_ID"). */
  iamSid: boolean;
  /** forbidden: identity policies and SCPs; required: trust and service resource policies. */
  principal: 'forbidden' | 'required' | 'optional';
  /** required: identity policies; forbidden: role trust policies. */
  resource: 'required' | 'forbidden' | 'optional';
}

const GRAMMARS: Record<DocumentUsage, DocumentGrammar> = {
  identity: { iamSid: true, principal: 'forbidden', resource: 'required' },
  scp: { iamSid: true, principal: 'forbidden', resource: 'optional' },
  trust: { iamSid: true, principal: 'required', resource: 'forbidden' },
  rcp: { iamSid: true, principal: 'required', resource: 'required' },
  resource: { iamSid: false, principal: 'required', resource: 'optional' },
  endpoint: { iamSid: false, principal: 'optional', resource: 'optional' },
};
/** A document with Principals whose use the file does not say. */
const INFERRED_RESOURCE: DocumentGrammar = { iamSid: false, principal: 'optional', resource: 'optional' };

export interface DocumentNature {
  kind: DocumentKind;
  grammar: DocumentGrammar;
}

const KIND_OF_USAGE: Record<DocumentUsage, DocumentKind> = { identity: 'identity', scp: 'identity', trust: 'trust', rcp: 'resource', resource: 'resource', endpoint: 'resource' };

export function documentNature(model: PolicyModel, usage?: DocumentUsage, standalone = true): DocumentNature {
  if (usage) return { kind: KIND_OF_USAGE[usage], grammar: GRAMMARS[usage] };
  const kind = documentKind(model, standalone);
  return { kind, grammar: kind === 'resource' ? INFERRED_RESOURCE : GRAMMARS[kind === 'trust' ? 'trust' : 'identity'] };
}

/**
 * The kind from the content alone. `standalone` (a JSON file, not a document projected from a
 * template): a Principal in only some statements is a stray Principal in an identity policy; in a
 * template whose use is unknown it stands for a resource policy.
 */
export function documentKind(model: PolicyModel, standalone = true): DocumentKind {
  if (!model.root || model.root.type !== 'object') return 'unknown';
  const statements = model.statements.filter((s) => s.node.type === 'object');
  if (statements.length === 0) return 'identity';
  const withPrincipal = statements.filter((s) => s.el.Principal || s.el.NotPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  if (withPrincipal.length < statements.length) return standalone ? 'identity' : 'resource';
  // A Resource means a resource policy (a resource control policy names sts:AssumeRole too).
  if (statements.some((s) => s.el.Resource || s.el.NotResource)) return 'resource';
  const assumesRole = withPrincipal.some((s) => itemsOf(s, 'Action').some((a) => /^sts:(assumerole|\*)/i.test(a.value)));
  return assumesRole ? 'trust' : 'resource';
}

// What a document is: identity policy (no Principal), trust policy (Principal + sts: actions),
// or another resource policy such as a bucket policy.
import { PolicyModel, itemsOf } from './parse';
import type { DocumentKind } from './types';

export function documentKind(model: PolicyModel): DocumentKind {
  if (!model.root || model.root.type !== 'object') return 'unknown';
  const statements = model.statements.filter((s) => s.node.type === 'object');
  if (statements.length === 0) return 'identity';
  const withPrincipal = statements.filter((s) => s.el.Principal || s.el.NotPrincipal);
  // Trust and resource policies need a Principal in every statement: a statement without one
  // means the document is an identity policy with a stray Principal.
  if (withPrincipal.length < statements.length) return 'identity';
  const assumesRole = withPrincipal.some((s) =>
    itemsOf(s, 'Action').some((a) => /^sts:(assumerole|\*)/i.test(a.value)),
  );
  return assumesRole ? 'trust' : 'resource';
}

// The trust-policy rules (rules/trust.ts): how the partner account may assume the role.
import { defineRules } from './define';
import { policy, trust } from './examples';

export const TRUST_RULES = defineRules({
  'trust-action-invalid': {
    severity: 'error',
    purposes: ['trust', 'general'],
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'A trust statement for an AWS account principal whose action is not sts:AssumeRole.',
      es: 'Una instrucción de confianza para una cuenta de AWS cuya acción no es sts:AssumeRole.',
    },
    example: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['sts:AssumeRole', 's3:GetObject'], Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } } }),
    options: { integration: 'trust' },
    fix: { en: 'A trust policy grants sts:AssumeRole only; S3 access belongs in the role\'s permission policy.', es: 'Una política de confianza solo concede sts:AssumeRole; el acceso a S3 va en la política de permisos del rol.' },
  },
  'trust-principal-wildcard': {
    severity: 'error',
    purposes: ['trust', 'general'],
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'Any principal may assume the role, with no limiting condition.',
      es: 'Cualquier principal puede asumir el rol, sin condición que lo limite.',
    },
    example: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    options: { integration: 'trust' },
    fix: { en: 'Name the partner account and require the external ID.', es: 'Nombra la cuenta del socio y exige el ID externo.' },
  },
  'trust-external-id-missing': {
    severity: 'warning',
    severityNote: { en: 'error for the configured partner account', es: 'error para la cuenta del socio configurada' },
    purposes: ['trust'],
    unknownValues: 'assume-ok',
    fixSafety: 'mixed',
    summary: {
      en: 'A role trusted by another account without an sts:ExternalId condition.',
      es: 'Un rol de socio en el que confía otra cuenta sin condición sts:ExternalId.',
    },
    example: trust(),
    options: { integration: 'trust', partnerAccountId: '111122223333' },
    fix: { en: 'Add "Condition": {"StringEquals": {"sts:ExternalId": "<the dashboard\'s external ID>"}} (the confused-deputy protection the source document requires).', es: 'Añade "Condition": {"StringEquals": {"sts:ExternalId": "<el ID externo del panel>"}} (la protección contra el suplente confuso que exige el documento de origen).' },
  },
  'trust-account-mismatch': {
    severity: 'warning',
    purposes: ['trust'],
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: 'The trusted account or external ID differs from the configured ones.',
      es: 'La cuenta de confianza o el ID externo difieren de los configurados.',
    },
    example: trust({ Condition: { StringEquals: { 'sts:ExternalId': 'old-id' } } }),
    options: { integration: 'trust', partnerAccountId: '111122223333', externalId: 'braze-demo-external-id' },
    fix: { en: 'Copy the account ID and external ID again from the partner dashboard.', es: 'Copia de nuevo el ID de cuenta y el ID externo desde el panel del socio.' },
  },
});

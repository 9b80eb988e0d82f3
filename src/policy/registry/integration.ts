// The Braze export rules (rules/integration.ts): what Currents or dashboard export needs, and no more.
import { EXPORT_PURPOSES, defineRules } from './define';
import { B, allow, currents, policy } from './examples';

export const INTEGRATION_RULES = defineRules({
  'integration-missing-permission': {
    severity: 'error',
    severityNote: { en: 'warning when granted only under a condition', es: 'aviso si solo se concede bajo una condición' },
    purposes: EXPORT_PURPOSES,
    unknownValues: 'assume-ok',
    fixSafety: 'safe',
    summary: {
      en: 'A permission the integration needs is not granted.',
      es: 'No se concede un permiso que la integración necesita.',
    },
    example: policy(currents[0], allow('s3:PutObject', `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Add the action the message names (here s3:GetObject: without it the partner says "Unable to connect to S3").', es: 'Añade la acción que indica el mensaje (aquí s3:GetObject: sin ella el socio dice "Unable to connect to S3").' },
  },
  'integration-denied': {
    severity: 'error',
    purposes: EXPORT_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'A Deny statement removes a permission the integration needs.',
      es: 'Una instrucción Deny quita un permiso que la integración necesita.',
    },
    example: policy(...currents, { Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    options: { integration: 'currents' },
    fix: { en: 'Narrow or remove the Deny: an explicit Deny always wins.', es: 'Restringe o quita el Deny: un Deny explícito siempre prevalece.' },
  },
  'integration-excess-permission': {
    severity: 'warning',
    severityNote: { en: 'info for s3:DeleteObject in a Currents policy', es: 'información para s3:DeleteObject en una política de Currents' },
    purposes: EXPORT_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: 'Grants destructive or unrelated actions the integration does not need.',
      es: 'Concede acciones destructivas o ajenas que la integración no necesita.',
    },
    example: policy(currents[0], allow('s3:*', `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Grant only what the integration uses (the template\'s actions).', es: 'Concede solo lo que usa la integración (las acciones de la plantilla).' },
  },
  'integration-mixed': {
    severity: 'warning',
    purposes: EXPORT_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: "A policy that looks like both integrations' at once where one was declared.",
      es: 'Una política que parece de las dos integraciones a la vez cuando se declaró una.',
    },
    example: policy(...currents, allow(['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], `arn:aws:s3:::${B}/exports/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Keep each integration in its own policy (or one policy covering both, declared as dashboard export); Currents itself never deletes.', es: 'Mantén cada integración en su propia política (o una que cubra ambas, declarada como exportación del panel); Currents nunca elimina.' },
  },
});

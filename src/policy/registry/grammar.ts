// The grammar rules (rules/grammar.ts): JSON syntax, Version, Statement and its elements, Sids, Principal.
import { ALL_PURPOSES, defineRules } from './define';
import { B, allow, currents, policy } from './examples';

export const GRAMMAR_RULES = defineRules({
  'json-syntax': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    summary: {
      en: 'The text is not valid JSON (comments and trailing commas included).',
      es: 'El texto no es JSON válido (comentarios y comas finales incluidos).',
    },
    example: '{\n  "Version": "2012-10-17",\n  "Statement": [],\n}',
    fix: { en: 'Remove the trailing comma or comment; IAM accepts strict JSON only.', es: 'Quita la coma final o el comentario: IAM solo acepta JSON estricto.' },
  },
  'policy-version-missing': {
    severity: 'warning',
    severityNote: { en: 'info when the policy uses no policy variables', es: 'información si la política no usa variables de política' },
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    summary: {
      en: 'No Version: IAM uses 2008-10-17, where policy variables do not work.',
      es: 'Falta Version: IAM usa 2008-10-17, donde las variables de política no funcionan.',
    },
    example: JSON.stringify({ Statement: currents }, null, 2),
    options: { integration: 'currents' },
    fix: { en: 'Add "Version": "2012-10-17" at the top.', es: 'Añade "Version": "2012-10-17" al principio.' },
  },
  'policy-version-invalid': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'Version is neither 2012-10-17 nor 2008-10-17.',
      es: 'Version no es 2012-10-17 ni 2008-10-17.',
    },
    example: JSON.stringify({ Version: '2024-01-01', Statement: currents }, null, 2),
    options: { integration: 'currents' },
    fix: { en: 'Use "2012-10-17" (a date IAM defines, not today\'s).', es: 'Usa "2012-10-17" (una fecha que define IAM, no la de hoy).' },
  },
  'statement-missing': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    summary: {
      en: 'No Statement, or an empty one.',
      es: 'No hay Statement, o está vacío.',
    },
    example: policy(),
    fix: { en: 'Add the statements the policy is for (the templates have them).', es: 'Añade las instrucciones de la política (las plantillas las incluyen).' },
  },
  'unknown-key': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'A key IAM does not know (keys are case-sensitive).',
      es: 'Una clave que IAM no conoce (las claves distinguen mayúsculas).',
    },
    example: policy({ Effect: 'Allow', action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Spell the key as IAM does ("Action", not "action").', es: 'Escribe la clave como IAM ("Action", no "action").' },
  },
  'invalid-type': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'A value of the wrong JSON type.',
      es: 'Un valor del tipo JSON equivocado.',
    },
    example: policy(allow(42, `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Action and Resource take a string or a list of strings.', es: 'Action y Resource admiten una cadena o una lista de cadenas.' },
  },
  'effect-invalid': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'Effect missing, or not exactly Allow / Deny.',
      es: 'Falta Effect, o no es exactamente Allow / Deny.',
    },
    example: policy({ Effect: 'allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Write "Allow" or "Deny", capitalised.', es: 'Escribe "Allow" o "Deny", con mayúscula.' },
  },
  'action-missing': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'assume-ok',
    summary: {
      en: 'A statement has neither Action nor NotAction, or both.',
      es: 'Una instrucción no tiene Action ni NotAction, o tiene ambos.',
    },
    example: policy({ Effect: 'Allow', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Add the Action list.', es: 'Añade la lista Action.' },
  },
  'resource-missing': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'assume-ok',
    summary: {
      en: 'An identity-policy statement has neither Resource nor NotResource, or both.',
      es: 'Una instrucción de política de identidad no tiene Resource ni NotResource, o tiene ambos.',
    },
    example: policy({ Effect: 'Allow', Action: 's3:GetObject' }),
    fix: { en: 'Add the Resource the actions apply to (e.g. arn:aws:s3:::BUCKET/*).', es: 'Añade el Resource al que se aplican las acciones (p. ej. arn:aws:s3:::BUCKET/*).' },
  },
  'principal-not-allowed': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'Principal/NotPrincipal in a policy attached to a user or role, or in an SCP.',
      es: 'Principal/NotPrincipal en una política adjunta a un usuario o rol.',
    },
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`), allow('s3:PutObject', `arn:aws:s3:::${B}/*`, { Principal: '*' })),
    fix: { en: 'Remove Principal: a policy attached to a user or role applies to that user or role.', es: 'Quita Principal: una política adjunta a un usuario o rol se aplica a ese usuario o rol.' },
  },
  'principal-missing': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'A statement of a role trust policy or of a resource policy (bucket, key, queue, topic…) without Principal.',
      es: 'Una instrucción de una política de confianza de rol o de una política de recurso (contenedor, clave, cola, tema…) sin Principal.',
    },
    example: policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    options: { integration: 'trust' },
    fix: { en: 'Add the Principal the statement applies to (in a role trust policy: the account or service that may assume the role).', es: 'Añade el Principal al que se aplica la instrucción (en una política de confianza: la cuenta o el servicio que puede asumir el rol).' },
  },
  'sid-duplicate': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    summary: {
      en: 'Two statements share a Sid.',
      es: 'Dos instrucciones comparten un Sid.',
    },
    example: policy({ Sid: 'Bucket', ...currents[0] }, { Sid: 'Bucket', ...currents[1] }),
    fix: { en: 'Give each statement its own Sid, or none.', es: 'Da a cada instrucción su propio Sid, o ninguno.' },
  },
  'sid-invalid': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    summary: {
      en: 'A Sid with characters other than A-Z, a-z, 0-9 in an IAM policy (identity, trust, SCP, RCP).',
      es: 'Un Sid con caracteres distintos de A-Z, a-z, 0-9.',
    },
    example: policy({ Sid: 'braze-bucket', ...currents[0] }, currents[1]),
    fix: { en: 'Use letters and digits only ("BrazeBucket").', es: 'Usa solo letras y dígitos ("BrazeBucket").' },
  },
});

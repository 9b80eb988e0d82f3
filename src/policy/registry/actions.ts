// The action rules (rules/actions.ts): services, actions, wildcards, duplicates, retired APIs.
import { ALL_PURPOSES, defineRules } from './define';
import { B, allow, currents, policy } from './examples';

export const ACTION_RULES = defineRules({
  'service-unknown': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: 'The service prefix does not exist.',
      es: 'El prefijo de servicio no existe.',
    },
    example: policy(allow('s4:GetObject', `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Fix the prefix (s3).', es: 'Corrige el prefijo (s3).' },
  },
  'action-unknown': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: 'No such action.',
      es: 'No existe esa acción.',
    },
    example: policy(currents[0], allow(['s3:PutObjects', 's3:GetObject'], `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Use the action\'s exact name (s3:PutObject); the quick fix offers the nearest one.', es: 'Usa el nombre exacto de la acción (s3:PutObject); la corrección rápida ofrece la más cercana.' },
  },
  'action-wildcard-no-match': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'A wildcard that matches no action.',
      es: 'Un comodín que no coincide con ninguna acción.',
    },
    example: policy(allow('s3:Write*', `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Name the actions (s3:PutObject): S3 has no action starting with "Write".', es: 'Nombra las acciones (s3:PutObject): S3 no tiene ninguna acción que empiece por "Write".' },
  },
  'action-redundant': {
    severity: 'info',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'safe',
    summary: {
      en: 'An action listed twice, or already covered by a wildcard in the same statement.',
      es: 'Una acción repetida, o ya cubierta por un comodín en la misma instrucción.',
    },
    example: policy(allow(['s3:Get*', 's3:GetObject'], `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Remove the covered entry (Fix all does it).', es: 'Quita la entrada cubierta (Corregir todo lo hace).' },
  },
  'action-retired': {
    severity: 'info',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'An action or service of a retired AWS API that the Service Authorization Reference no longer lists (src/policy/catalog/curated.json): it grants nothing documented.',
      es: 'Una acción o un servicio de una API retirada de AWS que la referencia de autorización de servicios ya no incluye (src/policy/catalog/curated.json): no concede nada documentado.',
    },
    example: policy(allow('deepracer:ListModels', '*')),
    fix: { en: 'Remove it when you next edit the policy; it has no effect.', es: 'Quítala la próxima vez que edites la política: no tiene efecto.' },
  },
});

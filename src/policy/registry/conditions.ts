// The condition rules (rules/conditions.ts): operators, keys, set operators.
import { ALL_PURPOSES, defineRules } from './define';
import { B, allow, policy } from './examples';

export const CONDITION_RULES = defineRules({
  'condition-operator-unknown': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: 'An unknown condition operator.',
      es: 'Un operador de condición desconocido.',
    },
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`, { Condition: { StringEqual: { 'aws:SourceAccount': '111122223333' } } })),
    fix: { en: 'Use an operator IAM defines (StringEquals, not StringEqual).', es: 'Usa un operador que IAM define (StringEquals, no StringEqual).' },
  },
  'condition-key-unknown': {
    severity: 'warning',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: "A condition key that is neither global nor defined for the statement's actions.",
      es: 'Una clave de condición que no es global ni está definida para las acciones de la instrucción.',
    },
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`, { Condition: { StringEquals: { 's3:prefixx': 'currents/' } } })),
    fix: { en: 'Use a key defined for these actions (s3:prefix) or a global one; otherwise the condition never matches.', es: 'Usa una clave definida para estas acciones (s3:prefix) o una global; si no, la condición nunca se cumple.' },
  },
  'condition-set-single-valued': {
    severity: 'warning',
    severityNote: { en: 'info for ForAnyValue', es: 'información con ForAnyValue' },
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'ForAllValues: or ForAnyValue: on a condition key that holds a single value (with ForAllValues, a request without the key matches).',
      es: 'ForAllValues: o ForAnyValue: sobre una clave de condición que tiene un solo valor (con ForAllValues, una solicitud sin la clave se cumple).',
    },
    example: policy(allow('ec2:RunInstances', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1'] } } })),
    fix: { en: 'Use the operator without the set prefix (StringEquals); keep ForAllValues / ForAnyValue for multivalued keys such as aws:TagKeys.', es: 'Usa el operador sin el prefijo de conjunto (StringEquals); deja ForAllValues / ForAnyValue para claves con varios valores, como aws:TagKeys.' },
  },
});

// Codes of the engine itself, not of a policy mistake: the document was not analysed in full
// (analyze.ts: too large, a bug) or its template could not be read (routing/analyzeFile.ts).
import { ALL_PURPOSES, defineRules } from './define';

export const ENGINE_RULES = defineRules({
  'document-too-large': {
    severity: 'info',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'The document is larger than the checker analyses.',
      es: 'El documento es más grande de lo que el comprobador analiza (128 KiB; el límite de IAM es de 10.240 caracteres).',
    },
    fix: { en: 'Split it: IAM rejects managed policies over 6,144 characters and inline ones over 10,240 anyway.', es: 'Divídelo: IAM rechaza igualmente las políticas administradas de más de 6.144 caracteres y las insertadas de más de 10.240.' },
  },
  'analysis-failed': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'The checker failed on this document (a bug: please report it).',
      es: 'El comprobador falló con este documento (un error nuestro: avísanos).',
    },
    fix: { en: 'Report it with the document (remove account IDs first); the rest of the product keeps working.', es: 'Infórmanos con el documento (quita antes los ID de cuenta); el resto del producto sigue funcionando.' },
  },
  'template-syntax': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'A Terraform or CloudFormation policy document that cannot be read (HCL or YAML syntax).',
      es: 'Un documento de política de Terraform o CloudFormation que no se puede leer (sintaxis HCL o YAML).',
    },
    fix: { en: 'Fix the syntax at the marked place (terraform validate or cfn-lint say more); the other documents of the file are still checked.', es: 'Corrige la sintaxis en el lugar marcado (terraform validate o cfn-lint dan más detalle); los demás documentos del archivo se siguen comprobando.' },
  },
});

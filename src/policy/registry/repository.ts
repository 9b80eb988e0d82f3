// Codes about the repository configuration (config/parse.ts) and braze-s3-ignore comments
// (formats/suppressions.ts, config/apply.ts): declared here, the lowest layer, so every layer can name them.
import { ALL_PURPOSES, defineRules } from './define';

export const REPOSITORY_RULES = defineRules({
  'suppression-invalid': {
    severity: 'warning',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'A braze-s3-ignore comment or Metadata entry without a reason, or naming an unknown code: it suppresses nothing.',
      es: 'Un comentario braze-s3-ignore o una entrada de Metadata sin motivo, o que nombra un código desconocido: no suprime nada.',
    },
    fix: {
      en: 'Write the codes, then " -- " and the reason: `# braze-s3-ignore: resource-overbroad -- the bucket name is set per stage`. In CloudFormation Metadata: `braze-s3: { ignore: [ { code: resource-overbroad, reason: ... } ] }`.',
      es: 'Escribe los códigos, luego " -- " y el motivo: `# braze-s3-ignore: resource-overbroad -- el nombre del contenedor depende de la etapa`. En Metadata de CloudFormation: `braze-s3: { ignore: [ { code: resource-overbroad, reason: ... } ] }`.',
    },
  },
  'suppression-unused': {
    severity: 'info',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'A braze-s3-ignore comment that suppresses no finding.',
      es: 'Un comentario braze-s3-ignore que no suprime ningún hallazgo.',
    },
    fix: {
      en: 'Remove the comment (the finding it was for is gone), or move it to the line before the finding or before the block that holds it.',
      es: 'Quita el comentario (el hallazgo para el que era ya no está), o muévelo a la línea anterior al hallazgo o al bloque que lo contiene.',
    },
  },
  'config-invalid': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'report',
    fixSafety: 'none',
    summary: {
      en: 'The repository configuration file (.braze-s3.yaml or .braze-s3.json) cannot be used: the defaults apply.',
      es: 'El archivo de configuración del repositorio (.braze-s3.yaml o .braze-s3.json) no se puede usar: se aplican los valores predeterminados.',
    },
    fix: {
      en: 'Correct the marked key or value (README, section Repository configuration, lists every key); `braze-s3 check` says the same and exits with status 2.',
      es: 'Corrige la clave o el valor marcado (el README, sección Repository configuration, enumera todas las claves); `braze-s3 check` dice lo mismo y termina con el estado 2.',
    },
  },
});

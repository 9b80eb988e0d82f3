// The resource rules (rules/resources.ts): placeholders, ARNs, bucket names, resource types, breadth.
import { ALL_PURPOSES, BRAZE_PURPOSES, EXPORT_PURPOSES, defineRules } from './define';
import { B, allow, currents, policy } from './examples';

export const RESOURCE_RULES = defineRules({
  placeholder: {
    severity: 'error',
    severityNote: { en: 'info in a general policy', es: 'información en una política general' },
    purposes: ALL_PURPOSES,
    unknownValues: 'assume-ok',
    fixSafety: 'suggestion',
    summary: {
      en: 'A template placeholder left in the text: INSERTBUCKETNAME, INSERT..., <BUCKET_NAME>, {{bucket}}, $BUCKET, YOUR-BUCKET...',
      es: 'Un marcador de plantilla (INSERTBUCKETNAME, INSERT...) que sigue en el texto.',
    },
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation'], 'arn:aws:s3:::INSERTBUCKETNAME'), allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::INSERTBUCKETNAME/*')),
    fix: { en: 'Replace it with your bucket name (the quick fix replaces every occurrence at once).', es: 'Sustitúyelo por el nombre de tu contenedor (la corrección rápida sustituye todas las apariciones a la vez).' },
  },
  'arn-invalid': {
    severity: 'error',
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'A resource that is not a well-formed ARN nor "*".',
      es: 'Un recurso que no es un ARN bien formado ni "*".',
    },
    example: policy(allow('s3:GetObject', `arn:aws:s3::${B}/*`)),
    fix: { en: 'An S3 ARN has three colons before the bucket: arn:aws:s3:::BUCKET/*.', es: 'Un ARN de S3 lleva tres dos puntos antes del contenedor: arn:aws:s3:::BUCKET/*.' },
  },
  'bucket-name-invalid': {
    severity: 'error',
    severityNote: { en: 'warning or info for a legacy name', es: 'aviso o información para un nombre antiguo' },
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: "An S3 ARN whose bucket name breaks S3's naming rules.",
      es: 'Un ARN de S3 cuyo nombre de contenedor incumple las reglas de S3.',
    },
    example: policy(allow('s3:GetObject', 'arn:aws:s3:::Acme_Braze/*')),
    options: { integration: 'currents' },
    fix: { en: 'Use the bucket\'s real name: 3–63 lower-case letters, digits, dots and hyphens.', es: 'Usa el nombre real del contenedor: de 3 a 63 minúsculas, dígitos, puntos y guiones.' },
  },
  'resource-mismatch': {
    severity: 'error',
    severityNote: { en: 'warning in a general policy', es: 'aviso en una política general' },
    purposes: ALL_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'suggestion',
    summary: {
      en: "An action that matches none of the statement's resources by resource type.",
      es: 'Una acción que no corresponde por tipo de recurso a ninguno de los recursos de la instrucción.',
    },
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:GetObject'], `arn:aws:s3:::${B}`)),
    options: { integration: 'currents' },
    fix: { en: 'Object actions act on BUCKET/*, bucket actions on the bucket ARN: add arn:aws:s3:::BUCKET/* or split the statement.', es: 'Las acciones de objeto actúan sobre BUCKET/* y las de contenedor sobre el ARN del contenedor: añade arn:aws:s3:::BUCKET/* o divide la instrucción.' },
  },
  'resource-overbroad': {
    severity: 'warning',
    purposes: BRAZE_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'safe',
    summary: {
      en: 'A resource that grants more buckets than meant.',
      es: 'Un recurso que concede más contenedores de lo previsto.',
    },
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation'], '*'), allow(['s3:PutObject', 's3:GetObject'], '*')),
    options: { integration: 'currents' },
    fix: { en: 'Name the export bucket: arn:aws:s3:::BUCKET and arn:aws:s3:::BUCKET/*.', es: 'Nombra el contenedor de exportación: arn:aws:s3:::BUCKET y arn:aws:s3:::BUCKET/*.' },
  },
  'bucket-inconsistent': {
    severity: 'warning',
    purposes: EXPORT_PURPOSES,
    unknownValues: 'skip',
    fixSafety: 'none',
    summary: {
      en: 'An export policy that names more than one bucket.',
      es: 'Una política de exportación que nombra más de un contenedor.',
    },
    example: policy(currents[0], allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::acme-braze-export/*')),
    options: { integration: 'currents' },
    fix: { en: 'Use the same bucket name everywhere (usually a typo in one of them).', es: 'Usa el mismo nombre de contenedor en todas partes (suele ser una errata en uno).' },
  },
});

// The rule documentation: for every code, when it fires, an example that makes it fire (a unit
// test runs each through the engine) and the fix, in English and Spanish. docs/rules.md and
// docs/rules.es.md are generated from here (scripts/generate-rule-docs.ts) and ship in the VSIX;
// diagnostics open them at the rule's section.
import { RULES, RULE_CODES, RULE_SUMMARIES, RuleCode } from './codes';
import type { AnalyzeOptions, Locale } from './types';

export interface RuleDoc {
  whenEs: string;
  /** A document that makes the rule fire, or undefined when none can be shown (size, bugs). */
  example?: string;
  /** How the example is checked (the integration it is declared as). */
  options?: Pick<AnalyzeOptions, 'integration' | 'partnerAccountId' | 'externalId'>;
  fix: { en: string; es: string };
}

const B = 'acme-braze-exports';
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action: unknown, Resource: unknown, extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const currents = [allow(['s3:ListBucket', 's3:GetBucketLocation'], `arn:aws:s3:::${B}`), allow(['s3:PutObject', 's3:GetObject'], `arn:aws:s3:::${B}/*`)];
const trust = (extra: object = {}) => policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', ...extra });

export const RULE_DOCS: Record<RuleCode, RuleDoc> = {
  'json-syntax': {
    whenEs: 'El texto no es JSON válido (comentarios y comas finales incluidos).',
    example: '{\n  "Version": "2012-10-17",\n  "Statement": [],\n}',
    fix: { en: 'Remove the trailing comma or comment; IAM accepts strict JSON only.', es: 'Quita la coma final o el comentario: IAM solo acepta JSON estricto.' },
  },
  'policy-version-missing': {
    whenEs: 'Falta Version: IAM usa 2008-10-17, donde las variables de política no funcionan.',
    example: JSON.stringify({ Statement: currents }, null, 2),
    options: { integration: 'currents' },
    fix: { en: 'Add "Version": "2012-10-17" at the top.', es: 'Añade "Version": "2012-10-17" al principio.' },
  },
  'policy-version-invalid': {
    whenEs: 'Version no es 2012-10-17 ni 2008-10-17.',
    example: JSON.stringify({ Version: '2024-01-01', Statement: currents }, null, 2),
    options: { integration: 'currents' },
    fix: { en: 'Use "2012-10-17" (a date IAM defines, not today\'s).', es: 'Usa "2012-10-17" (una fecha que define IAM, no la de hoy).' },
  },
  'statement-missing': {
    whenEs: 'No hay Statement, o está vacío.',
    example: policy(),
    fix: { en: 'Add the statements the policy is for (the templates have them).', es: 'Añade las instrucciones de la política (las plantillas las incluyen).' },
  },
  'unknown-key': {
    whenEs: 'Una clave que IAM no conoce (las claves distinguen mayúsculas).',
    example: policy({ Effect: 'Allow', action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Spell the key as IAM does ("Action", not "action").', es: 'Escribe la clave como IAM ("Action", no "action").' },
  },
  'invalid-type': {
    whenEs: 'Un valor del tipo JSON equivocado.',
    example: policy(allow(42, `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Action and Resource take a string or a list of strings.', es: 'Action y Resource admiten una cadena o una lista de cadenas.' },
  },
  'effect-invalid': {
    whenEs: 'Falta Effect, o no es exactamente Allow / Deny.',
    example: policy({ Effect: 'allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Write "Allow" or "Deny", capitalised.', es: 'Escribe "Allow" o "Deny", con mayúscula.' },
  },
  'action-missing': {
    whenEs: 'Una instrucción no tiene Action ni NotAction, o tiene ambos.',
    example: policy({ Effect: 'Allow', Resource: `arn:aws:s3:::${B}/*` }),
    fix: { en: 'Add the Action list.', es: 'Añade la lista Action.' },
  },
  'resource-missing': {
    whenEs: 'Una instrucción de política de identidad no tiene Resource ni NotResource, o tiene ambos.',
    example: policy({ Effect: 'Allow', Action: 's3:GetObject' }),
    fix: { en: 'Add the Resource the actions apply to (e.g. arn:aws:s3:::BUCKET/*).', es: 'Añade el Resource al que se aplican las acciones (p. ej. arn:aws:s3:::BUCKET/*).' },
  },
  'principal-not-allowed': {
    whenEs: 'Principal/NotPrincipal en una política adjunta a un usuario o rol.',
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`), allow('s3:PutObject', `arn:aws:s3:::${B}/*`, { Principal: '*' })),
    fix: { en: 'Remove Principal: a policy attached to a user or role applies to that user or role.', es: 'Quita Principal: una política adjunta a un usuario o rol se aplica a ese usuario o rol.' },
  },
  'principal-missing': {
    whenEs: 'Una instrucción de una política de confianza de rol o de una política de recurso (contenedor, clave, cola, tema…) sin Principal.',
    example: policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    options: { integration: 'trust' },
    fix: { en: 'Add the Principal the statement applies to (in a role trust policy: the account or service that may assume the role).', es: 'Añade el Principal al que se aplica la instrucción (en una política de confianza: la cuenta o el servicio que puede asumir el rol).' },
  },
  'sid-duplicate': {
    whenEs: 'Dos instrucciones comparten un Sid.',
    example: policy({ Sid: 'Bucket', ...currents[0] }, { Sid: 'Bucket', ...currents[1] }),
    fix: { en: 'Give each statement its own Sid, or none.', es: 'Da a cada instrucción su propio Sid, o ninguno.' },
  },
  'sid-invalid': {
    whenEs: 'Un Sid con caracteres distintos de A-Z, a-z, 0-9.',
    example: policy({ Sid: 'braze-bucket', ...currents[0] }, currents[1]),
    fix: { en: 'Use letters and digits only ("BrazeBucket").', es: 'Usa solo letras y dígitos ("BrazeBucket").' },
  },
  'condition-operator-unknown': {
    whenEs: 'Un operador de condición desconocido.',
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`, { Condition: { StringEqual: { 'aws:SourceAccount': '111122223333' } } })),
    fix: { en: 'Use an operator IAM defines (StringEquals, not StringEqual).', es: 'Usa un operador que IAM define (StringEquals, no StringEqual).' },
  },
  'condition-key-unknown': {
    whenEs: 'Una clave de condición que no es global ni está definida para las acciones de la instrucción.',
    example: policy(allow('s3:GetObject', `arn:aws:s3:::${B}/*`, { Condition: { StringEquals: { 's3:prefixx': 'currents/' } } })),
    fix: { en: 'Use a key defined for these actions (s3:prefix) or a global one; otherwise the condition never matches.', es: 'Usa una clave definida para estas acciones (s3:prefix) o una global; si no, la condición nunca se cumple.' },
  },
  'condition-set-single-valued': {
    whenEs: 'ForAllValues: o ForAnyValue: sobre una clave de condición que tiene un solo valor (con ForAllValues, una solicitud sin la clave se cumple).',
    example: policy(allow('ec2:RunInstances', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1'] } } })),
    fix: { en: 'Use the operator without the set prefix (StringEquals); keep ForAllValues / ForAnyValue for multivalued keys such as aws:TagKeys.', es: 'Usa el operador sin el prefijo de conjunto (StringEquals); deja ForAllValues / ForAnyValue para claves con varios valores, como aws:TagKeys.' },
  },
  'service-unknown': {
    whenEs: 'El prefijo de servicio no existe.',
    example: policy(allow('s4:GetObject', `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Fix the prefix (s3).', es: 'Corrige el prefijo (s3).' },
  },
  'action-unknown': {
    whenEs: 'No existe esa acción.',
    example: policy(currents[0], allow(['s3:PutObjects', 's3:GetObject'], `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Use the action\'s exact name (s3:PutObject); the quick fix offers the nearest one.', es: 'Usa el nombre exacto de la acción (s3:PutObject); la corrección rápida ofrece la más cercana.' },
  },
  'action-wildcard-no-match': {
    whenEs: 'Un comodín que no coincide con ninguna acción.',
    example: policy(allow('s3:Write*', `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Name the actions (s3:PutObject): S3 has no action starting with "Write".', es: 'Nombra las acciones (s3:PutObject): S3 no tiene ninguna acción que empiece por "Write".' },
  },
  'action-redundant': {
    whenEs: 'Una acción repetida, o ya cubierta por un comodín en la misma instrucción.',
    example: policy(allow(['s3:Get*', 's3:GetObject'], `arn:aws:s3:::${B}/*`)),
    fix: { en: 'Remove the covered entry (Fix all does it).', es: 'Quita la entrada cubierta (Corregir todo lo hace).' },
  },
  'action-retired': {
    whenEs: 'Una acción o un servicio de una API retirada de AWS que la referencia de autorización de servicios ya no incluye (src/policy/catalog/curated.json): no concede nada documentado.',
    example: policy(allow('deepracer:ListModels', '*')),
    fix: { en: 'Remove it when you next edit the policy; it has no effect.', es: 'Quítala la próxima vez que edites la política: no tiene efecto.' },
  },
  placeholder: {
    whenEs: 'Un marcador de plantilla (INSERTBUCKETNAME, INSERT...) que sigue en el texto.',
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation'], 'arn:aws:s3:::INSERTBUCKETNAME'), allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::INSERTBUCKETNAME/*')),
    fix: { en: 'Replace it with your bucket name (the quick fix replaces every occurrence at once).', es: 'Sustitúyelo por el nombre de tu contenedor (la corrección rápida sustituye todas las apariciones a la vez).' },
  },
  'arn-invalid': {
    whenEs: 'Un recurso que no es un ARN bien formado ni "*".',
    example: policy(allow('s3:GetObject', `arn:aws:s3::${B}/*`)),
    fix: { en: 'An S3 ARN has three colons before the bucket: arn:aws:s3:::BUCKET/*.', es: 'Un ARN de S3 lleva tres dos puntos antes del contenedor: arn:aws:s3:::BUCKET/*.' },
  },
  'bucket-name-invalid': {
    whenEs: 'Un ARN de S3 cuyo nombre de contenedor incumple las reglas de S3.',
    example: policy(allow('s3:GetObject', 'arn:aws:s3:::Acme_Braze/*')),
    options: { integration: 'currents' },
    fix: { en: 'Use the bucket\'s real name: 3–63 lower-case letters, digits, dots and hyphens.', es: 'Usa el nombre real del contenedor: de 3 a 63 minúsculas, dígitos, puntos y guiones.' },
  },
  'resource-mismatch': {
    whenEs: 'Una acción que no corresponde por tipo de recurso a ninguno de los recursos de la instrucción (error en una política de Braze; aviso en una general).',
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:GetObject'], `arn:aws:s3:::${B}`)),
    options: { integration: 'currents' },
    fix: { en: 'Object actions act on BUCKET/*, bucket actions on the bucket ARN: add arn:aws:s3:::BUCKET/* or split the statement.', es: 'Las acciones de objeto actúan sobre BUCKET/* y las de contenedor sobre el ARN del contenedor: añade arn:aws:s3:::BUCKET/* o divide la instrucción.' },
  },
  'resource-overbroad': {
    whenEs: 'Un recurso que concede más contenedores de lo previsto.',
    example: policy(allow(['s3:ListBucket', 's3:GetBucketLocation'], '*'), allow(['s3:PutObject', 's3:GetObject'], '*')),
    options: { integration: 'currents' },
    fix: { en: 'Name the export bucket: arn:aws:s3:::BUCKET and arn:aws:s3:::BUCKET/*.', es: 'Nombra el contenedor de exportación: arn:aws:s3:::BUCKET y arn:aws:s3:::BUCKET/*.' },
  },
  'bucket-inconsistent': {
    whenEs: 'Una política de exportación que nombra más de un contenedor.',
    example: policy(currents[0], allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::acme-braze-export/*')),
    options: { integration: 'currents' },
    fix: { en: 'Use the same bucket name everywhere (usually a typo in one of them).', es: 'Usa el mismo nombre de contenedor en todas partes (suele ser una errata en uno).' },
  },
  'integration-missing-permission': {
    whenEs: 'No se concede un permiso que la integración necesita (aviso si solo se concede bajo una condición).',
    example: policy(currents[0], allow('s3:PutObject', `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Add the action the message names (here s3:GetObject: without it the partner says "Unable to connect to S3").', es: 'Añade la acción que indica el mensaje (aquí s3:GetObject: sin ella el socio dice "Unable to connect to S3").' },
  },
  'integration-denied': {
    whenEs: 'Una instrucción Deny quita un permiso que la integración necesita.',
    example: policy(...currents, { Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }),
    options: { integration: 'currents' },
    fix: { en: 'Narrow or remove the Deny: an explicit Deny always wins.', es: 'Restringe o quita el Deny: un Deny explícito siempre prevalece.' },
  },
  'integration-excess-permission': {
    whenEs: 'Concede acciones destructivas o ajenas que la integración no necesita.',
    example: policy(currents[0], allow('s3:*', `arn:aws:s3:::${B}/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Grant only what the integration uses (the template\'s actions).', es: 'Concede solo lo que usa la integración (las acciones de la plantilla).' },
  },
  'integration-mixed': {
    whenEs: 'Una política que parece de las dos integraciones a la vez cuando se declaró una.',
    example: policy(...currents, allow(['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], `arn:aws:s3:::${B}/exports/*`)),
    options: { integration: 'currents' },
    fix: { en: 'Keep each integration in its own policy (or one policy covering both, declared as dashboard export); Currents itself never deletes.', es: 'Mantén cada integración en su propia política (o una que cubra ambas, declarada como exportación del panel); Currents nunca elimina.' },
  },
  'trust-action-invalid': {
    whenEs: 'Una instrucción de confianza para una cuenta de AWS cuya acción no es sts:AssumeRole.',
    example: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['sts:AssumeRole', 's3:GetObject'], Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } } }),
    options: { integration: 'trust' },
    fix: { en: 'A trust policy grants sts:AssumeRole only; S3 access belongs in the role\'s permission policy.', es: 'Una política de confianza solo concede sts:AssumeRole; el acceso a S3 va en la política de permisos del rol.' },
  },
  'trust-principal-wildcard': {
    whenEs: 'Cualquier principal puede asumir el rol, sin condición que lo limite.',
    example: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    options: { integration: 'trust' },
    fix: { en: 'Name the partner account and require the external ID.', es: 'Nombra la cuenta del socio y exige el ID externo.' },
  },
  'trust-external-id-missing': {
    whenEs: 'Un rol de socio en el que confía otra cuenta sin condición sts:ExternalId (error si es la cuenta del socio configurada).',
    example: trust(),
    options: { integration: 'trust', partnerAccountId: '111122223333' },
    fix: { en: 'Add "Condition": {"StringEquals": {"sts:ExternalId": "<the dashboard\'s external ID>"}} (the confused-deputy protection the source document requires).', es: 'Añade "Condition": {"StringEquals": {"sts:ExternalId": "<el ID externo del panel>"}} (la protección contra el suplente confuso que exige el documento de origen).' },
  },
  'trust-account-mismatch': {
    whenEs: 'La cuenta de confianza o el ID externo difieren de los configurados.',
    example: trust({ Condition: { StringEquals: { 'sts:ExternalId': 'old-id' } } }),
    options: { integration: 'trust', partnerAccountId: '111122223333', externalId: 'braze-demo-external-id' },
    fix: { en: 'Copy the account ID and external ID again from the partner dashboard.', es: 'Copia de nuevo el ID de cuenta y el ID externo desde el panel del socio.' },
  },
  'document-too-large': {
    whenEs: 'El documento es más grande de lo que el comprobador analiza (128 KiB; el límite de IAM es de 10.240 caracteres).',
    fix: { en: 'Split it: IAM rejects managed policies over 6,144 characters and inline ones over 10,240 anyway.', es: 'Divídelo: IAM rechaza igualmente las políticas administradas de más de 6.144 caracteres y las insertadas de más de 10.240.' },
  },
  'analysis-failed': {
    whenEs: 'El comprobador falló con este documento (un error nuestro: avísanos).',
    fix: { en: 'Report it with the document (remove account IDs first); the rest of the product keeps working.', es: 'Infórmanos con el documento (quita antes los ID de cuenta); el resto del producto sigue funcionando.' },
  },
  'template-syntax': {
    whenEs: 'Un documento de política de Terraform o CloudFormation que no se puede leer (sintaxis HCL o YAML).',
    fix: { en: 'Fix the syntax at the marked place (terraform validate or cfn-lint say more); the other documents of the file are still checked.', es: 'Corrige la sintaxis en el lugar marcado (terraform validate o cfn-lint dan más detalle); los demás documentos del archivo se siguen comprobando.' },
  },
  'suppression-invalid': {
    whenEs: 'Un comentario braze-s3-ignore o una entrada de Metadata sin motivo, o que nombra un código desconocido: no suprime nada.',
    fix: {
      en: 'Write the codes, then " -- " and the reason: `# braze-s3-ignore: resource-overbroad -- the bucket name is set per stage`. In CloudFormation Metadata: `braze-s3: { ignore: [ { code: resource-overbroad, reason: ... } ] }`.',
      es: 'Escribe los códigos, luego " -- " y el motivo: `# braze-s3-ignore: resource-overbroad -- el nombre del contenedor depende de la etapa`. En Metadata de CloudFormation: `braze-s3: { ignore: [ { code: resource-overbroad, reason: ... } ] }`.',
    },
  },
  'suppression-unused': {
    whenEs: 'Un comentario braze-s3-ignore que no suprime ningún hallazgo.',
    fix: {
      en: 'Remove the comment (the finding it was for is gone), or move it to the line before the finding or before the block that holds it.',
      es: 'Quita el comentario (el hallazgo para el que era ya no está), o muévelo a la línea anterior al hallazgo o al bloque que lo contiene.',
    },
  },
  'config-invalid': {
    whenEs: 'El archivo de configuración del repositorio (.braze-s3.yaml o .braze-s3.json) no se puede usar: se aplican los valores predeterminados.',
    fix: {
      en: 'Correct the marked key or value (README, section Repository configuration, lists every key); `braze-s3 check` says the same and exits with status 2.',
      es: 'Corrige la clave o el valor marcado (el README, sección Repository configuration, enumera todas las claves); `braze-s3 check` dice lo mismo y termina con el estado 2.',
    },
  },
};

const SEVERITY_ES = { error: 'error', warning: 'aviso', info: 'información' } as const;

/** The heading line of a rule's section: diagnostics open the document at it. */
export function ruleHeading(code: RuleCode): string {
  return `## ${code}`;
}

export function ruleDocsMarkdown(locale: Locale): string {
  const es = locale === 'es';
  const lines = [
    es ? '# Reglas de Braze S3 Export Policy Kit' : '# Braze S3 Export Policy Kit rules',
    '',
    es
      ? 'Los códigos son una interfaz pública estable: se añaden códigos nuevos y los antiguos nunca cambian de sentido. Cada regla tiene un ejemplo que la activa (comprobado por las pruebas) y su corrección. Las reglas de Braze (integration-*, resource-overbroad, bucket-inconsistent, trust-*) solo se aplican a las políticas de Braze.'
      : 'Codes are a stable public interface: new codes are added, old ones never re-purposed. Every rule has an example that makes it fire (the tests check it) and its fix. The Braze rules (integration-*, resource-overbroad, bucket-inconsistent, trust-*) apply to Braze policies only.',
    '',
  ];
  for (const code of RULE_CODES) {
    const d = RULE_DOCS[code];
    const severity = es ? SEVERITY_ES[RULES[code]] : RULES[code];
    lines.push(ruleHeading(code), '', `${es ? 'Gravedad predeterminada' : 'Default severity'}: **${severity}**. ${es ? d.whenEs : RULE_SUMMARIES[code]}`, '');
    if (d.example) {
      const declared = d.options?.integration ? (es ? ` (comprobado como \`${d.options.integration}\`)` : ` (checked as \`${d.options.integration}\`)`) : '';
      lines.push(`${es ? 'Ejemplo' : 'Example'}${declared}:`, '', '```json', d.example, '```', '');
    }
    lines.push(`${es ? 'Corrección' : 'Fix'}: ${d.fix[locale]}`, '');
  }
  return lines.join('\n');
}

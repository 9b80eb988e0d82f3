// Every sentence the engine says, in English and Spanish (the source document is Spanish).
// Both locales implement one interface, so a missing translation is a type error.
import type { IntegrationId, Locale, Purpose } from './types';
import { plural } from './plural';

/** A name that opens a sentence ("dashboard data export needs…"): with a capital. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface Messages {
  integrationName(id: IntegrationId): string;
  reasonDeclared: string;
  reasonInferredDelete: string;
  reasonInferredNoDelete: string;
  purposeName(id: Purpose): string;
  purposeReason: {
    declared: string; placeholder: string; fileName: string; sid: string; bucketName: string; shapeOnly(bucket: string): string; sameRole(name: string): string;
    partnerAccount: string; partnerExternalId: string;
    generalIdentity: string; generalTrust: string; generalOther: string; notAnalysed: string;
  };

  jsonSyntax(detail: string): string;
  syntaxDetail(code: string): string;
  tooDeep: string;
  emptyDocument: string;
  rootNotObject: string;
  versionMissing: string;
  versionInvalid(value: string): string;
  versionMissingHarmless: string;
  statementMissing: string;
  statementEmpty: string;
  unknownKey(name: string, suggestion?: string): string;
  resourceInTrust(name: string): string;
  invalidType(element: string, expected: string): string;
  expected: { string: string; stringOrArray: string; statement: string; object: string; principal: string; conditionValue: string; nonEmptyArray: string };
  effectMissing: string;
  effectInvalid(value: string): string;
  actionMissing: string;
  actionBoth: string;
  resourceMissing: string;
  resourceBoth: string;
  principalNotAllowed(key: string): string;
  principalMissing: string;
  principalMissingTrust: string;
  sidDuplicate(sid: string): string;
  sidInvalid(sid: string): string;
  conditionOperatorUnknown(op: string, suggestion?: string): string;
  conditionKeyUnknown(key: string, suggestion?: string): string;
  conditionSetSingleValued(operator: string, key: string, base: string): string;

  serviceUnknown(service: string, suggestion?: string): string;
  actionNoService(value: string): string;
  actionUnknown(action: string, suggestion?: string): string;
  wildcardNoMatch(pattern: string): string;
  actionDuplicate(action: string): string;
  actionCovered(action: string, by: string): string;
  actionRetired(action: string): string;

  placeholder(ph: string): string;
  placeholderValue(ph: string): string;
  arnInvalid(value: string): string;
  bucketNameInvalid(name: string, why: string): string;
  bucketNameLegacy(name: string): string;
  bucketWhy: {
    length: string; chars: string; edges: string; dots: string; ip: string; prefix(p: string): string; suffix(s: string): string;
  };
  resourceNeedsStar(action: string): string;
  resourceMismatch(action: string, example: string): string;
  overbroadBucketWildcard(value: string): string;
  overbroadAllBuckets(value: string): string;
  overbroadStar: string;
  bucketInconsistent(bucket: string, main: string): string;

  missingPermission(integration: string, action: string, resource: string): string;
  missingConditional(integration: string, action: string, resource: string, statement: string): string;
  missingVariable(integration: string, action: string, resource: string, statement: string): string;
  denied(integration: string, action: string, resource: string): string;
  excess(action: string, examples: string, count: number, integration: string): string;
  notActionAllow(integration: string): string;
  currentsDelete: string;
  mixed(declared: string, other: string): string;

  trustActionInvalid(action: string): string;
  trustPrincipalWildcard: string;
  externalIdMissing(account: string): string;
  accountMismatch(found: string, expected: string): string;
  externalIdMismatch(found: string, expected: string): string;

  tooLarge(length: number, max: number): string;
  analysisFailed(reason: string): string;

  fix: {
    renameKey(to: string): string;
    setVersion: string;
    addVersion: string;
    effect(to: string): string;
    replaceWith(to: string): string;
    removeItem(item: string): string;
    addAction(action: string): string;
    addStatement(action: string, resource: string): string;
    addResource(arn: string): string;
    tighten(bucket: string): string;
    addExternalId: string;
    sid(to: string): string;
  };
}

const SYNTAX_EN: Record<string, string> = {
  InvalidCommentToken: 'comments are not allowed (IAM accepts plain JSON only)',
  TrailingComma: 'trailing comma (IAM accepts plain JSON only)',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace } was expected',
  CloseBracketExpected: 'a closing bracket ] was expected',
  EndOfFileExpected: 'unexpected text after the end of the document',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
};
const SYNTAX_ES: Record<string, string> = {
  InvalidCommentToken: 'no se admiten comentarios (IAM solo acepta JSON estricto)',
  TrailingComma: 'coma final sobrante (IAM solo acepta JSON estricto)',
  PropertyNameExpected: 'se esperaba un nombre de propiedad entre comillas dobles',
  ValueExpected: 'se esperaba un valor',
  ColonExpected: 'se esperaban dos puntos',
  CommaExpected: 'se esperaba una coma',
  CloseBraceExpected: 'se esperaba una llave de cierre }',
  CloseBracketExpected: 'se esperaba un corchete de cierre ]',
  EndOfFileExpected: 'texto inesperado tras el final del documento',
  UnexpectedEndOfComment: 'comentario sin cerrar',
  UnexpectedEndOfString: 'cadena sin cerrar',
  UnexpectedEndOfNumber: 'número incompleto',
  InvalidUnicode: 'secuencia \\u no válida',
  InvalidEscapeCharacter: 'carácter de escape no válido',
  InvalidCharacter: 'carácter no válido en una cadena',
  InvalidSymbol: 'símbolo no válido',
  InvalidNumberFormat: 'número no válido',
};

const mean = (s?: string) => (s ? ` Did you mean "${s}"?` : '');
const quiso = (s?: string) => (s ? ` ¿Quisiste decir "${s}"?` : '');

export const en: Messages = {
  integrationName: (id) => (id === 'currents' ? 'Currents' : 'dashboard data export'),
  reasonDeclared: 'declared',
  reasonInferredDelete: 'inferred because s3:DeleteObject is granted',
  reasonInferredNoDelete: 'inferred because s3:DeleteObject is not granted',
  purposeName: (id) => ({ currents: 'Currents export policy', dashboard: 'dashboard export policy', trust: 'partner role trust policy', general: 'general IAM policy' })[id],
  purposeReason: {
    declared: 'declared',
    placeholder: 'it holds a Braze template placeholder (INSERTBUCKETNAME)',
    fileName: 'its file or resource name mentions Braze or Currents',
    sid: 'a Sid mentions Braze or Currents',
    bucketName: 'a bucket name mentions Braze or Currents',
    sameRole: (n) => `${n}, which it belongs to, holds a Braze document`,
    shapeOnly: (b) => `looks like a Braze export policy (s3:GetBucketLocation and s3:PutObject on bucket ${b}), but nothing says it is one: checked as a general policy; declare it (the code lens, --integration, or purposes in .braze-s3.yaml) to check it as one`,
    partnerAccount: 'it trusts the configured partner account',
    partnerExternalId: 'it requires the configured external ID',
    generalIdentity: 'no Braze placeholder, no Braze or Currents name in the file, resource, bucket or Sid, and not declared as one',
    generalTrust: 'it does not trust the configured partner account nor mention Braze or Currents',
    generalOther: 'not an identity or role trust policy',
    notAnalysed: 'not analysed',
  },

  jsonSyntax: (d) => `Invalid JSON: ${d}.`,
  syntaxDetail: (c) => SYNTAX_EN[c] ?? c,
  tooDeep: 'Invalid policy: nested far too deeply to be an IAM policy; not analysed.',
  emptyDocument: 'The document is empty: an IAM policy is a JSON object with Version and Statement.',
  rootNotObject: 'An IAM policy must be a JSON object with Version and Statement.',
  versionMissing: 'No "Version": IAM then uses 2008-10-17, where policy variables such as ${aws:username} do not work. Add "Version": "2012-10-17".',
  versionInvalid: (v) => `"${v}" is not a policy language version: use "2012-10-17".`,
  versionMissingHarmless: 'No "Version": IAM then uses 2008-10-17. This document uses no policy variables, so it reads the same; add "Version": "2012-10-17" before you add any.',
  statementMissing: 'The policy has no "Statement".',
  statementEmpty: '"Statement" is empty: the policy grants nothing.',
  unknownKey: (n, s) => `"${n}" is not an element IAM knows here (keys are case-sensitive).${mean(s)}`,
  resourceInTrust: (n) => `A role trust policy cannot contain "${n}": IAM rejects it. The role itself is the resource.`,
  invalidType: (e, x) => `"${e}" must be ${x}.`,
  expected: {
    string: 'a string',
    stringOrArray: 'a string or an array of strings',
    statement: 'an object or an array of objects',
    object: 'an object',
    principal: '"*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}',
    conditionValue: 'a string, number, boolean or an array of them',
    nonEmptyArray: 'a non-empty list',
  },
  effectMissing: 'This statement has no "Effect": use "Allow" or "Deny".',
  effectInvalid: (v) => `"Effect" must be exactly "Allow" or "Deny", not "${v}".`,
  actionMissing: 'This statement has neither "Action" nor "NotAction".',
  actionBoth: 'A statement cannot have both "Action" and "NotAction".',
  resourceMissing: 'This statement has neither "Resource" nor "NotResource": IAM rejects it.',
  resourceBoth: 'A statement cannot have both "Resource" and "NotResource".',
  principalNotAllowed: (k) => `"${k}" is not allowed in a policy attached to a user or role: remove it (the partner's access comes from the user's keys or the role's trust policy).`,
  principalMissing: 'This statement of a resource policy has no "Principal": the service rejects the policy. Name who the statement applies to.',
  principalMissingTrust: 'This statement of a role trust policy has no "Principal": IAM rejects it. Name who may assume the role.',
  sidDuplicate: (s) => `Another statement already has the Sid "${s}": Sids must be unique.`,
  sidInvalid: (s) => `The Sid "${s}" may contain only letters A–Z, a–z and digits 0–9.`,
  conditionOperatorUnknown: (o, s) => `"${o}" is not a condition operator.${mean(s)}`,
  conditionKeyUnknown: (k, s) => `"${k}" is neither a global condition key nor one defined for this statement's actions: the condition never matches.${mean(s)}`,
  conditionSetSingleValued: (op, k, base) => /^ForAllValues:/i.test(op)
    ? `"${k}" holds a single value, but "${op}" is meant for multivalued keys: a request without "${k}" matches too (ForAllValues over no values is true). Use "${base}".`
    : `"${k}" holds a single value, but "${op}" is meant for multivalued keys. Use "${base}".`,

  serviceUnknown: (svc, s) => `There is no AWS service with the prefix "${svc}".${mean(s)}`,
  actionNoService: (v) => `"${v}" needs a service prefix, as in "s3:${v}".`,
  actionUnknown: (a, s) => `"${a}" is not an IAM action.${mean(s)}`,
  wildcardNoMatch: (p) => `"${p}" matches no action: it grants nothing.`,
  actionDuplicate: (a) => `"${a}" is listed twice in this statement.`,
  actionCovered: (a, by) => `"${a}" is already covered by "${by}" in this statement.`,
  actionRetired: (a) => `"${a}" belongs to a retired AWS service or API: the Service Authorization Reference listed it once and no longer does. IAM accepts it, but it grants nothing documented.`,

  placeholder: (p) => `Replace the template placeholder "${p}" with your bucket name.`,
  placeholderValue: (p) => `Replace the template placeholder "${p}" with the real value.`,
  arnInvalid: (v) => `"${v}" is not a well-formed ARN (arn:partition:service:region:account:resource) nor "*".`,
  bucketNameInvalid: (n, w) => `"${n}" is not a valid S3 bucket name: ${w}.`,
  bucketNameLegacy: (n) => `"${n}" can match only legacy bucket names (uppercase letters, underscores or over 63 characters were allowed in us-east-1 before March 2018): a bucket for Braze needs a lowercase name.`,
  bucketWhy: {
    length: 'it must be 3 to 63 characters long',
    chars: 'only lowercase letters, digits, dots and hyphens are allowed',
    edges: 'it must begin and end with a letter or digit',
    dots: 'it must not contain two adjacent dots',
    ip: 'it must not look like an IP address',
    prefix: (p) => `it must not begin with "${p}"`,
    suffix: (s) => `it must not end with "${s}"`,
  },
  resourceNeedsStar: (a) => `"${a}" does not support resource-level permissions: it applies only with "Resource": "*", which this statement does not have.`,
  resourceMismatch: (a, x) => `"${a}" matches none of this statement's resources: it needs ${x}. IAM ignores it here.`,
  overbroadBucketWildcard: (v) => `"${v}" has a wildcard in the bucket name: it also grants every other bucket whose name starts the same way. Use the bucket ARN and BUCKET/* instead.`,
  overbroadAllBuckets: (v) => `"${v}" grants every bucket in every account.`,
  overbroadStar: '"*" with S3 actions grants them on every bucket: name the export bucket.',
  bucketInconsistent: (b, m) => `This policy names bucket "${b}" as well as "${m}": an export policy should name one bucket.`,

  missingPermission: (i, a, r) => `${sentence(i)} needs ${a} on ${r}, which this policy does not grant.`,
  missingConditional: (i, a, r, st) => `${sentence(i)} needs ${a} on ${r}, which is allowed only if the conditions of ${st} hold for the partner's requests.`,
  missingVariable: (i, a, r, st) => `${sentence(i)} needs ${a} on ${r}, which is allowed only if the policy variables in the resources of ${st} resolve to it for the partner's requests.`,
  denied: (i, a, r) => `This Deny removes ${a} on ${r}, which ${i} needs.`,
  excess: (a, ex, n, i) => `"${a}" grants ${plural('en', n, '# action', '# actions')} ${i} does not need, such as ${ex}. Grant only what the integration uses.`,
  notActionAllow: (i) => `"NotAction" with "Allow" grants every other action of every service, far more than ${i} needs.`,
  currentsDelete: 's3:DeleteObject is not needed by Currents (only by dashboard data export).',
  mixed: (d, o) => `This statement looks like a ${o} policy, but the policy is declared for ${d}: the document asks for two distinct policies.`,

  trustActionInvalid: (a) => `"${a}" is not how another AWS account assumes a role: use "sts:AssumeRole" (sts:TagSession may be added).`,
  trustPrincipalWildcard: 'Any AWS principal in the world may assume this role: name the partner account and require the external ID.',
  externalIdMissing: (acct) => `The role trusts ${acct} without requiring an external ID: add a StringEquals condition on sts:ExternalId (the partner supplies it).`,
  accountMismatch: (f, x) => `The trusted account ${f} is not the partner account you configured (${x}).`,
  externalIdMismatch: (f, x) => `The external ID "${f}" differs from the one you configured ("${x}").`,

  tooLarge: (n, max) => `The document has ${n} characters, more than the ${max} this checker analyses (IAM allows at most 10,240 for a role's inline policies): not analysed.`,
  analysisFailed: (r) => `The policy could not be analysed: ${r}. Please report this.`,

  fix: {
    renameKey: (t) => `Rename to "${t}"`,
    setVersion: 'Use "Version": "2012-10-17"',
    addVersion: 'Add "Version": "2012-10-17"',
    effect: (t) => `Change to "${t}"`,
    replaceWith: (t) => `Replace with "${t}"`,
    removeItem: (i) => `Remove "${i}"`,
    addAction: (a) => `Add ${a}`,
    addStatement: (a, r) => `Add a statement allowing ${a} on ${r}`,
    addResource: (arn) => `Add resource "${arn}"`,
    tighten: (b) => `Replace with "arn:aws:s3:::${b}" and "arn:aws:s3:::${b}/*"`,
    addExternalId: 'Require the external ID (sts:ExternalId)',
    sid: (t) => `Change the Sid to "${t}"`,
  },
};

export const es: Messages = {
  integrationName: (id) => (id === 'currents' ? 'Currents' : 'la exportación de datos del panel'),
  reasonDeclared: 'declarada',
  reasonInferredDelete: 'deducida porque se concede s3:DeleteObject',
  reasonInferredNoDelete: 'deducida porque no se concede s3:DeleteObject',
  purposeName: (id) => ({ currents: 'política de exportación de Currents', dashboard: 'política de exportación del panel', trust: 'política de confianza del rol del socio', general: 'política de IAM general' })[id],
  purposeReason: {
    declared: 'declarada',
    placeholder: 'contiene un marcador de la plantilla de Braze (INSERTBUCKETNAME)',
    fileName: 'el nombre del archivo o del recurso menciona Braze o Currents',
    sid: 'un Sid menciona Braze o Currents',
    bucketName: 'un nombre de contenedor menciona Braze o Currents',
    sameRole: (n) => `${n}, al que pertenece, tiene un documento de Braze`,
    shapeOnly: (b) => `parece una política de exportación de Braze (s3:GetBucketLocation y s3:PutObject en el contenedor ${b}), pero nada indica que lo sea: se comprueba como política general; declárala (la lente de código, --integration o purposes en .braze-s3.yaml) para comprobarla como tal`,
    partnerAccount: 'confía en la cuenta del socio configurada',
    partnerExternalId: 'exige el ID externo configurado',
    generalIdentity: 'sin marcador de Braze, sin el nombre Braze o Currents en el archivo, recurso, contenedor o Sid, y sin declarar como tal',
    generalTrust: 'no confía en la cuenta del socio configurada ni menciona Braze o Currents',
    generalOther: 'no es una política de identidad ni de confianza de un rol',
    notAnalysed: 'no analizada',
  },

  jsonSyntax: (d) => `JSON no válido: ${d}.`,
  syntaxDetail: (c) => SYNTAX_ES[c] ?? c,
  tooDeep: 'Política no válida: anidada a demasiada profundidad para ser una política de IAM; no se analiza.',
  emptyDocument: 'El documento está vacío: una política de IAM es un objeto JSON con Version y Statement.',
  rootNotObject: 'Una política de IAM debe ser un objeto JSON con Version y Statement.',
  versionMissing: 'Falta "Version": IAM usa entonces 2008-10-17, donde las variables de política como ${aws:username} no funcionan. Añade "Version": "2012-10-17".',
  versionInvalid: (v) => `"${v}" no es una versión del lenguaje de políticas: usa "2012-10-17".`,
  versionMissingHarmless: 'Falta "Version": IAM usa entonces 2008-10-17. Este documento no usa variables de política, así que se lee igual; añade "Version": "2012-10-17" antes de usar alguna.',
  statementMissing: 'La política no tiene "Statement".',
  statementEmpty: '"Statement" está vacío: la política no concede nada.',
  unknownKey: (n, s) => `IAM no conoce el elemento "${n}" aquí (las claves distinguen mayúsculas).${quiso(s)}`,
  resourceInTrust: (n) => `Una política de confianza de rol no puede contener "${n}": IAM la rechaza. El recurso es el propio rol.`,
  invalidType: (e, x) => `"${e}" debe ser ${x}.`,
  expected: {
    string: 'una cadena',
    stringOrArray: 'una cadena o una lista de cadenas',
    statement: 'un objeto o una lista de objetos',
    object: 'un objeto',
    principal: '"*" o un objeto como {"AWS": "arn:aws:iam::123456789012:root"}',
    conditionValue: 'una cadena, un número, un booleano o una lista de ellos',
    nonEmptyArray: 'una lista no vacía',
  },
  effectMissing: 'Esta instrucción no tiene "Effect": usa "Allow" o "Deny".',
  effectInvalid: (v) => `"Effect" debe ser exactamente "Allow" o "Deny", no "${v}".`,
  actionMissing: 'Esta instrucción no tiene ni "Action" ni "NotAction".',
  actionBoth: 'Una instrucción no puede tener "Action" y "NotAction" a la vez.',
  resourceMissing: 'Esta instrucción no tiene ni "Resource" ni "NotResource": IAM la rechaza.',
  resourceBoth: 'Una instrucción no puede tener "Resource" y "NotResource" a la vez.',
  principalNotAllowed: (k) => `"${k}" no está permitido en una política adjunta a un usuario o rol: elimínalo (el acceso del socio viene de las claves del usuario o de la política de confianza del rol).`,
  principalMissing: 'Esta instrucción de una política de recurso no tiene "Principal": el servicio rechaza la política. Indica a quién se aplica la instrucción.',
  principalMissingTrust: 'Esta instrucción de una política de confianza de rol no tiene "Principal": IAM la rechaza. Indica quién puede asumir el rol.',
  sidDuplicate: (s) => `Otra instrucción ya tiene el Sid "${s}": los Sid deben ser únicos.`,
  sidInvalid: (s) => `El Sid "${s}" solo puede contener letras A–Z, a–z y dígitos 0–9.`,
  conditionOperatorUnknown: (o, s) => `"${o}" no es un operador de condición.${quiso(s)}`,
  conditionKeyUnknown: (k, s) => `"${k}" no es una clave de condición global ni una definida para las acciones de esta instrucción: la condición nunca se cumple.${quiso(s)}`,
  conditionSetSingleValued: (op, k, base) => /^ForAllValues:/i.test(op)
    ? `"${k}" tiene un solo valor, pero "${op}" es para claves con varios valores: una solicitud sin "${k}" también se cumple (ForAllValues sobre ningún valor es verdadero). Usa "${base}".`
    : `"${k}" tiene un solo valor, pero "${op}" es para claves con varios valores. Usa "${base}".`,

  serviceUnknown: (svc, s) => `No existe ningún servicio de AWS con el prefijo "${svc}".${quiso(s)}`,
  actionNoService: (v) => `"${v}" necesita un prefijo de servicio, como en "s3:${v}".`,
  actionUnknown: (a, s) => `"${a}" no es una acción de IAM.${quiso(s)}`,
  wildcardNoMatch: (p) => `"${p}" no coincide con ninguna acción: no concede nada.`,
  actionDuplicate: (a) => `"${a}" aparece dos veces en esta instrucción.`,
  actionCovered: (a, by) => `"${a}" ya está cubierta por "${by}" en esta instrucción.`,
  actionRetired: (a) => `"${a}" pertenece a un servicio o una API de AWS retirados: la Service Authorization Reference la incluía y ya no la incluye. IAM la acepta, pero no concede nada documentado.`,

  placeholder: (p) => `Sustituye el marcador de la plantilla "${p}" por el nombre de tu contenedor.`,
  placeholderValue: (p) => `Sustituye el marcador de la plantilla "${p}" por el valor real.`,
  arnInvalid: (v) => `"${v}" no es un ARN bien formado (arn:partición:servicio:región:cuenta:recurso) ni "*".`,
  bucketNameInvalid: (n, w) => `"${n}" no es un nombre de contenedor de S3 válido: ${w}.`,
  bucketNameLegacy: (n) => `"${n}" solo puede coincidir con nombres de contenedor antiguos (mayúsculas, guiones bajos o más de 63 caracteres se permitían en us-east-1 antes de marzo de 2018): un contenedor para Braze necesita un nombre en minúsculas.`,
  bucketWhy: {
    length: 'debe tener entre 3 y 63 caracteres',
    chars: 'solo se admiten minúsculas, dígitos, puntos y guiones',
    edges: 'debe empezar y terminar con una letra o un dígito',
    dots: 'no puede contener dos puntos seguidos',
    ip: 'no puede tener forma de dirección IP',
    prefix: (p) => `no puede empezar por "${p}"`,
    suffix: (s) => `no puede terminar en "${s}"`,
  },
  resourceNeedsStar: (a) => `"${a}" no admite permisos por recurso: solo se aplica con "Resource": "*", que esta instrucción no tiene.`,
  resourceMismatch: (a, x) => `"${a}" no coincide con ningún recurso de esta instrucción: necesita ${x}. IAM la ignora aquí.`,
  overbroadBucketWildcard: (v) => `"${v}" lleva un comodín en el nombre del contenedor: también concede cualquier otro contenedor cuyo nombre empiece igual. Usa el ARN del contenedor y CONTENEDOR/*.`,
  overbroadAllBuckets: (v) => `"${v}" concede todos los contenedores de todas las cuentas.`,
  overbroadStar: '"*" con acciones de S3 las concede en todos los contenedores: indica el contenedor de exportación.',
  bucketInconsistent: (b, m) => `Esta política nombra el contenedor "${b}" además de "${m}": una política de exportación debería nombrar uno solo.`,

  missingPermission: (i, a, r) => `${sentence(i)} necesita ${a} en ${r}, y esta política no lo concede.`,
  missingConditional: (i, a, r, st) => `${sentence(i)} necesita ${a} en ${r}, que solo se permite si las condiciones de ${st} se cumplen para las solicitudes del socio.`,
  missingVariable: (i, a, r, st) => `${sentence(i)} necesita ${a} en ${r}, que solo se permite si las variables de política de los recursos de ${st} se resuelven en él para las solicitudes del socio.`,
  denied: (i, a, r) => `Este Deny elimina ${a} en ${r}, que ${i} necesita.`,
  excess: (a, ex, n, i) => `"${a}" concede ${plural('es', n, '# acción', '# acciones')} que ${i} no necesita, como ${ex}. Concede solo lo que usa la integración.`,
  notActionAllow: (i) => `"NotAction" con "Allow" concede todas las demás acciones de todos los servicios, mucho más de lo que ${i} necesita.`,
  currentsDelete: 'Currents no necesita s3:DeleteObject (solo la exportación de datos del panel).',
  mixed: (d, o) => `Esta instrucción parece de una política de ${o}, pero la política está declarada para ${d}: el documento pide dos políticas distintas.`,

  trustActionInvalid: (a) => `"${a}" no es la forma en que otra cuenta de AWS asume un rol: usa "sts:AssumeRole" (se puede añadir sts:TagSession).`,
  trustPrincipalWildcard: 'Cualquier principal de AWS del mundo puede asumir este rol: indica la cuenta del socio y exige el ID externo.',
  externalIdMissing: (acct) => `El rol confía en ${acct} sin exigir un ID externo: añade una condición StringEquals sobre sts:ExternalId (lo proporciona el socio).`,
  accountMismatch: (f, x) => `La cuenta de confianza ${f} no es la cuenta del socio que configuraste (${x}).`,
  externalIdMismatch: (f, x) => `El ID externo "${f}" no coincide con el que configuraste ("${x}").`,

  tooLarge: (n, max) => `El documento tiene ${n} caracteres, más de los ${max} que analiza este comprobador (IAM admite como máximo 10.240 en las políticas en línea de un rol): no se analiza.`,
  analysisFailed: (r) => `No se pudo analizar la política: ${r}. Por favor, infórmanos.`,

  fix: {
    renameKey: (t) => `Renombrar a "${t}"`,
    setVersion: 'Usar "Version": "2012-10-17"',
    addVersion: 'Añadir "Version": "2012-10-17"',
    effect: (t) => `Cambiar a "${t}"`,
    replaceWith: (t) => `Sustituir por "${t}"`,
    removeItem: (i) => `Eliminar "${i}"`,
    addAction: (a) => `Añadir ${a}`,
    addStatement: (a, r) => `Añadir una instrucción que permita ${a} en ${r}`,
    addResource: (arn) => `Añadir el recurso "${arn}"`,
    tighten: (b) => `Sustituir por "arn:aws:s3:::${b}" y "arn:aws:s3:::${b}/*"`,
    addExternalId: 'Exigir el ID externo (sts:ExternalId)',
    sid: (t) => `Cambiar el Sid a "${t}"`,
  },
};

export function messages(locale: Locale | undefined): Messages {
  return locale === 'es' ? es : en;
}

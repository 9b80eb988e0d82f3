// What the live checks say, in English and Spanish.
import type { Locale } from '../policy';
import { plural } from '../policy';
import type { EndpointInfo } from './endpoint';

export interface LiveMessages {
  step: Record<'location' | 'list' | 'put' | 'get' | 'delete' | 'keep' | 'objectLock' | 'encryption' | 'arn' | 'role' | 'trust' | 'permissions' | 'boundary' | 'simulate' | 'identity', string>;
  regionIs(region: string): string;
  listed(n: number, prefix: string): string;
  wrote(key: string, sse: boolean): string;
  readBack(key: string, bytes: number): string;
  deleted(key: string): string;
  kept(key: string): string;
  skippedAfter: string;
  objectLockOn: string;
  objectLockOff: string;
  encryption(alg: string): string;
  kmsUnsupported: string;
  unreadable(code: string): string;
  arnOk(account: string, name: string): string;
  arnBad(value: string): string;
  roleFound(arn: string): string;
  trustOk(account: string): string;
  trustProblems(list: string): string;
  permissionsOk(integration: string, policies: number): string;
  permissionMissing(action: string, resource: string): string;
  permissionConditional(action: string, resource: string): string;
  permissionDenied(action: string, resource: string, policy: string): string;
  noBoundary: string;
  boundaryOk(arn: string): string;
  boundaryBlocks(action: string): string;
  simulated(allowed: number, total: number): string;
  callerIs(arn: string): string;
  usedKey(id: string): string;
  usedKeyUnknown: string;
  usedRole(arn: string): string;
  remedy: Record<string, (ctx: { bucket: string; folder: string; action?: string; region?: string; account?: string; endpoint?: EndpointInfo }) => string>;
  /** A network failure: the endpoint it tried and why (never a stack trace). */
  unreachable(url: string, reason: string): string;
  networkReason(code: string): string;
  /** Where an endpoint came from, as a parenthesis after its URL. */
  endpointFrom(endpoint: EndpointInfo): string;
  /** The AWS code and message, with the HTTP status and request ID when AWS answered. */
  failed(code: string, message: string, status?: number, requestId?: string): string;
  summary(counts: { passed: number; failed: number; warned: number; skipped: number }): string;
  reportTitle: Record<'test-credentials' | 'verify-role', string>;
}

export const liveEn: LiveMessages = {
  step: {
    location: 'GetBucketLocation', list: 'ListObjectsV2 on the folder', put: 'PutObject of a marker object', get: 'GetObject of the marker',
    delete: 'DeleteObject of the marker', keep: 'Marker object', objectLock: 'Object Lock', encryption: 'Default encryption',
    arn: 'Role ARN', role: 'Role exists (GetRole)', trust: 'Trust policy', permissions: 'Permissions for the integration',
    boundary: 'Permissions boundary', simulate: 'IAM policy simulator (SimulatePrincipalPolicy)', identity: 'Caller identity',
  },
  regionIs: (r) => `the bucket is in ${r}`,
  listed: (n, p) => `${plural('en', n, 'listed # key', 'listed # keys')} under "${p || '/'}"`,
  wrote: (k, sse) => `wrote ${k}${sse ? ' with x-amz-server-side-encryption: AES256' : ''}`,
  readBack: (k, n) => `read ${k} back (${n} bytes)`,
  deleted: (k) => `deleted ${k}; nothing is left behind`,
  kept: (k) => `${k} is kept and overwritten in place on every check (Currents never needs s3:DeleteObject), so markers never accumulate`,
  skippedAfter: 'skipped: an earlier step failed',
  objectLockOn: 'Object Lock is enabled on this bucket: Currents does not support such buckets',
  objectLockOff: 'not enabled',
  encryption: (a) => (a === 'none' ? 'no default encryption' : `default encryption ${a}`),
  kmsUnsupported: 'SSE-KMS default encryption is not supported: the partner\'s writer fails with "not authorized to perform: kms:GenerateDataKey"',
  unreadable: (c) => `could not be read with these credentials (${c}); the partner does not need it`,
  arnOk: (a, n) => `role ${n} in account ${a}`,
  arnBad: (v) => `"${v}" is not an IAM role ARN (arn:aws:iam::123456789012:role/name)`,
  roleFound: (a) => `found ${a}`,
  trustOk: (a) => `allows account ${a} to assume the role with sts:AssumeRole and the external ID`,
  trustProblems: (l) => l,
  permissionsOk: (i, n) => `${plural('en', n, '# policy grants', '# policies grant')} everything ${i} needs`,
  permissionMissing: (a, r) => `${a} on ${r} is not granted`,
  permissionConditional: (a, r) => `${a} on ${r} is allowed only if a condition holds`,
  permissionDenied: (a, r, p) => `${a} on ${r} is denied by ${p}`,
  noBoundary: 'no permissions boundary',
  boundaryOk: (a) => `${a} allows the integration's actions`,
  boundaryBlocks: (a) => `the boundary does not allow ${a}: the role cannot use it even though a policy grants it`,
  simulated: (n, t) => `IAM's simulator allows ${n} of ${plural('en', t, '# required action', '# required actions')}`,
  callerIs: (a) => `credentials of ${a}`,
  usedKey: (id) => `Access key ID: ${id}`,
  usedKeyUnknown: 'Access key ID: none (no credentials could be loaded)',
  usedRole: (a) => `Role ARN: ${a}`,
  remedy: {
    AccessDenied: ({ action, bucket, folder }) => `grant ${action ?? 'the action'} on ${action && /Object$/.test(action) ? `arn:aws:s3:::${bucket}/${folder ? folder + '/' : ''}*` : `arn:aws:s3:::${bucket}`} in the policy attached to this user or role`,
    NoSuchBucket: ({ bucket }) => `no bucket named "${bucket}": check the name (it is the one you will type into the partner dashboard)`,
    InvalidAccessKeyId: () => 'the access key ID does not exist: copy it again or create a new access key for the IAM user',
    SignatureDoesNotMatch: () => 'the secret access key does not match the access key ID: copy it again (no spaces) or create a new key',
    ExpiredToken: () => 'the session has expired: sign in again (for SSO profiles: aws sso login --profile …)',
    NoCredentials: () => 'no AWS credentials were found: choose a profile (AWS_PROFILE, --profile or the Braze S3 status bar item), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or sign in with aws sso login',
    KmsDenied: () => 'turn off SSE-KMS default encryption on the bucket and use SSE-S3 (AES-256)',
    NoSuchEntity: () => 'no such role: check the ARN; if you created the role minutes ago, IAM may still be propagating (the partner then says "S3 credentials are invalid"): wait a few minutes and retry',
    GetRoleDenied: () => 'your credentials lack iam:GetRole (and iam:List*Policies, iam:GetPolicyVersion) to inspect the role: use an admin profile',
    OtherAccount: ({ account }) => `the role is in account ${account}, but your credentials are for another account: IAM cannot read it from here. Switch to a profile of account ${account}`,
    Throttling: () => 'AWS throttled the request: wait a moment and run the check again',
    Network: ({ endpoint }) => `nothing answered at ${endpoint ? `${endpoint.url}${liveEn.endpointFrom(endpoint)}` : 'the AWS endpoint'}. If it is a local AWS (moto, LocalStack), start it (in this project: npm start); otherwise check the endpoint setting (brazeS3.endpoint in VS Code, --endpoint on the command line, AWS_ENDPOINT_URL, endpoint_url in the AWS profile), the AWS profile, the network and the proxy`,
    Timeout: ({ endpoint }) => `no answer in time${endpoint ? ` from ${endpoint.url}` : ''}: check the network and the endpoint setting, then run the check again`,
    Redirect: ({ region }) => `the bucket is in another region${region ? ` (${region})` : ''}: the partner uses the bucket's own region, nothing to configure`,
    ObjectLock: () => 'use a bucket without Object Lock for Currents (Object Lock cannot be turned off once enabled)',
    Default: ({ action }) => `AWS refused ${action ?? 'the call'} for a reason this check does not know: read AWS's message above, fix what it names and run the check again; if it persists, give the request ID to AWS Support`,
  },
  unreachable: (url, reason) => `AWS could not be reached at ${url} (${reason})`,
  networkReason: (code) => ({
    ECONNREFUSED: 'connection refused: nothing is listening there', ENOTFOUND: 'the host name does not resolve', EAI_AGAIN: 'the host name could not be looked up',
    ECONNRESET: 'the connection was reset', ETIMEDOUT: 'the connection timed out', EHOSTUNREACH: 'the host is unreachable', ENETUNREACH: 'the network is unreachable',
  } as Record<string, string>)[code] ?? code,
  endpointFrom: (e) => (e.source === 'setting' ? ' (the endpoint setting: brazeS3.endpoint or --endpoint)' : e.variable ? ` (from ${e.variable})` : ' (AWS\'s own endpoint for the region)'),
  reportTitle: { 'test-credentials': 'Test credentials', 'verify-role': 'Verify role ARN' },
  summary: ({ passed, failed, warned, skipped }) => [`${passed} passed`, `${failed} failed`, plural('en', warned, '# warning', '# warnings'), `${skipped} skipped`].join(', '),
  failed: (c, m, status, requestId) => `failed: ${c}: ${m}${status ? ` (HTTP ${status}${requestId ? `, request ID ${requestId}` : ''})` : ''}`,
};

export const liveEs: LiveMessages = {
  step: {
    location: 'GetBucketLocation', list: 'ListObjectsV2 en la carpeta', put: 'PutObject de un objeto marcador', get: 'GetObject del marcador',
    delete: 'DeleteObject del marcador', keep: 'Objeto marcador', objectLock: 'Bloqueo de objetos', encryption: 'Cifrado predeterminado',
    arn: 'ARN del rol', role: 'El rol existe (GetRole)', trust: 'Política de confianza', permissions: 'Permisos para la integración',
    boundary: 'Límite de permisos', simulate: 'Simulador de políticas de IAM (SimulatePrincipalPolicy)', identity: 'Identidad de las credenciales',
  },
  regionIs: (r) => `el contenedor está en ${r}`,
  listed: (n, p) => `${plural('es', n, '# clave listada', '# claves listadas')} en "${p || '/'}"`,
  wrote: (k, sse) => `escrito ${k}${sse ? ' con x-amz-server-side-encryption: AES256' : ''}`,
  readBack: (k, n) => `leído de nuevo ${k} (${n} bytes)`,
  deleted: (k) => `eliminado ${k}; no queda nada`,
  kept: (k) => `${k} se conserva y se sobrescribe en cada comprobación (Currents nunca necesita s3:DeleteObject), así que los marcadores no se acumulan`,
  skippedAfter: 'omitido: un paso anterior falló',
  objectLockOn: 'El bloqueo de objetos está activado en este contenedor: Currents no admite estos contenedores',
  objectLockOff: 'no activado',
  encryption: (a) => (a === 'none' ? 'sin cifrado predeterminado' : `cifrado predeterminado ${a}`),
  kmsUnsupported: 'El cifrado predeterminado SSE-KMS no está admitido: el escritor del socio falla con "not authorized to perform: kms:GenerateDataKey"',
  unreadable: (c) => `no se pudo leer con estas credenciales (${c}); el socio no lo necesita`,
  arnOk: (a, n) => `rol ${n} en la cuenta ${a}`,
  arnBad: (v) => `"${v}" no es un ARN de rol de IAM (arn:aws:iam::123456789012:role/nombre)`,
  roleFound: (a) => `encontrado ${a}`,
  trustOk: (a) => `permite a la cuenta ${a} asumir el rol con sts:AssumeRole y el ID externo`,
  trustProblems: (l) => l,
  permissionsOk: (i, n) => `${plural('es', n, '# política concede', '# políticas conceden')} todo lo que necesita ${i}`,
  permissionMissing: (a, r) => `${a} en ${r} no está concedido`,
  permissionConditional: (a, r) => `${a} en ${r} solo se permite si se cumple una condición`,
  permissionDenied: (a, r, p) => `${a} en ${r} está denegado por ${p}`,
  noBoundary: 'sin límite de permisos',
  boundaryOk: (a) => `${a} permite las acciones de la integración`,
  boundaryBlocks: (a) => `el límite no permite ${a}: el rol no puede usarla aunque una política la conceda`,
  simulated: (n, t) => `el simulador de IAM permite ${n} de ${plural('es', t, '# acción necesaria', '# acciones necesarias')}`,
  callerIs: (a) => `credenciales de ${a}`,
  usedKey: (id) => `ID de clave de acceso: ${id}`,
  usedKeyUnknown: 'ID de clave de acceso: ninguno (no se pudieron cargar credenciales)',
  usedRole: (a) => `ARN del rol: ${a}`,
  remedy: {
    AccessDenied: ({ action, bucket, folder }) => `concede ${action ?? 'la acción'} en ${action && /Object$/.test(action) ? `arn:aws:s3:::${bucket}/${folder ? folder + '/' : ''}*` : `arn:aws:s3:::${bucket}`} en la política adjunta a este usuario o rol`,
    NoSuchBucket: ({ bucket }) => `no existe ningún contenedor "${bucket}": revisa el nombre (es el que escribirás en el panel del socio)`,
    InvalidAccessKeyId: () => 'el ID de clave de acceso no existe: cópialo de nuevo o crea una clave de acceso nueva para el usuario de IAM',
    SignatureDoesNotMatch: () => 'la clave de acceso secreta no corresponde al ID de clave: cópiala de nuevo (sin espacios) o crea una clave nueva',
    ExpiredToken: () => 'la sesión ha caducado: vuelve a iniciar sesión (perfiles SSO: aws sso login --profile …)',
    NoCredentials: () => 'no se encontraron credenciales de AWS: elige un perfil (AWS_PROFILE, --profile o el elemento Braze S3 de la barra de estado), define AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o inicia sesión con aws sso login',
    KmsDenied: () => 'desactiva el cifrado predeterminado SSE-KMS del contenedor y usa SSE-S3 (AES-256)',
    NoSuchEntity: () => 'el rol no existe: revisa el ARN; si lo creaste hace unos minutos, IAM puede estar propagándolo (el socio dice entonces "Las credenciales de S3 no son válidas"): espera unos minutos y vuelve a intentarlo',
    GetRoleDenied: () => 'tus credenciales no tienen iam:GetRole (ni iam:List*Policies, iam:GetPolicyVersion) para inspeccionar el rol: usa un perfil de administración',
    OtherAccount: ({ account }) => `el rol está en la cuenta ${account}, pero tus credenciales son de otra cuenta: IAM no puede leerlo desde aquí. Cambia a un perfil de la cuenta ${account}`,
    Throttling: () => 'AWS limitó la solicitud: espera un momento y vuelve a ejecutar la comprobación',
    Network: ({ endpoint }) => `nada respondió en ${endpoint ? `${endpoint.url}${liveEs.endpointFrom(endpoint)}` : 'el punto de conexión de AWS'}. Si es un AWS local (moto, LocalStack), inícialo (en este proyecto: npm start); si no, revisa el ajuste del punto de conexión (brazeS3.endpoint en VS Code, --endpoint en la línea de comandos, AWS_ENDPOINT_URL, endpoint_url en el perfil de AWS), el perfil de AWS, la red y el proxy`,
    Timeout: ({ endpoint }) => `sin respuesta a tiempo${endpoint ? ` de ${endpoint.url}` : ''}: revisa la red y el ajuste del punto de conexión, y vuelve a ejecutar la comprobación`,
    Redirect: ({ region }) => `el contenedor está en otra región${region ? ` (${region})` : ''}: el socio usa la región del propio contenedor, no hay nada que configurar`,
    ObjectLock: () => 'usa un contenedor sin bloqueo de objetos para Currents (no se puede desactivar una vez activado)',
    Default: ({ action }) => `AWS rechazó ${action ?? 'la llamada'} por un motivo que esta comprobación no conoce: lee el mensaje de AWS de arriba, corrige lo que indica y vuelve a ejecutar la comprobación; si persiste, da el ID de solicitud al soporte de AWS`,
  },
  unreachable: (url, reason) => `no se pudo contactar con AWS en ${url} (${reason})`,
  networkReason: (code) => ({
    ECONNREFUSED: 'conexión rechazada: nada escucha ahí', ENOTFOUND: 'el nombre de host no se resuelve', EAI_AGAIN: 'no se pudo consultar el nombre de host',
    ECONNRESET: 'se restableció la conexión', ETIMEDOUT: 'se agotó el tiempo de conexión', EHOSTUNREACH: 'no se puede llegar al host', ENETUNREACH: 'no se puede llegar a la red',
  } as Record<string, string>)[code] ?? code,
  endpointFrom: (e) => (e.source === 'setting' ? ' (el ajuste del punto de conexión: brazeS3.endpoint o --endpoint)' : e.variable ? ` (de ${e.variable})` : ' (el punto de conexión de AWS para la región)'),
  reportTitle: { 'test-credentials': 'Probar credenciales', 'verify-role': 'Verificar el ARN del rol' },
  summary: ({ passed, failed, warned, skipped }) => [plural('es', passed, '# superado', '# superados'), plural('es', failed, '# fallido', '# fallidos'), plural('es', warned, '# aviso', '# avisos'), plural('es', skipped, '# omitido', '# omitidos')].join(', '),
  failed: (c, m, status, requestId) => `falló: ${c}: ${m}${status ? ` (HTTP ${status}${requestId ? `, ID de solicitud ${requestId}` : ''})` : ''}`,
};

export function liveMessages(locale: Locale | undefined): LiveMessages {
  return locale === 'es' ? liveEs : liveEn;
}

// What "Set up the export" says (core, CLI and the extension's progress), in English and Spanish.
import { messages, plural } from '../../policy';
import type { BucketProblem, Locale } from '../../policy';
import type { NameProblem } from './answers';
import type { StuckFix } from './stack';

export interface SetupMessages {
  name(p: NameProblem): string;
  templateUnclean(list: string): string;
  bucketMissing(bucket: string): string;
  bucketTaken(bucket: string): string;
  bucketExistsUseIt(bucket: string): string;
  bucketOtherRegion(bucket: string, bucketRegion: string, region: string): string;
  bucketObjectLock(bucket: string): string;
  bucketKms(bucket: string): string;
  stuck(stack: string, status: string, fix: StuckFix, reason?: string): string;
  busy(stack: string, what: string): string;
  denied(action: string, detail: string): string;
  simulatorSays: string;
  phase: Record<'bucket' | 'stack' | 'changeSet' | 'preview' | 'deploy' | 'verify' | 'key' | 'cancelled' | 'nothing' | 'delete', string>;
  resource(logicalId: string, status: string, reason?: string): string;
  retrying(attempt: number, seconds: number, windowSeconds: number): string;
  failed(stack: string, status: string): string;
  rolledBack: string;
  deployed(stack: string, changes: number): string;
  changes(n: number): string;
  field: Record<'accessKeyId' | 'secretAccessKey' | 'roleArn' | 'bucket' | 'folder' | 'region', string>;
  pasteInto: Record<'currents' | 'dashboard', string>;
}

const STUCK_EN: Record<StuckFix, string> = {
  'delete-stack': 'its creation failed and rolled back, so it holds nothing; delete the stack (Remove the Braze export setup…, or braze-s3 teardown), then run the setup again',
  'delete-stack-retain': 'a previous delete failed; delete it again (Remove the Braze export setup…), keeping the resources CloudFormation could not delete',
  'continue-rollback': 'an update failed and its rollback failed too; in the CloudFormation console choose "Continue update rollback", then run the setup again',
  wait: 'it is being changed right now (another run, or someone in the console); wait until it finishes, then run the setup again',
};
const STUCK_ES: Record<StuckFix, string> = {
  'delete-stack': 'su creación falló y se revirtió, así que no contiene nada; elimina la pila (Quitar la configuración de exportación de Braze…, o braze-s3 teardown) y vuelve a ejecutar la configuración',
  'delete-stack-retain': 'una eliminación anterior falló; vuelve a eliminarla (Quitar la configuración de exportación de Braze…), conservando los recursos que CloudFormation no pudo eliminar',
  'continue-rollback': 'una actualización falló y su reversión también; en la consola de CloudFormation elige «Continue update rollback» y vuelve a ejecutar la configuración',
  wait: 'se está modificando ahora mismo (otra ejecución, o alguien en la consola); espera a que termine y vuelve a ejecutar la configuración',
};

/** An invalid bucket name in the engine's words (the same rules as a bucket ARN in a policy). */
function bucketText(locale: Locale, name: string, p: BucketProblem): string {
  const m = messages(locale);
  return m.bucketNameInvalid(name, p.kind === 'prefix' ? m.bucketWhy.prefix(p.text) : p.kind === 'suffix' ? m.bucketWhy.suffix(p.text) : m.bucketWhy[p.kind]);
}

export const setupEn: SetupMessages = {
  name: (p) => (p.field === 'bucket' ? bucketText('en', p.name, p.problem) : {
    stack: 'a stack name starts with a letter and holds up to 128 letters, digits and hyphens',
    identity: 'an IAM role or user name holds up to 64 letters, digits and + = , . @ _ -',
    policy: 'an IAM policy name holds up to 128 letters, digits and + = , . @ _ -',
    partnerAccountId: 'the partner\'s AWS account ID has exactly 12 digits (the partner dashboard shows it)',
    externalId: 'the external ID has 2 to 1,224 letters, digits and + = , . @ : / _ - (the partner dashboard shows it)',
    folder: 'the Currents folder holds only letters, digits and ! _ . \' ( ) / - (no * and no . or .. segments)',
  }[p.field]),
  templateUnclean: (l) => `the generated template does not check clean, so nothing was sent to AWS: ${l}`,
  bucketMissing: (b) => `there is no bucket "${b}" in this account: choose "new bucket" to create it, or check the name`,
  bucketTaken: (b) => `the bucket name "${b}" is taken by another AWS account (bucket names are global): choose another name`,
  bucketExistsUseIt: (b) => `the bucket "${b}" already exists in this account: choose it as an existing bucket (it is then never put in the stack)`,
  bucketOtherRegion: (b, br, r) => `the bucket "${b}" is in ${br}, but the setup deploys in ${r}: switch the region to ${br} (brazeS3.region, or --region) and run it again`,
  bucketObjectLock: (b) => `the bucket "${b}" has Object Lock, which Braze cannot write to (Currents does not support it, and a dashboard export cannot replace its files); Object Lock cannot be turned off: use another bucket`,
  bucketKms: (b) => `the bucket "${b}" encrypts with SSE-KMS by default, and the partner's writer fails with "not authorized to perform: kms:GenerateDataKey": switch it to SSE-S3 (AES-256) or use another bucket`,
  stuck: (s, st, f, r) => `the stack ${s} is ${st}${r ? ` (${r})` : ''}: ${STUCK_EN[f]}`,
  busy: (s, w) => `another setup run is using the stack ${s} (${w}): wait until it finishes (or delete that change set in the CloudFormation console), then run again`,
  denied: (a, d) => `your credentials may not ${a}, so nothing was created: ${d}. Ask for that permission or use a profile that has it`,
  simulatorSays: 'IAM\'s policy simulator (SimulatePrincipalPolicy) denies it for these credentials',
  phase: {
    bucket: 'Checking the bucket…', stack: 'Checking the stack…', changeSet: 'Creating the change set (nothing changes yet)…', preview: 'Waiting for you to review the change set…',
    deploy: 'Deploying with CloudFormation…', verify: 'Verifying the setup as the partner will use it…', key: 'Creating the access key (shown once)…',
    cancelled: 'Cancelled: the change set was deleted, nothing was changed', nothing: 'Nothing to change: the stack already matches these answers', delete: 'Deleting the stack (the bucket and its data stay)…',
  },
  resource: (id, st, r) => `${id}: ${st}${r ? ` — ${r}` : ''}`,
  retrying: (n, s, w) => `IAM may still be propagating the new identity: retrying in ${plural('en', s, '# second', '# seconds')} (attempt ${n + 1}, up to ${plural('en', w, '# second', '# seconds')} in all)`,
  failed: (s, st) => `the stack ${s} failed (${st})`,
  rolledBack: 'CloudFormation rolled the stack back: nothing it created is left',
  deployed: (s, n) => `the stack ${s} is deployed (${plural('en', n, '# change', '# changes')})`,
  changes: (n) => plural('en', n, '# change', '# changes'),
  field: { accessKeyId: 'AWS Access Key ID', secretAccessKey: 'AWS Secret Access Key', roleArn: 'Role ARN', bucket: 'AWS S3 Bucket Name', folder: 'Folder Path', region: 'Bucket region' },
  pasteInto: { currents: 'Braze Currents (Integrations > Currents > Amazon S3 Data Export)', dashboard: 'Dashboard data export (Integrations > Technology Partners > Amazon S3)' },
};

export const setupEs: SetupMessages = {
  name: (p) => (p.field === 'bucket' ? bucketText('es', p.name, p.problem) : {
    stack: 'el nombre de una pila empieza con una letra y lleva hasta 128 letras, dígitos y guiones',
    identity: 'el nombre de un rol o usuario de IAM lleva hasta 64 letras, dígitos y + = , . @ _ -',
    policy: 'el nombre de una política de IAM lleva hasta 128 letras, dígitos y + = , . @ _ -',
    partnerAccountId: 'el ID de la cuenta de AWS del socio tiene exactamente 12 dígitos (lo muestra el panel del socio)',
    externalId: 'el ID externo tiene de 2 a 1.224 letras, dígitos y + = , . @ : / _ - (lo muestra el panel del socio)',
    folder: 'la carpeta de Currents solo lleva letras, dígitos y ! _ . \' ( ) / - (sin * ni segmentos . o ..)',
  }[p.field]),
  templateUnclean: (l) => `la plantilla generada no pasa la comprobación, así que no se envió nada a AWS: ${l}`,
  bucketMissing: (b) => `no hay ningún bucket «${b}» en esta cuenta: elige «bucket nuevo» para crearlo, o revisa el nombre`,
  bucketTaken: (b) => `el nombre de bucket «${b}» lo usa otra cuenta de AWS (los nombres son globales): elige otro nombre`,
  bucketExistsUseIt: (b) => `el bucket «${b}» ya existe en esta cuenta: elígelo como bucket existente (así nunca entra en la pila)`,
  bucketOtherRegion: (b, br, r) => `el bucket «${b}» está en ${br}, pero la configuración se despliega en ${r}: cambia la región a ${br} (brazeS3.region, o --region) y vuelve a ejecutarla`,
  bucketObjectLock: (b) => `el bucket «${b}» tiene el bloqueo de objetos, en el que Braze no puede escribir (Currents no lo admite y una exportación del panel no puede reemplazar sus archivos); no se puede desactivar: usa otro bucket`,
  bucketKms: (b) => `el bucket «${b}» cifra con SSE-KMS de forma predeterminada y el escritor del socio falla con «not authorized to perform: kms:GenerateDataKey»: cámbialo a SSE-S3 (AES-256) o usa otro bucket`,
  stuck: (s, st, f, r) => `la pila ${s} está en ${st}${r ? ` (${r})` : ''}: ${STUCK_ES[f]}`,
  busy: (s, w) => `otra ejecución de la configuración está usando la pila ${s} (${w}): espera a que termine (o elimina ese conjunto de cambios en la consola de CloudFormation) y vuelve a ejecutarla`,
  denied: (a, d) => `tus credenciales no pueden ${a}, así que no se creó nada: ${d}. Pide ese permiso o usa un perfil que lo tenga`,
  simulatorSays: 'el simulador de políticas de IAM (SimulatePrincipalPolicy) lo deniega para estas credenciales',
  phase: {
    bucket: 'Comprobando el bucket…', stack: 'Comprobando la pila…', changeSet: 'Creando el conjunto de cambios (aún no cambia nada)…', preview: 'Esperando a que revises el conjunto de cambios…',
    deploy: 'Desplegando con CloudFormation…', verify: 'Verificando la configuración tal como la usará el socio…', key: 'Creando la clave de acceso (se muestra una vez)…',
    cancelled: 'Cancelado: se eliminó el conjunto de cambios, no se cambió nada', nothing: 'Nada que cambiar: la pila ya coincide con estas respuestas', delete: 'Eliminando la pila (el bucket y sus datos se quedan)…',
  },
  resource: (id, st, r) => `${id}: ${st}${r ? ` — ${r}` : ''}`,
  retrying: (n, s, w) => `puede que IAM aún esté propagando la nueva identidad: se reintenta en ${plural('es', s, '# segundo', '# segundos')} (intento ${n + 1}, hasta ${plural('es', w, '# segundo', '# segundos')} en total)`,
  failed: (s, st) => `la pila ${s} falló (${st})`,
  rolledBack: 'CloudFormation revirtió la pila: no queda nada de lo que creó',
  deployed: (s, n) => `la pila ${s} está desplegada (${plural('es', n, '# cambio', '# cambios')})`,
  changes: (n) => plural('es', n, '# cambio', '# cambios'),
  field: { accessKeyId: 'ID de clave de acceso de AWS', secretAccessKey: 'Clave de acceso secreta de AWS', roleArn: 'ARN del rol', bucket: 'Nombre del bucket de AWS S3', folder: 'Ruta de la carpeta', region: 'Región del bucket' },
  pasteInto: { currents: 'Braze Currents (Integraciones > Currents > Exportación de datos de Amazon S3)', dashboard: 'Exportación de datos del panel (Integraciones > Socios tecnológicos > Amazon S3)' },
};

export function setupMessages(locale: Locale = 'en'): SetupMessages {
  return locale === 'es' ? setupEs : setupEn;
}

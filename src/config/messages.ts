// What the repository configuration (.braze-s3.yaml) and braze-s3-ignore comments say, in English
// and Spanish. Both locales implement one interface, so a missing translation is a type error.
import type { Locale } from '../policy';
import { plural } from '../policy';

export interface ConfigMessages {
  // The configuration file.
  yaml(detail: string): string;
  notMapping: string;
  unknownKey(key: string, known: string, suggestion?: string): string;
  expectedList(key: string): string;
  expectedMapping(key: string): string;
  expectedString(key: string): string;
  expectedEntry(key: string, fields: string): string;
  missingField(key: string, field: string): string;
  unknownField(key: string, field: string, known: string): string;
  purposeInvalid(value: string): string;
  severityInvalid(code: string, value: string): string;
  codeUnknown(code: string, suggestion?: string): string;
  codeNotSuppressible(code: string): string;
  globInvalid(glob: string, why: string): string;
  partnerAccountId(value: string): string;
  reasonMissing(key: string): string;
  unreadable(detail: string): string;
  /** The editor's diagnostic: the file is not used. */
  notUsed(detail: string): string;

  // braze-s3-ignore comments and Metadata entries (suppression-invalid, suppression-unused).
  noCodes: string;
  noReason(codes: string[]): string;
  noColon: string;
  metadataEntry: string;
  metadataNotList: string;
  suppressesNothing: string;
  unused(codes: string[]): string;
}

const list = (codes: string[]) => codes.join(', ');
const didYouMean = (s: string | undefined, es = false) => (s ? (es ? ` ¿Querías decir «${s}»?` : ` Did you mean "${s}"?`) : '');

export const en: ConfigMessages = {
  yaml: (d) => `YAML syntax error (${d.replace(/\.$/, '')}).`,
  notMapping: 'The configuration must be a mapping of keys (purposes, rules, exclude, ignore, partnerAccountId, externalId, folder).',
  unknownKey: (k, known, s) => `Unknown key "${k}".${didYouMean(s)} Known keys: ${known}.`,
  expectedList: (k) => `"${k}" must be a list.`,
  expectedMapping: (k) => `"${k}" must be a mapping of rule code to severity (error, warning, info or off).`,
  expectedString: (k) => `"${k}" must be a string.`,
  expectedEntry: (k, fields) => `Each entry of "${k}" must be a mapping with ${fields}.`,
  missingField: (k, f) => `This entry of "${k}" has no "${f}".`,
  unknownField: (k, f, known) => `Unknown field "${f}" in an entry of "${k}" (known: ${known}).`,
  purposeInvalid: (v) => `"${v}" is not a purpose: use currents, dashboard, trust or none (a general IAM policy).`,
  severityInvalid: (c, v) => `"${v}" is not a severity for ${c}: use error, warning, info or off.`,
  codeUnknown: (c, s) => `"${c}" is not a rule code.${didYouMean(s)} The codes are listed in docs/rules.md.`,
  codeNotSuppressible: (c) => `${c} cannot be ignored here: change its severity under "rules" instead.`,
  globInvalid: (g, why) => `The pattern "${g}" is not usable: ${why}.`,
  partnerAccountId: (v) => `partnerAccountId "${v}" is not an AWS account ID (12 digits; quote it so YAML keeps it a string).`,
  reasonMissing: (k) => `This entry of "${k}" has no reason: say why the findings are ignored.`,
  unreadable: (d) => `The configuration file cannot be read (${d}).`,
  notUsed: (d) => `${d} This configuration file is not used until it is corrected: the defaults apply.`,

  noCodes: 'This braze-s3-ignore names no rule code: write "braze-s3-ignore: CODE[,CODE] -- reason". It suppresses nothing.',
  noReason: (codes) => `This braze-s3-ignore of ${list(codes)} has no reason: add " -- " and why. It suppresses nothing.`,
  noColon: 'Write "braze-s3-ignore:" with a colon, then the codes, " -- " and the reason. This comment suppresses nothing.',
  metadataEntry: 'Each entry of Metadata braze-s3 ignore must be a mapping with code and reason. This one suppresses nothing.',
  metadataNotList: 'Metadata braze-s3 must be a mapping with an "ignore" list of { code, reason } entries. It suppresses nothing.',
  suppressesNothing: 'It suppresses nothing.',
  unused: (codes) => plural('en', codes.length, `This braze-s3-ignore suppresses nothing: no ${list(codes)} finding is here.`, `This braze-s3-ignore suppresses nothing: no finding of ${list(codes)} is here.`),
};

export const es: ConfigMessages = {
  yaml: (d) => `Error de sintaxis YAML (en inglés: ${d.replace(/\.$/, '')}).`,
  notMapping: 'La configuración debe ser una asignación de claves (purposes, rules, exclude, ignore, partnerAccountId, externalId, folder).',
  unknownKey: (k, known, s) => `Clave desconocida «${k}».${didYouMean(s, true)} Claves conocidas: ${known}.`,
  expectedList: (k) => `«${k}» debe ser una lista.`,
  expectedMapping: (k) => `«${k}» debe asignar a cada código de regla una gravedad (error, warning, info u off).`,
  expectedString: (k) => `«${k}» debe ser una cadena.`,
  expectedEntry: (k, fields) => `Cada entrada de «${k}» debe ser una asignación con ${fields}.`,
  missingField: (k, f) => `A esta entrada de «${k}» le falta «${f}».`,
  unknownField: (k, f, known) => `Campo desconocido «${f}» en una entrada de «${k}» (conocidos: ${known}).`,
  purposeInvalid: (v) => `«${v}» no es un propósito: usa currents, dashboard, trust o none (una política de IAM general).`,
  severityInvalid: (c, v) => `«${v}» no es una gravedad para ${c}: usa error, warning, info u off.`,
  codeUnknown: (c, s) => `«${c}» no es un código de regla.${didYouMean(s, true)} Los códigos están en docs/rules.es.md.`,
  codeNotSuppressible: (c) => `${c} no se puede ignorar aquí: cambia su gravedad en «rules».`,
  globInvalid: (g, why) => `El patrón «${g}» no se puede usar (en inglés: ${why}).`,
  partnerAccountId: (v) => `partnerAccountId «${v}» no es un ID de cuenta de AWS (12 dígitos; ponlo entre comillas para que YAML lo lea como cadena).`,
  reasonMissing: (k) => `Esta entrada de «${k}» no tiene motivo: di por qué se ignoran los hallazgos.`,
  unreadable: (d) => `No se puede leer el archivo de configuración (${d}).`,
  notUsed: (d) => `${d} Este archivo de configuración no se usa hasta que se corrija: se aplican los valores predeterminados.`,

  noCodes: 'Este braze-s3-ignore no nombra ningún código de regla: escribe «braze-s3-ignore: CÓDIGO[,CÓDIGO] -- motivo». No suprime nada.',
  noReason: (codes) => `Este braze-s3-ignore de ${list(codes)} no tiene motivo: añade « -- » y el porqué. No suprime nada.`,
  noColon: 'Escribe «braze-s3-ignore:» con dos puntos, luego los códigos, « -- » y el motivo. Este comentario no suprime nada.',
  metadataEntry: 'Cada entrada de Metadata braze-s3 ignore debe ser una asignación con code y reason. Esta no suprime nada.',
  metadataNotList: 'Metadata braze-s3 debe ser una asignación con una lista «ignore» de entradas { code, reason }. No suprime nada.',
  suppressesNothing: 'No suprime nada.',
  unused: (codes) => plural('es', codes.length, `Este braze-s3-ignore no suprime nada: aquí no hay ningún hallazgo ${list(codes)}.`, `Este braze-s3-ignore no suprime nada: aquí no hay ningún hallazgo de ${list(codes)}.`),
};

export function configMessages(locale: Locale | undefined): ConfigMessages {
  return locale === 'es' ? es : en;
}

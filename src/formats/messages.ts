// What the format readers add to the engine's messages, in English and Spanish.
import type { Locale } from '../policy';

export interface FormatMessages {
  /** Appended to a finding on a value read from elsewhere in the file. */
  valueFrom(origin: string, line: number): string;
  syntax(detail: string): string;
  unexpected(text: string): string;
  missing(what: string): string;
  /** The yaml library's own message is English: Spanish users get it after a Spanish lead. */
  yaml(message: string): string;
}

const en: FormatMessages = {
  valueFrom: (origin, line) => `(value from ${origin}, line ${line})`,
  syntax: (detail) => `This policy document cannot be read: ${detail}.`,
  unexpected: (text) => `unexpected "${text}"`,
  missing: (what) => `"${what}" is missing`,
  yaml: (message) => `YAML syntax error (${message.replace(/\.$/, '')})`,
};

const es: FormatMessages = {
  valueFrom: (origin, line) => `(valor tomado de ${origin}, línea ${line})`,
  syntax: (detail) => `No se puede leer este documento de política: ${detail}.`,
  unexpected: (text) => `«${text}» inesperado`,
  missing: (what) => `falta «${what}»`,
  yaml: (message) => `error de sintaxis YAML (en inglés: ${message.replace(/\.$/, '')})`,
};

export function formatMessages(locale: Locale | undefined): FormatMessages {
  return locale === 'es' ? es : en;
}

// Counted nouns for the CLI's summaries, with proper singular and plural in English and Spanish
// (Intl.PluralRules picks the category: "1 error", "2 errors", "0 errores").
import type { Locale } from '../policy';
import { isOne } from '../policy';

type Noun = 'file' | 'document' | 'checked' | 'error' | 'warning' | 'unreadable' | 'suppressed' | 'ignored';

const FORMS: Record<Locale, Record<Noun, { one: string; other: string }>> = {
  en: {
    file: { one: '# file', other: '# files' },
    document: { one: '# policy document', other: '# policy documents' },
    checked: { one: '# file checked', other: '# files checked' },
    error: { one: '# error', other: '# errors' },
    warning: { one: '# warning', other: '# warnings' },
    unreadable: { one: '# input not readable', other: '# inputs not readable' },
    suppressed: { one: '# finding suppressed', other: '# findings suppressed' },
    ignored: { one: '# policy file skipped because git ignores it (--include-ignored checks it)', other: '# policy files skipped because git ignores them (--include-ignored checks them)' },
  },
  es: {
    file: { one: '# archivo', other: '# archivos' },
    document: { one: '# documento de política', other: '# documentos de política' },
    checked: { one: '# archivo comprobado', other: '# archivos comprobados' },
    error: { one: '# error', other: '# errores' },
    warning: { one: '# aviso', other: '# avisos' },
    unreadable: { one: '# entrada ilegible', other: '# entradas ilegibles' },
    suppressed: { one: '# hallazgo suprimido', other: '# hallazgos suprimidos' },
    ignored: { one: '# archivo de política omitido porque git lo ignora (--include-ignored lo comprueba)', other: '# archivos de política omitidos porque git los ignora (--include-ignored los comprueba)' },
  },
};

export function count(locale: Locale, noun: Noun, n: number): string {
  return FORMS[locale][noun][isOne(locale, n) ? 'one' : 'other'].replace('#', String(n));
}

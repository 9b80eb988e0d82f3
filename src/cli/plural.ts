// Counted nouns for the CLI's summaries, with proper singular and plural in English and Spanish
// (Intl.PluralRules picks the category: "1 error", "2 errors", "0 errores").
import type { Locale } from '../policy';

type Noun = 'file' | 'checked' | 'error' | 'warning' | 'unreadable';

const FORMS: Record<Locale, Record<Noun, { one: string; other: string }>> = {
  en: {
    file: { one: '# file', other: '# files' },
    checked: { one: '# file checked', other: '# files checked' },
    error: { one: '# error', other: '# errors' },
    warning: { one: '# warning', other: '# warnings' },
    unreadable: { one: '# input not readable', other: '# inputs not readable' },
  },
  es: {
    file: { one: '# archivo', other: '# archivos' },
    checked: { one: '# archivo comprobado', other: '# archivos comprobados' },
    error: { one: '# error', other: '# errores' },
    warning: { one: '# aviso', other: '# avisos' },
    unreadable: { one: '# entrada ilegible', other: '# entradas ilegibles' },
  },
};

const rules: Partial<Record<Locale, Intl.PluralRules>> = {};

export function count(locale: Locale, noun: Noun, n: number): string {
  const category = (rules[locale] ??= new Intl.PluralRules(locale)).select(n) === 'one' ? 'one' : 'other';
  return FORMS[locale][noun][category].replace('#', String(n));
}

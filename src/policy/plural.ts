// Singular or plural by CLDR's rules for the locale (Intl.PluralRules): "1 error", "2 errors",
// "0 errores". English and Spanish only need the "one" and "other" forms.
import type { Locale } from './types';

const rules = new Map<string, Intl.PluralRules>();

/** Does `n` take the singular form in this locale (CLDR: 1 in English and Spanish)? */
export function isOne(locale: string, n: number): boolean {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n) === 'one';
}

/** `one` or `other`, each with `#` standing for the number. */
export function plural(locale: string, n: number, one: string, other: string): string {
  return (isOne(locale, n) ? one : other).replace('#', n.toLocaleString(locale === 'es' ? 'es' : 'en'));
}

export type { Locale };

// Singular or plural by CLDR's rules for the locale (Intl.PluralRules): "1 error", "2 errors",
// "0 errores". English and Spanish only need the "one" and "other" forms.
import type { Locale } from './types';

const rules = new Map<string, Intl.PluralRules>();

/** `one` or `other`, each with `#` standing for the number. */
export function plural(locale: string, n: number, one: string, other: string): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return (r.select(n) === 'one' ? one : other).replace('#', n.toLocaleString(locale === 'es' ? 'es' : 'en'));
}

export type { Locale };

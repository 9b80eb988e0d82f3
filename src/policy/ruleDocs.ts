// The rule documentation, rendered from the rule registry (registry/index.ts: for every code,
// when it fires, an example that makes it fire, which a unit test runs through the engine, and the
// fix, in English and Spanish). docs/rules.md, docs/rules.es.md and the README's rules table are
// generated from here (scripts/generate-rule-docs.ts); the docs ship in the VSIX and diagnostics
// open them at the rule's section.
import { RULE_CODES, RuleCode } from './codes';
import { messages } from './messages';
import { FixSafety, Localized, REGISTRY, RuleDeclaration } from './registry';
import { ALL_PURPOSES } from './registry/define';
import type { Locale } from './types';

export type RuleDoc = RuleDeclaration;

export const RULE_DOCS: Readonly<Record<RuleCode, RuleDoc>> = REGISTRY;

const QUICK_FIX: Partial<Record<FixSafety, Localized>> = {
  safe: { en: 'Quick fix: yes, applied by Fix all.', es: 'Corrección rápida: sí, la aplica Corregir todo.' },
  mixed: { en: 'Quick fix: yes, applied by Fix all when it is certain.', es: 'Corrección rápida: sí, la aplica Corregir todo cuando es segura.' },
  suggestion: { en: 'Quick fix: yes, to choose (Fix all leaves it).', es: 'Corrección rápida: sí, a elegir (Corregir todo no la aplica).' },
};

const SEVERITY_ES = { error: 'error', warning: 'aviso', info: 'información' } as const;

/** A code's default severity, in bold when asked, with the cases that differ (`warning (info for ForAnyValue)`). */
export function severityText(code: RuleCode, locale: Locale, strong = ''): string {
  const d = RULE_DOCS[code];
  const severity = locale === 'es' ? SEVERITY_ES[d.severity] : d.severity;
  return `${strong}${severity}${strong}${d.severityNote ? ` (${d.severityNote[locale]})` : ''}`;
}

/** The README's rules table (between its rules:start and rules:end markers). */
export function readmeRulesTable(): string {
  // A table cell must not close the row (|) nor open an HTML tag (<BUCKET_NAME>).
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  const rows = RULE_CODES.map((code) => `| <a id="${code}"></a>\`${code}\` | ${cell(severityText(code, 'en'))} | ${cell(RULE_DOCS[code].summary.en)} |`);
  return ['| code | severity | when |', '|---|---|---|', ...rows].join('\n');
}

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
      ? 'Los códigos son una interfaz pública estable: se añaden códigos nuevos y los antiguos nunca cambian de sentido. Cada regla tiene un ejemplo que la activa (comprobado por las pruebas) y su corrección. Una regla que solo se aplica a algunos documentos (las reglas de Braze: integration-*, resource-overbroad, bucket-inconsistent y las de confianza del socio) lo indica en «Se aplica a».'
      : 'Codes are a stable public interface: new codes are added, old ones never re-purposed. Every rule has an example that makes it fire (the tests check it) and its fix. A rule that applies to some documents only (the Braze rules: integration-*, resource-overbroad, bucket-inconsistent and the partner\'s trust rules) says so under "Applies to".',
    '',
  ];
  for (const code of RULE_CODES) {
    const d = RULE_DOCS[code];
    const some = d.purposes.length < ALL_PURPOSES.length ? ` ${es ? 'Se aplica a' : 'Applies to'}: ${d.purposes.map(messages(locale).purposeName).join(', ')}.` : '';
    lines.push(ruleHeading(code), '', `${es ? 'Gravedad predeterminada' : 'Default severity'}: ${severityText(code, locale, '**')}. ${d.summary[locale]}${some}`, '');
    if (d.example) {
      const declared = d.options?.integration ? (es ? ` (comprobado como \`${d.options.integration}\`)` : ` (checked as \`${d.options.integration}\`)`) : '';
      lines.push(`${es ? 'Ejemplo' : 'Example'}${declared}:`, '', '```json', d.example, '```', '');
    }
    const quick = QUICK_FIX[d.fixSafety]?.[locale];
    lines.push(`${es ? 'Corrección' : 'Fix'}: ${d.fix[locale]}${quick ? ` ${quick}` : ''}`, '');
  }
  return lines.join('\n');
}

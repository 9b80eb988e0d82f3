// Writes docs/rules.md and docs/rules.es.md from src/policy/ruleDocs.ts (one source of truth).
//   tsx scripts/generate-rule-docs.ts [--check]   (--check: exit 1 when a file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocsMarkdown } from '../src/policy/ruleDocs';

const files = { en: join(__dirname, '..', 'docs', 'rules.md'), es: join(__dirname, '..', 'docs', 'rules.es.md') } as const;
let stale = false;
for (const [locale, path] of Object.entries(files) as ['en' | 'es', string][]) {
  const text = ruleDocsMarkdown(locale);
  if (!process.argv.includes('--check')) writeFileSync(path, text);
  else if (readFileSync(path, 'utf8') !== text) {
    console.error(`${path} is stale: run npm run generate:rule-docs`);
    stale = true;
  }
}
process.exit(stale ? 1 : 0);

// Writes docs/rules.md, docs/rules.es.md and the README's rules table (between its rules:start
// and rules:end markers) from the rule registry (src/policy/registry, one source of truth).
//   tsx scripts/generate-rule-docs.ts [--check]   (--check: exit 1 when a file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeRulesTable, ruleDocsMarkdown } from '../src/policy/ruleDocs';
import { withRulesTable } from './rulesTable';

const root = join(__dirname, '..');
const readme = join(root, 'README.md');
const outputs: [string, (current: string) => string][] = [
  [join(root, 'docs', 'rules.md'), () => ruleDocsMarkdown('en')],
  [join(root, 'docs', 'rules.es.md'), () => ruleDocsMarkdown('es')],
  [readme, (current) => withRulesTable(current, readmeRulesTable())],
];
let stale = false;
for (const [path, generate] of outputs) {
  const current = readFileSync(path, 'utf8');
  const text = generate(current);
  if (!process.argv.includes('--check')) writeFileSync(path, text);
  else if (current !== text) {
    console.error(`${path} is stale: run npm run generate:rule-docs`);
    stale = true;
  }
}
process.exit(stale ? 1 : 0);

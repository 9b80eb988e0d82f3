// Writes snippets/json.json, snippets/terraform.json and snippets/yaml.json from the template
// source (src/formats/snippetFiles.ts, which reads src/policy/templates.ts and
// src/formats/setupTemplates.ts).
//   tsx scripts/generate-snippets.ts [--check]   (--check: exit 1 when a file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNIPPET_LANGUAGES, SnippetFileId, snippetFileText } from '../src/formats/snippetFiles';

let stale = false;
for (const id of Object.keys(SNIPPET_LANGUAGES) as SnippetFileId[]) {
  const path = join(__dirname, '..', 'snippets', `${id}.json`);
  const text = snippetFileText(id);
  if (!process.argv.includes('--check')) writeFileSync(path, text);
  else if (readFileSync(path, { encoding: 'utf8', flag: 'a+' }) !== text) {
    console.error(`${path} is stale: run npm run generate:snippets`);
    stale = true;
  }
}
process.exit(stale ? 1 : 0);

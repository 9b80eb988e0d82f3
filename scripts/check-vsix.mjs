// Packages the VSIX as the Marketplace and Open VSX get it, and fails when it is not ready for
// them: a warning or error from `vsce package`, a file `vsce ls` lists that is not on the list
// below (or one missing from it), a VSIX over 1.5 MB, an icon under 128×128, a README image that
// does not ship, a listing field missing. Used by `npm run package` and the integration stage
// (scripts/test-host/run-integration.mjs).
//   node scripts/check-vsix.mjs [--out FILE.vsix]   (run `node scripts/build.mjs --production` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
export const MAX_VSIX_BYTES = 1.5 * 1024 * 1024;

/** Every file the VSIX ships, as globs; each must match at least one file. */
const SHIPPED = [
  'package.json', 'package.nls.json', 'package.nls.es.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
  'dist/extension.js', 'dist/aws.js', 'dist/formats.js', 'dist/avro.js', 'dist/server.js', 'dist/client.js', 'dist/deliveryView.js', 'dist/deliveryView.css', 'dist/iam-index.json', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm',
  'grammars/LICENSE-tree-sitter-hcl', 'syntaxes/*.json', 'snippets/*.json', 'l10n/bundle.l10n.es.json', 'docs/rules.md', 'docs/rules.es.md',
  'media/icon.png', 'media/activity.svg', 'media/readme/*.png', 'media/walkthrough/*.md', 'media/avro/*', 'media/walkthrough/es/*.md',
];
const LISTING_FIELDS = ['displayName', 'description', 'publisher', 'icon', 'categories', 'keywords', 'galleryBanner', 'repository', 'bugs', 'homepage', 'license', 'engines'];

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path) {
  const b = readFileSync(path);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${path} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * What keeps a VSIX from the Marketplace, from what vsce said and listed: `said` the output of
 * `vsce package` (and its exit status), `files` what `vsce ls` lists, the manifest, the README's
 * text, the icon's size and the VSIX's size in bytes. Empty when it is ready.
 */
export function findProblems({ status, said, files, pkg, readme, icon, size }) {
  const problems = [];
  for (const f of LISTING_FIELDS) if (pkg[f] === undefined || (Array.isArray(pkg[f]) && pkg[f].length === 0)) problems.push(`package.json has no "${f}"`);
  if (status !== 0) problems.push(`vsce package failed (${status}): ${said.trim()}`);
  for (const line of said.split('\n')) if (/\b(WARNING|ERROR)\b/.test(line)) problems.push(`vsce package: ${line.trim()}`);
  for (const f of files) if (!SHIPPED.some((g) => minimatch(f, g))) problems.push(`vsce ls: unexpected file ${f} (.vscodeignore)`);
  for (const g of SHIPPED) if (!files.some((f) => minimatch(f, g))) problems.push(`vsce ls: nothing ships for ${g}`);
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  if (images.length === 0) problems.push('README.md shows no image');
  for (const src of images) {
    if (/^[a-z]+:/i.test(src)) problems.push(`README.md image ${src}: use a relative path under media/ (it ships in the VSIX)`);
    else if (!files.includes(src.replace(/^\.\//, ''))) problems.push(`README.md image ${src} is not in the VSIX`);
    else if (!src.endsWith('.png')) problems.push(`README.md image ${src}: the Marketplace shows PNG, not SVG`);
  }
  if (icon.width < 128 || icon.height < 128) problems.push(`${pkg.icon} is ${icon.width}×${icon.height}: the Marketplace wants at least 128×128`);
  if (size > MAX_VSIX_BYTES) problems.push(`the VSIX is ${(size / 1024).toFixed(0)} KB, over ${MAX_VSIX_BYTES / 1024} KB`);
  return problems;
}

/** Packages the VSIX into `out` and checks it (findProblems). */
export function checkVsix(out) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8' });
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
  const size = packed.status === 0 ? statSync(out).size : 0;
  const problems = findProblems({ status: packed.status, said: `${packed.stdout}\n${packed.stderr}`, files, pkg, readme: readFileSync(join(root, 'README.md'), 'utf8'), icon: pngSize(join(root, pkg.icon)), size });
  return { problems, files, size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : join(root, 'braze-s3-policy-kit.vsix');
  const { problems, files, size } = checkVsix(out);
  for (const p of problems) console.error(`check-vsix: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`check-vsix: ${out}: ${files.length} files, ${(size / 1024).toFixed(1)} KB, no vsce warning`);
}

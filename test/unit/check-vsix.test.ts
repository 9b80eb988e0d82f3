// scripts/check-vsix.mjs, which the integration stage and `npm run package` use: each kind of
// problem that keeps a VSIX from the Marketplace is caught (the packaging itself runs there).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- a plain ESM script, shared with npm run package and the integration stage
import { findProblems } from '../../scripts/check-vsix.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const files = [
  'package.json', 'package.nls.json', 'package.nls.es.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
  'dist/extension.js', 'dist/aws.js', 'dist/formats.js', 'dist/avro.js', 'dist/server.js', 'dist/client.js', 'dist/deliveryView.js', 'dist/deliveryView.css', 'dist/iam-index.json', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm',
  'grammars/LICENSE-tree-sitter-hcl', 'syntaxes/terraform.tmLanguage.json', 'snippets/json.json', 'l10n/bundle.l10n.es.json', 'docs/rules.md', 'docs/rules.es.md',
  'media/icon.png', 'media/activity.svg', 'media/readme/shot.png', 'media/walkthrough/bucket.md', 'media/walkthrough/es/bucket.md', 'media/avro/viewer.js',
];
const ready = { status: 0, said: ' INFO  Files included in the VSIX:\n DONE  Packaged: x.vsix (23 files, 800 KB)', files, pkg, readme: '# X\n\n![shot](media/readme/shot.png)\n', icon: { width: 256, height: 256 }, size: 800 * 1024 };

describe('scripts/check-vsix.mjs: what keeps a VSIX from the Marketplace', () => {
  it('a ready VSIX has no problem', () => assert.deepEqual(findProblems(ready), []));

  it('a vsce warning (as vsce prints it) fails the check', () => {
    const said = `${ready.said}\n WARNING  A 'repository' field is missing from the 'package.json' manifest file.`;
    assert.deepEqual(findProblems({ ...ready, said }), ["vsce package: WARNING  A 'repository' field is missing from the 'package.json' manifest file."]);
  });

  it('a file vsce ls lists that is not meant to ship, and a shipped kind that is gone', () => {
    const problems = findProblems({ ...ready, files: [...files.filter((f) => f !== 'media/icon.png'), 'src/extension.ts'] });
    assert.deepEqual(problems, ['vsce ls: unexpected file src/extension.ts (.vscodeignore)', 'vsce ls: nothing ships for media/icon.png']);
  });

  it('README images: remote, missing from the VSIX, or SVG; a small icon; over 1.5 MB; a listing field missing', () => {
    const readme = '![a](https://example.com/a.png) ![b](media/readme/gone.png) ![c](media/activity.svg)';
    assert.deepEqual(findProblems({ ...ready, readme }), [
      'README.md image https://example.com/a.png: use a relative path under media/ (it ships in the VSIX)',
      'README.md image media/readme/gone.png is not in the VSIX',
      'README.md image media/activity.svg: the Marketplace shows PNG, not SVG',
    ]);
    assert.deepEqual(findProblems({ ...ready, icon: { width: 128, height: 127 } }), ['media/icon.png is 128×127: the Marketplace wants at least 128×128']);
    assert.deepEqual(findProblems({ ...ready, size: 1.5 * 1024 * 1024 + 1 }), ['the VSIX is 1536 KB, over 1536 KB']);
    const noBanner = { ...pkg };
    delete noBanner.galleryBanner;
    assert.deepEqual(findProblems({ ...ready, pkg: noBanner }), ['package.json has no "galleryBanner"']);
  });

  it('the real README shows at least one image, and each ships under media/readme/', () => {
    const readme = readFileSync('README.md', 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 1);
    for (const src of images) assert.match(src, /^media\/readme\/[\w-]+\.png$/);
  });
});

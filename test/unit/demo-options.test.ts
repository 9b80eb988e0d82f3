import assert from 'node:assert/strict';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- plain ESM script helpers
import { demoOptions } from '../../scripts/demo-options.mjs';

describe('npm start options (scripts/demo-options.mjs)', () => {
  it('defaults: English, port 8080 (or PORT), IAM enforced', () => {
    assert.deepEqual(demoOptions([], {}), { locale: 'en', port: 8080, enforce: true });
    assert.deepEqual(demoOptions([], { PORT: '8093' }), { locale: 'en', port: 8093, enforce: true });
  });
  it('--lang es (or BRAZE_S3_DEMO_LANG=es) opens the editor in Spanish', () => {
    assert.equal(demoOptions(['--lang', 'es'], {}).locale, 'es');
    assert.equal(demoOptions(['--lang=es'], {}).locale, 'es');
    assert.equal(demoOptions([], { BRAZE_S3_DEMO_LANG: 'es' }).locale, 'es');
  });
  it('--port and --no-iam-enforcement', () => {
    assert.deepEqual(demoOptions(['--port', '8101', '--no-iam-enforcement'], {}), { locale: 'en', port: 8101, enforce: false });
  });
  it('refuses what it does not know, with the usage', () => {
    assert.throws(() => demoOptions(['--lang', 'fr'], {}), /--lang must be en or es.*Usage: npm start/);
    assert.throws(() => demoOptions(['--lang'], {}), /--lang needs a value/);
    assert.throws(() => demoOptions(['--spanish'], {}), /unknown option --spanish/);
    assert.throws(() => demoOptions(['--port', 'x'], {}), /--port must be a port number/);
  });
});

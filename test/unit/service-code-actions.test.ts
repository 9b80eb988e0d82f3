// The quick fixes behind a diagnostic (src/service/codeActions.ts): found by code, span and message,
// and still found when a setting changed the message of the same finding after the diagnostic was shown.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serviceDocument } from '../../src/server/documents';
import { ENGLISH, ServiceSettings, analyzeText, quickFixes, toDiagnostics } from '../../src/service';

const text = JSON.stringify({ Version: '2012-10-17', Statement: [
  { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: ['arn:aws:s3:::acme-braze-exports'] },
  { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::acme-braze-exports/*'] },
] }, null, 2);
const doc = serviceDocument(TextDocument.create('untitled:Untitled-1', 'json', 1, text));
const settings = (folderPath?: string): ServiceSettings => ({ policyFiles: {}, rules: {}, locale: 'en', folderPath });
const analysed = (s: ServiceSettings) => analyzeText({ text, path: '/Untitled-1', format: 'json', settings: s, declared: 'currents' }, 1)!;
const shown = (s: ServiceSettings) => toDiagnostics((o) => doc.positionAt(o), analysed(s).result.findings, s)
  .filter((d) => d.code === 'integration-missing-permission')
  .map((d) => ({ range: d.range, message: d.message, code: d.code, source: d.source }));

describe('service quick fixes', () => {
  it('finds the fixes of the diagnostic shown', () => {
    const [d] = shown(settings());
    const titles = quickFixes(doc, analysed(settings()), [d], ENGLISH).map((f) => f.title);
    assert.ok(titles.includes('Add s3:GetObject'), titles.join(' | '));
  });

  it('still finds them when a setting changed the finding\'s message since (same code, same span)', () => {
    const [before] = shown(settings());
    const [after] = shown(settings('events'));
    assert.notEqual(before.message, after.message);
    assert.deepEqual(before.range, after.range);
    const titles = quickFixes(doc, analysed(settings('events')), [before], ENGLISH).map((f) => f.title);
    assert.ok(titles.includes('Add s3:GetObject'), titles.join(' | '));
  });

  it('offers nothing for a diagnostic of another code on that span', () => {
    const [d] = shown(settings());
    assert.deepEqual(quickFixes(doc, analysed(settings()), [{ ...d, code: 'action-unknown' }], ENGLISH), []);
  });
});

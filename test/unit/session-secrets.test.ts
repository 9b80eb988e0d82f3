// Secrets seen in this window are scrubbed from anything about to be logged or shown (issue 22:
// an exception escaping a live check was logged without redaction).
import assert from 'node:assert/strict';
import { forgetSessionSecrets, redactSessionSecrets, rememberSessionSecret } from '../../src/editor/sessionSecrets';

describe('session secrets', () => {
  afterEach(() => forgetSessionSecrets());
  it('scrubs every secret seen, wherever it stands in the text, and nothing else', () => {
    rememberSessionSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    rememberSessionSecret('second-secret-value-42');
    const text = 'InvalidSignature: signed with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY (second-secret-value-42), again wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    assert.equal(redactSessionSecrets(text), 'InvalidSignature: signed with ******** (********), again ********');
    assert.equal(redactSessionSecrets('AccessDenied on arn:aws:s3:::acme-braze-exports'), 'AccessDenied on arn:aws:s3:::acme-braze-exports');
  });
  it('ignores values too short to be secrets (they would scrub ordinary words)', () => {
    rememberSessionSecret('abc');
    rememberSessionSecret(undefined);
    assert.equal(redactSessionSecrets('abc def'), 'abc def');
  });
});

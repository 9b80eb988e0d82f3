// Secrets this window has seen (typed access keys, a rotated key's new secret, one read back from
// SecretStorage): kept in memory only, so that any text about to reach a log, an output channel or
// an error message can be scrubbed of them, whatever threw it. No vscode import (unit-tested).
const seen = new Set<string>();

/** Shorter strings are not secrets (and would scrub ordinary words). */
const MIN_LENGTH = 8;

export function rememberSessionSecret(secret: string | undefined): void {
  if (secret && secret.length >= MIN_LENGTH) seen.add(secret);
}

export function redactSessionSecrets(text: string): string {
  let out = text;
  for (const s of seen) if (out.includes(s)) out = out.split(s).join('********');
  return out;
}

/** For tests: forget every secret. */
export function forgetSessionSecrets(): void {
  seen.clear();
}

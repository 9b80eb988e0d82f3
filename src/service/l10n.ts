// Messages outside VS Code (the language server): the extension's own Spanish bundle
// (l10n/bundle.l10n.es.json, keyed by the English text, as vscode.l10n reads it), `{0}` filled in.
import type { L10n } from './types';

export function bundleL10n(bundle: Record<string, string> | undefined): L10n {
  return {
    t(message, ...args) {
      const text = bundle?.[message] ?? message;
      return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
    },
  };
}

/** English: the messages as written. */
export const ENGLISH = bundleL10n(undefined);

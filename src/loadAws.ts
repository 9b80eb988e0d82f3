// The AWS SDK half is a separate bundle (dist/aws.js) required on first use: activation stays
// light and the SDK's ~1 MB is parsed only when the account view, a live check or one of the
// CLI's live commands needs it. Shared by the extension and the CLI (neither imports vscode here).
import type * as Aws from './aws';

let loaded: typeof Aws | undefined;

export function loadAws(): typeof Aws {
  // In both bundles this resolves to dist/aws.js (kept external by the build).
  return (loaded ??= require('./aws.js') as typeof Aws);
}

/** One line for people about any error from an AWS call: the code, then AWS's message. */
export function problemText(error: unknown): string {
  const aws = loadAws();
  return aws.describeProblem(aws.problemOf(error));
}

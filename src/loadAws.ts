// The AWS SDK half is a separate bundle (dist/aws.js) required on first use: activation stays
// light and the SDK's ~1 MB is parsed only when the account view, a live check or one of the
// CLI's live commands needs it. Shared by the extension and the CLI (neither imports vscode here).
import type * as Aws from './aws';

let loaded: typeof Aws | undefined;

export function loadAws(): typeof Aws {
  // The SDK's notice that its 2027 releases will need Node 22 is not for our users (the CLI
  // prints only what was asked for; the extension host's Node is VS Code's choice).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // In both bundles this resolves to dist/aws.js (kept external by the build).
  return (loaded ??= require('./aws.js') as typeof Aws);
}

/** One line for people about any error from an AWS call: the code, then AWS's message. */
export function problemText(error: unknown): string {
  const aws = loadAws();
  return aws.describeProblem(aws.problemOf(error));
}

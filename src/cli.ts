// braze-s3: the command-line checker over the same engine as the extension, for CI pipelines.
// Exit codes: 0 no error, 1 an error was found (or a live check failed), 2 bad usage or input.
import { UsageError, parseArgs } from './cli/args';
import { CHECK_OPTIONS, rulesDocPath, runCheck } from './cli/check';
import { FileError } from './cli/files';
import { TEST_CREDENTIALS_OPTIONS, VERIFY_ROLE_OPTIONS, runTestCredentials, runVerifyRole } from './cli/live';
import { setFlagsFromString } from 'node:v8';

// A run over a repository allocates many short-lived strings: V8's young generation would grow to
// 32 MB of semi-space for them. Growing it one step at a time keeps the peak at 91 MB instead of
// 107 MB over the 1,594 AWS managed policies, for about the same time (npm run bench). The
// extension host never loads this module.
setFlagsFromString('--semi-space-growth-factor=1');

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export const USAGE = `Usage:
  braze-s3 check [options] FILE|FOLDER...
      folders are searched for JSON policies, .tf files and CloudFormation templates (node_modules, .git
      and git-ignored paths skipped)
      --integration currents|dashboard|trust|none|auto
                                              what the documents are for: a Braze export policy, the
                                              partner's role trust policy, none (a general IAM policy:
                                              generic IAM checks only) or auto (default: inferred per
                                              document, and said in the output)
      --include-ignored                       also check the files git ignores under a folder (skipped
                                              and counted by default)
      --folder PATH                           Currents folder path (default currents); dashboard
                                              exports are always checked at the bucket root
      --partner-account-id ID                 the partner's AWS account ID (trust policies)
      --external-id ID                        the partner-supplied external ID (trust policies)
      --format text|json|sarif                output format (default text)
      --lang en|es                            language of messages (default from LANG)
      --config PATH                           the repository configuration to use for every file
                                              (default: each file's nearest .braze-s3.yaml,
                                              .braze-s3.yml or .braze-s3.json, up to the folder
                                              holding .git); flags win over the file
      --no-config                             use no configuration file
  braze-s3 test-credentials --bucket B [--integration currents|dashboard] [--folder PATH] [--sse]
                           [--profile P] [--region R] [--endpoint URL] [--timeout-ms N] [--format text|json]
      runs what the partner's writer runs (GetBucketLocation, ListObjectsV2, PutObject, GetObject,
      DeleteObject for dashboard export) with the standard credential chain (env or --profile)
  braze-s3 verify-role ARN --bucket B [--integration currents|dashboard] [--folder PATH]
                           [--partner-account-id ID] [--external-id ID] [--simulate]
                           [--profile P] [--region R] [--format text|json]
  braze-s3 lsp [--stdio]
      the language server (Language Server Protocol over stdin/stdout) for any editor: diagnostics,
      hover, completion, code actions and code lenses on JSON policies, .tf files and CloudFormation
      templates, and the workspace's policy files checked without being opened
  braze-s3 --version | --help

Exit status: 0 no errors (every live check passed), 1 errors found (a live check failed),
2 bad usage, an invalid configuration file or an unreadable input (JSON and SARIF output still
name it). Suppressed findings (braze-s3-ignore comments, the configuration's ignore) do not count.

Rules, each with an example and its fix: docs/rules.md (Spanish: docs/rules.es.md) in this package.`;

export async function main(argv: string[], write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      writeErr(USAGE);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      write(`${USAGE}\n  ${rulesDocPath()}`);
      return 0;
    }
    if (command === '--version') {
      write(VERSION);
      return 0;
    }
    if (command === 'lsp') {
      // Runs until the client disconnects; its stdout belongs to the protocol.
      loadServer().runStdioServer();
      return await new Promise<number>(() => undefined);
    }
    if (command === 'check') return await runCheck(parseArgs(rest, CHECK_OPTIONS), VERSION, write, writeErr);
    if (command === 'test-credentials') return await runTestCredentials(parseArgs(rest, TEST_CREDENTIALS_OPTIONS), write);
    if (command === 'verify-role') return await runVerifyRole(parseArgs(rest, VERIFY_ROLE_OPTIONS), write);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      writeErr(`braze-s3: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof FileError) {
      writeErr(`braze-s3: ${error.message}`);
      return 2;
    }
    writeErr(`braze-s3: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/** The language server is a separate bundle (dist/server.js), loaded only by `braze-s3 lsp`. */
function loadServer(): typeof import('./server/main') {
  try {
    return require('./server.js') as typeof import('./server/main');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    // Run from source (tsx): src/server. Built at run time so the bundler leaves it out.
    return require(['.', 'server', 'main'].join('/')) as typeof import('./server/main');
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then((code) => {
    process.exitCode = code;
  });
}

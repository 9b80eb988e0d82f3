// braze-s3: the command-line checker over the same engine as the extension, for CI pipelines.
// Exit codes: 0 no error, 1 an error was found (or a live check failed), 2 bad usage or input.
import { UsageError, parseArgs } from './cli/args';
import { CHECK_OPTIONS, rulesDocPath, runCheck } from './cli/check';
import { FileError } from './cli/files';
import { DELIVERY_OPTIONS, runDelivery } from './cli/delivery';
import { AVRO_OPTIONS, runAvro } from './cli/avro';
import { SETUP_OPTIONS, TEARDOWN_OPTIONS, runSetupCommand, runTeardownCommand } from './cli/setup';
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
      --only-policies                         check a named file only when it holds policies, as
                                              under a folder (for tools that pass every changed
                                              file, like pre-commit)
      --folder PATH                           Currents folder path (default currents); dashboard
                                              exports are always checked at the bucket root
      --partner-account-id ID                 the partner's AWS account ID (trust policies)
      --external-id ID                        the partner-supplied external ID (trust policies)
      --format text|json|sarif|github|gitlab|junit
                                              output format (default text): github gives
                                              workflow annotations, gitlab a Code Quality report,
                                              junit JUnit XML (one test case per file)
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
  braze-s3 delivery --bucket B [--folder PATH] [--quiet-hours 6] [--stopped-hours 24]
                    [--drop-window-hours 48] [--max-objects N] [--profile P] [--region R]
                    [--endpoint URL] [--format text|json]
      is Currents delivering? per connector (dataexport.<cluster>.S3.integration.<id>) under the
      folder (default: every folder holding Currents data): its state (delivering, quiet, stopped),
      the hours left before undelivered events are dropped, and files and bytes per hour over the
      last 48 hours, from the keys' date partitions; exit 1 when a connector is stopped or none is found
  braze-s3 avro FILE|s3://BUCKET/KEY [--limit N] [--schema] [--profile P] [--region R] [--endpoint URL]
      prints the records of an Avro file (Currents' format; codecs null, deflate, snappy) as JSON
      lines, read as a stream; --schema prints the writer schema first (alone without --limit).
      Exit 1 when the file breaks part-way (the records before it are printed; the message says at
      which byte and block), 2 when it cannot be read at all (missing, not Avro, unknown codec)
  braze-s3 setup --bucket B [--integration currents|dashboard|both] [--method role|key] [--existing-bucket]
                 [--folder PATH] [--partner-account-id ID --external-id ID] [--stack-name N] [--name N]
                 [--dry-run] [--yes] [--key-file PATH] [--profile P] [--region R] [--endpoint URL]
                 [--format text|json]
      deploys the export setup with a CloudFormation change set (shown first; --dry-run prints it
      and deletes it), then verifies it (Verify role / Test credentials, retried while IAM
      propagates) and prints what to paste into Braze. --method key creates the access key after
      the stack (never in it) and writes it once to --key-file (mode 0600) or, on a terminal, the screen
  braze-s3 teardown --stack NAME [--yes] [--profile P] [--region R] [--endpoint URL] [--format text|json]
      deletes the setup's stack (and the access keys of its user); the bucket and its data stay
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
    if (command === 'delivery') return await runDelivery(parseArgs(rest, DELIVERY_OPTIONS), write);
    if (command === 'avro') return await runAvro(parseArgs(rest, AVRO_OPTIONS), write, writeErr);
    if (command === 'setup') return await runSetupCommand(parseArgs(rest, SETUP_OPTIONS), write);
    if (command === 'teardown') return await runTeardownCommand(parseArgs(rest, TEARDOWN_OPTIONS), write);
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

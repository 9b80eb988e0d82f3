// The language server's client (dist/server.js, src/server), as vscode-eslint is ESLint's: every
// open policy document (JSON, Terraform, YAML) is synced to the server incrementally, and its
// diagnostics, hover, completion, quick fixes, fix-all and code lenses come from there; the
// workspace's policy files are checked without being opened (workspace-wide Problems), in the
// server's own process, so a large repository never holds up the extension host. Files are followed
// as they are created, changed or deleted. On by default up to brazeS3.workspaceDiagnostics.maxFiles
// files; above that, open files only. The host keeps what needs VS Code or a person: the commands
// the server's actions run (they ask), the template completions, and the account view's bucket
// names, passed on for resource ARN completion.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/node';
import type * as Client from './languageClient';
import { ANALYSED, AnalysedParams, DECLARED, KNOWN_BUCKETS, SCAN_REQUEST, ScanFinished, ScanParams } from '../service';
import { PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides } from './integrationOverrides';
import { POLICY_SELECTOR } from './policyDocuments';
import { isSingular } from './settings';
import { snippetCompletions } from './snippets';

const WATCHED = '**/*.{json,jsonc,tf,yaml,yml,template}';

/** The bucket names already fetched (by the account view or a quick pick), without fetching. */
export type KnownBuckets = () => readonly string[] | undefined;

/** A scan's outcome: candidate files found (up to the bound + 1), of those the policy documents now
 * in the Problems panel, and whether the bound was passed (then nothing was scanned). */
export type ScanResult = Omit<ScanFinished, 'ms'>;

/** dist/client.js (kept external by the build); from source, the module itself. */
function loadClient(): typeof Client {
  try {
    return require('./client.js') as typeof Client;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require(['.', 'languageClient'].join('/')) as typeof Client;
  }
}

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private client: Client.LanguageClient | undefined;
  private started: Promise<Client.LanguageClient | undefined> | undefined;
  private generation = 0;
  private warned = false;
  /** Settings or the repository configuration changed since the last scan request: re-check the open documents too. */
  private recheckOpen = false;
  /** The bucket names last sent to the server (JSON), so that a listing is sent once. */
  private sentBuckets = 'null';
  private initial: ReturnType<typeof setTimeout> | undefined;
  /** The last scan's outcome (tests, and the log). */
  last: Promise<ScanResult | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly diagnostics: PolicyDiagnostics,
    private readonly overrides: IntegrationOverrides,
    private readonly knownBuckets: KnownBuckets,
    private readonly serverModule: string,
    private readonly log: (line: string) => void,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('brazeS3')) this.rescan(true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      overrides.onDidChange(() => void this.started?.then((c) => c?.sendNotification(DECLARED, { choices: this.overrides.all() }))),
    );
    // The server starts right after activation, not inside it; the open documents are synced to it
    // then. A scan asked for before that (a test, a setting) is the first one.
    this.initial = setTimeout(() => this.rescan(), 0);
  }

  /** Resolves once the language server answers (its features are registered from then on): true when it started. */
  async ready(): Promise<boolean> {
    return !!(await this.start());
  }

  private start(): Promise<Client.LanguageClient | undefined> {
    return (this.started ??= this.startClient().catch((error) => {
      this.log(`the language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      this.started = undefined;
      return undefined;
    }));
  }

  private async startClient(): Promise<Client.LanguageClient> {
    const startedAt = performance.now();
    let first = true;
    const clientOptions: LanguageClientOptions = {
      documentSelector: POLICY_SELECTOR,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
      // Read at each (re)start: a restarted server hears the choices and settings of the moment, and the bucket names again.
      initializationOptions: () => {
        this.sentBuckets = 'null';
        return { scanOnStart: false, clientRunsCommands: true, analysisNotifications: true, declared: this.overrides.all(), brazeS3: this.section() };
      },
      outputChannel: this.output,
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          if (first && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
            first = false;
            this.log(`language server: start -> first diagnostics of an open document in ${(performance.now() - startedAt).toFixed(0)} ms`);
          }
          this.diagnostics.published(uri);
        },
        provideCompletionItem: async (document, position, context, token, next) => {
          // The context-aware templates are VS Code snippets: where they fit, they are the only offer.
          const snippets = snippetCompletions(document, position);
          if (snippets) return snippets;
          await this.sendKnownBuckets();
          return next(document, position, context, token);
        },
      },
    };
    // The client sends VS Code's display language: the server answers in it.
    const client = loadClient().createLanguageClient(this.serverModule, clientOptions);
    client.onNotification(ANALYSED, (params: AnalysedParams) => this.diagnostics.analysed(params));
    await client.start();
    this.client = client;
    return client;
  }

  /** The account view's bucket names, when they changed since the server last heard (before a completion request). */
  private async sendKnownBuckets(): Promise<void> {
    const names = this.knownBuckets();
    const key = JSON.stringify(names ?? null);
    if (key === this.sentBuckets || !this.client) return;
    this.sentBuckets = key;
    await this.client.sendNotification(KNOWN_BUCKETS, { names: names ? [...names] : undefined });
  }

  /** The brazeS3 settings of the workspace, as the server reads them. */
  private section(): Record<string, unknown> {
    const c = vscode.workspace.getConfiguration('brazeS3');
    return {
      partnerAccountId: c.get('partnerAccountId'),
      externalId: c.get('externalId'),
      folderPath: c.get('folderPath'),
      policyFiles: c.get('policyFiles'),
      rules: c.get('rules'),
      workspaceDiagnostics: { enabled: c.get<boolean>('workspaceDiagnostics.enabled') ?? true, maxFiles: c.get<number>('workspaceDiagnostics.maxFiles') ?? 1000 },
    };
  }

  /** Scans the workspace again; `recheckOpen`: settings or the repository configuration changed, the open documents too. */
  rescan(recheckOpen = false): Promise<ScanResult | undefined> {
    clearTimeout(this.initial);
    const generation = ++this.generation;
    this.recheckOpen ||= recheckOpen;
    this.last = this.scan(generation).catch((error) => {
      this.log(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    return this.last;
  }

  private async scan(generation: number): Promise<ScanResult | undefined> {
    const client = await this.start();
    if (!client || generation !== this.generation) return undefined;
    const settings = this.section();
    const recheckOpen = this.recheckOpen;
    this.recheckOpen = false;
    const result = await client.sendRequest<ScanResult | null>(SCAN_REQUEST, { settings: { brazeS3: settings }, recheckOpen } satisfies ScanParams);
    if (!result) return undefined;
    if (result.overLimit) {
      const maxFiles = (settings.workspaceDiagnostics as { maxFiles: number }).maxFiles;
      this.log(`workspace-wide checking is off: more than ${maxFiles} candidate files (brazeS3.workspaceDiagnostics.maxFiles)`);
      if (!this.warned) {
        this.warned = true;
        const text = isSingular(maxFiles)
          ? vscode.l10n.t('Braze S3: this workspace has more than {0} JSON, Terraform or YAML file, so only open files are checked. Raise brazeS3.workspaceDiagnostics.maxFiles to check them all.', maxFiles)
          : vscode.l10n.t('Braze S3: this workspace has more than {0} JSON, Terraform or YAML files, so only open files are checked. Raise brazeS3.workspaceDiagnostics.maxFiles to check them all.', maxFiles);
        void vscode.window.showInformationMessage(text);
      }
    }
    return { found: result.found, policies: result.policies, overLimit: result.overLimit };
  }

  dispose(): void {
    clearTimeout(this.initial);
    this.generation++;
    for (const d of this.disposables) d.dispose();
    void this.client?.stop().catch(() => undefined);
  }
}

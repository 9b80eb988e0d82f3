// Workspace-wide Problems: the workspace's policy files are checked without being opened, as the
// ESLint extension does, by the language server (dist/server.js, src/server) in its own process,
// so a large repository never holds up the extension host; VS Code is its client here. Files are
// followed as they are created, changed or deleted. On by default up to
// brazeS3.workspaceDiagnostics.maxFiles files; above that, open files only. An open document's own
// analysis (in the host, src/editor/diagnostics.ts) wins over the server's for its file.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/node';
import type * as Client from './languageClient';
import { PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides } from './integrationOverrides';
import { isSingular } from './settings';

const WATCHED = '**/*.{json,jsonc,tf,yaml,yml,template}';
const SCAN_REQUEST = 'brazeS3/scan';
const REFRESH_FILE = 'brazeS3/refreshFile';
const DECLARED = 'brazeS3/declared';

export interface ScanResult {
  /** Candidate files found (up to the bound + 1). */
  found: number;
  /** Of those, policy documents now in the Problems panel. */
  policies: number;
  /** True when the workspace has more candidate files than the bound, and nothing was scanned. */
  overLimit: boolean;
}

/** dist/client.js (kept external by the build); from source, the module itself. */
function loadClient(): typeof Client {
  try {
    return require('./client.js') as typeof Client;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require(['.', 'languageClient'].join('/')) as typeof Client;
  }
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private client: Client.LanguageClient | undefined;
  private started: Promise<Client.LanguageClient | undefined> | undefined;
  private generation = 0;
  private warned = false;
  /** The last scan's outcome (tests, and the log). */
  last: Promise<ScanResult | undefined> = Promise.resolve(undefined);

  constructor(
    diagnostics: PolicyDiagnostics,
    private readonly overrides: IntegrationOverrides,
    private readonly serverModule: string,
    private readonly log: (line: string) => void,
    private readonly output: vscode.LogOutputChannel,
  ) {
    // A closed editor's file goes back to the server's check from disk.
    diagnostics.keepWhenClosed = (uri) => {
      void this.started?.then((c) => c?.sendNotification(REFRESH_FILE, { uri: uri.toString() }));
      return false;
    };
    this.disposables.push(
      // While a file is open the host's analysis is the one shown.
      vscode.workspace.onDidOpenTextDocument((d) => this.client?.diagnostics?.delete(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('brazeS3')) this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      overrides.onDidChange(() => void this.started?.then((c) => c?.sendNotification(DECLARED, { choices: this.overrides.all() }))),
    );
    // The server starts right after activation, not inside it.
    const initial = setTimeout(() => this.rescan(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  private start(): Promise<Client.LanguageClient | undefined> {
    return (this.started ??= this.startClient().catch((error) => {
      this.log(`the language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      this.started = undefined;
      return undefined;
    }));
  }

  private async startClient(): Promise<Client.LanguageClient> {
    const clientOptions: LanguageClientOptions = {
      // Open documents stay with the host's analysis: none is synced, the server checks files on disk.
      documentSelector: [{ scheme: 'braze-s3-never', language: 'json' }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
      initializationOptions: { scanOnStart: false, clientRunsCommands: true, declared: this.overrides.all(), brazeS3: this.section() },
      outputChannel: this.output,
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => next(uri, isOpen(uri) ? [] : diagnostics),
      },
    };
    // The client sends VS Code's display language: the server answers in it.
    const client = loadClient().createLanguageClient(this.serverModule, clientOptions);
    await client.start();
    this.client = client;
    return client;
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

  rescan(): Promise<ScanResult | undefined> {
    const generation = ++this.generation;
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
    const result = await client.sendRequest<ScanResult | null>(SCAN_REQUEST, { settings: { brazeS3: settings } });
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
    this.generation++;
    for (const d of this.disposables) d.dispose();
    void this.client?.stop().catch(() => undefined);
  }
}

// The language server (LSP over stdio): every feature of the language service (src/service) for any
// editor, and for the extension as its client. Open documents are synced incrementally and
// analysed with the extension's debounce; the workspace's closed policy files are scanned here, off
// the editor's thread. Commands that need a person or the AWS account (the placeholder's value,
// what a policy is for) ask through the client.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, CodeLens, CodeLensRefreshRequest, CompletionItem, CompletionItemKind, Connection, Diagnostic, DiagnosticSeverity,
  DidChangeWatchedFilesNotification, FileChangeType, Hover, InitializeResult, MarkupKind, TextDocumentSyncKind, TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../policy';
import type { Locale } from '../policy';
import { formatsLoaded, loadFormats } from '../routing/loadFormats';
import {
  ANALYSED, AnalysedParams, AnalysisScheduler, COMPLETION_TRIGGERS, CompletionKind, DECLARED, DeclaredKind, DeclaredParams, DocumentAnalysis,
  FIX_ALL_KIND, KNOWN_BUCKETS, KnownBucketsParams, L10n, POLICY_LANGUAGES, REPLACE_PLACEHOLDER_COMMAND, SCAN_FINISHED, SCAN_REQUEST,
  SET_INTEGRATION_COMMAND, ScanFinished, ScanParams, ServiceDiagnostic, ServiceSettings, analyzeText, bundleL10n, closedFileFormat, codeLenses,
  completionAt, documentFormat, fixAllAction, hoverAt, integrationLabel, quickFixes, ruleHeadingLines, toDiagnostics,
} from '../service';
import { openDocuments, pathOf, serviceDocument } from './documents';
import { ServerSettings, docsFile, fsPathOf } from './settings';
import { clearConfigCache } from '../config/repoConfig';
import { isScanned, listFiles, readText, yieldToEventLoop } from './workspaceScan';

export { SCAN_FINISHED } from '../service';
export type { ScanFinished } from '../service';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const KIND: Record<CompletionKind, CompletionItemKind> = {
  module: CompletionItemKind.Module,
  function: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  property: CompletionItemKind.Property,
  enumMember: CompletionItemKind.EnumMember,
  folder: CompletionItemKind.Folder,
  file: CompletionItemKind.File,
};
const DECLARED_KINDS: DeclaredKind[] = ['auto', 'currents', 'dashboard', 'trust', 'none'];

function localeOf(tag: string | undefined): Locale {
  return (tag ?? process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The extension's Spanish messages (l10n/bundle.l10n.es.json beside dist/, or in the repository). */
function l10nFor(locale: Locale): L10n {
  if (locale !== 'es') return bundleL10n(undefined);
  for (const dir of [join(__dirname, '..', 'l10n'), join(__dirname, '..', '..', 'l10n')]) {
    try {
      return bundleL10n(JSON.parse(readFileSync(join(dir, 'bundle.l10n.es.json'), 'utf8')));
    } catch {
      // try the next place
    }
  }
  return bundleL10n(undefined);
}

export function startServer(connection: Connection): void {
  const documents = openDocuments();
  const analyses = new Map<string, DocumentAnalysis>();
  const scheduler = new AnalysisScheduler();
  /** What a person chose a document to be (the code lens's command): the file's URI, or `uri#name`. */
  const chosen = new Map<string, DeclaredKind>();
  const scanned = new Set<string>();
  let roots: string[] = [];
  let locale: Locale = 'en';
  let l10n: L10n = bundleL10n(undefined);
  let settings = new ServerSettings(locale, () => roots);
  let scanGeneration = 0;
  /** The bucket names the client's account view listed (KNOWN_BUCKETS), for resource ARN completion. */
  let knownBuckets: string[] | undefined;
  /** The client wants ANALYSED before each open document's diagnostics. */
  let analysisNotifications = false;
  let codeLensRefresh = false;
  let ruleLines: Map<string, number> | undefined;
  const log = (line: string) => connection.console.log(line);

  const ruleHref = (code: string): string | undefined => {
    const file = docsFile(locale);
    if (!ruleLines) {
      try {
        ruleLines = ruleHeadingLines(readFileSync(file, 'utf8'));
      } catch {
        ruleLines = new Map();
      }
    }
    const line = ruleLines.get(code);
    return line ? `${pathToFileURL(file).href}#L${line}` : undefined;
  };

  const toLsp = (d: ServiceDiagnostic): Diagnostic => {
    const href = ruleHref(d.code);
    return { range: d.range, message: d.message, severity: SEVERITY[d.severity], source: d.source, code: d.code, ...(href ? { codeDescription: { href } } : {}) };
  };

  const declaredFor = (uri: string, s: ServiceSettings): DeclaredKind | undefined => {
    const c = chosen.get(uri);
    if (c && c !== 'auto') return c;
    const glob = settings.declaredByGlob(uri, s);
    return glob === 'auto' ? undefined : glob;
  };
  const declaredInside = (uri: string) => (name: string) => {
    const c = chosen.get(`${uri}#${name}`);
    return c && c !== 'auto' ? c : undefined;
  };

  function analyzeOpen(document: TextDocument): void {
    const uri = document.uri;
    try {
      const s = settings.forFile(uri);
      const format = s.repo?.excluded ? undefined : documentFormat({
        languageId: document.languageId,
        path: pathOf(uri),
        isFile: uri.startsWith('file:'),
        text: document.getText(),
        declared: POLICY_LANGUAGES.includes(document.languageId) && !!settings.declaredByGlob(uri, s),
      });
      if (!format) {
        if (analyses.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      if (format === 'terraform' && !loadFormats().terraformParser()) {
        // The grammar loads once, asynchronously (wasm); the document is analysed when it is ready.
        void loadFormats().loadTerraform().then((parser) => {
          if (parser) analyzeOpen(document);
          else log(`the Terraform grammar could not be loaded: ${loadFormats().loadFailure() ?? 'unknown reason'}`);
        });
        return;
      }
      const version = document.version;
      const analysed = scheduler.timed(uri, () => analyzeText({
        text: document.getText(), path: pathOf(uri), format, settings: s, declared: declaredFor(uri, s), declaredFor: declaredInside(uri), cache: { key: uri, version },
      }, version));
      if (!analysed || documents.get(uri)?.version !== version) return;
      analyses.set(uri, analysed);
      if (analysisNotifications) {
        const documents = analysed.documents?.map((d) => ({ name: d.name, result: { kind: d.result.kind, purpose: d.result.purpose } }));
        void connection.sendNotification(ANALYSED, { uri, version, format, ms: scheduler.lastMs(uri) ?? 0, documents } satisfies AnalysedParams);
      }
      void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics((o) => document.positionAt(o), analysed.result.findings, s).map(toLsp) });
    } catch (error) {
      // Never let an analysis problem reach the client as a crash.
      log(`analysis of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A closed file's diagnostics from its text on disk; false when it holds no policy. */
  function analyzeClosed(path: string, text: string): boolean {
    const uri = pathToFileURL(path).href;
    if (documents.get(uri)) return true; // the open document's analysis wins
    const s = settings.forFile(uri);
    if (s.repo?.excluded) return false;
    const format = closedFileFormat(path, text, () => !!settings.declaredByGlob(uri, s), formatsLoaded() && !!loadFormats().terraformParser());
    if (!format) return false;
    const analysed = analyzeText({ text, path, format, settings: s, declared: format === 'json' ? declaredFor(uri, s) : undefined, declaredFor: declaredInside(uri) });
    if (!analysed || analysed.empty) return false;
    const lines = new LineIndex(text);
    void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics((o) => lines.positionAt(o), analysed.result.findings, s).map(toLsp) });
    return true;
  }

  async function refreshClosed(path: string): Promise<void> {
    const uri = pathToFileURL(path).href;
    const text = await readText(path);
    let policy = false;
    try {
      policy = text !== undefined && analyzeClosed(path, text);
    } catch (error) {
      log(`analysis of ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (policy) scanned.add(uri);
    else if (scanned.delete(uri) || text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async function scan(): Promise<ScanFinished | undefined> {
    const generation = ++scanGeneration;
    const started = performance.now();
    const { enabled, maxFiles } = settings.workspaceScan;
    const previous = new Set(scanned);
    scanned.clear();
    const finish = (result: Omit<ScanFinished, 'ms'>): ScanFinished => {
      for (const uri of previous) if (!scanned.has(uri) && !documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      const done = { ...result, ms: performance.now() - started };
      void connection.sendNotification(SCAN_FINISHED, done);
      return done;
    };
    if (!enabled || roots.length === 0) return finish({ found: 0, policies: 0, overLimit: false });
    const files = await listFiles(roots, maxFiles + 1);
    if (generation !== scanGeneration) {
      for (const uri of previous) scanned.add(uri); // a newer scan takes over from here
      return undefined;
    }
    if (files.length > maxFiles) {
      log(`workspace-wide checking is off: more than ${maxFiles} candidate files (workspaceDiagnostics.maxFiles)`);
      return finish({ found: files.length, policies: 0, overLimit: true });
    }
    if (files.some((f) => f.endsWith('.tf'))) await loadFormats().loadTerraform();
    let policies = 0;
    for (const [i, path] of files.entries()) {
      if (generation !== scanGeneration) return undefined;
      const text = await readText(path);
      try {
        if (text !== undefined && analyzeClosed(path, text)) {
          policies++;
          scanned.add(pathToFileURL(path).href);
        }
      } catch (error) {
        log(`analysis of ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (i % 20 === 19) await yieldToEventLoop();
    }
    return finish({ found: files.length, policies, overLimit: false });
  }

  /** Every open document again (settings, the configuration file or a declared purpose changed); the lenses follow. */
  const reanalyzeAll = () => {
    for (const d of documents.all()) analyzeOpen(d);
    if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  let watchRegistration = false;
  connection.onInitialize((params): InitializeResult => {
    locale = localeOf(params.locale);
    l10n = l10nFor(locale);
    settings = new ServerSettings(locale, () => roots);
    // The extension runs the commands itself (they ask through VS Code and the AWS account view), so
    // they are not advertised to it: its client would register them a second time.
    const options = (params.initializationOptions ?? {}) as { scanOnStart?: boolean; clientRunsCommands?: boolean; analysisNotifications?: boolean; declared?: Record<string, DeclaredKind> };
    settings.update(options);
    scanOnStart = options.scanOnStart !== false;
    analysisNotifications = options.analysisNotifications === true;
    codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    for (const [k, v] of Object.entries(options.declared ?? {})) chosen.set(k, v);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(fsPathOf).filter((p): p is string => !!p);
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        ...(options.clientRunsCommands ? {} : { executeCommandProvider: { commands: [SET_INTEGRATION_COMMAND, REPLACE_PLACEHOLDER_COMMAND] } }),
      },
      serverInfo: { name: 'braze-s3', version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev' },
    };
  });

  /** The extension asks for every scan itself (scanOnStart: false), with its settings of the moment. */
  let scanOnStart = true;
  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{json,jsonc,tf,yaml,yml,template}' }] });
    }
    if (scanOnStart) void scan().catch((error) => log(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`));
  });

  connection.onRequest(SCAN_REQUEST, async (params: ScanParams) => {
    if (params?.settings !== undefined) settings.update(params.settings);
    clearConfigCache(); // the repository configuration may have changed on disk
    if (params?.recheckOpen) reanalyzeAll();
    try {
      return (await scan()) ?? null;
    } catch (error) {
      log(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  });
  connection.onNotification(DECLARED, (params: DeclaredParams) => {
    chosen.clear();
    for (const [k, v] of Object.entries(params.choices ?? {})) chosen.set(k, v);
    reanalyzeAll();
  });
  connection.onNotification(KNOWN_BUCKETS, (params: KnownBucketsParams) => {
    knownBuckets = params.names;
  });

  connection.onDidChangeConfiguration((params) => {
    if (params.settings !== null && params.settings !== undefined) settings.update(params.settings);
    reanalyzeAll();
    void scan().catch((error) => log(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const path = fsPathOf(c.uri);
      if (!path || !isScanned(path) || !settings.workspaceScan.enabled) continue;
      if (c.type === FileChangeType.Deleted) {
        if (scanned.delete(c.uri) && !documents.get(c.uri)) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      } else void refreshClosed(path);
    }
  });

  documents.onDidOpen((e) => analyzeOpen(e.document));
  documents.onDidChangeContent((e) => {
    // Also fired right after onDidOpen, whose analysis is then current already.
    if (analyses.get(e.document.uri)?.version === e.document.version) return;
    scheduler.schedule(e.document.uri, () => {
      const current = documents.get(e.document.uri);
      if (current && analyses.get(current.uri)?.version !== current.version) analyzeOpen(current);
    });
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.forget(uri);
    analyses.delete(uri);
    if (formatsLoaded()) loadFormats().forgetTerraformTree(uri);
    const path = fsPathOf(uri);
    // A scanned file keeps its problems after its editor closes: re-read from disk.
    if (path && scanned.has(uri)) void refreshClosed(path);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The current analysis of an open document (analysed now if an edit is still pending). */
  const analysisOf = (uri: string): { document: TextDocument; analysis: DocumentAnalysis | undefined } | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    let analysis = analyses.get(uri);
    if (!analysis || analysis.version !== document.version) {
      analyzeOpen(document);
      analysis = analyses.get(uri);
    }
    return { document, analysis: analysis?.version === document.version ? analysis : undefined };
  };

  connection.onHover((params): Hover | null => {
    const found = analysisOf(params.textDocument.uri);
    if (!found?.analysis) return null;
    const { document, analysis } = found;
    const hover = hoverAt(analysis, document.getText(), document.offsetAt(params.position), l10n, locale);
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: { start: document.positionAt(hover.span.offset), end: document.positionAt(hover.span.offset + hover.span.length) } };
  });

  connection.onCompletion((params): CompletionItem[] | null => {
    const found = analysisOf(params.textDocument.uri);
    if (!found) return null;
    const { document, analysis } = found;
    const items = completionAt(serviceDocument(document), params.position, analysis, { buckets: knownBuckets, folder: settings.forFile(document.uri).folderPath, l10n });
    return items?.map((c) => ({
      label: c.label,
      kind: KIND[c.kind],
      detail: c.detail,
      documentation: c.documentation,
      filterText: c.filterText,
      sortText: c.sortText,
      ...(c.range ? { textEdit: TextEdit.replace(c.range, c.insertText ?? c.label) } : c.insertText !== undefined ? { insertText: c.insertText } : {}),
      ...(c.retrigger ? { command: { title: '', command: 'editor.action.triggerSuggest' } } : {}),
    })) ?? null;
  });

  connection.onCodeAction((params): CodeAction[] => {
    const found = analysisOf(params.textDocument.uri);
    if (!found?.analysis) return [];
    const { document, analysis } = found;
    const doc = serviceDocument(document);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const out: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const ours = params.context.diagnostics.map((d) => ({ range: d.range, message: typeof d.message === 'string' ? d.message : d.message.value, source: d.source, code: d.code === undefined ? undefined : String(d.code), original: d }));
      for (const fix of quickFixes(doc, analysis, ours, l10n)) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [fix.diagnostic.original],
          isPreferred: fix.isPreferred,
          ...(fix.edits ? { edit: { changes: { [document.uri]: fix.edits } } } : {}),
          ...(fix.command ? { command: { title: fix.command.title, command: fix.command.command, arguments: fix.command.arguments } } : {}),
        });
      }
    }
    if (only ? wants(FIX_ALL_KIND) : params.context.diagnostics.length > 0) {
      const s = settings.forFile(document.uri);
      const all = fixAllAction(doc, analysis, s, analysis.format === 'json' ? declaredFor(document.uri, s) : undefined, l10n);
      if (all?.edits) out.push({ title: all.title, kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: all.edits } } });
    }
    return out;
  });

  connection.onCodeLens((params): CodeLens[] => {
    const found = analysisOf(params.textDocument.uri);
    if (!found?.analysis) return [];
    const { document, analysis } = found;
    return codeLenses(document.getText(), (o) => document.positionAt(o), analysis, (name) => (name === undefined ? document.uri : `${document.uri}#${name}`), l10n)
      .map((l) => ({ range: l.range, command: { title: l.command.title, command: l.command.command, arguments: l.command.arguments } }));
  });

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    if (params.command === SET_INTEGRATION_COMMAND) {
      const target = typeof args[0] === 'string' ? args[0] : undefined;
      if (!target) return undefined;
      let kind = DECLARED_KINDS.includes(args[1] as DeclaredKind) ? (args[1] as DeclaredKind) : undefined;
      if (!kind) {
        const labels = DECLARED_KINDS.map((k) => ({ title: integrationLabel(k, l10n), kind: k }));
        const picked = await connection.window.showInformationMessage(l10n.t('What is this policy for?'), ...labels.map((l) => ({ title: l.title })));
        kind = labels.find((l) => l.title === picked?.title)?.kind;
      }
      if (!kind) return undefined;
      if (kind === 'auto') chosen.delete(target);
      else chosen.set(target, kind);
      reanalyzeAll();
      return kind;
    }
    if (params.command === REPLACE_PLACEHOLDER_COMMAND) {
      const [uri, placeholder, value] = args as [string?, string?, string?];
      const document = uri ? documents.get(uri) : undefined;
      if (!document || !placeholder) return false;
      if (typeof value !== 'string' || !value) {
        // Outside VS Code there is no account to pick a bucket from, nor an input box.
        void connection.window.showInformationMessage(l10n.t('Type the value in place of {0}: every occurrence in the document is flagged.', placeholder));
        return false;
      }
      const text = document.getText();
      const edits: TextEdit[] = [];
      for (let at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + placeholder.length)) {
        edits.push(TextEdit.replace({ start: document.positionAt(at), end: document.positionAt(at + placeholder.length) }, value));
      }
      if (!edits.length) return false;
      return (await connection.workspace.applyEdit({ changes: { [uri!]: edits } })).applied;
    }
    return undefined;
  });

  documents.listen(connection);
  connection.listen();
}

declare const __VERSION__: string | undefined;

// The Avro viewer: a read-only custom editor for *.avro (local, or braze-s3:// from the account
// view). The webview shows the writer schema (folded), codec, record count, a paged table, one
// record as JSON and a filter on any column; the host answers its requests from the reader, one
// page (or one search batch) at a time, so neither side ever holds the whole file.
import * as vscode from 'vscode';
import type { Locale } from '../../policy';
import { loadAvro } from '../../loadAvro';
import type { AccountConnection } from '../connection';
import { AvroDocument } from './avroDocument';
import { viewerHtml, viewerStrings } from './viewerHtml';

export const AVRO_VIEW_TYPE = 'brazeS3.avroViewer';
export const PAGE_SIZE = 100;
/** Matches sent per search batch ("More matches" asks for the next). */
export const SEARCH_BATCH = 100;

export type ViewerRequest =
  | { type: 'ready' }
  | { type: 'page'; req: number; page: number }
  | { type: 'search'; req: number; column: string; text: string; cursor?: { block: number; record: number } };

export type ViewerReply =
  | { type: 'init'; fileName: string; location: string; size: string; codec: string; schema: string; columns: string[]; pageSize: number; openError?: string; strings: Record<string, string> }
  | { type: 'page'; req: number; page: number; rows: { index: number; value: unknown }[]; known: number; scanned: boolean; problem?: string }
  | { type: 'count'; counting: boolean; records: number; text: string; problem?: string }
  | { type: 'found'; req: number; rows: { index: number; value: unknown }[]; next?: { block: number; record: number }; searchedText: string; problem?: string }
  | { type: 'error'; req?: number; text: string };

function locale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

const bytesText = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);

export class AvroEditorProvider implements vscode.CustomReadonlyEditorProvider<AvroDocument> {
  private readonly documents = new Map<string, AvroDocument>();
  /** For tests: the last reply of each kind sent to each document's viewer. */
  private readonly sent = new Map<string, Partial<Record<ViewerReply['type'], ViewerReply>>>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly connection: AccountConnection, private readonly log: vscode.LogOutputChannel) {}

  async openCustomDocument(uri: vscode.Uri): Promise<AvroDocument> {
    const doc = await AvroDocument.open(uri, this.connection);
    if (doc.openError) this.log.warn(`avro: ${uri.toString()}: ${doc.openError}`);
    this.documents.set(uri.toString(), doc);
    return doc;
  }

  resolveCustomEditor(doc: AvroDocument, panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'avro');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = viewerHtml(panel.webview, media, locale());
    const post = (reply: ViewerReply) => {
      this.remember(doc, reply);
      void panel.webview.postMessage(reply);
    };
    const sub = panel.webview.onDidReceiveMessage(async (msg: ViewerRequest) => {
      try {
        if (msg.type === 'ready') await this.start(doc, post);
        else post(await this.answer(doc, msg));
      } catch (error) {
        if (doc.signal.aborted) return;
        this.log.error(`avro: ${doc.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        post({ type: 'error', req: 'req' in msg ? msg.req : undefined, text: error instanceof Error ? error.message : String(error) });
      }
    });
    panel.onDidDispose(() => {
      sub.dispose();
      this.documents.delete(doc.uri.toString());
    });
  }

  private remember(doc: AvroDocument, reply: ViewerReply): void {
    const key = doc.uri.toString();
    this.sent.set(key, { ...this.sent.get(key), [reply.type]: reply });
  }

  /** The header and the first page at once, then the count in the background. */
  private async start(doc: AvroDocument, post: (r: ViewerReply) => void): Promise<void> {
    const fileName = doc.uri.path.split('/').pop() ?? doc.uri.path;
    const location = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(true);
    const file = doc.file;
    const header = file?.header;
    // Without a header (empty, not Avro, cut inside it) there is no table to show: only why.
    const openError = doc.openError ?? (header ? undefined : this.problem(doc));
    post({
      type: 'init', fileName, location, size: file ? bytesText(file.size) : '', codec: header?.codec ?? '',
      schema: header ? (typeof header.schema === 'string' ? header.schema : JSON.stringify(header.schema, null, 2)) : '',
      columns: file?.columns ?? [], pageSize: PAGE_SIZE, openError, strings: viewerStrings(),
    });
    if (!file || openError) return;
    post(await this.answer(doc, { type: 'page', req: 0, page: 0 }));
    await this.count(doc, post);
  }

  private async count(doc: AvroDocument, post: (r: ViewerReply) => void): Promise<void> {
    const file = doc.file!;
    const avro = loadAvro();
    const text = (n: number) => avro.recordCount(n, locale());
    let last = 0;
    const result = await file.count(doc.signal, (_bytes, records) => {
      // A long count shows how far it got, at most every 250 ms.
      if (Date.now() - last < 250) return;
      last = Date.now();
      post({ type: 'count', counting: true, records, text: vscode.l10n.t('{0} so far…', text(records)) });
    });
    const blocks = result.blocks === 1 ? vscode.l10n.t('1 block') : vscode.l10n.t('{0} blocks', result.blocks.toLocaleString(locale()));
    post({ type: 'count', counting: false, records: result.records, text: `${text(result.records)} · ${blocks}`, problem: this.problem(doc) });
  }

  private problem(doc: AvroDocument): string | undefined {
    const file = doc.file;
    return file?.problem ? loadAvro().problemText(file.problem, locale(), file.header?.codec) : undefined;
  }

  /** One request's reply (the webview's messages, and the host tests). */
  async answer(doc: AvroDocument, msg: Exclude<ViewerRequest, { type: 'ready' }>): Promise<ViewerReply> {
    const file = doc.file;
    if (!file) return { type: 'error', req: msg.req, text: doc.openError ?? '' };
    if (msg.type === 'page') {
      const page = Math.max(0, Math.floor(msg.page));
      const rows = await file.page(page, PAGE_SIZE, doc.signal);
      return { type: 'page', req: msg.req, page, rows, known: file.recordsFound, scanned: file.scanned, problem: this.problem(doc) };
    }
    const needle = msg.text.trim().toLowerCase();
    const column = msg.column;
    const { cellText } = loadAvro();
    const match = (v: unknown) => {
      const text = column ? cellText((v as Record<string, unknown> | null)?.[column]) : JSON.stringify(v);
      return text.toLowerCase().includes(needle);
    };
    const found = await file.search(match, SEARCH_BATCH, msg.cursor, doc.signal);
    const at = found.next ? file.blocks[found.next.block].first + found.next.record : undefined;
    const searched = at === undefined ? vscode.l10n.t('searched the whole file') : vscode.l10n.t('searched the first {0}', loadAvro().recordCount(at, locale()));
    return { type: 'found', req: msg.req, rows: found.rows, next: found.next, searchedText: searched, problem: this.problem(doc) };
  }

  /** For tests: the document open for `uri`. */
  documentFor(uri: vscode.Uri): AvroDocument | undefined {
    return this.documents.get(uri.toString());
  }

  /** For tests: what the viewer of `uri` was last sent, by kind. */
  lastSent(uri: vscode.Uri): Partial<Record<ViewerReply['type'], ViewerReply>> | undefined {
    return this.sent.get(uri.toString());
  }
}

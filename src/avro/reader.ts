// A streaming reader of Avro object container files (the format Currents writes): the header
// (writer schema, codec), then blocks found one at a time — each block says how many records it
// holds and how many bytes it takes, so records are counted without decoding them, and a page
// decodes only the blocks it covers. Never more than one read window and one block in memory.
// A format problem never throws: it is kept in `problem` (what broke, at which byte and block),
// and everything before it stays readable.
import { Type } from './avsc';
import { ByteSource } from './byteSource';
import { CodecError, decompress, isSupportedCodec } from './codecs';
import { plain } from './plain';

export type ProblemKind = 'empty' | 'notAvro' | 'header' | 'schema' | 'codec' | 'truncated' | 'blockHeader' | 'blockTooLarge' | 'sync' | 'decompress' | 'crc' | 'record';

export interface AvroProblem {
  kind: ProblemKind;
  /** Byte offset in the file where it broke. */
  offset: number;
  /** The block (0-based) it broke in, when past the header. */
  block?: number;
  /** Records read intact before the problem. */
  recordsBefore: number;
  /** The library's or the codec's own words, for the curious. */
  detail?: string;
}

export interface AvroHeader {
  /** The writer schema, as JSON. */
  schema: unknown;
  codec: string;
  /** Other metadata entries, as text. */
  meta: Record<string, string>;
  /** Where the first block starts. */
  dataOffset: number;
}

export interface BlockEntry {
  offset: number;
  dataOffset: number;
  size: number;
  count: number;
  /** Index of the block's first record in the file. */
  first: number;
}

export interface Row {
  index: number;
  value: unknown;
}

export interface Cursor {
  block: number;
  record: number;
}

export interface OpenOptions {
  /** Read window (bytes per read from the source). */
  chunkBytes?: number;
  /** Resolve records to this schema (schema evolution between files); default the writer's. */
  readerSchema?: unknown;
}

const MAGIC = [0x4f, 0x62, 0x6a, 0x01]; // "Obj" 1
const MAX_HEADER = 16 * 1024 * 1024;
/** Larger blocks are taken for corruption (Avro writers flush every 16 KB to a few MB). */
export const MAX_BLOCK_BYTES = 64 * 1024 * 1024;
const MAX_UNCOMPRESSED = 256 * 1024 * 1024;

const HEADER_TYPE = Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});

/** A read window over the source: consecutive small reads cost one request. */
class Window {
  private buf: Uint8Array = new Uint8Array(0);
  private start = 0;
  constructor(private readonly source: ByteSource, private readonly chunk: number) {}

  async bytes(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(offset + length, this.source.size);
    if (offset >= this.start && end <= this.start + this.buf.length) return this.buf.subarray(offset - this.start, end - this.start);
    // A block larger than the window is read on its own and not kept.
    if (length > this.chunk) return this.source.read(offset, length, signal);
    this.buf = await this.source.read(offset, this.chunk, signal);
    this.start = offset;
    return this.buf.subarray(0, Math.min(length, this.buf.length));
  }
}

/** A zig-zag varint long; undefined when the bytes end first or it is not a safe integer. */
function readLong(buf: Uint8Array, pos: number): { value: number; next: number } | undefined {
  let n = 0;
  let scale = 1;
  for (let i = pos; i < buf.length && i < pos + 10; i++) {
    const b = buf[i];
    n += (b & 0x7f) * scale;
    scale *= 128;
    if (!(b & 0x80)) {
      if (!Number.isSafeInteger(n)) return undefined;
      return { value: n % 2 === 0 ? n / 2 : -(n + 1) / 2, next: i + 1 };
    }
  }
  return undefined;
}

export class AvroFile {
  header: AvroHeader | undefined;
  problem: AvroProblem | undefined;
  /** The blocks found so far, in file order. */
  readonly blocks: BlockEntry[] = [];
  private type: Type | undefined;
  private resolver: unknown;
  private sync: Uint8Array | undefined;
  private next = 0; // where the next block starts
  private ended = false;
  private cache: { block: number; values: unknown[] } | undefined;
  private readonly window: Window;

  private constructor(readonly source: ByteSource, private readonly options: OpenOptions) {
    this.window = new Window(source, options.chunkBytes ?? 256 * 1024);
  }

  /** Reads the header; a file that is not Avro opens with `problem` set, never throws for it. */
  static async open(source: ByteSource, options: OpenOptions = {}, signal?: AbortSignal): Promise<AvroFile> {
    const file = new AvroFile(source, options);
    await file.readHeader(signal);
    return file;
  }

  get size(): number {
    return this.source.size;
  }

  /** Every block has been found (or a problem stopped the scan). */
  get scanned(): boolean {
    return this.ended || !!this.stopped;
  }

  /** Records in the blocks found so far. */
  get recordsFound(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last ? last.first + last.count : 0;
  }

  /** Top-level field names of a record schema (the table's columns); ['value'] otherwise. */
  get columns(): string[] {
    const s = this.header?.schema as { type?: string; fields?: { name: string }[] } | undefined;
    return s && s.type === 'record' && Array.isArray(s.fields) ? s.fields.map((f) => f.name) : ['value'];
  }

  private get stopped(): AvroProblem | undefined {
    return this.problem && this.problem.kind !== 'record' && this.problem.kind !== 'decompress' && this.problem.kind !== 'crc' ? this.problem : undefined;
  }

  private fail(problem: Omit<AvroProblem, 'recordsBefore'> & { recordsBefore?: number }): AvroProblem {
    const p = { ...problem, recordsBefore: problem.recordsBefore ?? this.recordsFound };
    // The earliest problem is the one to tell.
    if (!this.problem || p.offset < this.problem.offset) this.problem = p;
    return p;
  }

  private async readHeader(signal?: AbortSignal): Promise<void> {
    if (this.size === 0) {
      this.fail({ kind: 'empty', offset: 0 });
      return;
    }
    let want = Math.min(64 * 1024, this.size);
    for (;;) {
      const head = await this.source.read(0, want, signal);
      if (head.length < 4 || MAGIC.some((b, i) => head[i] !== b)) {
        this.fail({ kind: 'notAvro', offset: 0 });
        return;
      }
      let decoded: { value: { meta: Record<string, Buffer>; sync: Buffer }; offset: number };
      try {
        decoded = HEADER_TYPE.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), 0);
      } catch (error) {
        this.fail({ kind: 'header', offset: 4, detail: (error as Error).message });
        return;
      }
      if (decoded.offset < 0) {
        if (want >= this.size) {
          this.fail({ kind: 'truncated', offset: this.size, detail: 'header' });
          return;
        }
        if (want >= MAX_HEADER) {
          this.fail({ kind: 'header', offset: 4, detail: `header larger than ${MAX_HEADER} bytes` });
          return;
        }
        want = Math.min(want * 4, this.size, MAX_HEADER);
        continue;
      }
      const meta: Record<string, string> = {};
      for (const [k, v] of Object.entries(decoded.value.meta)) meta[k] = Buffer.from(v).toString('utf8');
      const codec = meta['avro.codec'] || 'null';
      let schema: unknown;
      try {
        schema = JSON.parse(meta['avro.schema'] ?? '');
        this.type = Type.forSchema(schema as never);
      } catch (error) {
        this.header = { schema: meta['avro.schema'], codec, meta: rest(meta), dataOffset: decoded.offset };
        this.fail({ kind: 'schema', offset: 4, detail: (error as Error).message });
        return;
      }
      this.header = { schema, codec, meta: rest(meta), dataOffset: decoded.offset };
      this.sync = Buffer.from(decoded.value.sync);
      this.next = decoded.offset;
      if (!isSupportedCodec(codec)) {
        this.fail({ kind: 'codec', offset: 4, detail: codec });
        return;
      }
      if (this.options.readerSchema !== undefined) {
        try {
          const reader = Type.forSchema(this.options.readerSchema as never);
          this.resolver = reader.createResolver(this.type);
          this.type = reader;
        } catch (error) {
          this.fail({ kind: 'schema', offset: 4, detail: (error as Error).message });
        }
      }
      return;
    }
  }

  /** Finds the next block (header and sync marker only); false at the end or on a problem. */
  private async scanOne(signal?: AbortSignal): Promise<boolean> {
    if (this.scanned || !this.header || !this.sync) return false;
    const offset = this.next;
    const block = this.blocks.length;
    if (offset >= this.size) {
      this.ended = true;
      return false;
    }
    const head = await this.window.bytes(offset, 20, signal);
    const count = readLong(head, 0);
    const size = count && readLong(head, count.next);
    if (!count || !size) {
      const short = offset + head.length >= this.size;
      this.fail({ kind: short ? 'truncated' : 'blockHeader', offset, block });
      return false;
    }
    if (count.value < 0 || size.value < 0) {
      this.fail({ kind: 'blockHeader', offset, block, detail: `count ${count.value}, size ${size.value}` });
      return false;
    }
    if (size.value > MAX_BLOCK_BYTES) {
      this.fail({ kind: 'blockTooLarge', offset, block, detail: String(size.value) });
      return false;
    }
    const dataOffset = offset + size.next;
    const syncOffset = dataOffset + size.value;
    if (syncOffset + 16 > this.size) {
      this.fail({ kind: 'truncated', offset: this.size, block, detail: `block ${block} needs ${syncOffset + 16 - offset} bytes from ${offset}` });
      return false;
    }
    const sync = await this.window.bytes(syncOffset, 16, signal);
    if (sync.length < 16 || sync.some((b, i) => b !== this.sync![i])) {
      this.fail({ kind: 'sync', offset: syncOffset, block });
      return false;
    }
    this.blocks.push({ offset, dataOffset, size: size.value, count: count.value, first: this.recordsFound });
    this.next = syncOffset + 16;
    return true;
  }

  /** Finds blocks until `records` records are known (or the end, or a problem). */
  private async scanTo(records: number, signal?: AbortSignal): Promise<void> {
    while (this.recordsFound < records && (await this.scanOne(signal))) signal?.throwIfAborted();
  }

  /**
   * Counts every record from the blocks' headers (no record is decoded). `progress` is called with
   * the bytes scanned so far, every 256 blocks and at the end.
   */
  async count(signal?: AbortSignal, progress?: (bytes: number, records: number) => void): Promise<{ records: number; blocks: number; complete: boolean }> {
    while (await this.scanOne(signal)) {
      signal?.throwIfAborted();
      if (this.blocks.length % 256 === 0) {
        progress?.(this.next, this.recordsFound);
        await breathe();
      }
    }
    progress?.(this.next, this.recordsFound);
    return { records: this.recordsFound, blocks: this.blocks.length, complete: this.ended && !this.problem };
  }

  /** The decoded, JSON-ready records of one block; a decoding problem keeps those before it. */
  private async decodeBlock(index: number, signal?: AbortSignal): Promise<unknown[]> {
    if (this.cache?.block === index) return this.cache.values;
    const entry = this.blocks[index];
    const data = await this.window.bytes(entry.dataOffset, entry.size, signal);
    let raw: Uint8Array;
    try {
      raw = decompress(this.header!.codec, data, MAX_UNCOMPRESSED);
    } catch (error) {
      const kind = error instanceof CodecError && error.reason === 'crc' ? 'crc' : 'decompress';
      this.fail({ kind, offset: entry.dataOffset, block: index, recordsBefore: entry.first, detail: (error as Error).message });
      return [];
    }
    const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const values: unknown[] = [];
    let pos = 0;
    for (let i = 0; i < entry.count; i++) {
      let r: { value: unknown; offset: number };
      try {
        r = this.type!.decode(buf, pos, this.resolver as never);
      } catch (error) {
        this.fail({ kind: 'record', offset: entry.dataOffset, block: index, recordsBefore: entry.first + i, detail: (error as Error).message });
        break;
      }
      if (r.offset < 0) {
        this.fail({ kind: 'record', offset: entry.dataOffset, block: index, recordsBefore: entry.first + i, detail: `record ${i + 1} of ${entry.count} runs past the block's ${buf.length} bytes` });
        break;
      }
      values.push(plain(r.value));
      pos = r.offset;
    }
    if (values.length === entry.count && pos !== buf.length) {
      this.fail({ kind: 'record', offset: entry.dataOffset, block: index, recordsBefore: entry.first + entry.count, detail: `${buf.length - pos} bytes left after the block's ${entry.count} records` });
    }
    this.cache = { block: index, values };
    return values;
  }

  private blockOf(record: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].first <= record) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Records [from, from + size): only the blocks they sit in are read and decoded. */
  async records(from: number, size: number, signal?: AbortSignal): Promise<Row[]> {
    await this.scanTo(from + size, signal);
    const rows: Row[] = [];
    if (from >= this.recordsFound) return rows;
    for (let b = this.blockOf(from); b < this.blocks.length && rows.length < size; b++) {
      const entry = this.blocks[b];
      if (entry.count === 0) continue;
      const values = await this.decodeBlock(b, signal);
      for (let i = Math.max(0, from - entry.first); i < values.length && rows.length < size; i++) rows.push({ index: entry.first + i, value: values[i] });
      if (values.length < entry.count) break; // a broken block: nothing after it is trusted
    }
    return rows;
  }

  /** Page `page` (0-based) of `size` records. */
  page(page: number, size: number, signal?: AbortSignal): Promise<Row[]> {
    return this.records(page * size, size, signal);
  }

  /**
   * Records that `match`, from `cursor` on, at most `limit` of them; `next` says where to go on
   * (undefined once the whole file has been searched).
   */
  async search(match: (value: unknown) => boolean, limit: number, cursor: Cursor = { block: 0, record: 0 }, signal?: AbortSignal): Promise<{ rows: Row[]; next?: Cursor; searched: number }> {
    const rows: Row[] = [];
    let { block, record } = cursor;
    let searched = 0;
    for (;;) {
      if (block >= this.blocks.length && !(await this.scanOne(signal))) return { rows, searched };
      signal?.throwIfAborted();
      const entry = this.blocks[block];
      const values = await this.decodeBlock(block, signal);
      await breathe();
      for (; record < values.length; record++) {
        searched++;
        if (match(values[record])) {
          rows.push({ index: entry.first + record, value: values[record] });
          if (rows.length >= limit) return { rows, next: { block, record: record + 1 }, searched };
        }
      }
      if (values.length < entry.count) return { rows, searched };
      block++;
      record = 0;
    }
  }

  /** Every record in order, one block at a time (the CLI). */
  async *all(signal?: AbortSignal): AsyncGenerator<Row> {
    for (let block = 0; ; block++) {
      if (block >= this.blocks.length && !(await this.scanOne(signal))) return;
      const entry = this.blocks[block];
      const values = await this.decodeBlock(block, signal);
      for (let i = 0; i < values.length; i++) yield { index: entry.first + i, value: values[i] };
      if (values.length < entry.count) return;
    }
  }

  async close(): Promise<void> {
    this.cache = undefined;
    await this.source.close?.();
  }
}

/** Lets the event loop run between blocks: a long count or search never freezes the host. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function rest(meta: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta)) if (k !== 'avro.schema' && k !== 'avro.codec') out[k] = v;
  return out;
}

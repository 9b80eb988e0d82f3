// The Avro container reader on files written by avsc in the test: each codec, schema evolution
// between two files, and every way a file can be broken (it says what was read and where).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AvroFile, bufferSource, fileSource, problemText, type ByteSource } from '../../src/avro';
import { EMAIL_SEND_SCHEMA, emailSend, emailSends, writeAvro } from '../avro/currents';

/** A source that counts what was asked of it (pages must not read the whole file). */
function counting(buf: Buffer): ByteSource & { bytesRead: number; reads: number } {
  const inner = bufferSource(buf);
  const s = {
    size: buf.length,
    bytesRead: 0,
    reads: 0,
    async read(offset: number, length: number) {
      const r = await inner.read(offset, length);
      s.bytesRead += r.length;
      s.reads++;
      return r;
    },
  };
  return s;
}

describe('Avro reader', () => {
  for (const codec of ['null', 'deflate', 'snappy'] as const) {
    it(`reads a ${codec} file: schema, codec, count, pages`, async () => {
      const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(2000), codec, 8 * 1024);
      const file = await AvroFile.open(bufferSource(buf), { chunkBytes: 16 * 1024 });
      assert.equal(file.problem, undefined);
      assert.equal(file.header!.codec, codec);
      assert.equal((file.header!.schema as { name: string }).name, 'com.braze.currents.users.messages.email.EmailSend');
      assert.deepEqual(file.columns.slice(0, 5), ['id', 'user_id', 'external_user_id', 'device_id', 'time']);
      const first = await file.page(0, 50);
      assert.equal(first.length, 50);
      assert.deepEqual(first[0].value, emailSend(0));
      assert.deepEqual(first[49], { index: 49, value: emailSend(49) });
      const later = await file.page(33, 50); // crosses block boundaries
      assert.deepEqual(later.map((r) => r.index), Array.from({ length: 50 }, (_, i) => 1650 + i));
      assert.deepEqual(later[17].value, emailSend(1667));
      const counted = await file.count();
      assert.deepEqual(counted, { records: 2000, blocks: file.blocks.length, complete: true });
      assert.ok(file.blocks.length > 5, `several blocks (${file.blocks.length})`);
      assert.deepEqual((await file.page(39, 50)).map((r) => r.index).slice(-1), [1999]);
      assert.deepEqual(await file.page(40, 50), []);
    });
  }

  it('the first page reads only the blocks it needs, not the file', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(20_000), 'deflate', 16 * 1024);
    const source = counting(buf);
    const file = await AvroFile.open(source, { chunkBytes: 64 * 1024 });
    const rows = await file.page(0, 100);
    assert.equal(rows.length, 100);
    assert.ok(source.bytesRead < buf.length / 4, `read ${source.bytesRead} of ${buf.length} bytes`);
    assert.ok(!file.scanned);
  });

  it('counts records from block headers without decoding a record', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(3000), 'snappy', 4 * 1024);
    const file = await AvroFile.open(bufferSource(buf));
    const decode = (file as unknown as { decodeBlock: unknown }).decodeBlock;
    (file as unknown as { decodeBlock: unknown }).decodeBlock = () => assert.fail('count decoded a block');
    const progress: number[] = [];
    const counted = await file.count(undefined, (bytes) => progress.push(bytes));
    assert.equal(counted.records, 3000);
    assert.equal(counted.complete, true);
    assert.ok(progress.length >= 1 && progress.every((b, i) => b <= buf.length && (i === 0 || b > progress[i - 1])));
    (file as unknown as { decodeBlock: unknown }).decodeBlock = decode;
  });

  it('reads a local file through a file handle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'braze-avro-'));
    const path = join(dir, 'events.avro');
    writeFileSync(path, await writeAvro(EMAIL_SEND_SCHEMA, emailSends(300), 'deflate'));
    const file = await AvroFile.open(await fileSource(path));
    assert.deepEqual((await file.page(2, 100)).map((r) => (r.value as { email_address: string }).email_address).slice(0, 2), ['customer200@example.com', 'customer201@example.com']);
    await file.close();
  });

  it('schema evolution: two files of two schema versions, both read through the newer schema', async () => {
    const v1 = { ...EMAIL_SEND_SCHEMA, fields: EMAIL_SEND_SCHEMA.fields.filter((f) => f.name !== 'ip_pool' && f.name !== 'device_id') };
    const v2 = { ...EMAIL_SEND_SCHEMA, fields: [...EMAIL_SEND_SCHEMA.fields, { name: 'is_amp', type: ['null', 'boolean'], default: null }] };
    const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'ip_pool' && k !== 'device_id'));
    const older = await writeAvro(v1, [strip(emailSend(1)), strip(emailSend(2))], 'deflate');
    const newer = await writeAvro(v2, [{ ...emailSend(3), is_amp: true }], 'snappy');
    // Each file with its own writer schema: different columns.
    const a = await AvroFile.open(bufferSource(older));
    const b = await AvroFile.open(bufferSource(newer));
    assert.ok(!a.columns.includes('ip_pool') && !a.columns.includes('is_amp'));
    assert.ok(b.columns.includes('is_amp'));
    assert.deepEqual((await a.page(0, 10))[1].value, strip(emailSend(2)));
    // Both through the newer schema: the older file's records get the defaults.
    const resolved = await AvroFile.open(bufferSource(older), { readerSchema: v2 });
    assert.equal(resolved.problem, undefined);
    const rows = await resolved.page(0, 10);
    assert.deepEqual(rows[0].value, { ...emailSend(1), device_id: null, ip_pool: null, is_amp: null });
    const same = await AvroFile.open(bufferSource(newer), { readerSchema: v2 });
    assert.deepEqual((await same.page(0, 10))[0].value, { ...emailSend(3), is_amp: true });
    // A reader schema that cannot read the writer's: said, not thrown.
    const bad = await AvroFile.open(bufferSource(older), { readerSchema: { type: 'record', name: 'X', fields: [{ name: 'nope', type: 'int' }] } });
    assert.equal(bad.problem?.kind, 'schema');
  });

  async function threeBlocks(codec: 'null' | 'deflate' | 'snappy') {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(600), codec, 16 * 1024);
    const file = await AvroFile.open(bufferSource(buf));
    await file.count();
    assert.ok(file.blocks.length >= 3, `${file.blocks.length} blocks`);
    return { buf, blocks: file.blocks.map((b) => ({ ...b })) };
  }

  it('a corrupt sync marker: the blocks before it are read, the problem names the block and byte', async () => {
    const { buf, blocks } = await threeBlocks('deflate');
    const broken = Buffer.from(buf);
    const b = blocks[2];
    const syncAt = b.dataOffset + b.size;
    broken[syncAt + 3] ^= 0xff;
    const file = await AvroFile.open(bufferSource(broken));
    const counted = await file.count();
    assert.equal(counted.complete, false);
    assert.equal(counted.records, blocks[1].first + blocks[1].count);
    assert.deepEqual(file.problem, { kind: 'sync', offset: syncAt, block: 2, recordsBefore: blocks[2].first });
    const rows = await file.page(0, 10_000);
    assert.equal(rows.length, blocks[2].first);
    assert.match(problemText(file.problem!, 'en'), new RegExp(`^Block 3: the sync marker at byte ${syncAt.toLocaleString('en')} does not match`));
    assert.match(problemText(file.problem!, 'es'), /^Bloque 3: el marcador de sincronización/);
  });

  it('a corrupt deflate block: the records of the blocks around it stay readable, the problem names it', async () => {
    const { buf, blocks } = await threeBlocks('deflate');
    const broken = Buffer.from(buf);
    const b = blocks[1];
    broken.fill(0xff, b.dataOffset, b.dataOffset + 40);
    const file = await AvroFile.open(bufferSource(broken));
    const first = await file.page(0, b.first);
    assert.equal(first.length, b.first);
    const inBroken = await file.records(b.first, 10);
    assert.deepEqual(inBroken, []);
    assert.equal(file.problem?.kind, 'decompress');
    assert.equal(file.problem?.block, 1);
    assert.equal(file.problem?.offset, b.dataOffset);
    assert.equal(file.problem?.recordsBefore, b.first);
    // The count goes on from the block headers: the structure past the bad block is sound.
    assert.equal((await file.count()).records, 600);
  });

  it('a snappy block whose CRC-32 does not match its content is reported, not shown', async () => {
    const { buf, blocks } = await threeBlocks('snappy');
    const broken = Buffer.from(buf);
    const b = blocks[0];
    broken[b.dataOffset + b.size - 1] ^= 0x01; // the last byte of the checksum
    const file = await AvroFile.open(bufferSource(broken));
    assert.deepEqual(await file.page(0, 5), []);
    assert.equal(file.problem?.kind, 'crc');
    assert.equal(file.problem?.block, 0);
    assert.match(problemText(file.problem!, 'en', 'snappy'), /^Block 1 \(byte [\d,]+\) fails its snappy CRC-32 check \(CRC-32 [0-9a-f]{8} ≠ [0-9a-f]{8}\)\. 0 records before it were read\.$/);
  });

  it('a record that does not decode with the writer schema (null codec, damaged bytes)', async () => {
    const { buf, blocks } = await threeBlocks('null');
    const broken = Buffer.from(buf);
    const b = blocks[1];
    broken.fill(0x7f, b.dataOffset, b.dataOffset + 8); // a string length of ~2^48
    const file = await AvroFile.open(bufferSource(broken));
    const rows = await file.records(b.first - 2, 10);
    assert.deepEqual(rows.map((r) => r.index), [b.first - 2, b.first - 1]);
    assert.equal(file.problem?.kind, 'record');
    assert.equal(file.problem?.block, 1);
  });

  it('a truncated file: every whole block is read, the problem says where the file ends', async () => {
    const { buf, blocks } = await threeBlocks('deflate');
    const cut = blocks[2].dataOffset + 10;
    const file = await AvroFile.open(bufferSource(buf.subarray(0, cut)));
    const counted = await file.count();
    assert.equal(counted.records, blocks[2].first);
    assert.deepEqual(file.problem, { kind: 'truncated', offset: cut, block: 2, recordsBefore: blocks[2].first, detail: file.problem!.detail });
    assert.equal((await file.page(0, 10_000)).length, blocks[2].first);
    assert.match(problemText(file.problem!, 'en'), new RegExp(`^The file is truncated: it ends at byte ${cut.toLocaleString('en')}, inside block 3\\. ${blocks[2].first} records before it were read\\.$`));
    // Cut inside the header.
    const head = await AvroFile.open(bufferSource(buf.subarray(0, 30)));
    assert.equal(head.problem?.kind, 'truncated');
    assert.equal(head.header, undefined);
  });

  it('an empty file and a file with a header and no block', async () => {
    const empty = await AvroFile.open(bufferSource(Buffer.alloc(0)));
    assert.equal(empty.problem?.kind, 'empty');
    assert.deepEqual(await empty.page(0, 10), []);
    assert.match(problemText(empty.problem!, 'es'), /vacío/);
    // avsc writes nothing for no record: cut a one-record file right after its header.
    const one = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(1), 'deflate');
    const none = await AvroFile.open(bufferSource(one.subarray(0, (await AvroFile.open(bufferSource(one))).header!.dataOffset)));
    assert.equal(none.problem, undefined);
    assert.deepEqual(await none.count(), { records: 0, blocks: 0, complete: true });
    assert.equal(none.header?.codec, 'deflate');
  });

  it('a file that is not Avro: said plainly', async () => {
    for (const text of ['id,user_id\n1,2\n', 'PK\x03\x04 a zip', '{"Version":"2012-10-17"}']) {
      const file = await AvroFile.open(bufferSource(Buffer.from(text)));
      assert.equal(file.problem?.kind, 'notAvro', text);
      assert.equal(file.header, undefined);
    }
    assert.equal(problemText({ kind: 'notAvro', offset: 0, recordsBefore: 0 }, 'en'), 'Not an Avro object container file: it does not start with Avro\'s magic bytes ("Obj" 1).');
  });

  it('an unsupported codec: the schema still shows, the records do not', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(3), 'null');
    // Rewrite the codec's value in the header ("null" → "zstd", same length).
    const at = buf.indexOf('avro.codec') + 'avro.codec'.length + 1;
    assert.equal(buf.subarray(at, at + 4).toString(), 'null');
    const changed = Buffer.from(buf);
    changed.write('zstd', at);
    const file = await AvroFile.open(bufferSource(changed));
    assert.equal(file.problem?.kind, 'codec');
    assert.equal(file.header?.codec, 'zstd');
    assert.deepEqual(await file.page(0, 10), []);
    assert.equal(problemText(file.problem!, 'en'), 'Codec "zstd" is not supported (null, deflate and snappy are).');
  });

  it('search: matches from any column, continued from a cursor', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(1000), 'deflate', 4 * 1024);
    const file = await AvroFile.open(bufferSource(buf));
    const byPool = (v: unknown) => (v as { campaign_api_id: string | null }).campaign_api_id === 'campaign-7';
    const first = await file.search(byPool, 5);
    assert.deepEqual(first.rows.map((r) => r.index), [7, 47, 127, 167, 247]); // every 40th, except multiples of 3
    const rest = await file.search(byPool, 100, first.next);
    assert.equal(rest.next, undefined);
    assert.deepEqual(rest.rows.map((r) => r.index).slice(0, 2), [287, 367]);
    assert.equal(first.rows.length + rest.rows.length, Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 40 === 7 && i % 3 !== 0).length);
  });

  it('all(): every record in order, for the CLI', async () => {
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(250), 'snappy', 2048);
    const file = await AvroFile.open(bufferSource(buf));
    let n = 0;
    for await (const row of file.all()) assert.equal(row.index, n++);
    assert.equal(n, 250);
  });
});

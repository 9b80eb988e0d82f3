// Opening a 100,000-record Currents Avro file (written here with avsc, records shaped like
// users.messages.email.Send): time to the first page, and memory — what the reader holds for the
// first page against what it holds after counting every record, showing the last page and
// searching the whole file (the viewer's heaviest path). Measured in a child process with
// --expose-gc, so the figures are the reader's own, not the bench's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AvroFile, fileSource } from '../src/avro';
import { EMAIL_SEND_SCHEMA, emailSends, writeAvro } from '../test/avro/currents';

const RECORDS = 100_000;
const PAGE = 100;

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external includes the ArrayBuffers
};
/** A full collection, three times with a turn of the event loop between (finalizers run in between). */
const gc = async () => {
  for (let i = 0; i < 3; i++) {
    (globalThis as unknown as { gc: () => void }).gc();
    await new Promise((r) => setImmediate(r));
  }
};
const mb = (n: number) => (n / 1048576).toFixed(2);

/** Every path once on a small file, so compiled code is not counted as the big file's memory. */
async function warmUp(path: string): Promise<void> {
  const file = await AvroFile.open(await fileSource(path));
  await file.page(0, PAGE);
  await file.count();
  await file.page(3, PAGE);
  await file.search((v) => (v as { email_address: string }).email_address.endsWith('99999@example.com'), PAGE);
  await file.close();
}

/** The child: open, first page, then everything; prints one JSON line. */
export async function avroChild(path: string, warm: string): Promise<void> {
  await warmUp(warm);
  await gc();
  const base = used();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, used() - base)), 2);
  const t0 = performance.now();
  const file = await AvroFile.open(await fileSource(path));
  let shown = await file.page(0, PAGE);
  const firstPageMs = performance.now() - t0;
  const firstPeak = Math.max(peak, used() - base);
  await gc();
  const firstRetained = used() - base;
  peak = 0;
  const t1 = performance.now();
  const counted = await file.count();
  const countMs = performance.now() - t1;
  shown = await file.page(Math.ceil(counted.records / PAGE) - 1, PAGE);
  const t2 = performance.now();
  const found = await file.search((v) => (v as { email_address: string }).email_address.endsWith('99999@example.com'), PAGE);
  const searchMs = performance.now() - t2;
  const fullPeak = Math.max(peak, used() - base);
  await gc();
  const fullRetained = used() - base;
  clearInterval(sampler);
  await file.close();
  process.stdout.write(JSON.stringify({ firstPageMs, countMs, searchMs, records: counted.records, blocks: counted.blocks, lastPageRows: shown.length, found: found.rows.length, firstPeak, firstRetained, fullPeak, fullRetained }));
}

export async function avroBench(runJs: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'braze-avro-bench-'));
  try {
    for (const codec of ['deflate', 'snappy'] as const) {
      const path = join(dir, `send-${codec}.avro`);
      // 64 KB blocks, like the Java writer's default sync interval (Currents' files come from it).
      writeFileSync(path, await writeAvro(EMAIL_SEND_SCHEMA, emailSends(RECORDS), codec, 64 * 1024));
      const warm = join(dir, `warm-${codec}.avro`);
      writeFileSync(warm, await writeAvro(EMAIL_SEND_SCHEMA, emailSends(1000), codec, 64 * 1024));
      const size = statSync(path).size;
      const r = spawnSync(process.execPath, ['--expose-gc', runJs, '--avro-child', path, warm], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const m = JSON.parse(r.stdout);
      console.log(`avro (${codec}, ${RECORDS.toLocaleString('en')} records, ${mb(size)} MB, ${m.blocks} blocks): first page of ${PAGE} in ${m.firstPageMs.toFixed(0)} ms (target ≤ 1000); count ${m.records.toLocaleString('en')} records from block headers in ${m.countMs.toFixed(0)} ms; search of every record ${m.searchMs.toFixed(0)} ms (${m.found} match)`);
      console.log(`  memory held (after GC): first page ${mb(m.firstRetained)} MB; after count + last page + a search of every record ${mb(m.fullRetained)} MB: ratio ${(m.fullRetained / m.firstRetained).toFixed(2)}× (target ≤ 2×; the file is ${mb(size)} MB)`);
      console.log(`  peak before GC (garbage of decoded blocks included): first page ${mb(m.firstPeak)} MB, full search ${mb(m.fullPeak)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Currents-shaped Avro files written by avsc (the tests, the bench and the host tests): records
// shaped like Braze's Currents event glossary (users.messages.email.Send), in any codec.
import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { compress } from 'snappyjs';
import * as avro from 'avsc';

export const EMAIL_SEND_SCHEMA = {
  type: 'record',
  name: 'EmailSend',
  namespace: 'com.braze.currents.users.messages.email',
  doc: 'users.messages.email.Send: an email message was sent',
  fields: [
    { name: 'id', type: 'string', doc: 'globally unique ID of this event' },
    { name: 'user_id', type: 'string', doc: 'Braze user ID' },
    { name: 'external_user_id', type: ['null', 'string'], default: null },
    { name: 'device_id', type: ['null', 'string'], default: null },
    { name: 'time', type: 'int', doc: 'UNIX timestamp of the event' },
    { name: 'timezone', type: ['null', 'string'], default: null },
    { name: 'app_group_id', type: 'string' },
    { name: 'app_group_api_id', type: ['null', 'string'], default: null },
    { name: 'campaign_id', type: ['null', 'string'], default: null },
    { name: 'campaign_api_id', type: ['null', 'string'], default: null },
    { name: 'message_variation_api_id', type: ['null', 'string'], default: null },
    { name: 'canvas_id', type: ['null', 'string'], default: null },
    { name: 'canvas_step_api_id', type: ['null', 'string'], default: null },
    { name: 'send_id', type: ['null', 'string'], default: null },
    { name: 'dispatch_id', type: ['null', 'string'], default: null },
    { name: 'email_address', type: 'string' },
    { name: 'ip_pool', type: ['null', 'string'], default: null },
  ],
};

const hex = (seed: number, len: number) => {
  let s = '';
  let x = (seed * 2654435761) >>> 0;
  while (s.length < len) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += x.toString(16).padStart(8, '0');
  }
  return s.slice(0, len);
};

const ZONES = ['America/New_York', 'Europe/Madrid', 'Asia/Tokyo', 'America/Sao_Paulo', null];

/** Record `i` of a deterministic users.messages.email.Send stream. */
export function emailSend(i: number, baseTime = 1_796_000_000): Record<string, unknown> {
  return {
    id: `${hex(i, 8)}-${hex(i + 1, 4)}-${hex(i + 2, 4)}-${hex(i + 3, 4)}-${hex(i + 4, 12)}`,
    user_id: hex(i * 7, 24),
    external_user_id: i % 5 === 0 ? null : `user-${i}`,
    device_id: null,
    time: baseTime + i * 3,
    timezone: ZONES[i % ZONES.length],
    app_group_id: '5f2c1a9e8b3d4c0012a7e001',
    app_group_api_id: 'c2a5b8e1-0d4f-4b6a-9e3c-7f1a2b3c4d5e',
    campaign_id: i % 3 === 0 ? null : `6${hex(i % 40, 23)}`,
    campaign_api_id: i % 3 === 0 ? null : `campaign-${i % 40}`,
    message_variation_api_id: i % 3 === 0 ? null : `variation-${i % 2}`,
    canvas_id: i % 3 === 0 ? `6${hex(1000 + (i % 7), 23)}` : null,
    canvas_step_api_id: i % 3 === 0 ? `step-${i % 4}` : null,
    send_id: null,
    dispatch_id: `dispatch-${Math.floor(i / 250)}`,
    email_address: `customer${i}@example.com`,
    ip_pool: i % 2 ? 'transactional' : 'marketing',
  };
}

/** Avro's snappy codec for avsc's writer: the Snappy block, then the CRC-32 of the input. */
export const WRITER_CODECS = {
  null: (buf: Buffer, cb: (e: Error | null, b?: Buffer) => void) => cb(null, buf),
  deflate: (buf: Buffer, cb: (e: Error | null, b?: Buffer) => void) => cb(null, deflateRawSync(buf)),
  snappy: (buf: Buffer, cb: (e: Error | null, b?: Buffer) => void) => {
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(buf) >>> 0);
    cb(null, Buffer.concat([Buffer.from(compress(buf)), crc]));
  },
};

/** An Avro object container file holding `records`, written by avsc's BlockEncoder. */
export function writeAvro(schema: object, records: Iterable<unknown>, codec: 'null' | 'deflate' | 'snappy' = 'null', blockSize = 16 * 1024): Promise<Buffer> {
  const encoder = new avro.streams.BlockEncoder(avro.Type.forSchema(schema as avro.Schema), { codec, codecs: WRITER_CODECS as never, blockSize });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  encoder.pipe(out);
  return new Promise((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    encoder.on('error', reject);
    for (const r of records) encoder.write(r);
    encoder.end();
  });
}

export function* emailSends(n: number): Generator<Record<string, unknown>> {
  for (let i = 0; i < n; i++) yield emailSend(i);
}

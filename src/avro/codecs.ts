// The block codecs of the Avro container format: null, deflate (raw DEFLATE, RFC 1951) and snappy
// (a Snappy block followed by the big-endian CRC-32 of the uncompressed bytes).
import { crc32, inflateRawSync } from 'node:zlib';
import { uncompress } from 'snappyjs';

export const SUPPORTED_CODECS = ['null', 'deflate', 'snappy'] as const;

export class CodecError extends Error {
  constructor(readonly reason: 'crc' | 'decompress', message: string) {
    super(message);
  }
}

export function isSupportedCodec(codec: string): boolean {
  return (SUPPORTED_CODECS as readonly string[]).includes(codec);
}

/** The block's uncompressed bytes; a CodecError when they cannot be had. */
export function decompress(codec: string, data: Uint8Array, maxBytes: number): Uint8Array {
  if (codec === 'null') return data;
  if (codec === 'deflate') {
    try {
      return inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch (error) {
      throw new CodecError('decompress', (error as Error).message);
    }
  }
  if (codec === 'snappy') {
    if (data.length < 4) throw new CodecError('decompress', 'block shorter than its checksum');
    const body = data.subarray(0, data.length - 4);
    let out: Uint8Array;
    try {
      out = uncompress(body, maxBytes);
    } catch (error) {
      throw new CodecError('decompress', (error as Error).message);
    }
    const tail = data.subarray(data.length - 4);
    const expected = ((tail[0] << 24) | (tail[1] << 16) | (tail[2] << 8) | tail[3]) >>> 0;
    const actual = crc32(out) >>> 0;
    if (actual !== expected) throw new CodecError('crc', `CRC-32 ${hex(actual)} ≠ ${hex(expected)}`);
    return out;
  }
  throw new CodecError('decompress', `unknown codec ${codec}`);
}

/** For writers (tests, bench, demo): compress a block as Avro's snappy codec wants it. */
export function snappyBlock(data: Uint8Array, compress: (d: Uint8Array) => Uint8Array): Uint8Array {
  const body = compress(data);
  const out = new Uint8Array(body.length + 4);
  out.set(body, 0);
  const crc = crc32(data) >>> 0;
  out.set([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff], body.length);
  return out;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

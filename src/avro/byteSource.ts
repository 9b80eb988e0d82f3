// Where the bytes of an Avro file come from: random-access reads, so a page never needs the whole
// file (a local file through a file handle, an S3 object through ranged GETs, a buffer in tests).
import { open } from 'node:fs/promises';

export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer only at the end of the source). */
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
  close?(): Promise<void>;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
  };
}

/** A local file, read through one file handle; close() releases it. */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        const want = Math.max(0, Math.min(length, size - offset));
        const buf = Buffer.allocUnsafe(want);
        let done = 0;
        while (done < want) {
          const { bytesRead } = await handle.read(buf, done, want - done, offset + done);
          if (bytesRead === 0) break; // the file shrank under us: the reader reports a truncation
          done += bytesRead;
        }
        return done === want ? buf : buf.subarray(0, done);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

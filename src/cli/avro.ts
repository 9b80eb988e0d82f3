// `braze-s3 avro FILE|s3://BUCKET/KEY`: the records of a Currents Avro file as JSON lines, read as a
// stream (a local file through a file handle, an S3 object through ranged GETs).
import type { Locale } from '../policy';
import { loadAvro } from '../loadAvro';
import { loadAws } from '../loadAws';
import { FileError } from './files';
import { Parsed, UsageError, defaultLocale, oneOf, str } from './args';

export const AVRO_OPTIONS = { limit: true, schema: false, profile: true, region: true, endpoint: true, lang: true, 'timeout-ms': true };

const TEXT = {
  en: { missing: (f: string) => `cannot read ${f}: no such file`, unreadable: (f: string, why: string) => `cannot read ${f}: ${why}`, broken: (f: string) => `${f} is not a readable Avro file` },
  es: { missing: (f: string) => `no se puede leer ${f}: el archivo no existe`, unreadable: (f: string, why: string) => `no se puede leer ${f}: ${why}`, broken: (f: string) => `${f} no es un archivo Avro legible` },
};

export async function runAvro(parsed: Parsed, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const [target] = parsed.positionals;
  if (!target || parsed.positionals.length > 1) throw new UsageError('avro needs exactly one FILE or s3://BUCKET/KEY');
  const locale: Locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const limitText = str(parsed, 'limit');
  const limit = limitText === undefined ? Infinity : Number(limitText);
  if (!(Number.isInteger(limit) || limit === Infinity) || limit < 0) throw new UsageError('--limit must be a whole number ≥ 0');
  const timeout = str(parsed, 'timeout-ms');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(timeoutMs >= 100 && timeoutMs <= 600_000)) throw new UsageError('--timeout-ms must be between 100 and 600000');
  const avro = loadAvro();
  const t = TEXT[locale];

  let source: Awaited<ReturnType<typeof avro.fileSource>>;
  let dispose = () => {};
  if (target.startsWith('s3://')) {
    const aws = loadAws();
    const where = aws.parseS3Url(target);
    if (!where) throw new UsageError('an S3 location is s3://BUCKET/KEY');
    const clients = aws.createClients({ profile: str(parsed, 'profile'), region: str(parsed, 'region'), endpoint: str(parsed, 'endpoint'), timeoutMs });
    dispose = () => clients.dispose();
    try {
      source = await aws.objectSource(clients.s3, where.bucket, where.key);
    } catch (error) {
      dispose();
      throw new FileError(t.unreadable(target, aws.describeProblem(aws.problemOf(error))));
    }
  } else {
    try {
      source = await avro.fileSource(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new FileError(code === 'ENOENT' ? t.missing(target) : t.unreadable(target, (error as Error).message));
    }
  }
  try {
    const file = await avro.AvroFile.open(source);
    if (!file.header || (file.problem && file.recordsFound === 0 && ['empty', 'notAvro', 'header', 'schema', 'codec'].includes(file.problem.kind))) {
      if (parsed.options.has('schema') && file.header) write(JSON.stringify(file.header.schema, null, 2));
      writeErr(`braze-s3: ${t.broken(target)}: ${avro.problemText(file.problem!, locale, file.header?.codec)}`);
      return 2;
    }
    if (parsed.options.has('schema')) {
      write(JSON.stringify(file.header.schema, null, 2));
      if (limitText === undefined) return 0;
    }
    let n = 0;
    if (limit > 0) {
      for await (const row of file.all()) {
        write(JSON.stringify(row.value));
        if (++n >= limit) break;
      }
    }
    // A problem met before the limit was reached: the records above are all that could be read.
    if (file.problem && n < limit) {
      writeErr(`braze-s3: ${avro.problemText(file.problem, locale, file.header.codec)}`);
      return 1;
    }
    return 0;
  } finally {
    await source.close?.();
    dispose();
  }
}

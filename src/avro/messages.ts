// What the Avro reader's problems say to people, in English and Spanish (the CLI and the viewer).
import { plural } from '../policy';
import type { Locale } from '../policy';
import type { AvroProblem } from './reader';

const num = (locale: Locale, n: number) => n.toLocaleString(locale === 'es' ? 'es' : 'en');

export function problemText(p: AvroProblem, locale: Locale, codec = ''): string {
  const es = locale === 'es';
  const at = num(locale, p.offset);
  const block = (p.block ?? 0) + 1; // people count blocks from 1
  const detail = p.detail ? ` (${p.detail})` : '';
  let what: string;
  switch (p.kind) {
    case 'empty':
      return es ? 'El archivo está vacío (0 bytes): no es un archivo Avro.' : 'The file is empty (0 bytes): not an Avro file.';
    case 'notAvro':
      return es
        ? 'No es un archivo contenedor Avro: no empieza por los bytes mágicos de Avro («Obj» 1).'
        : 'Not an Avro object container file: it does not start with Avro\'s magic bytes ("Obj" 1).';
    case 'header':
      what = es ? `La cabecera Avro no se puede leer (byte ${at})${detail}.` : `The Avro header cannot be read (byte ${at})${detail}.`;
      break;
    case 'schema':
      what = es ? `El esquema del escritor en la cabecera no es válido${detail}.` : `The writer schema in the header is not valid${detail}.`;
      break;
    case 'codec':
      return es
        ? `El códec «${p.detail}» no está soportado (sí lo están null, deflate y snappy).`
        : `Codec "${p.detail}" is not supported (null, deflate and snappy are).`;
    case 'truncated':
      what = p.block === undefined
        ? (es ? `El archivo está truncado: termina en el byte ${at}, dentro de la cabecera.` : `The file is truncated: it ends at byte ${at}, inside the header.`)
        : (es ? `El archivo está truncado: termina en el byte ${at}, dentro del bloque ${block}.` : `The file is truncated: it ends at byte ${at}, inside block ${block}.`);
      break;
    case 'blockHeader':
      what = es
        ? `El bloque ${block} (byte ${at}) tiene una cabecera ilegible (número de registros y tamaño)${detail}.`
        : `Block ${block} (byte ${at}) has an unreadable header (record count and size)${detail}.`;
      break;
    case 'blockTooLarge':
      what = es
        ? `El bloque ${block} (byte ${at}) dice ocupar ${p.detail} bytes: se toma por corrupción.`
        : `Block ${block} (byte ${at}) claims ${p.detail} bytes: taken for corruption.`;
      break;
    case 'sync':
      what = es
        ? `Bloque ${block}: el marcador de sincronización del byte ${at} no coincide con el de la cabecera; el archivo está dañado desde ese bloque.`
        : `Block ${block}: the sync marker at byte ${at} does not match the header's; the file is corrupt from that block on.`;
      break;
    case 'decompress':
      what = es
        ? `El bloque ${block} (byte ${at}) no se puede descomprimir (${codec})${detail}.`
        : `Block ${block} (byte ${at}) cannot be decompressed (${codec})${detail}.`;
      break;
    case 'crc':
      what = es
        ? `El bloque ${block} (byte ${at}) no supera su comprobación CRC-32 de snappy${detail}.`
        : `Block ${block} (byte ${at}) fails its snappy CRC-32 check${detail}.`;
      break;
    case 'record':
      what = es
        ? `Bloque ${block} (byte ${at}): un registro no se puede decodificar con el esquema del escritor${detail}.`
        : `Block ${block} (byte ${at}): a record cannot be decoded with the writer schema${detail}.`;
      break;
  }
  const before = es
    ? plural('es', p.recordsBefore, 'Se leyó # registro antes.', 'Se leyeron # registros antes.')
    : plural('en', p.recordsBefore, '# record before it was read.', '# records before it were read.');
  return `${what} ${before}`;
}

export function recordCount(n: number, locale: Locale): string {
  return locale === 'es' ? plural('es', n, '# registro', '# registros') : plural('en', n, '# record', '# records');
}

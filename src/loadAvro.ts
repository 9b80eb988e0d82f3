// The Avro reader (avsc, snappyjs) is a separate bundle (dist/avro.js) required when the first
// .avro file opens: activation does not parse it. Shared by the extension and the CLI.
import type * as Avro from './avro';

let loaded: typeof Avro | undefined;

export function loadAvro(): typeof Avro {
  // In both bundles this resolves to dist/avro.js (kept external by the build).
  return (loaded ??= require('./avro.js') as typeof Avro);
}

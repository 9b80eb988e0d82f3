// The Avro half, bundled separately (dist/avro.js) and loaded on first use: the viewer and the CLI.
export * from './byteSource';
export * from './codecs';
export * from './reader';
export * from './plain';
export * from './messages';

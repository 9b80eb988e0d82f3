// avsc's schema types alone (its type system and binary decoding): the container format is read
// by reader.ts, and avsc's RPC and file-stream modules stay out of the bundle.
import type { Type as AvscType } from 'avsc';

const types = require('avsc/lib/types') as { Type: typeof AvscType };

export type Type = AvscType;
export const Type = types.Type;

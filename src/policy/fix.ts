// Fixes whose edits are computed on first read: most findings' fixes are never applied.
import type { Fix, TextEdit } from './types';

/**
 * A class getter, not an object-literal `get edits()`: V8 gives every literal getter its own
 * accessor pair in old space, and those kept each analysed document's whole syntax tree alive
 * through young-generation collections (a 10 KB policy's analysis spent a third of its time in
 * the garbage collector).
 */
class LazyFix implements Fix {
  private computed: TextEdit[] | undefined;

  constructor(readonly title: string, private readonly make: () => TextEdit[], readonly safe: boolean) {}

  get edits(): TextEdit[] {
    return (this.computed ??= this.make());
  }
}

export function lazyFix(title: string, make: () => TextEdit[], safe: boolean): Fix {
  return new LazyFix(title, make, safe);
}

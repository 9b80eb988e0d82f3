// Apply every safe fix, one at a time with re-analysis in between, so fixes that touch the same
// list never collide. Bounded: a fix that does not remove its finding cannot loop forever.
import { analyze } from './analyze';
import { applyEdits } from './edits';
import type { AnalyzeOptions, Fix } from './types';

/** A fix "fix all" may apply: safe, and with edits (none when it cannot be made on this text). */
const usable = (x: Fix) => x.safe && x.edits.length > 0;

export function fixAll(text: string, options: AnalyzeOptions = {}, maxRounds = 50): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  const tried = new Set<string>();
  for (let round = 0; round < maxRounds; round++) {
    const findings = analyze(current, options).findings;
    const next = findings.find((f) => f.fixes.some(usable) && !tried.has(`${f.code}@${f.offset}:${current.length}`));
    if (!next) break;
    tried.add(`${next.code}@${next.offset}:${current.length}`);
    const fix = next.fixes.find(usable)!;
    current = applyEdits(current, fix.edits);
    applied.push(next.code);
  }
  return { text: current, applied };
}

// The multi-step input's order of questions, without the UI (unit-tested): which step is asked
// next, Back, and the "step x of n" each question shows. multiStep.ts draws the questions.
export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK | undefined;

export interface StepPosition {
  step: number;
  total: number;
}

/** A question of the wizard; `applies` drops it when earlier answers make it moot. */
export interface WizardStep<S> {
  applies?(state: S): boolean;
  ask(state: S, at: StepPosition): Promise<Answer<true>>;
}

/**
 * Runs the steps in order; Back re-asks the previous applicable one. Undefined when cancelled.
 * `fixedTotal`: "step x of n" counts every step the wizard may ask, so n never changes as answers
 * come in (a step made moot by an answer is passed over: the count moves on by two).
 */
export async function runWizard<S>(steps: WizardStep<S>[], state: S, options: { fixedTotal?: boolean } = {}): Promise<S | undefined> {
  const history: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const applicable = steps.map((s, k) => ({ s, k })).filter(({ s }) => !s.applies || s.applies(state));
    const current = applicable.findIndex(({ k }) => k === i);
    if (current < 0) {
      i++;
      continue;
    }
    const at = options.fixedTotal ? { step: i + 1, total: steps.length } : { step: current + 1, total: applicable.length };
    const answer = await steps[i].ask(state, at);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      const previous = history.pop();
      if (previous !== undefined) i = previous;
      continue;
    }
    history.push(i);
    i++;
  }
  return state;
}


// The order and numbering of a multi-step input (no vscode import; multiStep.ts shows the steps).
// "Step x of n" is fixed from the start: n counts every question that may still apply, a question
// that a later answer rules out keeps its number unused (Dashboard export: 1/4, then 3/4, no
// folder), and a follow-up (typing a key after choosing to type one) shares the number of the
// question it follows. So the total never changes while the person answers.

export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK | undefined;

export interface StepPosition {
  step: number;
  total: number;
  /** An earlier question can be gone back to (the Back button). */
  canGoBack?: boolean;
}

/** A question of the wizard. */
export interface WizardStep<S> {
  /**
   * False when earlier answers make the question moot. It must hold while those answers are still
   * missing (`st.integration !== 'dashboard'`, not `=== 'currents'`): the total is counted from
   * it once, at the start.
   */
  applies?(state: S): boolean;
  /** A follow-up of the previous question: not counted in the total, shown with that question's number. */
  followUp?: boolean;
  ask(state: S, at: StepPosition): Promise<Answer<true>>;
}

/** Each step's number and the total, from the state at the start. */
export function stepNumbers<S>(steps: WizardStep<S>[], state: S): { numbers: number[]; total: number } {
  let n = 0;
  const numbers = steps.map((s) => {
    if (!s.followUp && (!s.applies || s.applies(state))) n++;
    return Math.max(n, 1);
  });
  return { numbers, total: Math.max(n, 1) };
}

/** Runs the steps in order; Back re-asks the previous applicable one. Undefined when cancelled. */
export async function runWizard<S>(steps: WizardStep<S>[], state: S): Promise<S | undefined> {
  const { numbers, total } = stepNumbers(steps, state);
  const history: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (step.applies && !step.applies(state)) {
      i++;
      continue;
    }
    const answer = await step.ask(state, { step: numbers[i], total: Math.max(total, numbers[i]), canGoBack: history.length > 0 });
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

// The multi-step input's "step x of n": with fixedTotal (New Braze export setup), n never changes
// as answers make later questions moot; Back returns to the previous question.
import assert from 'node:assert/strict';
import { Answer, BACK, StepPosition, WizardStep, runWizard } from '../../src/views/wizard';

interface S {
  integration?: string;
  auth?: string;
}

/** Steps that answer from a script and record the position each was shown with. */
function scripted(answers: (Answer<true> | ((s: S) => Answer<true>))[]) {
  const shown: string[] = [];
  let i = 0;
  const step = (name: string, applies?: (s: S) => boolean): WizardStep<S> => ({
    applies,
    ask: async (s, at: StepPosition) => {
      shown.push(`${name} ${at.step}/${at.total}`);
      const a = answers[i++];
      return typeof a === 'function' ? a(s) : a;
    },
  });
  const steps = [
    step('integration'),
    step('auth'),
    step('folder', (s) => s.integration === 'currents'),
    step('account', (s) => s.auth === 'role-arn'),
    step('externalId', (s) => s.auth === 'role-arn'),
  ];
  return { steps, shown };
}

describe('multi-step input: step x of n', () => {
  it('fixedTotal: the total is the same on every question, whatever the answers make moot', async () => {
    const { steps, shown } = scripted([(s) => ((s.integration = 'dashboard'), true), (s) => ((s.auth = 'role-arn'), true), true, true]);
    assert.ok(await runWizard(steps, {}, { fixedTotal: true }));
    assert.deepEqual(shown, ['integration 1/5', 'auth 2/5', 'account 4/5', 'externalId 5/5']);
  });

  it('without it, the total follows the answers (the live checks\' questions)', async () => {
    const { steps, shown } = scripted([(s) => ((s.integration = 'currents'), true), (s) => ((s.auth = 'role-arn'), true), true, true, true]);
    assert.ok(await runWizard(steps, {}));
    assert.deepEqual(shown, ['integration 1/2', 'auth 2/3', 'folder 3/5', 'account 4/5', 'externalId 5/5']);
  });

  it('Back re-asks the previous question; cancel ends with undefined', async () => {
    const { steps, shown } = scripted([(s) => ((s.integration = 'currents'), true), BACK, (s) => ((s.integration = 'currents'), true), (s) => ((s.auth = 'secret-key'), true), undefined]);
    assert.equal(await runWizard(steps, {}, { fixedTotal: true }), undefined);
    assert.deepEqual(shown, ['integration 1/5', 'auth 2/5', 'integration 1/5', 'auth 2/5', 'folder 3/5']);
  });
});

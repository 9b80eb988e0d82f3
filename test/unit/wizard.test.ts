import assert from 'node:assert/strict';
import { BACK, StepPosition, WizardStep, runWizard } from '../../src/views/wizard';

interface State { integration?: 'currents' | 'dashboard'; credentials?: 'profile' | 'type' }

/** The questions of Test credentials with the bucket given (src/views/liveInputs.ts), answered from a script. */
function testCredentialsSteps(script: Record<string, (string | typeof BACK)[]>, seen: string[]): WizardStep<State>[] {
  const step = (name: string, extra: Partial<WizardStep<State>> = {}, set?: (st: State, a: string) => void): WizardStep<State> => ({
    ...extra,
    ask: async (st: State, at: StepPosition) => {
      seen.push(`${name} ${at.step}/${at.total}${at.canGoBack ? ' back' : ''}`);
      const a = script[name].shift();
      assert.ok(a !== undefined, `no answer left for ${name}`);
      if (a === BACK) return BACK;
      set?.(st, a);
      return true;
    },
  });
  const typing = (st: State) => st.credentials === 'type';
  return [
    step('integration', {}, (st, a) => (st.integration = a as State['integration'])),
    step('folder', { applies: (st) => st.integration !== 'dashboard' }),
    step('sse'),
    step('credentials', {}, (st, a) => (st.credentials = a as State['credentials'])),
    step('key id', { applies: typing, followUp: true }),
    step('secret', { applies: typing, followUp: true }),
    step('remember', { applies: typing, followUp: true }),
  ];
}

describe('multi-step input: "step x of n" is fixed from the start (src/views/wizard.ts)', () => {
  it('choosing Currents after Dashboard export (Back) never changes the total; the folder keeps its number', async () => {
    const seen: string[] = [];
    const steps = testCredentialsSteps({ integration: ['dashboard', 'currents'], folder: ['currents'], sse: [BACK, 'no'], credentials: ['profile'] }, seen);
    assert.ok(await runWizard(steps, {}));
    assert.deepEqual(seen, ['integration 1/4', 'sse 3/4 back', 'integration 1/4', 'folder 2/4 back', 'sse 3/4 back', 'credentials 4/4 back']);
  });

  it('typing a key: its questions are follow-ups of "which credentials" (4/4), not new steps', async () => {
    const seen: string[] = [];
    const steps = testCredentialsSteps({ integration: ['currents'], folder: ['currents'], sse: ['no'], credentials: ['type'], 'key id': ['AKIA'], secret: ['s'], remember: ['no'] }, seen);
    assert.ok(await runWizard(steps, {}));
    assert.deepEqual(seen, ['integration 1/4', 'folder 2/4 back', 'sse 3/4 back', 'credentials 4/4 back', 'key id 4/4 back', 'secret 4/4 back', 'remember 4/4 back']);
  });

  it('an answer given before the wizard starts is taken into the count (Dashboard export given: 2 steps, no folder)', async () => {
    const seen: string[] = [];
    const steps = testCredentialsSteps({ folder: [], sse: ['no'], credentials: ['profile'] }, seen).slice(1);
    assert.ok(await runWizard(steps, { integration: 'dashboard' }));
    assert.deepEqual(seen, ['sse 1/2', 'credentials 2/2 back']);
  });
});

// VS Code's multi-step input pattern: one quick input after another with "step x of n" (fixed
// from the start: wizard.ts), a Back button that returns to the previous question with its answer
// kept, and Escape to cancel.
import * as vscode from 'vscode';

import { Answer, BACK, StepPosition } from './wizard';

export { BACK, runWizard } from './wizard';
export type { Answer, StepPosition, WizardStep } from './wizard';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/**
 * One quick pick of the wizard; `active` is the answer given before (kept when going back).
 * `typed` receives the text typed into the filter when an item is accepted; `refresh` may replace
 * the items while the pick is open (facts that arrive late), `busy` showing until it resolves.
 */
export function pickStep<T>(title: string, at: StepPosition, items: PickItem<T>[], options: { active?: T; placeholder?: string; typed?: { value: string }; refresh?: (set: (items: PickItem<T>[]) => void) => Promise<void> } = {}): Promise<Answer<PickItem<T>>> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    qp.title = title;
    qp.step = at.step;
    qp.totalSteps = at.total;
    qp.placeholder = options.placeholder;
    qp.ignoreFocusOut = true;
    qp.items = items;
    const active = items.find((it) => it.value === options.active);
    if (active) qp.activeItems = [active];
    qp.buttons = (at.canGoBack ?? at.step > 1) ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (a: Answer<PickItem<T>>) => {
      if (done) return;
      done = true;
      resolve(a);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      if (options.typed) options.typed.value = qp.value.trim();
      finish(qp.selectedItems[0] ?? qp.activeItems[0]);
    });
    if (options.refresh) {
      qp.busy = true;
      options.refresh((next) => {
        if (done) return;
        const keep = qp.activeItems[0]?.value;
        qp.items = next;
        const again = next.find((it) => it.value === keep);
        if (again) qp.activeItems = [again];
      }).finally(() => {
        if (!done) qp.busy = false;
      });
    }
    qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

/** One input box of the wizard, validated as the person types. */
export function inputStep(title: string, at: StepPosition, options: { value?: string; prompt?: string; password?: boolean; validate?: (v: string) => string | undefined }): Promise<Answer<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.step = at.step;
    box.totalSteps = at.total;
    box.value = options.value ?? '';
    box.prompt = options.prompt;
    box.password = !!options.password;
    box.ignoreFocusOut = true;
    box.buttons = (at.canGoBack ?? at.step > 1) ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (a: Answer<string>) => {
      if (done) return;
      done = true;
      resolve(a);
      box.dispose();
    };
    const check = (v: string) => (box.validationMessage = options.validate?.(v.trim()));
    check(box.value);
    box.onDidChangeValue(check);
    box.onDidAccept(() => {
      if (!options.validate?.(box.value.trim())) finish(box.value.trim());
    });
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

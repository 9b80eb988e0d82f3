// The hand-over step of "Rotate access key…" (no vscode import: the dialog and the texts are
// passed in, so the tests can drive it). The new key's modal holds only safe choices (copy,
// remember, done); cancelling the rotation, which deletes the new key, is a separate, labelled
// confirmation that Escape never answers with "delete".

export interface DialogItem {
  title: string;
  /** The button Escape stands for (VS Code then shows no Cancel button of its own). */
  isCloseAffordance?: boolean;
}

export type ModalDialog = (kind: 'info' | 'warning', message: string, detail: string, items: DialogItem[]) => PromiseLike<DialogItem | undefined>;

export interface HandOverTexts {
  title: string;
  detail: string;
  copyId: string;
  copySecret: string;
  remember: string;
  done: string;
  /** Opens the confirmation: "Cancel rotation…". */
  cancel: string;
  confirmTitle: string;
  confirmDetail: string;
  /** The destructive answer: "Cancel rotation (delete the new key)". */
  confirmDelete: string;
  back: string;
}

export interface HandOverActions {
  copyId(): PromiseLike<void>;
  copySecret(): PromiseLike<void>;
  remember(): PromiseLike<void>;
}

/** True when the person says the partner uses the new key; false only after confirming the cancellation. */
export async function handOverNewKey(modal: ModalDialog, t: HandOverTexts, act: HandOverActions): Promise<boolean> {
  const copyId = { title: t.copyId };
  const copySecret = { title: t.copySecret };
  const remember = { title: t.remember };
  const done = { title: t.done };
  const cancel = { title: t.cancel, isCloseAffordance: true };
  const confirmDelete = { title: t.confirmDelete };
  const back = { title: t.back, isCloseAffordance: true };
  for (;;) {
    const answer = await modal('info', t.title, t.detail, [copyId, copySecret, remember, done, cancel]);
    if (answer === copyId) await act.copyId();
    else if (answer === copySecret) await act.copySecret();
    else if (answer === remember) await act.remember();
    else if (answer === done) return true;
    else if ((await modal('warning', t.confirmTitle, t.confirmDetail, [confirmDelete, back])) === confirmDelete) return false;
  }
}

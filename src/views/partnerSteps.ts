// The questions every Braze export setup asks, whether it is written as a file (New Braze export
// setup…) or deployed into the account (Set up the export in this account…): how the partner
// authenticates, the Currents folder, and the partner's account ID and external ID for a role.
import * as vscode from 'vscode';
import { folderProblemText } from '../editor/prompts';
import { BACK, WizardStep, inputStep, pickStep } from './multiStep';

export interface PartnerAnswers {
  integration?: string;
  auth?: 'role-arn' | 'secret-key';
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
}

/** Role or key; `keyDescription` says what the key method makes in this flow. */
export function authStep<S extends PartnerAnswers>(keyDescription: string): WizardStep<S> {
  return {
    ask: async (st, at) => {
      const a = await pickStep(vscode.l10n.t('How will the partner authenticate?'), at, [
        { label: vscode.l10n.t('AWS role ARN'), description: vscode.l10n.t('a role trusting the partner account, with an external ID'), value: 'role-arn' as const },
        { label: vscode.l10n.t('AWS secret access key'), description: keyDescription, value: 'secret-key' as const },
      ], { active: st.auth });
      if (a === BACK || a === undefined) return a;
      st.auth = a.value;
      return true;
    },
  };
}

/** The folder Currents writes under (the dashboard export writes at the bucket root: skipped). */
export function folderStep<S extends PartnerAnswers>(defaultFolder: () => string | undefined): WizardStep<S> {
  return {
    applies: (st) => st.integration !== 'dashboard', // true while unanswered: counted in the fixed total
    ask: async (st, at) => {
      const a = await inputStep(vscode.l10n.t('Folder path'), at, { value: st.folder ?? defaultFolder() ?? 'currents', prompt: vscode.l10n.t('The folder the connector writes under (Currents default: currents)'), validate: folderProblemText });
      if (a === BACK || a === undefined) return a;
      st.folder = a.replace(/^\/+|\/+$/g, '');
      return true;
    },
  };
}

export function partnerAccountStep<S extends PartnerAnswers>(): WizardStep<S> {
  return {
    applies: (st) => st.auth !== 'secret-key',
    ask: async (st, at) => {
      const a = await inputStep(vscode.l10n.t('Partner AWS account ID'), at, { value: st.partnerAccountId, prompt: vscode.l10n.t('The account ID shown by the partner dashboard (12 digits)'), validate: (v) => (/^\d{12}$/.test(v) ? undefined : vscode.l10n.t('An AWS account ID has exactly 12 digits.')) });
      if (a === BACK || a === undefined) return a;
      st.partnerAccountId = a;
      return true;
    },
  };
}

export function externalIdStep<S extends PartnerAnswers>(): WizardStep<S> {
  return {
    applies: (st) => st.auth !== 'secret-key',
    ask: async (st, at) => {
      const a = await inputStep(vscode.l10n.t('External ID'), at, { value: st.externalId, prompt: vscode.l10n.t('The external ID shown by the partner dashboard'), validate: (v) => (/^[\w+=,.@:/-]{2,1224}$/.test(v) ? undefined : vscode.l10n.t('2 to 1,224 characters: letters, digits and +=,.@:/-')) });
      if (a === BACK || a === undefined) return a;
      st.externalId = a;
      return true;
    },
  };
}

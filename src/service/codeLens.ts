// What each policy document is checked as and why, never silent, on its "Statement" (JSON) or its
// first line (Terraform, CloudFormation), with commands to switch it (run by the client: the
// choice is kept in its workspace state).
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { AnalysisResult } from '../policy';
import type { DocumentAnalysis } from './analysis';
import type { DeclaredKind } from './settings';
import type { L10n, Position, ServiceCodeLens } from './types';

export const SET_INTEGRATION_COMMAND = 'brazeS3.setIntegration';

export function integrationLabel(kind: DeclaredKind, l10n: L10n): string {
  switch (kind) {
    case 'currents': return 'Currents';
    case 'dashboard': return l10n.t('Dashboard data export');
    case 'trust': return l10n.t('Partner role trust policy');
    case 'none': return l10n.t('General IAM policy (Braze checks off)');
    default: return l10n.t('Infer from the policy');
  }
}

/**
 * The lenses of a document. `target(name)` is what a choice applies to: the file, or for a
 * document inside a Terraform or CloudFormation file, the file with the document's name (its
 * choice is its own); the client turns it into its own URI type.
 */
export function codeLenses<T>(text: string, positionAt: (offset: number) => Position, analysis: DocumentAnalysis, target: (documentName?: string) => T, l10n: L10n): ServiceCodeLens[] {
  if (analysis.documents) {
    return analysis.documents.flatMap((d) => {
      const at = positionAt(d.span.offset);
      return purposeLenses({ start: at, end: at }, target(d.name), d.result, l10n, d.name);
    });
  }
  const root = parseTree(text);
  const statement = root && findNodeAtLocation(root, ['Statement'])?.parent;
  const at = statement ? positionAt(statement.offset) : { line: 0, character: 0 };
  return purposeLenses({ start: at, end: at }, target(), analysis.result, l10n);
}

function purposeLenses(range: ServiceCodeLens['range'], target: unknown, result: AnalysisResult, l10n: L10n, name?: string): ServiceCodeLens[] {
  const { purpose } = result;
  const why = purpose.declared ? l10n.t('declared') : purpose.reason;
  const prefix = name ? `${name}: ` : '';
  const choose = { command: SET_INTEGRATION_COMMAND, arguments: [target], tooltip: prefix + l10n.t('Choose what this policy is for') };
  const lens = (title: string, command: ServiceCodeLens['command'] = { ...choose, title }) => ({ range, command: { ...command, title } });
  if (purpose.id === 'general') {
    const checkAs = (title: string, kind: DeclaredKind) => lens(title, { title, command: SET_INTEGRATION_COMMAND, arguments: [target, kind] });
    if (purpose.suggested && !purpose.declared) {
      // The export's shape without a Braze signal: offered, never checked as one unasked.
      const looks = purpose.suggested === 'currents' ? l10n.t('Looks like a Braze Currents export policy') : l10n.t('Looks like a Braze dashboard export policy');
      return [
        lens(looks, { ...choose, title: looks, tooltip: prefix + why }),
        checkAs(purpose.suggested === 'currents' ? l10n.t('Check as Currents') : l10n.t('Check as dashboard export'), purpose.suggested),
        checkAs(l10n.t('Not a Braze policy'), 'none'),
      ];
    }
    const generalTitle = l10n.t('General IAM policy: Braze export checks off');
    const general = lens(generalTitle, { ...choose, title: generalTitle, tooltip: prefix + why });
    return result.kind === 'trust'
      ? [general, checkAs(l10n.t('Check as the partner role trust policy'), 'trust')]
      : [general, checkAs(l10n.t('Check as Currents'), 'currents'), checkAs(l10n.t('Check as dashboard export'), 'dashboard')];
  }
  const title = purpose.id === 'trust'
    ? l10n.t('Braze S3: partner role trust policy ({0})', why)
    : l10n.t('Braze S3: checked as {0} ({1})', integrationLabel(purpose.id, l10n), why);
  return [lens(title)];
}

// The stack's template for a set of answers, from the one template source (the same generator as
// "New Braze export setup"), checked with the product's own engine before it is used: a template
// the checker flags is never deployed.
import { cloudFormationSetup } from '../../formats/setupTemplates';
import { allFindings, analyzeFile } from '../../routing/analyzeFile';
import type { IntegrationId, Locale } from '../../policy';
import { ResolvedNames, SetupAnswers, currentsFolderOf, defaultNames, integrationsOf } from './answers';

export const TEMPLATE_NAME = 'braze-export-setup.template.yaml';

/** A policy or trust document of the template, as the engine read it (parameters resolved). */
export interface PlannedDocument {
  /** `BrazeExportRole.AssumeRolePolicyDocument`, `BrazeCurrentsPolicy.PolicyDocument`… */
  name: string;
  kind: 'trust' | IntegrationId;
  json: string;
}

export interface SetupPlan {
  answers: SetupAnswers;
  names: ResolvedNames;
  integrations: IntegrationId[];
  folder?: string;
  templateBody: string;
  documents: PlannedDocument[];
}

export class TemplateCheckError extends Error {
  constructor(readonly findings: string[]) {
    super(`the generated template does not check clean: ${findings.join('; ')}`);
  }
}

export function planSetup(answers: SetupAnswers, locale: Locale = 'en'): SetupPlan {
  const integrations = integrationsOf(answers.integration);
  const names = defaultNames(answers);
  const folder = currentsFolderOf(answers);
  const templateBody = cloudFormationSetup({
    integration: integrations[0], integrations, auth: answers.auth, bucket: answers.bucket, existingBucket: answers.existingBucket,
    folder, partnerAccountId: answers.partnerAccountId, externalId: answers.externalId, names,
  });
  const report = analyzeFile(templateBody, TEMPLATE_NAME, { locale, folder, partnerAccountId: answers.partnerAccountId, externalId: answers.externalId });
  const problems = report ? allFindings(report).filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`) : ['the template could not be read'];
  if (problems.length) throw new TemplateCheckError(problems);
  const documents: PlannedDocument[] = (report?.documents ?? []).map((d) => {
    const id = d.result.purpose.id;
    const json = d.projection ? JSON.stringify(JSON.parse(d.projection.json), null, 2) : '';
    return { name: d.name, kind: id === 'currents' || id === 'dashboard' ? id : 'trust', json };
  });
  return { answers, names, integrations, folder, templateBody, documents };
}

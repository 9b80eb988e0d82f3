// The SARIF rule catalogue (runs[0].tool.driver.rules), one entry per registered code in the
// registry's order (results point at it by ruleIndex).
import { RULE_CODES } from '../../policy';
// The rule documentation is the engine's second entry point (kept apart: only the CLI's SARIF needs it).
import { RULE_DOCS, severityText } from '../../policy/ruleDocs';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarifLevel(severity: keyof typeof SARIF_LEVEL): (typeof SARIF_LEVEL)[keyof typeof SARIF_LEVEL] {
  return SARIF_LEVEL[severity];
}

/** `docsUri` is the English rules document; each rule links to its section there. */
export function sarifRules(docsUri: string) {
  return RULE_CODES.map((code) => {
    const d = RULE_DOCS[code];
    return {
      id: code,
      shortDescription: { text: d.summary.en },
      fullDescription: { text: `${d.summary.en} Default severity: ${severityText(code, 'en')}.` },
      defaultConfiguration: { level: SARIF_LEVEL[d.severity] },
      helpUri: `${docsUri}#${code}`,
      help: { text: d.fix.en },
      properties: { purposes: [...d.purposes], unknownValues: d.unknownValues, fixSafety: d.fixSafety },
    };
  });
}

// Which open documents go to the language server: JSON (the server tells a policy from other JSON,
// src/service/documentFormat.ts), Terraform and YAML.
import { POLICY_LANGUAGES } from '../service';

/**
 * VS Code has no built-in Terraform language: this extension contributes `terraform` for .tf
 * (syntaxes/, a minimal grammar), as HashiCorp's extension does; `hcl` and the path cover others.
 */
export const TEMPLATE_SELECTOR = [{ language: 'terraform' }, { language: 'hcl' }, { pattern: '**/*.tf' }, { language: 'yaml' }, { pattern: '**/*.template' }];

/** The language client's document selector (plain filters: VS Code's and LSP's alike). */
export const POLICY_SELECTOR: ({ language: string } | { pattern: string })[] = [...POLICY_LANGUAGES.map((language) => ({ language })), ...TEMPLATE_SELECTOR];

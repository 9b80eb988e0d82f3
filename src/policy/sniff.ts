// Which JSON texts are IAM policy documents, for the editor (open documents, workspace scan) and
// the CLI (folders): a root object whose first keys are Version/Id then Statement or Version, or
// a "Statement" key near the top. Never package.json, tsconfig.json & co.

export const NEVER_POLICY_FILE = /(^|[\\/])(package(-lock)?\.json|tsconfig(\.[\w-]+)?\.json|jsconfig\.json|\.eslintrc(\.json)?|composer\.json|launch\.json|tasks\.json|settings\.json|extensions\.json|\.babelrc|lerna\.json|angular\.json|renovate\.json)$/i;

/** Only the head of a document is sniffed: policies put Version/Statement near the top. */
export const SNIFF_CHARS = 64 * 1024;
const ROOT_KEY = /^\s*\{\s*(?:"(?:Version|Id)"\s*:\s*"[^"]*"\s*,\s*)*"(?:Statement|Version)"\s*:/;
const STATEMENT_NEAR_TOP = /^\s*\{[\s\S]{0,2000}"Statement"\s*:/;

export function looksLikePolicy(head: string): boolean {
  const text = head.length > SNIFF_CHARS ? head.slice(0, SNIFF_CHARS) : head;
  return ROOT_KEY.test(text) || STATEMENT_NEAR_TOP.test(text);
}

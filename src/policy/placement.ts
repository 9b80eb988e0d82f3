// Where a template may go in an open document without breaking it: an empty document takes it
// whole; a policy takes the template's statements it lacks, appended to its Statement array;
// other JSON is never edited in place (the caller offers a new file or replacing everything).
import { Edit, FormattingOptions, ParseError, modify, parse } from 'jsonc-parser';

export type DocumentShape = 'empty' | 'policy' | 'json' | 'text';

/**
 * `policy`: a JSON object with a Statement; `json`: any other JSON, or a JSON-language document
 * that does not parse (a half-written policy must not get a second one pasted inside it);
 * `text`: a non-JSON document (Markdown, plain text), where inserting at the cursor is harmless.
 */
export function documentShape(text: string, jsonLanguage: boolean): DocumentShape {
  if (text.trim() === '') return 'empty';
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0 && value && typeof value === 'object' && !Array.isArray(value) && 'Statement' in value) return 'policy';
  if (jsonLanguage || errors.length === 0) return 'json';
  return 'text';
}

/** Key order does not matter in IAM: compare statements by their sorted-key form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function statementsOf(policy: unknown): unknown[] {
  const s = (policy as { Statement?: unknown })?.Statement;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

/** The template's statements that the document does not already hold (compared as values). */
export function missingStatements(documentText: string, templateText: string): unknown[] {
  const have = new Set(statementsOf(parse(documentText)).map(canonical));
  return statementsOf(parse(templateText)).filter((s) => !have.has(canonical(s)));
}

/**
 * Edits that append `statements` to the document's Statement (a single statement object becomes
 * an array holding it first), formatted like the document.
 */
export function appendStatements(documentText: string, statements: unknown[], formatting: FormattingOptions): Edit[] {
  const options = { formattingOptions: formatting };
  const current = (parse(documentText) as { Statement?: unknown }).Statement;
  if (!Array.isArray(current)) return modify(documentText, ['Statement'], [...(current === undefined ? [] : [current]), ...statements], options);
  let text = documentText;
  // Each insertion is computed on the text the previous one produced.
  for (const s of statements) text = applyEditsTo(text, modify(text, ['Statement', -1], s, { ...options, isArrayInsertion: true }));
  return text === documentText ? [] : [minimalEdit(documentText, text)];
}

/** One edit covering only what changed (the cursor and the undo step stay where they belong). */
function minimalEdit(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

function applyEditsTo(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

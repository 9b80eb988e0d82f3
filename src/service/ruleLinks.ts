// Where each rule's section starts in docs/rules.md (or rules.es.md): its `## code` heading line,
// 1-based (editors open `#L<line>`).
export function ruleHeadingLines(markdown: string): Map<string, number> {
  const lines = new Map<string, number>();
  markdown.split('\n').forEach((l, i) => {
    if (l.startsWith('## ')) lines.set(l.slice(3).trim(), i + 1);
  });
  return lines;
}

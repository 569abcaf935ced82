import MarkdownIt from 'markdown-it';

// Cell summaries and memos are Markdown limited to what a table cell needs: bold, italics, lists, links.
const md = new MarkdownIt('zero').enable(['emphasis', 'list', 'link', 'newline', 'paragraph', 'escape', 'backticks']);

/** The plain text of a summary: formatting dropped, list items kept as "• item", paragraphs joined by spaces. */
export function markdownToPlainText(source: string): string {
  const parts: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === 'list_item_open') parts.push('• ');
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
      else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
    }
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

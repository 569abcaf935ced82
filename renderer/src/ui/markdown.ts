/**
 * Cell summaries are stored as Markdown and shown through markdown-it with raw HTML off and only four rules on:
 * emphasis, lists, links and line breaks. Nothing a summary contains can become markup of its own; links open in
 * the system browser (Electron refuses to navigate the window), never inside the app.
 */
import MarkdownIt, { type MarkdownIt as Md } from 'markdown-it';

const RULES = ['emphasis', 'list', 'link', 'newline'];

function base(): Md {
  const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: true });
  md.enable(RULES);
  // Web and mail addresses only: no javascript:, data:, file: or relative links that would load in the window.
  md.validateLink = (url) => /^(https?:\/\/|mailto:)/i.test(url.trim());
  return md;
}

const full = base();
full.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noreferrer');
  return self.renderToken(tokens, idx, options);
};

/** In the matrix a link is only styled text: a grid cell is clicked to select it, not to follow a link. */
const inline = base();
inline.renderer.rules.link_open = () => '<span class="md-link">';
inline.renderer.rules.link_close = () => '</span>';

export function renderSummary(markdown: string): string {
  return full.render(markdown);
}

/** The first non-empty line of a summary, without its list marker, rendered inline for a matrix cell. */
export function renderFirstLine(markdown: string): string {
  const line = markdown.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return inline.renderInline(line.trim().replace(/^([-*+]|\d+[.)])\s+/, ''));
}

/** The summary as plain text (for a tooltip): Markdown markers dropped, link targets kept in brackets. */
export function summaryText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .trim();
}

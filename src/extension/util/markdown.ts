// Text from a file or the service into hover markdown, so that nothing in it can leave its place: no
// code span closed early, no blank line starting a new block, no link, image, HTML or theme icon, and
// no control or bidi character (shown as a visible \u escape, as the CLI shows them).
import { escapeControls } from '../../core/text/safe-text';

/** Inline code that survives backticks inside the text; line breaks become visible escapes, so it stays one span. */
export function inlineCode(text: string): string {
  const safe = escapeControls(text);
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe === '' ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** Markdown's punctuation, `$` (theme icons) and `&` (entities), each taken literally. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~$&]/g;

/**
 * Plain text into markdown. Unlike MarkdownString.appendText this keeps spaces as spaces (appendText
 * turns them into &nbsp;, so long messages would not wrap in a hover). Line breaks stay line breaks
 * (never a blank line: that would end the block).
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text, 'lines').replace(MARKDOWN_SPECIAL, '\\$&').replace(/^=/gm, '\\=').replace(/\t/g, ' ')
    .replace(/\r?\n(?:[ \t]*\r?\n)*/g, '  \n');
}

/** One value on one line (a table cell, a list item): line breaks shown as escapes. */
export function escapeMarkdownLine(text: string): string {
  return escapeControls(text).replace(MARKDOWN_SPECIAL, '\\$&');
}

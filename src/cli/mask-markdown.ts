/**
 * Hides Markdown syntax from the matcher without moving a single character: every markup
 * character becomes a space (newlines are kept), so offsets into the masked text are offsets
 * into the file. Link targets, code and images are hidden too, since a URL's digits or a code
 * sample's words would otherwise be read as claims ("125517" in a babel.ua address).
 */

/** Replaces each character of `s` except newlines with a space. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

export function maskMarkdown(md: string): string {
  let out = md;
  // Fenced code blocks, whole.
  out = out.replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?(?:^\1\2[^\n]*$|(?![\s\S]))/gm, blank);
  // HTML comments and tags written in the Markdown.
  out = out.replace(/<!--[\s\S]*?-->/g, blank);
  out = out.replace(/<\/?[A-Za-z][^<>\n]*>/g, blank);
  // Reference-style link definitions: `[id]: https://...`.
  out = out.replace(/^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$/gm, blank);
  // Images: nothing of them is prose.
  out = out.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, blank);
  // Links: keep the link text, hide the brackets and the target.
  out = out.replace(/\[([^\]\n]*)\](\([^)\n]*\)|\[[^\]\n]*\])/g, (_m, text: string, target: string) => ` ${text} ${blank(target)}`);
  // Autolinks left over as bare URLs.
  out = out.replace(/\bhttps?:\/\/[^\s)>\]]+/g, blank);
  // Inline code.
  out = out.replace(/`+[^`\n]*`+/g, blank);
  // Block markers at the start of a line: headings, quotes, list bullets and numbers, rules.
  out = out.replace(/^([ \t]*)((?:>[ \t]?)+)/gm, (_m, sp: string, q: string) => sp + blank(q));
  out = out.replace(/^([ \t]*)(#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, (_m, sp: string, mark: string) => sp + blank(mark));
  out = out.replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, blank);
  // Trailing heading hashes ("## Title ##").
  out = out.replace(/[ \t]#+[ \t]*$/gm, blank);
  // Emphasis markers next to words: **bold**, *em*, __bold__, _em_, ~~strike~~.
  out = out.replace(/(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)/g, (m, _a: string, _b: string, offset: number, whole: string) => {
    // Underscores inside a word (snake_case) are not emphasis.
    if (m.startsWith('_') && /\w/.test(whole[offset - 1] ?? '') && /\w/.test(whole[offset + m.length] ?? '')) return m;
    return blank(m);
  });
  // Table pipes and separator rows.
  out = out.replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, blank);
  out = out.replace(/\|/g, ' ');
  // Backslash escapes: `\*` stays a star, the backslash goes.
  out = out.replace(/\\(?=[\\`*_{}[\]()#+\-.!|~<>])/g, ' ');
  return out;
}

/**
 * A masked sentence for reading: the spaces left by removed markup collapsed, and none left
 * before punctuation ("On  30 September 2024  , " becomes "On 30 September 2024,").
 */
export function tidyMasked(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)\]’”])/g, '$1')
    .replace(/([(\[‘“]) /g, '$1')
    .trim();
}

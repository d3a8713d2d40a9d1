/**
 * The readable text of an HTML file opened in the side panel: DOMParser (which never runs
 * scripts or loads resources), then the body's textContent without script, style and other
 * non-text elements. Block elements get a line break after them, since textContent would glue
 * "<p>One.</p><p>Two.</p>" into "One.Two." and the two sentences would not be told apart.
 */
const NOT_TEXT = 'script, style, noscript, template, svg, math, iframe, object, canvas, head';
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);

/**
 * Collapses the source's indentation and line breaks: one line per block, whatever the file's
 * own formatting between tags (which textContent would otherwise keep).
 */
export function tidyText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function extractHtmlText(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, 'text/html');
  const body = doc.body;
  if (!body) return '';
  body.querySelectorAll(NOT_TEXT).forEach((el) => el.remove());
  body.querySelectorAll('*').forEach((el) => {
    if (BLOCKS.has(el.tagName.toUpperCase())) el.after(doc.createTextNode('\n'));
  });
  return tidyText(body.textContent ?? '');
}

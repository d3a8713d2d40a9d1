/**
 * The benchmarks' text: on-topic news sentences (the pack's five source bodies, the fixture
 * news page and the demo article, read by the content script's own extraction rules and
 * segmented) and generated pages for the browser (a 2 MB off-topic page, a 0.5 MB on-topic one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentSentences } from '../../src/core/segment';
import type { SentenceSpan } from '../../src/core/types';
import type { FactPack } from '../../src/facts/schema';
import { extractTextFromHtml } from '../../src/page/extract-html-node';
import { rng } from './synthetic-pack';

export const ON_TOPIC_HTML = ['tests/fixtures/pages/belarus-icc-news.html', 'src/demo/news-article.html'];

export interface CorpusText {
  name: string;
  text: string;
}

/** The on-topic texts: source bodies, then the HTML articles' visible prose. */
export function onTopicTexts(pack: FactPack, root = process.cwd()): CorpusText[] {
  const out: CorpusText[] = pack.sources.map((s) => ({ name: `source:${s.id}`, text: s.body }));
  for (const file of ON_TOPIC_HTML) out.push({ name: file, text: extractTextFromHtml(readFileSync(join(root, file), 'utf8')).text });
  return out;
}

/** Every sentence of the on-topic texts (offsets relative to each text). */
export function onTopicSentences(pack: FactPack, root = process.cwd()): SentenceSpan[] {
  return onTopicTexts(pack, root).flatMap((t) => segmentSentences(t.text));
}

/** `sentences` repeated (in order) until there are at least `n`. */
export function repeatTo<T>(items: T[], n: number): T[] {
  if (!items.length) return [];
  const out: T[] = [];
  while (out.length < n) out.push(...items);
  return out;
}

/** The paragraphs of the demo article and the fixture news page, as HTML-free text. */
function articleParagraphs(root: string): string[] {
  const out: string[] = [];
  for (const file of ON_TOPIC_HTML) {
    const html = readFileSync(join(root, file), 'utf8');
    const body = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    for (const m of body.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)) {
      const text = m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
      if (text.length > 40 && !/demo article/i.test(text)) out.push(text);
    }
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CHROME_HEAD = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="article:published_time" content="2025-02-10T08:00:00Z">
<style>
  body { margin: 0; font: 17px/1.55 Georgia, serif; color: #1a1a1a; background: #fbfaf7; }
  header.site, footer.site { background: #13294b; color: #fff; padding: 12px 24px; font-family: Helvetica, Arial, sans-serif; }
  header.site nav a { color: #dbe4f3; margin-right: 14px; text-decoration: none; }
  main { max-width: 720px; margin: 24px auto; padding: 0 24px; }
  h2 { font-size: 22px; margin: 28px 0 6px; }
  aside { font: 14px/1.4 Helvetica, Arial, sans-serif; color: #555; border-top: 1px solid #ddd; margin-top: 24px; }
</style>
</head>
<body>
<header class="site"><strong>The Daily Ledger</strong>
<nav><a href="#">World</a><a href="#">Europe</a><a href="#">Business</a><a href="#">Sport</a><a href="#">Opinion</a></nav>
</header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
`;

const CHROME_FOOT = `</article>
<aside><h3>Most read</h3><ol><li><a href="#">Markets close higher</a></li><li><a href="#">Weekend weather</a></li></ol></aside>
</main>
<footer class="site"><p>© The Daily Ledger</p></footer>
</body>
</html>
`;

/** Variations that keep a sentence checkable: other spellings, hedges, figures and dates. */
const VARIATIONS: [RegExp, string[]][] = [
  [/Lukashenko\b/g, ['Lukashenko', 'Lukashenka', 'Łukašenka']],
  [/Tsikhanouskaya/g, ['Tsikhanouskaya', 'Tikhanovskaya', 'Cichanouskaja']],
  [/\bInternational Criminal Court\b/g, ['International Criminal Court', 'ICC', 'court in The Hague']],
  [/\b900,000\b/g, ['900,000', '300,000', 'about 250,000']],
  [/\bmore than 65,000\b/g, ['more than 65,000', 'over 65,000', 'some 60,000']],
  [/\bOctober 2024\b/g, ['October 2024', 'September 2024', 'November 2024']],
  [/\bfifth term\b/g, ['fifth term', 'sixth term', 'seventh term']],
  [/\bnearly 87%/g, ['nearly 87%', 'about 80%', '87 percent']],
];

const COMMON_FIRST_WORDS = new Set(['The', 'A', 'An', 'It', 'He', 'She', 'They', 'This', 'That', 'These', 'Many', 'Some', 'Its', 'His', 'Her', 'Their', 'In', 'On', 'According', 'After', 'Since', 'Hundreds', 'Officials', 'Opposition', 'Exiled']);

/** Openers a reporter puts before a claim; they make repeated paragraphs new sentences. */
const OPENERS = ['', '', 'On Tuesday, ', 'In a statement, ', 'As reported earlier, ', 'Officials said that ', 'According to reports, ', 'Meanwhile, ', 'Last week, ', 'Separately, ', 'In Vilnius, ', 'At a briefing, ', 'Critics noted that ', 'By then, '];

function vary(paragraph: string, r: () => number): string {
  let out = paragraph;
  for (const [re, options] of VARIATIONS) out = out.replace(re, () => options[Math.floor(r() * options.length)]!);
  // Other figures: "65,000" → a nearby round figure now and then (a page with errors too).
  out = out.replace(/\b\d{1,3}(?:,\d{3})+\b/g, (n) => {
    if (r() > 0.35) return n;
    const v = Number(n.replace(/,/g, ''));
    return Math.round(v * (0.7 + r() * 0.6)).toLocaleString('en-US');
  });
  // Sentence openers, so that the page does not repeat itself word for word.
  out = out.replace(/(^|[.!?]\s+)([A-Z][a-z]*)\b/g, (m, pre: string, word: string) => {
    const opener = OPENERS[Math.floor(r() * OPENERS.length)]!;
    if (!opener) return m;
    return `${pre}${opener}${COMMON_FIRST_WORDS.has(word) ? word.toLowerCase() : word}`;
  });
  return out;
}

/**
 * A long on-topic news page: the demo and fixture article paragraphs and the source bodies'
 * paragraphs, repeated with variations (spellings, figures, dates), under section headings,
 * until the file is `bytes` long.
 */
export function onTopicPage(pack: FactPack, bytes = 512 * 1024, root = process.cwd()): string {
  const r = rng(7);
  const paragraphs = [
    ...articleParagraphs(root),
    ...pack.sources.flatMap((s) => s.body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim())).filter((p) => p.length > 60),
  ];
  let html = CHROME_HEAD('Belarus, Lithuania and the International Criminal Court: a long read');
  const foot = CHROME_FOOT;
  let section = 0;
  let i = 0;
  while (Buffer.byteLength(html) + Buffer.byteLength(foot) < bytes - 2_000) {
    if (i % 12 === 0) html += `<h2>Part ${++section}: the case against Minsk</h2>\n`;
    html += `<p>${escapeHtml(vary(paragraphs[i % paragraphs.length]!, r))}</p>\n`;
    i++;
  }
  return html + foot;
}

const OFF_TOPIC_WORDS = (
  'market share quarterly growth analysts expected revenue company shares investors rose fell percent ' +
  'season match league coach players goal stadium fans weather rain forecast weekend temperatures ' +
  'recipe garden flowers summer travel airport flights museum exhibition concert orchestra film ' +
  'review novel author library school students teachers city council budget transport railway bridge ' +
  'harbour ferry island coast mountain river valley village festival market bakery coffee tea'
).split(' ');

/** A large page with nothing about Belarus or the ICC: many paragraphs of plain prose, lists and a table. */
export function offTopicPage(bytes = 2 * 1024 * 1024): string {
  const r = rng(11);
  const word = () => OFF_TOPIC_WORDS[Math.floor(r() * OFF_TOPIC_WORDS.length)]!;
  const sentence = () => {
    const n = 8 + Math.floor(r() * 14);
    const words = Array.from({ length: n }, word);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    // Typographic quotes, dashes and apostrophes, as news pages have them: they make the page's
    // text a two-byte string, which some regular expressions scan several times slower.
    const k = r();
    if (k < 0.08) words.splice(4, 0, '\u2014');
    else if (k < 0.16) words[2] = `${words[2]!}\u2019s`;
    const body = `${words.join(' ')} ${Math.floor(r() * 10_000)}.`;
    return k > 0.9 ? `\u201c${body}\u201d` : body;
  };
  let html = CHROME_HEAD('Markets, sport and the weekend: the daily digest');
  const foot = CHROME_FOOT;
  let n = 0;
  while (Buffer.byteLength(html) + Buffer.byteLength(foot) < bytes - 4_000) {
    n++;
    if (n % 25 === 0) html += `<h2>${escapeHtml(sentence())}</h2>\n`;
    if (n % 40 === 0) {
      html += '<ul>' + Array.from({ length: 5 }, () => `<li>${escapeHtml(sentence())}</li>`).join('') + '</ul>\n';
    } else if (n % 97 === 0) {
      html += '<table>' + Array.from({ length: 6 }, () => `<tr><td>${word()}</td><td>${Math.floor(r() * 999)}</td><td>${word()}</td></tr>`).join('') + '</table>\n';
    } else {
      html += `<p>${Array.from({ length: 3 + Math.floor(r() * 4) }, sentence).join(' ')}</p>\n`;
    }
  }
  return html + foot;
}

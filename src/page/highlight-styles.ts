/**
 * How findings look. The verdict is carried by the line as well as by colour (solid for agree,
 * wavy for a discrepancy, dotted for related), so it reads without colour vision and in print.
 * The default keeps the site's own text colour and adds only faint tints, so the page's contrast
 * is untouched; `high-contrast` sets dark text on light tints with thick lines for readers who
 * need it; `underline-only` adds no background at all.
 */
import type { Settings } from '../settings';

export type HighlightStyle = Settings['highlightStyle'];

/** [line style, line colour, thickness, background, text colour] per verdict: agree, discrepancy, related. */
type Look = [string, string, string, string?, string?];

const LOOKS: Record<HighlightStyle, [Look, Look, Look]> = {
  // #15803d and #c2410c reach 5:1 against white, so the lines stay visible on light pages.
  default: [
    ['solid', '#15803d', '2px', 'rgb(22 163 74/.13)'],
    ['wavy', '#c2410c', '1.5px', 'rgb(234 88 12/.17)'],
    ['dotted', '#6b7280', '2px'],
  ],
  'high-contrast': [
    ['solid', '#005a24', '3px', '#c9f5d4', '#000'],
    ['wavy', '#a3001b', '2.5px', '#ffd9b3', '#000'],
    ['dotted', '#1f2937', '3px', '#e5e7eb', '#000'],
  ],
  'underline-only': [
    ['solid', '#15803d', '2.5px'],
    ['wavy', '#c2410c', '2px'],
    ['dotted', '#6b7280', '2.5px'],
  ],
};

function rule(name: string, [line, colour, thickness, background, text]: Look): string {
  return (
    `::highlight(${name}){text-decoration:underline ${line} ${colour} ${thickness};text-underline-offset:.2em;text-decoration-skip-ink:none` +
    (background ? `;background-color:${background}` : '') +
    (text ? `;color:${text}` : '') +
    '}'
  );
}

/** The stylesheet text for one highlight style; `focus` is the brief flash on "show me". */
export function highlightCss(style: HighlightStyle, names: { agree: string; discrepancy: string; related: string; focus: string }): string {
  const [agree, discrepancy, related] = LOOKS[style] ?? LOOKS.default;
  const verdicts = `::highlight(${names.agree}),::highlight(${names.discrepancy}),::highlight(${names.related})`;
  return (
    rule(names.agree, agree) +
    rule(names.discrepancy, discrepancy) +
    rule(names.related, related) +
    `::highlight(${names.focus}){background-color:rgb(250 204 21/.6);color:#000}` +
    // Forced colours replace tints with system colours; keep the lines distinguishable.
    `@media (forced-colors:active){${verdicts}{text-decoration-color:CanvasText}::highlight(${names.focus}){background-color:Highlight;color:HighlightText}}`
  );
}

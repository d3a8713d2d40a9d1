/**
 * How findings look. The verdict is carried by the line as well as by colour (solid for agree,
 * wavy for a discrepancy, dotted for related), so it reads without colour vision and in print.
 * The default keeps the site's own text colour and adds only faint tints, so the page's contrast
 * is untouched; `high-contrast` sets dark text on light tints with thick lines for readers who
 * need it; `underline-only` adds no background at all.
 */
import type { Settings } from '../settings';
import { HIGHLIGHT_NAMES, type HighlightLook } from './highlight-names';

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

export { HIGHLIGHT_NAMES };

export const HIGHLIGHT_STYLES = Object.keys(LOOKS) as HighlightStyle[];

/**
 * Each style's rules as a file of the build (wxt.config.ts writes them), which the background
 * registers as content-script CSS at document_start on the granted sites. A `::highlight()` rule
 * added to a page already styled makes Chromium restyle every element: 37 ms on the bench's
 * 0.5 MB page and about 100 ms on a 2 MB one, measured with a forced style read after adoption.
 * Present before the page's first style pass, the same rules cost nothing measurable.
 */
export function highlightStyleFile(style: HighlightStyle): string {
  return `highlights/${LOOKS[style] ? style : 'default'}.css`;
}

/**
 * The discrepancy line's thickness in each style: unique per style, so the page can tell from one
 * computed `::highlight()` style whether the registered file of the reader's style applies.
 */
export function discrepancyThickness(style: HighlightStyle): string {
  return (LOOKS[style] ?? LOOKS.default)[1][2];
}

function rule(name: string, [line, colour, thickness, background, text]: Look, important: string): string {
  return (
    `::highlight(${name}){text-decoration:underline ${line} ${colour} ${thickness}${important};text-underline-offset:.2em${important};text-decoration-skip-ink:none${important}` +
    (background ? `;background-color:${background}${important}` : '') +
    (text ? `;color:${text}${important}` : '') +
    '}'
  );
}

/**
 * The stylesheet text for one highlight style; `focus` is the brief flash on "show me".
 * `important` for the sheet a page adopts when the reader changed style after the page loaded:
 * it must win over the registered file of the style before, whatever the cascade order.
 */
export function highlightCss(
  style: HighlightStyle,
  names: { agree: string; discrepancy: string; related: string; focus: string },
  options: { important?: boolean } = {},
): string {
  const [agree, discrepancy, related] = LOOKS[style] ?? LOOKS.default;
  const imp = options.important ? '!important' : '';
  const verdicts = `::highlight(${names.agree}),::highlight(${names.discrepancy}),::highlight(${names.related})`;
  return (
    rule(names.agree, agree, imp) +
    rule(names.discrepancy, discrepancy, imp) +
    rule(names.related, related, imp) +
    `::highlight(${names.focus}){background-color:rgb(250 204 21/.6)${imp};color:#000${imp}}` +
    // Forced colours replace tints with system colours; keep the lines distinguishable.
    `@media (forced-colors:active){${verdicts}{text-decoration-color:CanvasText${imp}}::highlight(${names.focus}){background-color:Highlight${imp};color:HighlightText${imp}}}`
  );
}

/** The look a page adopts when the registered file is absent or of another style; sent by the background. */
export function highlightLook(style: HighlightStyle): HighlightLook {
  return { css: highlightCss(style, HIGHLIGHT_NAMES, { important: true }), mark: discrepancyThickness(style) };
}

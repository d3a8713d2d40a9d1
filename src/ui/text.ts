/** Small pure helpers for showing text: truncation, dates, languages, plurals. */

/**
 * At most `max` characters (UTF-16 units, never splitting a surrogate pair), cut at a word
 * boundary when one is near, with an ellipsis. Whitespace runs become single spaces.
 */
export function truncate(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const endsAtWord = clean[cut.length] === ' ';
  if (!endsAtWord && lastSpace >= max * 0.6) cut = cut.slice(0, lastSpace);
  // Do not leave half of a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/, '')}\u2026`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-09-30` → "30 September 2024", `2024-09` → "September 2024", `2024` → "2024". */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (mo && !month) return iso;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? iso;
}

/** "be" → "Belarusian (be)"; the bare code when the name is unknown. */
export function languageName(code: string): string {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    const name = names.of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) return `${name} (${code})`;
  } catch {
    // An invalid tag: show it as it is.
  }
  return code;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

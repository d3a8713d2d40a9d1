/**
 * The date a page was published, when it says so in its markup. The matcher uses it for as-of
 * rules: a page dated after a fact's count may rightly give a higher running total.
 */

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD`, or undefined when the page gives no usable date. */
export function findPageDate(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const date = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  const time = doc.querySelector('article time[datetime], main time[datetime], time[itemprop="datePublished"]');
  return isoDay(time?.getAttribute('datetime'));
}

function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? ISO_DAY.exec(value.trim()) : null;
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

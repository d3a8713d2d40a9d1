/**
 * TEMPORARY: topic-gate terms used until `npm run build:pack` writes src/generated/gate-terms.json
 * from the entity names in data/. Lowercase substrings (the gate matches case-insensitively);
 * stems rather than words so that inflected forms ("Lukashenka's", "лукашенко") pass too.
 * Delete this file once the generated list always exists.
 */
export const FALLBACK_GATE_TERMS: readonly string[] = [
  'belarus',
  'belorus',
  'byelorus',
  'minsk',
  'lukashenk',
  'lukaschenk',
  'łukaszenk',
  'лукашэнк',
  'лукашенк',
  'беларус',
  'белорус',
  'international criminal court',
  'icc',
  'rome statute',
  'tsikhanousk',
  'tikhanovsk',
  'cichanoŭsk',
  'ціханоўск',
  'тихановск',
  'latushk',
  'łatušk',
  'латушк',
  'viasna',
  'вясна',
];

/**
 * The single definition of SourceLight's data format. The YAML files in data/, the compiled
 * fact pack and user-imported packs are all validated by these schemas, and the TypeScript
 * types used everywhere are inferred from them, so the format cannot drift from its checks.
 * zod's "mini" build: the same validator with a functional API that bundlers can trim, so the
 * background stays small.
 */
import { z } from 'zod/mini';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens'));

/** ISO date with the precision the source actually gives: `2024`, `2024-09` or `2024-09-30`. */
export const isoDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'));

const text = z.string().check(z.minLength(1));
const texts = () => z._default(z.array(text), []);

export const sourceSchema = z.object({
  id,
  title: text,
  publisher: text,
  /** Date of publication as the vetter established it. */
  published: isoDate,
  /** Address of the original article; a site's home page when the article's own is unknown. */
  url: z.url(),
  /** False when `url` is only the publisher's site, not the article itself. */
  urlIsArticle: z._default(z.boolean(), true),
  language: z.string().check(z.minLength(2)),
  /** What the vetter knows about the source as a whole (dates inferred, chrome removed...). */
  notes: texts(),
  /** The article body, without page chrome. Quotes must occur in it verbatim. */
  body: text,
});

export const entityKinds = [
  'person',
  'country',
  'organisation',
  'court',
  'place',
  'group',
] as const;

export const entitySchema = z.object({
  id,
  kind: z.enum(entityKinds),
  /** The name shown to readers. */
  name: text,
  /** Every spelling to recognise: English variants, Łacinka, Cyrillic, Polish, Lithuanian... */
  aliases: texts(),
  /** Adjectives and demonyms that also point at the entity ("Belarusian", "Lithuanian"). */
  adjectives: texts(),
  /** Short description for cards. */
  description: z.optional(z.string()),
  /**
   * True for names that alone make a text about SourceLight's subject (Belarus, the ICC,
   * Lukashenka...): the topic gate opens on them. Poland or the UN alone does not.
   */
  topic: z._default(z.boolean(), false),
  /**
   * The larger entity this one is part of or lies in: Vilnius in Lithuania, the Office of the
   * Prosecutor in the ICC. "Lives in Vilnius" then agrees with "lives in Lithuania", and "the ICC
   * said" with a statement of its prosecutor.
   */
  within: z.optional(id),
});

/** How a figure is hedged in its source; it decides the range a page figure must fall in. */
export const hedges = [
  'exact', // "65,000", "six"
  'about', // "about", "around", "some", "roughly", "approximately"
  'more-than', // "more than", "over", "at least"
  'less-than', // "fewer than", "under", "less than", "up to"
  'nearly', // "nearly", "almost", "close to"
  'order', // "hundreds of thousands", "tens of thousands", "thousands"
] as const;

const detailBase = {
  /** What the detail is in the claim: "fled", "arrested", "referral date", "term"... */
  role: text,
};

export const detailSchema = z.discriminatedUnion('kind', [
  z.object({
    ...detailBase,
    kind: z.literal('number'),
    value: z.number(),
    /** With hedge `order`, `value` is the magnitude: 100000 for "hundreds of thousands". */
    hedge: z._default(z.enum(hedges), 'exact'),
    /** Nouns or verbs near which the figure counts ("people", "arrested", "fled"). */
    unit: z.optional(z.string()),
    /**
     * True for running totals (arrests, political prisoners) that only grow: a page figure above
     * the fact's range is then not a discrepancy when the page is later than the fact's as-of date.
     */
    cumulative: z._default(z.boolean(), false),
  }),
  z.object({
    ...detailBase,
    kind: z.literal('ratio'),
    /** "one in 30" is numerator 1, denominator 30. */
    numerator: z.number(),
    denominator: z.number(),
    hedge: z._default(z.enum(hedges), 'exact'),
  }),
  z.object({
    ...detailBase,
    kind: z.literal('percent'),
    value: z.number(),
    hedge: z._default(z.enum(hedges), 'exact'),
  }),
  z.object({
    ...detailBase,
    kind: z.literal('date'),
    value: isoDate,
  }),
  z.object({
    ...detailBase,
    kind: z.literal('ordinal'),
    value: z.int().check(z.positive()),
  }),
  z.object({
    ...detailBase,
    kind: z.literal('duration'),
    value: z.number().check(z.positive()),
    unit: z.enum(['day', 'week', 'month', 'year']),
    hedge: z._default(z.enum(hedges), 'exact'),
  }),
  z.object({
    ...detailBase,
    kind: z.literal('place'),
    entity: id,
  }),
  z.object({
    ...detailBase,
    kind: z.literal('actor'),
    entity: id,
  }),
]);

export const quoteSchema = z.object({
  source: id,
  /** Verbatim from the source's body. */
  text: text,
});

export const factSchema = z.object({
  id,
  /** The claim in one plain sentence, as a reader would read it on the card. */
  claim: text,
  /** The primary quote; `quote.source` is the fact's source. */
  quote: quoteSchema,
  /** Other sources that say the same. */
  corroborations: z._default(z.array(quoteSchema), []),
  /** Who asserts the claim: an entity id, or "outlet" for the publication's own reporting. */
  assertedBy: text,
  /** The date the claim holds as of. */
  asOf: isoDate,
  /**
   * What the claim is about, used to decide that a sentence makes the same claim. Every group
   * must be matched by the sentence: each group lists alternatives, each alternative either an
   * entity id prefixed with `@` (matched in any spelling) or a word stem/phrase.
   * Example: [["@icc"], ["refer", "referral", "asked the court"]].
   */
  frame: z.array(z.array(text).check(z.minLength(1))).check(z.minLength(1)),
  /** The comparable details the fact fixes. */
  details: z._default(z.array(detailSchema), []),
  /** False when the fact states that something is NOT so ("Belarus is not a State Party"). */
  polarity: z._default(z.boolean(), true),
  /** What a careful vetter doubts about this fact; shown to the reader. */
  caveats: texts(),
  tags: texts(),
  /** Set by the loader for user-imported facts; never in data/. */
  origin: z._default(z.enum(['bundled', 'imported']), 'bundled'),
});

export const packSchema = z.object({
  format: z.literal(1),
  /** Semantic version of the fact content. */
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  /** Stable across versions: "sourcelight-core" for the bundled pack. */
  name: id,
  builtAt: z.optional(z.string()),
  sources: z.array(sourceSchema),
  entities: z.array(entitySchema),
  facts: z.array(factSchema),
});

export type Source = z.infer<typeof sourceSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = Entity['kind'];
export type Detail = z.infer<typeof detailSchema>;
export type Hedge = (typeof hedges)[number];
export type Quote = z.infer<typeof quoteSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactPack = z.infer<typeof packSchema>;
/** The shapes as written in files, before defaults are applied. */
export type FactInput = z.input<typeof factSchema>;
export type PackInput = z.input<typeof packSchema>;

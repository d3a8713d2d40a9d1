/**
 * The demo article bundled for training: a realistic news story about Lithuania's referral of
 * Belarus to the ICC, with a known mix of right claims, wrong claims (each with one changed
 * detail) and claims the vetted sources cannot settle. Right and wrong are judged against the
 * five source documents (data/sources/, from /work/shared/seeds/): AP 30 September 2024,
 * Babel 12 March 2026, Pozirk 2 December 2024, Tsikhanouskaya's office 3 June 2021, NHC
 * 4 February 2025.
 *
 * The quiz's truth is always what the engine says about the text; `intended` is the author's
 * expectation, shown to trainers and used by the evaluation to notice when the two part.
 */

export type IntendedVerdict = 'agree' | 'discrepancy' | 'none';

export interface DemoClaim {
  /** Exactly as it stands in the article body. */
  sentence: string;
  intended: IntendedVerdict;
  /** What makes it right or wrong, for the trainer. */
  why: string;
  /** Source id in data/sources.yaml, when a source settles it. */
  source?: string;
  /** For wrong claims, the kind of detail that was changed. */
  changed?: 'date' | 'actor' | 'number' | 'ordinal' | 'negation';
}

const P1: DemoClaim[] = [
  {
    sentence: 'On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.',
    intended: 'agree',
    why: 'AP, Babel and Pozirk all give 30 September 2024 and Lithuania as the referring state.',
    source: 'ap-2024-09-30',
  },
  {
    sentence: 'The referral accused the Belarusian authorities of deportation, persecution and other inhumane acts against civilians.',
    intended: 'agree',
    why: 'AP quotes the referral: "deportation, persecution and other inhumane acts" against Belarus civilians.',
    source: 'ap-2024-09-30',
  },
  {
    sentence: 'Belarus itself is not a State Party to the Rome Statute.',
    intended: 'agree',
    why: 'Babel: Belarus "is not a State Party to ICC".',
    source: 'babel-2026-03-12',
  },
  {
    sentence: 'Lithuania is not a member of the ICC either, but it argued that parts of the alleged crimes took place on its territory.',
    intended: 'discrepancy',
    changed: 'negation',
    why: 'Babel: Lithuania "is, however, a member of ICC" (which is what lets the court act). The article negates it.',
    source: 'babel-2026-03-12',
  },
];

const P2: DemoClaim[] = [
  {
    sentence: "This week the court's Office of the Prosecutor launched an investigation into possible crimes against humanity by the Belarusian authorities.",
    intended: 'agree',
    why: 'Babel reports the investigation, from an ICC statement of 12 March (2026); the article is dated 14 March 2026.',
    source: 'babel-2026-03-12',
  },
  {
    sentence: 'The investigation will concern events from May 2021.',
    intended: 'discrepancy',
    changed: 'date',
    why: 'Babel: the investigation "will concern events from May 2020". The year was changed.',
    source: 'babel-2026-03-12',
  },
  {
    sentence: 'The court had appointed three judges to examine the referral.',
    intended: 'agree',
    why: 'Pozirk: "The ICC has appointed three judges to examine the referral".',
    source: 'pozirk-2024-12-02',
  },
  {
    sentence: "In 2024, chief prosecutor Karim Khan confirmed that he had received Latvia's referral of the situation in Belarus to the ICC.",
    intended: 'discrepancy',
    changed: 'actor',
    why: "AP: Karim Khan confirmed he had received Lithuania's referral. Latvia is named elsewhere only as a haven for refugees.",
    source: 'ap-2024-09-30',
  },
];

const P3: DemoClaim[] = [
  {
    sentence: 'Nationwide protests erupted in 2020, after disputed election results gave Lukashenko a sixth term in office.',
    intended: 'agree',
    why: 'AP: protests "erupted in 2020, after disputed election results gave Lukashenko a sixth term in office".',
    source: 'ap-2024-09-30',
  },
  {
    sentence: 'According to the human rights group Viasna, more than 65,000 people were arrested.',
    intended: 'agree',
    why: "AP: more than 65,000 people arrested, according to Viasna (a count as of September 2024).",
    source: 'ap-2024-09-30',
  },
  {
    sentence: 'About 900,000 Belarusians have fled their country, the opposition politician Pavieł Łatuška said at a side event in The Hague.',
    intended: 'discrepancy',
    changed: 'number',
    why: 'Pozirk: "about 300,000 Belarusians" fled, by Łatuška\'s figure. The number was tripled.',
    source: 'pozirk-2024-12-02',
  },
  {
    sentence: 'He said that one in 30 citizens has left Belarus.',
    intended: 'agree',
    why: 'Pozirk quotes Łatuška: "One in 30 citizens has left Belarus."',
    source: 'pozirk-2024-12-02',
  },
];

const P4: DemoClaim[] = [
  {
    sentence: "On 26 January 2025, the country's electoral commission declared that Lukashenko had secured nearly 87% of the vote.",
    intended: 'agree',
    why: 'NHC: the electoral commission "declared Lukashenka secured nearly 87% of the presidential vote on 26 January".',
    source: 'nhc-2025-02-04',
  },
  {
    sentence: 'With that vote Lukashenko began an eighth term as president.',
    intended: 'discrepancy',
    changed: 'ordinal',
    why: 'AP: in 2025 Lukashenko sought a seventh term (2020 gave him his sixth). The ordinal was changed.',
    source: 'ap-2024-09-30',
  },
];

const P5: DemoClaim[] = [
  {
    sentence: 'The exiled opposition leader Sviatlana Tsikhanouskaya, who lives in Lithuania, called the referral a monumental step towards justice for Belarus.',
    intended: 'agree',
    why: 'AP: Tsikhanouskaya, "who has been living in Lithuania", called it "a monumental step towards justice for Belarus".',
    source: 'ap-2024-09-30',
  },
  {
    sentence: 'Officials in Minsk did not respond to a request for comment.',
    intended: 'none',
    why: 'No source says anything about a request for comment: nothing to check.',
  },
  {
    sentence: 'Lawyers who follow the case expect the proceedings to take years.',
    intended: 'none',
    why: 'A forecast attributed to unnamed lawyers; no vetted fact covers it.',
  },
  {
    sentence: "Many exiles say they will be watching the court's next steps closely.",
    intended: 'none',
    why: 'A general statement about exiles, not a checkable detail.',
  },
];

export const DEMO_PARAGRAPHS: readonly DemoClaim[][] = [P1, P2, P3, P4, P5];
export const DEMO_CLAIMS: readonly DemoClaim[] = DEMO_PARAGRAPHS.flat();

export interface DemoArticle {
  headline: string;
  dateline: string;
  /** ISO date of the article, passed to the check as the text's date. */
  date: string;
  /** Paragraphs separated by a blank line; sentences by a space. */
  body: string;
}

export const DEMO_ARTICLE: DemoArticle = {
  headline: "Lithuania's case against Minsk becomes an ICC investigation",
  dateline: 'VILNIUS, 14 March 2026',
  date: '2026-03-14',
  body: DEMO_PARAGRAPHS.map((p) => p.map((c) => c.sentence).join(' ')).join('\n\n'),
};

/**
 * `npm run eval`: precision and recall per verdict on the labelled set, every miss listed, and
 * the source documents checked against their own facts. `--json` prints the scores as JSON.
 */
import { evaluate, loadBundledPack, loadCases, loadHoldout, type Scores } from './eval-lib';

const json = process.argv.includes('--json');
const quiet = process.argv.includes('--quiet');
const holdoutOnly = process.argv.includes('--holdout');
const pack = loadBundledPack();
const holdoutCases = loadHoldout();
const holdout: Scores | null = holdoutCases.length ? evaluate(pack, holdoutCases) : null;
const scores = holdoutOnly && holdout ? holdout : evaluate(pack, loadCases());
if (json) {
  const brief = (x: Scores) => ({ ...x, misses: x.misses.map((m) => ({ id: m.case.id, expect: m.case.expect, got: m.got })) });
  process.stdout.write(`${JSON.stringify({ ...brief(scores), holdout: holdout && !holdoutOnly ? brief(holdout) : undefined }, null, 2)}\n`);
} else {
  const pct = (x: number) => x.toFixed(3);
  if (!quiet) {
    for (const m of scores.misses) {
      const why = m.finding ? ` [${m.finding.facts.slice(0, 2).join(', ')}] ${m.finding.explanation.slice(0, 160)}` : '';
      console.log(`MISS ${m.case.id} (${m.case.kind}): expected ${m.case.expect}, got ${m.got}\n     "${m.case.text}"${why}`);
    }
    for (const d of scores.sourceDiscrepancies) console.log(`SOURCE DISCREPANCY in ${d.source}: "${d.sentence}" [${d.facts.join(', ')}]`);
  }
  console.log(`cases: ${scores.cases} (agree ${scores.byLabel.agree}, discrepancy ${scores.byLabel.discrepancy}, related ${scores.byLabel.related}, none ${scores.byLabel.none})`);
  console.log(`discrepancy precision ${pct(scores.precision.discrepancy)} recall ${pct(scores.recall.discrepancy)}`);
  console.log(`agree       precision ${pct(scores.precision.agree)} recall ${pct(scores.recall.agree)}`);
  console.log(`off-topic marks ${scores.offTopicMarks}; discrepancies in the source documents ${scores.sourceDiscrepancies.length}; misses ${scores.misses.length}`);
}
if (!json && holdout && !holdoutOnly) {
  const pct = (x: number) => x.toFixed(3);
  console.log(`held-out set (written blind, never tuned on; --holdout lists its misses): ${holdout.cases} cases`);
  console.log(`  discrepancy precision ${pct(holdout.precision.discrepancy)} recall ${pct(holdout.recall.discrepancy)}; agree precision ${pct(holdout.precision.agree)} recall ${pct(holdout.recall.agree)}; off-topic marks ${holdout.offTopicMarks}`);
}

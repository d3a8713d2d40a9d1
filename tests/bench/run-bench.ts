/**
 * `npm run bench`: the core, the extension in headless Chromium, and the build's sizes, in one
 * run, compared with the budgets. Writes tests/artifacts/bench.md and prints the results as JSON
 * on stdout (progress goes to stderr).
 *
 *   npm run bench                          everything (about 4–6 minutes on 2 cores)
 *   npm run bench -- --quick               fewer runs, smaller core corpus (a smoke test)
 *   npm run bench -- --profile             also CPU profiles (core, page, service worker) → tests/artifacts/
 *   npm run bench -- --no-browser          core only (and sizes if a build exists)
 *   npm run bench -- --no-core             browser and sizes only
 *   npm run bench -- --extension-dir DIR   measure an existing build (copied first) instead of building
 *   npm run bench -- --runs N              page loads per configuration and page (default 5)
 *   npm run bench -- --page off-topic      one page only (off-topic or on-topic), to iterate on one budget
 *
 * The extension is built with WXT's own build (as `npx wxt build`) into a temporary folder, not
 * into the shared .output/, so that a bench never races other engineers' builds and e2e runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBundledPack } from '../eval/eval-lib';
import { serveFixtures } from '../e2e/browser';
import { runConfig, type BenchPage, type ConfigName, type ConfigResult, type PageRun } from './browser-bench';
import { evaluateBudgets, KB, type BudgetInputs, type BudgetLine } from './budgets';
import { runCoreBench, type CoreResult } from './core-bench';
import { offTopicPage, onTopicPage } from './corpus';
import { THREE_NAMES, writeBlankExtension, writeFloorExtension } from './floor-extension';
import { gatePattern, gateTermsFor } from '../../src/core/topic-gate';
import { composition, type Part } from './composition';
import { listFiles, measureSizes, type Sizes } from './sizes';
import { median } from './stats';

const ARTIFACTS = resolve('tests/artifacts');

interface Args {
  quick: boolean;
  profile: boolean;
  browser: boolean;
  core: boolean;
  extensionDir?: string;
  runs: number;
  /** Only this page (its name starts with it), or both. */
  page?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { quick: false, profile: false, browser: true, core: true, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--quick') a.quick = true;
    else if (x === '--profile') a.profile = true;
    else if (x === '--no-browser') a.browser = false;
    else if (x === '--no-core') a.core = false;
    else if (x === '--extension-dir') a.extensionDir = argv[++i];
    else if (x === '--runs') a.runs = Number(argv[++i]);
    else if (x === '--page') a.page = argv[++i];
    else {
      console.error(`unknown option ${x}`);
      process.exit(2);
    }
  }
  if (a.quick && !argv.includes('--runs')) a.runs = 2;
  return a;
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const r1 = (x: number) => Math.round(x * 10) / 10;

function buildExtension(outDir: string, sourcemap = false): Promise<string> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', resolve('tests/bench/build-extension.ts'), outDir, ...(sourcemap ? ['--sourcemap'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', fail);
    proc.on('close', (code) => {
      const dir = join(outDir, 'chrome-mv3');
      if (code === 0 && existsSync(join(dir, 'manifest.json'))) ok(dir);
      else fail(new Error(`wxt build failed (${code}):\n${out.slice(-3000)}`));
    });
  });
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function gitHead(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() ? ' (working tree has changes)' : '';
    return head + dirty;
  } catch {
    return 'unknown';
  }
}

export interface PageSummary {
  config: ConfigName;
  page: string;
  loads: number;
  scriptMs: number;
  taskMs: number;
  /** ScriptDuration minus the same page's without the extension. */
  addedScriptMs: number;
  addedTaskMs: number;
  loadMs: number;
  lastHighlightMs: number | null;
  /** Median time after load at which the content script's check of the whole page ended. */
  checkDoneMs: number | null;
  coldLastHighlightMs: number | null;
  highlights: number;
  /** Traced loads: main-thread time sampled in extension code (CPU profile in the trace), median, ms. */
  extensionCpuMs: number | null;
  /** Traced loads: summed duration of the tasks that ran extension code, median, ms. */
  extensionTaskMs: number | null;
  tracedLoads: number;
  /** Each traced load's sampled extension time, ms, in load order: the spread behind the median. */
  extensionCpuPerLoad: number[];
  /** Where the median traced load's sampled extension time went (innermost extension function). */
  extensionCpuTop: { fn: string; ms: number }[];
  /** What the longest extension task did (the worst traced load). */
  longestExtensionTaskTop: { fn: string; ms: number }[];
  longestExtensionTaskEvents: { event: string; ms: number }[];
  /** Median count of long tasks (PerformanceObserver) per load. */
  longTasksPerLoad: number;
  longestLongTaskMs: number;
  longestTaskMs: number | null;
  longestExtensionTaskMs: number | null;
  extensionTasks: number | null;
}

function summarize(results: ConfigResult[]): PageSummary[] {
  const none = results.find((r) => r.config === 'none');
  const out: PageSummary[] = [];
  for (const r of results) {
    for (const [page, p] of Object.entries(r.pages)) {
      const m = (f: (x: PageRun) => number) => median(p.runs.map(f));
      const base = none?.pages[page];
      const baseScript = base ? median(base.runs.map((x) => x.scriptMs)) : 0;
      const baseTask = base ? median(base.runs.map((x) => x.taskMs)) : 0;
      const hl = p.runs.map((x) => x.lastHighlightAfterLoadMs).filter((x): x is number => x !== null);
      const worst = p.traces.reduce<(typeof p.traces)[number] | undefined>((a, t) => (!a || t.longestExtensionTaskMs > a.longestExtensionTaskMs ? t : a), undefined);
      out.push({
        config: r.config,
        page,
        loads: p.runs.length,
        scriptMs: r1(m((x) => x.scriptMs)),
        taskMs: r1(m((x) => x.taskMs)),
        addedScriptMs: r1(m((x) => x.scriptMs) - baseScript),
        addedTaskMs: r1(m((x) => x.taskMs) - baseTask),
        loadMs: r1(m((x) => x.loadMs)),
        lastHighlightMs: hl.length === p.runs.length && hl.length ? r1(median(hl)) : null,
        coldLastHighlightMs: p.cold.lastHighlightAfterLoadMs,
        checkDoneMs: ((d) => (d.length === p.runs.length && d.length ? r1(median(d)) : null))(p.runs.map((x) => x.checkDoneAfterLoadMs).filter((x): x is number => typeof x === 'number')),
        highlights: Math.round(m((x) => x.highlights)),
        longTasksPerLoad: m((x) => x.longTasks.length),
        longestLongTaskMs: r1(Math.max(0, ...p.runs.flatMap((x) => x.longTasks))),
        // Over the traced loads: the worst task (budgets say "no task over 50 ms"), median totals.
        longestTaskMs: p.traces.length ? Math.max(...p.traces.map((t) => t.longestTaskMs)) : null,
        longestExtensionTaskMs: worst ? worst.longestExtensionTaskMs : null,
        extensionTasks: p.traces.length ? median(p.traces.map((t) => t.extensionTasks)) : null,
        extensionCpuMs: p.traces.length ? r1(median(p.traces.map((t) => t.extensionSampledMs))) : null,
        extensionTaskMs: p.traces.length ? r1(median(p.traces.map((t) => t.extensionTaskMs))) : null,
        tracedLoads: p.traces.length,
        extensionCpuPerLoad: p.traces.map((t) => t.extensionSampledMs),
        extensionCpuTop: ((sorted) => sorted[(sorted.length - 1) >> 1]?.extensionSampledTop ?? [])([...p.traces].sort((a, b) => a.extensionSampledMs - b.extensionSampledMs)),
        longestExtensionTaskTop: worst?.longestExtensionTaskTop ?? [],
        longestExtensionTaskEvents: worst?.longestExtensionTaskEvents ?? [],
      });
    }
  }
  return out;
}

interface BenchReport {
  when: string;
  commit: string;
  node: string;
  chromium: string;
  cpus: number;
  loadAverage: { start: number[]; beforeCore?: number[]; beforeBrowser?: number[]; end: number[] };
  pack: { version: string; facts: number };
  core?: CoreResult;
  sizes?: Sizes;
  /** With --profile: what the content script and the background are made of (bytes by package or src folder). */
  composition?: { contentScript: Part[]; background: Part[] };
  browser?: { pages: { name: string; bytes: number }[]; tracedLoads: number; configs: ConfigResult[]; summary: PageSummary[]; swHeapMethod?: string;
    /** Each round's traced load, sampled extension ms, by config and page (see the rounds in main). */
    rounds: Partial<Record<ConfigName, Record<string, (number | null)[]>>>;
  };
  budgets: BudgetLine[];
  artifacts: string[];
}

function markdown(r: BenchReport): string {
  const L: string[] = [];
  const yes = (p: boolean | null) => (p === null ? 'n/a' : p ? 'PASS' : 'FAIL');
  L.push('# SourceLight benchmark', '');
  L.push(`${r.when} · commit ${r.commit} · Node ${r.node} · ${r.chromium} · ${r.cpus} cores · pack ${r.pack.version} (${r.pack.facts} facts)`, '');
  L.push(`Load average (1/5/15 min): start ${r.loadAverage.start.join(' / ')}` + (r.loadAverage.beforeCore ? `, before core ${r.loadAverage.beforeCore.join(' / ')}` : '') + (r.loadAverage.beforeBrowser ? `, before browser ${r.loadAverage.beforeBrowser.join(' / ')}` : '') + `, end ${r.loadAverage.end.join(' / ')}.`, '');
  L.push('## Budgets', '', '| area | budget | measured | result |', '|---|---|---|---|');
  for (const b of r.budgets) L.push(`| ${b.area} | ${b.budget} | ${b.measured}${b.note ? ` (${b.note})` : ''} | ${yes(b.pass)} |`);
  L.push('');
  if (r.core) {
    const t = r.core.throughput;
    L.push('## Core', '');
    L.push(`Throughput, shipped pack, ${t.uniqueSentences} on-topic sentences (5 source bodies, fixture page, demo article) repeated to ${t.sentences.toLocaleString('en-US')}; warm-up pass, median of ${t.runs} runs: **${t.sentencesPerSecond.toLocaleString('en-US')} sentences/s** (${t.usPerSentence} µs/sentence wall, ${t.cpuUsPerSentence} µs CPU; runs ${t.perRun.join(', ')}). New sentences cost more: a fresh matcher's first pass over the unique sentences (word memos empty, JIT warm) ${t.coldUsPerSentence} µs/sentence; the process's very first pass (JIT cold too) ${t.firstPassUsPerSentence} µs/sentence. ${t.findingsPerPass} findings per pass of the unique sentences.`, '');
    L.push('| facts | valid | index build ms | ours µs/sentence | × shipped | fuse.js µs/sentence | fuse sample | ours on sample µs | ours faster by |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of r.core.scaling) L.push(`| ${s.facts.toLocaleString('en-US')} | ${s.valid ? 'yes' : 'NO'} | ${s.buildMs} | ${s.usPerSentence} | ${s.costVsShipped} | ${s.fuseUsPerSentence.toLocaleString('en-US')} | ${s.fuseSampleSentences} | ${s.usPerSentenceOnSample} | ${s.speedupVsFuse.toLocaleString('en-US')} × |`);
    L.push('');
    for (const p of r.core.profiles ?? []) {
      L.push(`Profile: ${p.label} (${p.file})`, '', '| function | self % | total % |', '|---|---:|---:|');
      for (const h of p.hotSpots) L.push(`| \`${h.fn.replace(/\|/g, '\\|').slice(0, 120)}\` | ${h.selfPct} | ${h.totalPct} |`);
      L.push('');
    }
  }
  if (r.browser) {
    L.push('## Extension in headless Chromium', '');
    L.push(`Pages: ${r.browser.pages.map((p) => `${p.name} ${(p.bytes / KB).toFixed(0)} KB`).join(', ')}, served on 127.0.0.1. Configurations: none (an extension with an empty service worker and no content script), floor (one content script: \`document.body.innerText\`, lower-cased, and one test of the topic gate's own pattern over every name in the pack), floor-3-names (the same read and \`/belarus|lukashenk|icc/i\`, off-topic page only, for reference), sourcelight (the build). Medians of the warm loads (a first, cold load per page is made and reported separately). ScriptDuration/TaskDuration: CDP Performance.getMetrics over the whole load and watch (≥ 3 s after load, until the highlights are stable), "added" = minus the same page without extension. ScriptDuration misses most of SourceLight's content-script work (its slices resume from promises, and messaging and Intl run natively), so the budgets use the traced loads: ${r.browser.tracedLoads} separate loads per page with a devtools.timeline trace and V8 sampling; "ext. main-thread CPU" is the sampled time with extension code on the stack, a task is the extension's when extension code ran in it (medians; longest task: the worst load). Long tasks: PerformanceObserver('longtask') in every load.`, '');
    const dash = (s: PageSummary, v: string | number | null) => (s.config === 'none' || v === null ? '—' : String(v));
    L.push(
      '| page | config | loads | ScriptDuration ms (added) | TaskDuration ms (added) | ext. main-thread CPU ms (sampled) | ext. task ms | longest ext. task ms | long tasks/load (max ms) | longest task ms | load ms | last highlight after load ms (cold load) | check done after load ms | highlights |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const s of r.browser.summary) {
      L.push(
        `| ${s.page} | ${s.config} | ${s.loads} | ${s.scriptMs} (${dash(s, s.addedScriptMs)}) | ${s.taskMs} (${dash(s, s.addedTaskMs)}) | ${dash(s, s.extensionCpuMs)} | ${dash(s, s.extensionTaskMs)} | ${dash(s, s.longestExtensionTaskMs)} | ${s.longTasksPerLoad} (${s.longestLongTaskMs}) | ${s.longestTaskMs ?? '—'} | ${s.loadMs} | ${s.lastHighlightMs ?? '—'} (${s.coldLastHighlightMs ?? '—'}) | ${s.checkDoneMs ?? '—'} | ${s.highlights} |`,
      );
    }
    L.push('');
    for (const s of r.browser.summary) {
      if (s.config === 'none' || !s.extensionCpuTop.length) continue;
      L.push(`- ${s.config}, ${s.page}: sampled extension time per traced load ${s.extensionCpuPerLoad.join(', ')} ms; the median load's went to ` + s.extensionCpuTop.map((x) => `\`${x.fn}\` ${x.ms} ms`).join(', ') + '.');
    }
    for (const s of r.browser.summary) {
      if (s.config === 'none' || !s.longestExtensionTaskTop.length) continue;
      L.push(`- ${s.config}, ${s.page}: the longest extension task (${s.longestExtensionTaskMs} ms) spent its samples in ` + s.longestExtensionTaskTop.map((x) => `\`${x.fn}\` ${x.ms} ms`).join(', ') + '; by trace event (self time): ' + s.longestExtensionTaskEvents.map((x) => `${x.event} ${x.ms} ms`).join(', ') + '.');
    }
    L.push('');
    for (const c of r.browser.configs) {
      if (!c.swHeap) continue;
      if ('error' in c.swHeap) L.push(`Service worker heap (${c.config}): not measured: ${c.swHeap.error}`);
      else L.push(`Service worker heap (${c.config}), after both pages: ${(c.swHeap.usedBeforeGc / 1e6).toFixed(1)} MB used, ${(c.swHeap.usedAfterGc / 1e6).toFixed(1)} MB after a forced GC (total ${(c.swHeap.total / 1e6).toFixed(1)} MB). Method: ${c.swHeap.method}.`);
    }
    L.push('');
    for (const c of r.browser.configs) {
      for (const [page, p] of Object.entries(c.pages)) {
        for (const [label, hs] of [['page main thread', p.profile], ['service worker', p.swProfile]] as const) {
          if (!hs?.length) continue;
          L.push(`Profile: ${c.config}, ${page}, ${label} (one load)`, '', '| function | self ms | total ms |', '|---|---:|---:|');
          for (const h of hs) L.push(`| \`${h.fn.replace(/\|/g, '\\|').slice(0, 120)}\` | ${h.selfMs} | ${h.totalMs} |`);
          L.push('');
        }
      }
    }
  }
  if (r.sizes) {
    const z = r.sizes;
    L.push('## Sizes', '', '| part | bytes | KB | gzip KB | files |', '|---|---:|---:|---:|---|');
    for (const row of [z.contentScript, z.background, ...z.pages, z.total]) {
      L.push(`| ${row.name} | ${row.bytes.toLocaleString('en-US')} | ${(row.bytes / KB).toFixed(1)} | ${(row.gzip / KB).toFixed(1)} | ${row.files.length > 6 ? `${row.files.length} files` : row.files.join(', ')} |`);
    }
    if (r.composition) {
      for (const [label, parts] of [['content script', r.composition.contentScript], ['background', r.composition.background]] as const) {
        L.push('', `What the ${label} is made of (from the source maps): ` + parts.map((p) => `${p.part} ${(p.bytes / KB).toFixed(1)} KB`).join(', ') + '.');
      }
    }
    L.push('', 'Largest files: ' + z.largest.map((f) => `${f.file} ${(f.bytes / KB).toFixed(1)} KB (gzip ${(f.gzip / KB).toFixed(1)})`).join('; ') + '.', '');
  }
  if (r.artifacts.length) L.push('Artifacts: ' + r.artifacts.join(', '), '');
  return L.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = load();
  const pack = loadBundledPack();
  const tmp = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const artifacts: string[] = [];
  const report: BenchReport = {
    when: new Date().toISOString(),
    commit: gitHead(),
    node: process.version,
    chromium: chromiumVersion(),
    cpus: cpus().length,
    loadAverage: { start: started, end: [] },
    pack: { version: pack.version, facts: pack.facts.length },
    budgets: [],
    artifacts,
  };
  log(`load average ${started.join(' ')} (${cpus().length} cores)${started[0]! >= 1.5 ? ': the machine is busy, figures will be noisy' : ''}`);
  const profileDir = args.profile ? join(ARTIFACTS, 'bench-profiles') : undefined;
  try {
    if (args.core) {
      report.loadAverage.beforeCore = load();
      log('core …');
      report.core = await runCoreBench(pack, {
        sentences: args.quick ? 4_000 : 20_000,
        runs: args.quick ? 3 : 5,
        minRunMs: args.quick ? 200 : 500,
        fuseMinMs: args.quick ? 300 : 1_000,
        profileDir,
        log,
      });
    }

    let extensionDir: string | undefined;
    let mapsDir: string | undefined;
    if (args.extensionDir) {
      extensionDir = join(tmp, 'chrome-mv3');
      cpSync(resolve(args.extensionDir), extensionDir, { recursive: true });
      if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no manifest.json in ${args.extensionDir}`);
    } else if (args.browser) {
      log(`building the extension (wxt build, Chrome MV3${args.profile ? ', with source maps for the profiles' : ''}) …`);
      extensionDir = await buildExtension(join(tmp, 'build'), args.profile);
    }
    if (extensionDir && args.profile) {
      // Profile mode: keep the source maps aside (they name minified functions in the profiles,
      // and tell what each bundle is made of) and measure the build without them.
      mapsDir = join(tmp, 'maps');
      cpSync(extensionDir, mapsDir, { recursive: true });
      for (const f of listFiles(extensionDir)) if (f.endsWith('.map')) rmSync(f);
      const parts = (file: string) => (existsSync(join(mapsDir!, `${file}.map`)) ? composition(join(mapsDir!, file)).slice(0, 10) : []);
      report.composition = { contentScript: parts('content-scripts/content.js'), background: parts('background.js') };
    } else if (existsSync('.output/chrome-mv3/manifest.json')) {
      extensionDir = join(tmp, 'chrome-mv3');
      cpSync(resolve('.output/chrome-mv3'), extensionDir, { recursive: true });
    }
    if (extensionDir) report.sizes = measureSizes(extensionDir);

    if (args.browser && extensionDir) {
      report.loadAverage.beforeBrowser = load();
      const pagesDir = join(tmp, 'pages');
      mkdirSync(pagesDir, { recursive: true });
      const off = offTopicPage(2 * 1024 * 1024);
      const on = onTopicPage(pack, 512 * 1024);
      writeFileSync(join(pagesDir, 'off-topic-2mb.html'), off);
      writeFileSync(join(pagesDir, 'on-topic-0.5mb.html'), on);
      const pages: BenchPage[] = [
        { name: 'off-topic 2 MB', path: 'off-topic-2mb.html', onTopic: false },
        { name: 'on-topic 0.5 MB', path: 'on-topic-0.5mb.html', onTopic: true },
      ].filter((p) => !args.page || p.name.startsWith(args.page));
      if (!pages.length) throw new Error(`--page ${args.page}: no such page (off-topic, on-topic)`);
      const dirs: Record<ConfigName, string> = {
        none: writeBlankExtension(join(tmp, 'blank-extension')),
        floor: writeFloorExtension(join(tmp, 'floor-extension'), gatePattern(gateTermsFor(pack.entities))),
        'floor-3-names': writeFloorExtension(join(tmp, 'floor-3-names-extension'), THREE_NAMES),
        sourcelight: extensionDir,
      };
      // The off-topic budget is a ratio of the floor's time and SourceLight's, and either drifts
      // by half from minute to minute on a shared machine. So the traced loads run in rounds: each
      // round starts every configuration afresh and traces one load of each page, the floor just
      // before SourceLight, and the budget takes the median of the rounds' ratios.
      const tracedLoads = args.quick ? 1 : 5;
      const server = await serveFixtures(pagesDir);
      const configs: ConfigResult[] = [];
      /** Sampled extension time of each round's traced load, by config and page (null: no trace). */
      const rounds: Partial<Record<ConfigName, Record<string, (number | null)[]>>> = {};
      try {
        for (let round = 0; round < tracedLoads; round++) {
          for (const config of ['none', 'floor', 'floor-3-names', 'sourcelight'] as const) {
            // The three-name floor is a reference for the off-topic budget only; the page without
            // an extension has no extension time to trace.
            const on = config === 'floor-3-names' ? pages.filter((p) => !p.onTopic) : pages;
            if (!on.length || (config === 'none' && round > 0)) continue;
            const first = round === 0;
            log(`browser: ${config}, round ${round + 1} of ${tracedLoads} (${first ? `${args.runs} loads and ` : ''}a traced load per page) …`);
            const result = await runConfig({
              config,
              extensionDir: dirs[config],
              origin: server.origin,
              pages: on,
              runs: first ? args.runs : 0,
              tracedRuns: config === 'none' ? 0 : 1,
              heap: first,
              ...(profileDir && first ? { profileDir } : {}),
              ...(mapsDir && config === 'sourcelight' ? { sourceMapDir: mapsDir } : {}),
            });
            const byPage = (rounds[config] ??= {});
            for (const p of on) (byPage[p.name] ??= []).push(result.pages[p.name]?.traces[0]?.extensionSampledMs ?? null);
            const known = configs.find((c) => c.config === config);
            if (!known) configs.push(result);
            else for (const p of on) known.pages[p.name]!.traces.push(...(result.pages[p.name]?.traces ?? []));
          }
        }
      } finally {
        await server.close();
      }
      const summary = summarize(configs);
      const swHeap = configs.find((c) => c.config === 'sourcelight')?.swHeap;
      report.browser = {
        tracedLoads,
        pages: pages.map((p) => ({ name: p.name, bytes: Buffer.byteLength(p.onTopic ? on : off) })),
        configs,
        summary,
        rounds,
        ...(swHeap && !('error' in swHeap) ? { swHeapMethod: swHeap.method } : {}),
      };
    }

    // Budgets.
    const inputs: BudgetInputs = {};
    if (report.browser) {
      const s = (config: ConfigName, page: string) => report.browser!.summary.find((x) => x.config === config && x.page === page);
      const offSl = s('sourcelight', 'off-topic 2 MB');
      const offFloor = s('floor', 'off-topic 2 MB');
      const offFloor3 = s('floor-3-names', 'off-topic 2 MB');
      const onSl = s('sourcelight', 'on-topic 0.5 MB');
      const perRound = (config: ConfigName) => report.browser!.rounds[config]?.['off-topic 2 MB'] ?? [];
      const ratios = perRound('sourcelight')
        .map((sl, k) => (sl !== null && perRound('floor')[k] ? sl / perRound('floor')[k]! : null))
        .filter((x): x is number => x !== null);
      if (offSl && offFloor) {
        inputs.offTopic = {
          roundRatios: ratios.map((x) => Math.round(x * 100) / 100),
          slCpuMs: offSl.extensionCpuMs ?? 0,
          floorCpuMs: offFloor.extensionCpuMs ?? 0,
          slAddedScriptDurationMs: offSl.addedScriptMs,
          floorAddedScriptDurationMs: offFloor.addedScriptMs,
          slLongestExtTaskMs: offSl.longestExtensionTaskMs ?? 0,
          ...(offFloor3?.extensionCpuMs != null ? { threeNameFloorCpuMs: offFloor3.extensionCpuMs } : {}),
        };
      }
      if (onSl) inputs.onTopic = { lastHighlightMs: onSl.lastHighlightMs, checkDoneMs: onSl.checkDoneMs, slCpuMs: onSl.extensionCpuMs ?? 0, slAddedScriptDurationMs: onSl.addedScriptMs, slLongestExtTaskMs: onSl.longestExtensionTaskMs ?? 0 };
    }
    if (report.core) {
      const at10k = report.core.scaling.find((x) => x.facts === 10_000);
      inputs.core = { sentencesPerSecond: report.core.throughput.sentencesPerSecond, ...(at10k ? { costAt10k: at10k.costVsShipped, speedupAt10k: at10k.speedupVsFuse } : {}) };
    }
    if (report.sizes) inputs.sizes = { contentScriptBytes: report.sizes.contentScript.bytes, extensionBytes: report.sizes.total.bytes };
    report.budgets = evaluateBudgets(inputs);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  report.loadAverage.end = load();
  if (profileDir && existsSync(profileDir)) artifacts.push(`${profileDir}/*.cpuprofile`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const md = join(ARTIFACTS, 'bench.md');
  writeFileSync(md, markdown(report));
  log(`wrote ${md}`);
  for (const b of report.budgets) log(`${b.pass === null ? 'n/a ' : b.pass ? 'PASS' : 'FAIL'}  ${b.area}: ${b.measured} (budget ${b.budget})`);
  log(`load average at the end ${report.loadAverage.end.join(' ')}`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

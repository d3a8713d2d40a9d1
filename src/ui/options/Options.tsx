/**
 * The options page: when pages are checked, per-site lists, what is shown and how, and the fact
 * packs (bundled, imported: enable, remove, export; import from a file, all or nothing).
 *
 * It is also where the reader grants SourceLight access to sites, which the extension is
 * installed without: automatic mode asks for every site, an allow-list entry for that site, and
 * manual mode gives the access back. `#welcome` (opened on install) starts with that choice.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import type { Verdict } from '../../core/types';
import { send, errorText, type UiReply } from '../send-message';
import { downloadText } from '../download';
import { parseHostname } from '../hostnames';
import { plural } from '../text';
import { VERDICT_ICON, VERDICT_LABEL } from '../verdict';
import { Notice } from '../components/Notice';
import { highlightCss } from '../../page/highlight-styles';
import { Switch } from '../components/Switch';
import { ALL_SITES, sitePatterns } from '../../site-permissions';
import { hasOrigins, removeOrigins, requestOrigins, useGrantChanges, useSiteAccess, type SiteAccess } from '../site-access';

type PackInfo = UiReply<'get-pack-info'>;

/** Files larger than this are refused before reading: a fact pack is a few megabytes at most. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
/** How many problems of a failed import are listed. */
const MAX_PROBLEMS_SHOWN = 50;

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const access = useSiteAccess(ALL_SITES);
  /** The reader refused (or the browser could not show) the prompt for every site. */
  const [accessRefused, setAccessRefused] = useState(false);
  const [welcome] = useState(() => globalThis.location?.hash === '#welcome');

  const load = () => {
    setLoadError(null);
    send('get-settings', {})
      .then((r) => setSettings(r.settings))
      .catch((e) => setLoadError(errorText(e)));
  };
  useEffect(() => {
    document.title = 'SourceLight settings';
    load();
  }, []);

  const save = async (patch: Partial<Settings>) => {
    if (!settings) return;
    setSaveError(null);
    setSaved(false);
    const before = settings;
    setSettings({ ...settings, ...patch });
    try {
      const r = await send('set-settings', { settings: patch });
      setSettings(r.settings);
      setSaved(true);
    } catch (e) {
      setSettings(before);
      setSaveError(errorText(e));
    }
  };

  /**
   * Automatic mode, from the radio, the welcome page or the "needs access" notice: the prompt
   * first, inside the click, and the mode saved only once access is granted.
   */
  const chooseAuto = () => {
    setAccessRefused(false);
    const asked = requestOrigins(ALL_SITES);
    void asked.then(async (granted) => {
      access.refresh();
      if (!granted) {
        setAccessRefused(true);
        return;
      }
      if (settings?.mode !== 'auto') await save({ mode: 'auto' });
    });
  };
  /** Manual mode gives access to every site back: "Check this page now" needs none. */
  const chooseManual = () => {
    setAccessRefused(false);
    void removeOrigins(ALL_SITES).then(() => access.refresh());
    void save({ mode: 'manual' });
  };

  return (
    <div class="sl-page sl-options">
      <header class="sl-page-header">
        <p class="sl-brand">
          <span class="sl-logo" aria-hidden="true" /> SourceLight
        </p>
      </header>
      <main>
        <h1>Settings</h1>
        <p class="sl-lead">Everything here is stored on this device. SourceLight sends nothing anywhere.</p>
        {loadError ? (
          <Notice kind="error" title="Settings could not be loaded" action={{ label: 'Try again', onClick: load }} testId="load-error">
            <p>{loadError}</p>
          </Notice>
        ) : null}
        {saveError ? (
          <Notice kind="error" title="That change was not saved" testId="save-error">
            <p>{saveError}</p>
          </Notice>
        ) : null}
        <p class="sl-saved" role="status" aria-live="polite">
          {saved ? 'Saved.' : ''}
        </p>
        {welcome && settings ? <Welcome settings={settings} access={access} chooseAuto={chooseAuto} chooseManual={chooseManual} /> : null}
        {accessRefused ? (
          <Notice kind="warning" title="SourceLight was not given access to sites" testId="access-refused">
            <p>
              Pages are checked only when you ask: click &ldquo;Check this page now&rdquo; in SourceLight&rsquo;s popup. You can
              choose automatic checking again at any time.
            </p>
          </Notice>
        ) : settings?.mode === 'auto' && access.granted === false ? (
          <Notice
            kind="warning"
            title="Automatic checking needs access to sites"
            action={{ label: 'Give access to all sites', onClick: chooseAuto }}
            testId="access-missing"
          >
            <p>
              SourceLight has no access to the sites you visit: it was not given yet, or it was taken back in the
              browser&rsquo;s settings. Until it is given, pages are checked only when you ask.
            </p>
          </Notice>
        ) : null}
        {settings ? (
          <SettingsSections settings={settings} save={save} chooseAuto={chooseAuto} chooseManual={chooseManual} />
        ) : loadError ? null : (
          <p role="status">Loading&hellip;</p>
        )}
        <PacksSection />
      </main>
    </div>
  );
}

/** First run (`options.html#welcome`): the one choice to make, and the grant. */
function Welcome({ settings, access, chooseAuto, chooseManual }: { settings: Settings; access: SiteAccess; chooseAuto: () => void; chooseManual: () => void }) {
  const autoOn = settings.mode === 'auto' && access.granted === true;
  return (
    <section class="sl-card sl-welcome" id="welcome" aria-labelledby="sl-welcome" data-testid="welcome">
      <h2 id="sl-welcome">Welcome to SourceLight</h2>
      <p>
        SourceLight can check pages about Belarus and the ICC as they open, which needs your permission to read the sites
        you visit; it reads them on this device and sends nothing anywhere. Or it can check a page only when you click
        &ldquo;Check this page now&rdquo; in its popup, with no access to any site.
      </p>
      {autoOn ? (
        <p role="status">Automatic checking is on. You can change this below at any time.</p>
      ) : (
        <p>
          <button type="button" class="sl-button sl-button-primary" data-action="grant-all" onClick={chooseAuto}>
            Check pages automatically
          </button>{' '}
          <button type="button" class="sl-button" data-action="choose-manual" onClick={chooseManual}>
            Only when I ask
          </button>
        </p>
      )}
    </section>
  );
}

function SettingsSections({
  settings,
  save,
  chooseAuto,
  chooseManual,
}: {
  settings: Settings;
  save: (p: Partial<Settings>) => Promise<void>;
  chooseAuto: () => void;
  chooseManual: () => void;
}) {
  const [confirmReset, setConfirmReset] = useState(false);
  /** Allow-list entries are saved only with their access granted; a removed one gives it back. */
  const saveAllowSites = (allowSites: string[]) => {
    for (const host of settings.allowSites) if (!allowSites.includes(host)) void removeOrigins(sitePatterns(host));
    return save({ allowSites });
  };
  return (
    <>
      <section class="sl-card" aria-labelledby="sl-when">
        <h2 id="sl-when">When pages are checked</h2>
        <fieldset class="sl-choices">
          <legend class="sl-visually-hidden">When pages are checked</legend>
          <label class="sl-choice">
            <input
              type="radio"
              name="mode"
              value="auto"
              checked={settings.mode === 'auto'}
              onChange={chooseAuto}
            />
            <span>
              <strong>Automatically, on every site</strong>
              <span class="sl-hint">
                Pages that talk about Belarus or the ICC are checked as they open, except on the sites you block below.
                Reading the page happens on this device. Choosing this asks the browser to give SourceLight access to the
                sites you visit.
              </span>
            </span>
          </label>
          <label class="sl-choice">
            <input
              type="radio"
              name="mode"
              value="manual"
              checked={settings.mode === 'manual'}
              onChange={chooseManual}
            />
            <span>
              <strong>Only when I ask</strong>
              <span class="sl-hint">
                A page is checked when you click &ldquo;Check this page now&rdquo; in SourceLight&rsquo;s popup, or when its
                site is on your allow list. Until you click, the extension needs no access to the sites you visit: the click
                grants it for that one tab (the browser&rsquo;s &ldquo;active tab&rdquo; permission). Choosing this gives back
                the access to every site.
              </span>
            </span>
          </label>
        </fieldset>
      </section>

      <section class="sl-card" aria-labelledby="sl-sites">
        <h2 id="sl-sites">Sites</h2>
        <p class="sl-hint">A site name also covers its subdomains: bbc.co.uk covers www.bbc.co.uk.</p>
        <div class="sl-site-lists">
          <SiteList
            kind="allow"
            title="Always check"
            hint={
              settings.mode === 'manual'
                ? 'Pages on these sites are checked as they open.'
                : 'Used in the \u201Conly when I ask\u201D mode; in automatic mode every site is checked anyway.'
            }
            sites={settings.allowSites}
            other={settings.blockSites}
            onChange={saveAllowSites}
            grant={(host) => requestOrigins(sitePatterns(host))}
            checkAccess={settings.mode === 'manual'}
          />
          <SiteList
            kind="block"
            title="Never check"
            hint={"Pages on these sites are checked only when you click \u201CCheck this page now\u201D."}
            sites={settings.blockSites}
            other={settings.allowSites}
            onChange={(blockSites) => save({ blockSites })}
          />
        </div>
      </section>

      <section class="sl-card" aria-labelledby="sl-show">
        <h2 id="sl-show">What is shown</h2>
        <Switch
          label="Show related sentences"
          hint="Also list sentences about the same subject that state nothing to compare. They are never painted as agreeing or differing."
          checked={settings.showRelated}
          onChange={(showRelated) => void save({ showRelated })}
          testId="switch-related"
        />
        <HighlightStyleChooser value={settings.highlightStyle} onChange={(highlightStyle) => void save({ highlightStyle })} />
      </section>

      <section class="sl-card" aria-labelledby="sl-reset">
        <h2 id="sl-reset">Reset</h2>
        {confirmReset ? (
          <div class="sl-confirm" role="group" aria-label="Confirm reset">
            <p>Reset every setting above, including both site lists? Fact packs are kept.</p>
            <button
              type="button"
              class="sl-button sl-button-danger"
              data-action="confirm-reset"
              onClick={() => {
                setConfirmReset(false);
                for (const host of settings.allowSites) void removeOrigins(sitePatterns(host));
                void save({ ...DEFAULT_SETTINGS, allowSites: [], blockSites: [] });
              }}
            >
              Reset to defaults
            </button>{' '}
            <button type="button" class="sl-button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="sl-button" data-action="reset" onClick={() => setConfirmReset(true)}>
            Reset settings to defaults&hellip;
          </button>
        )}
      </section>
    </>
  );
}

function SiteList({
  kind,
  title,
  hint,
  sites,
  other,
  onChange,
  grant,
  checkAccess = false,
}: {
  kind: 'allow' | 'block';
  title: string;
  hint: string;
  sites: string[];
  other: string[];
  onChange: (sites: string[]) => Promise<void>;
  /** Asks for access to a site being added, inside the submit; it is added only if granted. */
  grant?: (host: string) => Promise<boolean>;
  /** Point out entries whose access is missing (taken back in the browser's settings). */
  checkAccess?: boolean;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `sl-site-${kind}`;
  const problemId = `${inputId}-problem`;

  const add = (e: Event) => {
    e.preventDefault();
    const r = parseHostname(text);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    if (sites.includes(r.host)) {
      setProblem(`${r.host} is already in this list.`);
      return;
    }
    if (other.includes(r.host)) {
      setProblem(`${r.host} is in the other list. Remove it there first.`);
      return;
    }
    setProblem(null);
    const host = r.host;
    if (!grant) {
      setText('');
      void onChange([...sites, host].sort());
      return;
    }
    // The prompt first, while the submit still counts as the reader's gesture.
    void grant(host).then((granted) => {
      if (!granted) {
        setProblem(`SourceLight was not given access to ${host}, so it was not added.`);
        return;
      }
      setText('');
      void onChange([...sites, host].sort());
    });
  };
  const { missing, recheck } = useMissingAccess(checkAccess && grant ? sites : []);

  return (
    <div class="sl-site-list" data-list={kind}>
      <h3>{title}</h3>
      <p class="sl-hint">{hint}</p>
      <form class="sl-inline-form" onSubmit={add} noValidate>
        <label for={inputId} class="sl-visually-hidden">
          Add a site to &ldquo;{title}&rdquo;
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="sl-button">
          Add
        </button>
      </form>
      {problem ? (
        <p class="sl-field-problem" id={problemId} role="alert">
          {problem}
        </p>
      ) : null}
      {missing.length > 0 && grant ? (
        <p class="sl-field-problem" data-testid={`${kind}-access-missing`}>
          No access to {missing.join(', ')}: {missing.length === 1 ? 'its' : 'their'} pages are checked only when you ask.{' '}
          <button
            type="button"
            class="sl-button sl-button-small"
            onClick={() => {
              void requestOrigins(missing.flatMap((h) => sitePatterns(h))).then(recheck);
            }}
          >
            Give access
          </button>
        </p>
      ) : null}
      {sites.length === 0 ? (
        <p class="sl-empty">No sites.</p>
      ) : (
        <ul class="sl-chips">
          {sites.map((s) => (
            <li key={s} class="sl-chip">
              <span>{s}</span>
              <button
                type="button"
                class="sl-chip-remove"
                aria-label={`Remove ${s}`}
                onClick={() => void onChange(sites.filter((x) => x !== s))}
              >
                &times;
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The entries of `sites` without access granted, read again when the list or a grant changes. */
function useMissingAccess(sites: string[]): { missing: string[]; recheck: () => void } {
  const [missing, setMissing] = useState<string[]>([]);
  const { version, bump } = useGrantChanges();
  const key = sites.join(' ');
  useEffect(() => {
    let current = true;
    void Promise.all(sites.map(async (host) => ((await hasOrigins(sitePatterns(host))) === false ? host : null))).then(
      (hosts) => current && setMissing(hosts.filter((h): h is string => h !== null)),
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  return { missing, recheck: bump };
}

const STYLES: { value: Settings['highlightStyle']; label: string; hint: string }[] = [
  { value: 'default', label: 'Default', hint: 'A faint tint and a line: solid when it agrees, wavy when it differs, dotted when related.' },
  { value: 'high-contrast', label: 'High contrast', hint: 'Black text on light tints, with thick lines.' },
  { value: 'underline-only', label: 'Underline only', hint: 'No tint at all, only the lines.' },
];

const PREVIEW: { verdict: Verdict; text: string }[] = [
  { verdict: 'agree', text: 'The ICC prosecutor received the referral.' },
  { verdict: 'discrepancy', text: 'Poland made the referral in October 2024.' },
  { verdict: 'related', text: 'The case concerns deportations.' },
];

/**
 * The page's own highlight rules for `style`, aimed at the preview's spans instead of
 * ::highlight() names, so the preview is exactly what pages show. CSS text, not HTML.
 */
export function previewCss(style: Settings['highlightStyle']): string {
  const css = highlightCss(style, { agree: 'slp-agree', discrepancy: 'slp-discrepancy', related: 'slp-related', focus: 'slp-focus' });
  return css.replace(/::highlight\((slp-[a-z]+)\)/g, '.sl-preview .$1');
}

function HighlightStyleChooser({ value, onChange }: { value: Settings['highlightStyle']; onChange: (v: Settings['highlightStyle']) => void }) {
  return (
    <fieldset class="sl-choices sl-highlight-style">
      <legend>Highlight style on pages</legend>
      {STYLES.map((s) => (
        <label class="sl-choice" key={s.value}>
          <input type="radio" name="highlightStyle" value={s.value} checked={value === s.value} onChange={() => onChange(s.value)} />
          <span>
            <strong>{s.label}</strong>
            <span class="sl-hint">{s.hint}</span>
          </span>
        </label>
      ))}
      <style>{previewCss(value)}</style>
      <div class={`sl-preview sl-hl-${value}`} data-testid="highlight-preview" data-style={value} role="group" aria-label="Preview">
        <p class="sl-preview-caption">Preview</p>
        <p class="sl-preview-text">
          {PREVIEW.map((p) => (
            <Fragment key={p.verdict}>
              <span class={`sl-hl slp-${p.verdict}`}>
                {p.text}
              </span>{' '}
              <span class={`sl-hl-tag sl-verdict-text-${p.verdict}`} aria-hidden="true">
                {VERDICT_ICON[p.verdict]}
              </span>
              <span class="sl-visually-hidden">({VERDICT_LABEL[p.verdict]})</span>{' '}
            </Fragment>
          ))}
        </p>
      </div>
    </fieldset>
  );
}

/** Fact packs: the bundled one, import, and the imported ones. */
function PacksSection() {
  const [info, setInfo] = useState<PackInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importResult, setImportResult] = useState<
    { ok: true; name: string; facts: number } | { ok: false; problems: string[]; file: string } | null
  >(null);
  const [importing, setImporting] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement | null>(null);

  const refresh = async () => {
    try {
      setInfo(await send('get-pack-info', {}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  const importFile = async (file: File) => {
    setImportResult(null);
    setError(null);
    if (file.size > MAX_PACK_BYTES) {
      setImportResult({ ok: false, file: file.name, problems: [`The file is ${Math.round(file.size / 1048576)} MB; a fact pack can be at most ${MAX_PACK_BYTES / 1048576} MB.`] });
      return;
    }
    setImporting(true);
    try {
      const json = await file.text();
      try {
        JSON.parse(json);
      } catch (e) {
        setImportResult({ ok: false, file: file.name, problems: [`The file is not valid JSON: ${errorText(e)}`] });
        return;
      }
      const r = await send('import-pack', { json }, { timeoutMs: 120_000 });
      if (r.ok) {
        setImportResult({ ok: true, name: r.name, facts: r.facts });
        await refresh();
      } else {
        setImportResult({ ok: false, file: file.name, problems: r.problems.length ? r.problems : ['The pack was refused, with no reason given.'] });
      }
    } catch (e) {
      setImportResult({ ok: false, file: file.name, problems: [errorText(e)] });
    } finally {
      setImporting(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const act = async (what: () => Promise<{ ok: boolean }>, failure: string) => {
    setError(null);
    try {
      const r = await what();
      if (!r.ok) setError(failure);
    } catch (e) {
      setError(errorText(e));
    }
    await refresh();
  };

  const exportPack = async (name: string, version: string) => {
    setError(null);
    try {
      const { json } = await send('export-pack', { name });
      if (json === null) {
        setError(`The pack \u201C${name}\u201D could not be exported: it is no longer stored.`);
        return;
      }
      downloadText(`${name}-${version}.json`, 'application/json', json);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="sl-card" aria-labelledby="sl-packs" data-testid="packs">
      <h2 id="sl-packs">Fact packs</h2>
      {error ? (
        <Notice kind="error" testId="pack-error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {info ? (
        <p data-testid="bundled-pack">
          Built-in facts: version <strong>{info.version}</strong>, {plural(info.facts, 'fact', 'facts')}. They are updated with
          the extension.
        </p>
      ) : error ? null : (
        <p role="status">Loading&hellip;</p>
      )}

      <h3>Import a fact pack</h3>
      <p class="sl-hint">
        A JSON file in SourceLight&rsquo;s fact-pack format. It is checked in full first: if any fact, source or quote is
        wrong, nothing is imported. A pack with the name of one already imported replaces it.
      </p>
      <label class="sl-file">
        <span class="sl-button">{importing ? 'Importing\u2026' : 'Choose a JSON file\u2026'}</span>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          class="sl-visually-hidden"
          data-testid="import-file"
          disabled={importing}
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
          }}
        />
      </label>
      {importResult?.ok ? (
        <Notice kind="success" testId="import-ok">
          <p>
            Imported &ldquo;{importResult.name}&rdquo;: {plural(importResult.facts, 'fact', 'facts')}.
          </p>
        </Notice>
      ) : null}
      {importResult && !importResult.ok ? (
        <Notice kind="error" title={`\u201C${importResult.file}\u201D was not imported. Nothing was changed.`} testId="import-problems">
          <ul class="sl-problems">
            {importResult.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {importResult.problems.length > MAX_PROBLEMS_SHOWN ? (
            <p>and {plural(importResult.problems.length - MAX_PROBLEMS_SHOWN, 'more problem', 'more problems')}.</p>
          ) : null}
        </Notice>
      ) : null}

      <h3>Imported packs</h3>
      {info && info.imported.length === 0 ? <p class="sl-empty">None yet.</p> : null}
      {info && info.imported.length > 0 ? (
        <ul class="sl-pack-list" data-testid="pack-list">
          {info.imported.map((p) => (
            <li key={p.name} class="sl-pack-row" data-pack={p.name}>
              <div class="sl-pack-name">
                <strong>{p.name}</strong>
                <span class="sl-meta">
                  version {p.version} &middot; {plural(p.facts, 'fact', 'facts')}
                  {p.enabled ? '' : ' \u00B7 not used'}
                </span>
              </div>
              <Switch
                label="Use"
                checked={p.enabled}
                onChange={(enabled) =>
                  void act(() => send('set-pack-enabled', { name: p.name, enabled }), `\u201C${p.name}\u201D could not be ${enabled ? 'enabled' : 'disabled'}.`)
                }
                testId={`enable-${p.name}`}
              />
              <div class="sl-pack-actions">
                <button type="button" class="sl-button sl-button-small" data-action="export" onClick={() => void exportPack(p.name, p.version)}>
                  Export
                </button>
                {confirmRemove === p.name ? (
                  <>
                    <button
                      type="button"
                      class="sl-button sl-button-small sl-button-danger"
                      data-action="confirm-remove"
                      onClick={() => {
                        setConfirmRemove(null);
                        void act(() => send('remove-pack', { name: p.name }), `\u201C${p.name}\u201D could not be removed.`);
                      }}
                    >
                      Remove {p.name}
                    </button>
                    <button type="button" class="sl-button sl-button-small" onClick={() => setConfirmRemove(null)}>
                      Cancel
                    </button>
                  </>
                ) : (
                  <button type="button" class="sl-button sl-button-small" data-action="remove" onClick={() => setConfirmRemove(p.name)}>
                    Remove&hellip;
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

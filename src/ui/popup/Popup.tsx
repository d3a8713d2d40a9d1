/**
 * The toolbar popup: what SourceLight found on the current tab, grouped by verdict (what differs
 * first), with a jump to each sentence, the two switches a reader needs on the spot, and a
 * "Check this page now" button. Every failure to reach the background is shown, never a blank.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageStatus } from '../../messaging/protocol';
import { autoCheckAllowed, type Settings } from '../../settings';
import type { Finding } from '../../core/types';
import { send, errorText, type UiReply } from '../send-message';
import { autoCheckChange, webHostname } from '../hostnames';
import { countByVerdict } from '../verdict';
import { plural } from '../text';
import { FindingList } from '../components/FindingList';
import { Notice } from '../components/Notice';
import { Switch } from '../components/Switch';
import { extensionUrl, openOptions, openSourceViewer } from '../open-page';
import { sourceViewerPath } from '../links';
import { ALL_SITES, sitePatterns } from '../../site-permissions';
import { removeOrigins, requestOrigins, useSiteAccess } from '../site-access';

type PackInfo = UiReply<'get-pack-info'>;

interface TabInfo {
  id: number;
  url: string | undefined;
}

type Load =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'failed'; error: string }
  | { phase: 'ready'; tab: TabInfo; status: PageStatus | null; settings: Settings };

export interface PopupProps {
  /** How often to ask again while the page is being checked. */
  pollMs?: number;
  /** How many times at most. */
  maxPolls?: number;
}

export function statusLine(status: PageStatus | null, host: string | null): string {
  if (!host) return 'SourceLight checks web pages only; this page cannot be checked.';
  if (!status) return 'This page has not been checked yet.';
  switch (status.state) {
    case 'idle':
      return 'This page has not been checked yet.';
    case 'checking':
      return 'Checking this page\u2026';
    case 'off-topic':
      return 'Nothing about Belarus or the ICC on this page.';
    case 'disabled':
      return 'This site is not checked automatically.';
    case 'error':
      return `This page could not be checked${status.error ? `: ${status.error}` : '.'}`;
    case 'done': {
      const n = status.findings.length;
      if (n === 0) return 'This page mentions Belarus or the ICC, but no sentence makes a claim the facts cover.';
      const c = countByVerdict(status.findings);
      const parts = [
        c.discrepancy ? `${c.discrepancy} differ${c.discrepancy === 1 ? 's' : ''}` : '',
        c.agree ? `${c.agree} agree${c.agree === 1 ? 's' : ''}` : '',
        c.related ? `${c.related} related` : '',
      ].filter(Boolean);
      return `${plural(n, 'checked sentence', 'checked sentences')}: ${parts.join(', ')}.`;
    }
  }
}

export function Popup({ pollMs = 800, maxPolls = 40 }: PopupProps) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [pack, setPack] = useState<PackInfo | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'settings' | null>(null);
  const pollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);
  /** Automatic mode works only with access to every site, which the reader may not have given (or took back). */
  const allSites = useSiteAccess(ALL_SITES);

  useEffect(
    () => () => {
      alive.current = false;
      clearTimeout(pollTimer.current);
    },
    [],
  );

  const loadAll = useCallback(async () => {
    clearTimeout(pollTimer.current);
    setLoad({ phase: 'loading' });
    let tab: TabInfo;
    try {
      const [t] = await browser.tabs.query({ active: true, currentWindow: true });
      if (!t || t.id === undefined) {
        if (alive.current) setLoad({ phase: 'no-tab' });
        return;
      }
      tab = { id: t.id, url: t.url };
    } catch (e) {
      if (alive.current) setLoad({ phase: 'failed', error: `The current tab could not be read: ${errorText(e)}` });
      return;
    }
    try {
      const [{ status }, { settings }] = await Promise.all([
        send('get-tab-status', { tabId: tab.id }),
        send('get-settings', {}),
      ]);
      if (!alive.current) return;
      setLoad({ phase: 'ready', tab, status, settings });
      if (status?.state === 'checking') schedulePoll(tab.id, null, 0);
    } catch (e) {
      if (alive.current) setLoad({ phase: 'failed', error: errorText(e) });
    }
    send('get-pack-info', {})
      .then((p) => alive.current && setPack(p))
      .catch(() => alive.current && setPack(null));
  }, []);

  /** Ask again until the check is over (and, after "Check now", newer than `since`). */
  const schedulePoll = (tabId: number, since: string | null | undefined, tries: number) => {
    clearTimeout(pollTimer.current);
    if (tries >= maxPolls) return;
    pollTimer.current = setTimeout(async () => {
      try {
        const { status } = await send('get-tab-status', { tabId });
        if (!alive.current) return;
        setLoad((l) => (l.phase === 'ready' ? { ...l, status } : l));
        const finished = status !== null && status.state !== 'checking' && (since === null || status.checkedAt !== since);
        if (!finished) schedulePoll(tabId, since, tries + 1);
      } catch (e) {
        if (alive.current) setActionError(errorText(e));
      }
    }, pollMs);
  };

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  if (load.phase === 'loading') {
    return (
      <PopupFrame pack={pack}>
        <p class="sl-status" role="status">
          Loading&hellip;
        </p>
      </PopupFrame>
    );
  }
  if (load.phase === 'no-tab') {
    return (
      <PopupFrame pack={pack}>
        <Notice kind="info" testId="no-tab">
          There is no page open in this window.
        </Notice>
      </PopupFrame>
    );
  }
  if (load.phase === 'failed') {
    return (
      <PopupFrame pack={pack}>
        <Notice
          kind="error"
          title="SourceLight is not answering"
          testId="load-error"
          action={{ label: 'Try again', onClick: () => void loadAll() }}
        >
          <p>{load.error}</p>
          <p>Reloading the extension (or the browser) usually fixes this.</p>
        </Notice>
      </PopupFrame>
    );
  }

  const { tab, status, settings } = load;
  const host = webHostname(tab.url);
  const findings: Finding[] = status?.findings ?? [];
  const relatedCount = findings.filter((f) => f.verdict === 'related').length;
  const autoOn = host ? autoCheckAllowed(settings, tab.url ?? '') : false;

  const changeSettings = async (patch: Partial<Settings>) => {
    setActionError(null);
    setBusy('settings');
    const before = settings;
    setLoad({ ...load, settings: { ...settings, ...patch } });
    try {
      const { settings: saved } = await send('set-settings', { settings: patch });
      if (alive.current) setLoad((l) => (l.phase === 'ready' ? { ...l, settings: saved } : l));
    } catch (e) {
      if (alive.current) {
        setLoad((l) => (l.phase === 'ready' ? { ...l, settings: before } : l));
        setActionError(errorText(e));
      }
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const checkNow = async () => {
    setActionError(null);
    setBusy('check');
    const since = status?.checkedAt;
    try {
      const reply = await send('check-tab-now', { tabId: tab.id });
      if (!alive.current) return;
      if (!reply.ok) {
        setActionError(`This page could not be checked${reply.error ? `: ${reply.error}` : '.'}`);
        return;
      }
      setLoad((l) =>
        l.phase === 'ready'
          ? { ...l, status: { ...(l.status ?? emptyStatus(tab.url)), state: 'checking' } }
          : l,
      );
      schedulePoll(tab.id, since ?? undefined, 0);
    } catch (e) {
      if (alive.current) setActionError(errorText(e));
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const jump = async (index: number) => {
    setActionError(null);
    try {
      const { ok } = await send('scroll-to-finding', { tabId: tab.id, index });
      if (!ok && alive.current) setActionError('That sentence is no longer on the page. Check the page again.');
    } catch (e) {
      if (alive.current) setActionError(errorText(e));
    }
  };

  const toggleSite = (on: boolean) => {
    if (!host) return;
    const change = autoCheckChange(settings, host, on);
    if (!change) return;
    // Off the allow list: its access is given back, as on the options page.
    for (const h of settings.allowSites) if (!change.allowSites.includes(h)) void removeOrigins(sitePatterns(h));
    if (!change.allowSites.includes(host) || settings.allowSites.includes(host)) {
      void changeSettings(change);
      return;
    }
    // Onto the allow list: the site's access first, asked inside the reader's click.
    void requestOrigins(sitePatterns(host)).then((granted) => {
      if (granted) void changeSettings(change);
      else if (alive.current) setActionError(`SourceLight was not given access to ${host}, so its pages are checked only when you ask.`);
    });
  };
  const needsAccess = settings.mode === 'auto' && allSites.granted === false;
  const giveAccess = () => void requestOrigins(ALL_SITES).then(() => allSites.refresh());

  const siteHint = !host
    ? 'Only web pages (http and https) can be checked.'
    : settings.mode === 'auto'
      ? needsAccess
        ? 'Automatic checking waits for access to sites; until then pages are checked only when you ask.'
        : autoOn
        ? `Pages about Belarus or the ICC on ${host} are checked when they open.`
        : `${host} is on your block list: its pages are checked only when you ask.`
      : autoOn
        ? `${host} is on your allow list: its pages are checked when they open.`
        : 'Pages are checked only when you ask (manual mode, in Settings).';

  return (
    <PopupFrame pack={pack}>
      <p class={`sl-status sl-status-${status?.state ?? 'none'}`} role="status" data-testid="status-line">
        {status?.state === 'checking' ? <span class="sl-spinner" aria-hidden="true" /> : null}
        {statusLine(status, host)}
      </p>

      {needsAccess ? (
        <Notice
          kind="warning"
          title="Automatic checking needs access to sites"
          action={{ label: 'Give access to all sites', onClick: giveAccess }}
          testId="access-missing"
        >
          <p>SourceLight may not read the sites you visit yet, so it checks a page only when you ask.</p>
        </Notice>
      ) : null}

      {actionError ? (
        <Notice kind="error" testId="action-error">
          {actionError}
        </Notice>
      ) : null}

      <button
        type="button"
        class="sl-button sl-button-primary sl-button-wide"
        data-action="check-now"
        disabled={!host || busy === 'check' || status?.state === 'checking'}
        onClick={() => void checkNow()}
      >
        {status?.state === 'checking' ? 'Checking\u2026' : 'Check this page now'}
      </button>

      <section class="sl-switches" aria-label="Settings for this page">
        <Switch
          label="Check this site automatically"
          hint={siteHint}
          checked={autoOn}
          disabled={!host || busy === 'settings'}
          onChange={toggleSite}
          testId="switch-site"
        />
        <Switch
          label="Show related sentences"
          hint="Sentences about the same subject that state nothing to compare."
          checked={settings.showRelated}
          disabled={busy === 'settings'}
          onChange={(on) => void changeSettings({ showRelated: on })}
          testId="switch-related"
        />
      </section>

      {findings.length > 0 ? (
        <FindingList
          findings={findings}
          showRelated={settings.showRelated}
          onJump={(i) => void jump(i)}
          onOpenSource={(f) => void openSourceViewer(f.fact.sourceId, f.fact.id, f.fact.quote)}
          maxSentence={140}
        />
      ) : null}
      {!settings.showRelated && relatedCount > 0 ? (
        <p class="sl-hint" data-testid="related-hidden">
          {plural(relatedCount, 'related sentence is', 'related sentences are')} not listed. Turn on
          &ldquo;Show related sentences&rdquo; to see {relatedCount === 1 ? 'it' : 'them'}.
        </p>
      ) : null}

    </PopupFrame>
  );
}

export function packLine(pack: PackInfo): string {
  const enabled = pack.imported.filter((p) => p.enabled).length;
  const extra = enabled ? ` + ${plural(enabled, 'imported pack', 'imported packs')}` : '';
  return `Facts v${pack.version} \u00B7 ${plural(pack.facts, 'fact', 'facts')}${extra}`;
}

function emptyStatus(url: string | undefined): PageStatus {
  return { state: 'idle', url: url ?? '', title: '', findings: [], textLength: 0 };
}

function PopupFrame({ pack, children }: { pack: PackInfo | null; children: ComponentChildren }) {
  return (
    <div class="sl-popup">
      <header class="sl-popup-header">
        <h1 class="sl-title">
          <span class="sl-logo" aria-hidden="true" />
          SourceLight
        </h1>
        <span class="sl-offline" title="Nothing you read leaves this device">
          Offline
        </span>
      </header>
      <main class="sl-popup-main">{children}</main>
      <footer class="sl-popup-footer">
        <nav class="sl-links" aria-label="SourceLight pages">
          <a
            href={extensionUrl(sourceViewerPath())}
            data-action="open-sources"
            onClick={(e) => {
              e.preventDefault();
              void openSourceViewer();
            }}
          >
            All sources
          </a>
          <a
            href={extensionUrl('/options.html')}
            data-action="open-options"
            onClick={(e) => {
              e.preventDefault();
              void openOptions();
            }}
          >
            Settings &amp; fact packs
          </a>
        </nav>
        <p class="sl-pack" data-testid="pack-version">
          {pack ? packLine(pack) : '\u00A0'}
        </p>
      </footer>
    </div>
  );
}

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createTextExtractor, extractPageText } from '../../../src/page/extract-text';

function page(html: string): Document {
  document.documentElement.innerHTML = `<head><title>t</title></head><body>${html}</body>`;
  document.designMode = 'off';
  return document;
}

const text = (html: string) => extractPageText(page(html)).text;

describe('extractPageText: what is read', () => {
  it('reads paragraphs and collapses white space as a browser renders it', () => {
    expect(text('<p>  Lithuania   referred\n   the <b>case</b>\t.</p>')).toBe('Lithuania referred the case .');
  });

  it('keeps no-break spaces and drops soft hyphens and zero-width spaces', () => {
    expect(text('<p>Lukash&shy;enko in\u200b Minsk,&nbsp;Belarus</p>')).toBe('Lukashenko in Minsk,\u00a0Belarus');
  });

  it('separates block elements so sentences never run across them', () => {
    const t = text('<h1>A headline without a stop</h1><p>First paragraph.</p><ul><li>one</li><li>two</li></ul><p>Line one<br>line two</p>');
    expect(t).toBe('A headline without a stop\n\nFirst paragraph.\n\none\n\ntwo\n\nLine one\nline two');
  });

  it('never starts or ends with a break, and merges adjacent breaks', () => {
    expect(text('<div><div><p>Only.</p></div></div><div></div>')).toBe('Only.');
  });

  it('treats table cells, blockquotes and figure captions as blocks', () => {
    expect(text('<table><tr><td>Cell A</td><td>Cell B</td></tr></table><blockquote>Quoted</blockquote><figure><figcaption>Caption</figcaption></figure>')).toBe(
      'Cell A\n\nCell B\n\nQuoted\n\nCaption',
    );
  });

  it('keeps white space inside <pre>', () => {
    expect(text('<pre>a  b\nc</pre>')).toBe('a  b\nc');
  });

  it('reads inline elements without breaks', () => {
    expect(text('<p>The <a href="#">International <em>Criminal</em></a> Court.</p>')).toBe('The International Criminal Court.');
  });
});

describe('extractPageText: what is skipped', () => {
  it.each([
    ['script', '<script>var belarus = 1</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['noscript', '<noscript>Enable JS</noscript>'],
    ['template', '<template><p>Hidden template</p></template>'],
    ['svg', '<svg><text>Belarus</text></svg>'],
    ['iframe', '<iframe>fallback</iframe>'],
    ['object', '<object>fallback</object>'],
    ['canvas', '<canvas>fallback</canvas>'],
    ['nav', '<nav><a>Home</a></nav>'],
    ['aside', '<aside>Related stories</aside>'],
    ['form', '<form><label>Name</label></form>'],
    ['button', '<button>Share</button>'],
    ['select', '<select><option>Belarus</option></select>'],
    ['textarea', '<textarea>draft</textarea>'],
    ['hidden attribute', '<p hidden>Hidden</p>'],
    ['aria-hidden', '<p aria-hidden="true">Decorative</p>'],
    ['inline display:none', '<p style="color: red; display : none">None</p>'],
    ['inline visibility:hidden', '<p style="visibility:hidden">Invisible</p>'],
    ['contenteditable', '<div contenteditable="true">My draft about Belarus</div>'],
    ['contenteditable (empty value)', '<div contenteditable>My draft</div>'],
    ['SourceLight UI', '<div data-sourcelight>Agrees with the sources</div>'],
    ['navigation role', '<div role="navigation">Menu</div>'],
    ['closed dialog', '<dialog>Modal text</dialog>'],
  ])('skips %s', (_name, html) => {
    expect(text(`<p>Before.</p>${html}<p>After.</p>`)).toBe('Before.\n\nAfter.');
  });

  it('reads contenteditable="false" and an open dialog', () => {
    expect(text('<div contenteditable="false">Kept.</div><dialog open>Open.</dialog>')).toBe('Kept.\n\nOpen.');
  });

  it('skips page chrome header/footer but keeps an article header', () => {
    const t = text(`
      <header><h1>Site name</h1></header>
      <div class="wrap"><footer>Wrapper footer</footer></div>
      <main><article><header><h1>The headline</h1></header><p>Body.</p><footer>By a reporter</footer></article></main>
      <footer>Copyright</footer>
      <div role="contentinfo">Legal</div>`);
    expect(t).toBe('The headline\n\nBody.\n\nBy a reporter');
  });

  it('skips a header with role banner even inside an article', () => {
    expect(text('<article><header role="banner">Banner</header><p>Body.</p></article>')).toBe('Body.');
  });

  it('keeps an app root a modal library hid with aria-hidden while it still holds the article', () => {
    expect(text('<div id="app" aria-hidden="true"><article><p>The story.</p></article></div><div role="dialog">Accept cookies</div>')).toBe(
      'The story.\n\nAccept cookies',
    );
  });

  it('shows only the summary of a closed <details>', () => {
    expect(text('<details><summary>More</summary><p>Inside.</p></details><details open><summary>Open</summary><p>Shown.</p></details>')).toBe(
      'More\n\nOpen\n\nShown.',
    );
  });

  it('reads nothing of a page in design mode', () => {
    const doc = page('<p>Draft.</p>');
    doc.designMode = 'on';
    expect(extractPageText(doc).text).toBe('');
    doc.designMode = 'off';
  });
});

describe('extractPageText: shadow roots', () => {
  it('reads an open shadow root in place of the light children, with slotted content', () => {
    const doc = page('<p>Before.</p><x-card><span>slotted text</span><span slot="other">unslotted</span></x-card><p>After.</p>');
    const host = doc.querySelector('x-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div>Shadow paragraph.</div><p>Then <slot></slot>.</p>';
    expect(extractPageText(doc).text).toBe('Before.\n\nShadow paragraph.\n\nThen slotted text.\n\nAfter.');
  });

  it('applies the rules inside shadow trees', () => {
    const doc = page('<x-widget></x-widget>');
    const shadow = doc.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Kept.</p><nav>Menu</nav><script>x</script>';
    expect(extractPageText(doc).text).toBe('Kept.');
  });

  it('extracts from a shadow root as the root', () => {
    const doc = page('<x-widget></x-widget>');
    const shadow = doc.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>One.</p><p>Two.</p>';
    expect(extractPageText(shadow).text).toBe('One.\n\nTwo.');
  });
});

describe('extractPageText: element roots read with their ancestors’ rules', () => {
  it('reads a block inside an article as a full scan would', () => {
    const doc = page('<article><header><h1>Headline</h1></header></article>');
    expect(extractPageText(doc.querySelector('h1')!).text).toBe('Headline');
  });

  it('reads nothing from a block inside page chrome or a skipped element', () => {
    const doc = page('<header><p id="a">Site tagline</p></header><nav><p id="b">Menu</p></nav><div hidden><p id="c">x</p></div>');
    for (const id of ['a', 'b', 'c']) expect(extractPageText(doc.getElementById(id)!).text).toBe('');
  });
});

describe('extractPageText: the offset map', () => {
  it('maps every character of the text back to the same character in the DOM', () => {
    const doc = page(`
      <h1>Heading  one</h1>
      <p>On 30 September 2024, <a href="#">Lithuania</a>
         referred   the situation in <b>Bel</b><i>arus</i> to the court.</p>
      <ul><li>Item&nbsp;one</li></ul>`);
    const { text: t, map } = extractPageText(doc);
    for (let i = 0; i < t.length; i++) {
      const point = map.locate(i);
      if (t[i] === '\n') {
        expect(point).toBeNull();
        continue;
      }
      expect(point, `offset ${i}`).not.toBeNull();
      const ch = point!.node.data[point!.offset]!;
      // A collapsed space maps to the first white-space character it stands for.
      if (t[i] === ' ') expect(/\s/.test(ch)).toBe(true);
      else expect(ch).toBe(t[i]);
    }
  });

  it('gives a Range over several text nodes whose text is the sentence', () => {
    const doc = page('<p>Intro. On 30 September 2024, <a href="#">Lithuania</a>\n   referred <b>Bel</b><i>arus</i> to the court. Outro.</p>');
    const { text: t, map } = extractPageText(doc);
    const sentence = 'On 30 September 2024, Lithuania referred Belarus to the court.';
    const start = t.indexOf(sentence);
    const range = map.toRange(start, start + sentence.length)!;
    expect(range).not.toBeNull();
    expect(range.toString().replace(/\s+/g, ' ')).toBe(sentence);
    expect(range.startContainer.textContent).toContain('On 30 September');
    expect((range.endContainer as Text).data).toContain('to the court');
  });

  it('returns null for spans with no DOM text (only a break) or emptiness', () => {
    const doc = page('<p>One.</p><p>Two.</p>');
    const { text: t, map } = extractPageText(doc);
    const br = t.indexOf('\n');
    expect(map.toRange(br, br + 2)).toBeNull();
    expect(map.toRange(3, 3)).toBeNull();
  });

  it('returns nothing for nodes that left the document', () => {
    const doc = page('<p id="p">Gone soon.</p>');
    const { map } = extractPageText(doc);
    doc.getElementById('p')!.remove();
    expect(map.toRange(0, 4)).toBeNull();
  });

  it('splits a span that crosses into a shadow tree into one range per tree', () => {
    const doc = page('<p>Light text <x-name></x-name> more light.</p>');
    doc.querySelector('x-name')!.attachShadow({ mode: 'open' }).innerHTML = '<span>shadow words</span>';
    const { text: t, map } = extractPageText(doc);
    expect(t).toBe('Light text shadow words more light.');
    const ranges = map.toRanges(0, t.length);
    expect(ranges.map((r) => r.toString())).toEqual(['Light text ', 'shadow words', ' more light.']);
    expect(map.toRange(0, t.length)!.toString()).toBe('Light text ');
  });
});

describe('extractPageText: bounds and slicing', () => {
  it('stops at the character cap and says so', () => {
    const doc = page(`<p>${'word '.repeat(1000)}</p>`);
    const r = extractPageText(doc, { maxChars: 100 });
    expect(r.text.length).toBe(100);
    expect(r.truncated).toBe(true);
  });

  it('stops at the node cap', () => {
    const doc = page('<p>a</p>'.repeat(100));
    const r = extractPageText(doc, { maxNodes: 20 });
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThan(100);
  });

  it('gives the same text and map when read in many small slices', () => {
    const doc = page(Array.from({ length: 600 }, (_, i) => `<p>Paragraph <b>${i}</b> about Belarus.</p>`).join(''));
    const whole = extractPageText(doc);
    const extractor = createTextExtractor(doc);
    let slices = 0;
    let calls = 0;
    while (!extractor.step(() => ++calls % 2 === 0)) slices++;
    const sliced = extractor.result();
    expect(slices).toBeGreaterThan(3);
    expect(sliced.text).toBe(whole.text);
    const at = whole.text.indexOf('599');
    expect(sliced.map.toRange(at, at + 3)!.toString()).toBe('599');
  });

  it('uses checkVisibility only when asked for layout', () => {
    const doc = page('<p id="x">Laid out away.</p><p>Seen.</p>');
    const el = doc.getElementById('x')!;
    el.checkVisibility = () => false;
    expect(extractPageText(doc).text).toBe('Laid out away.\n\nSeen.');
    expect(extractPageText(doc, { layout: true }).text).toBe('Seen.');
  });
});

describe('extractPageText: white space across nodes', () => {
  it.each([
    ['<p>a<b> b </b>c</p>', 'a b c'],
    ['<p>a <b> b</b> c</p>', 'a b c'],
    ['<p> lead and trail </p>', 'lead and trail'],
    ['<p>one</p> <p> </p><p>two</p>', 'one\n\ntwo'],
    ['<p>x<span> </span>y</p>', 'x y'],
    ['<p>x<span></span>y</p>', 'xy'],
    ['<p>tab\there</p>', 'tab here'],
  ])('%s reads as %j', (html, expected) => {
    expect(text(html)).toBe(expected);
  });

  it('maps a space collapsed from the next node to that node', () => {
    const doc = page('<p>a<b> b</b></p>');
    const { text: t, map } = extractPageText(doc);
    expect(t).toBe('a b');
    expect(map.locate(1)!.node).toBe(doc.querySelector('b')!.firstChild);
  });
});

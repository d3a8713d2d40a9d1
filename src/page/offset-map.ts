/**
 * Maps offsets in extracted text back to DOM positions. Extraction collapses white space and adds
 * paragraph breaks, so the map is piecewise: each piece is a run of text copied one to one from
 * one Text node. Offsets are UTF-16 code units, like String indices and DOM Range offsets.
 */

export interface DomPoint {
  node: Text;
  offset: number;
}

export interface OffsetMap {
  /** Length of the text the map belongs to. */
  readonly length: number;
  /** DOM position of the character at `offset`, or null where the text has a generated break. */
  locate(offset: number): DomPoint | null;
  /**
   * A live Range over text `[start, end)` (end exclusive), or null when nothing in it comes from
   * the DOM or its nodes have left the document. When the span crosses into a shadow tree, the
   * part in the tree of its first character (a Range cannot cross tree boundaries).
   */
  toRange(start: number, end: number): Range | null;
  /** Like toRange, but one Range per DOM tree the span touches, so none of it is lost. */
  toRanges(start: number, end: number): Range[];
}

/** Builds a map while text is appended; pieces must arrive in increasing text order. */
export class OffsetMapBuilder {
  // Parallel arrays rather than objects: a long page has hundreds of thousands of pieces.
  private readonly textStarts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly nodes: Text[] = [];
  private readonly nodeStarts: number[] = [];

  /** Records that text `[textStart, textStart + length)` is `node.data` from `nodeStart`. */
  add(textStart: number, node: Text, nodeStart: number, length: number): void {
    const last = this.nodes.length - 1;
    if (
      last >= 0 &&
      this.nodes[last] === node &&
      this.textStarts[last]! + this.lengths[last]! === textStart &&
      this.nodeStarts[last]! + this.lengths[last]! === nodeStart
    ) {
      this.lengths[last]! += length;
      return;
    }
    this.textStarts.push(textStart);
    this.lengths.push(length);
    this.nodes.push(node);
    this.nodeStarts.push(nodeStart);
  }

  build(length: number): OffsetMap {
    return new PieceMap(length, this.textStarts, this.lengths, this.nodes, this.nodeStarts);
  }
}

class PieceMap implements OffsetMap {
  constructor(
    readonly length: number,
    private readonly textStarts: number[],
    private readonly lengths: number[],
    private readonly nodes: Text[],
    private readonly nodeStarts: number[],
  ) {}

  /** Index of the first piece that ends after `offset`, or the piece count when none does. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.textStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.textStarts[mid]! + this.lengths[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  locate(offset: number): DomPoint | null {
    const i = this.firstEndingAfter(offset);
    if (i >= this.textStarts.length || this.textStarts[i]! > offset) return null;
    return { node: this.nodes[i]!, offset: this.nodeStarts[i]! + offset - this.textStarts[i]! };
  }

  toRange(start: number, end: number): Range | null {
    return this.toRanges(start, end)[0] ?? null;
  }

  toRanges(start: number, end: number): Range[] {
    const out: Range[] = [];
    if (!(start < end)) return out;
    let first = -1;
    let last = -1;
    let root: Node | null = null;
    const flush = () => {
      if (first < 0) return;
      const range = this.rangeOver(first, last, start, end);
      if (range) out.push(range);
    };
    for (let i = this.firstEndingAfter(start); i < this.textStarts.length && this.textStarts[i]! < end; i++) {
      const node = this.nodes[i]!;
      if (!node.isConnected) continue;
      const nodeRoot = node.getRootNode();
      if (nodeRoot !== root) {
        flush();
        root = nodeRoot;
        first = i;
      }
      last = i;
    }
    flush();
    return out;
  }

  /** One Range from piece `first` to piece `last`, clipped to text `[start, end)`. */
  private rangeOver(first: number, last: number, start: number, end: number): Range | null {
    const a = this.nodes[first]!;
    const b = this.nodes[last]!;
    const aOffset = this.nodeStarts[first]! + Math.max(0, start - this.textStarts[first]!);
    const bOffset = this.nodeStarts[last]! + Math.min(this.lengths[last]!, end - this.textStarts[last]!);
    const doc = a.ownerDocument;
    if (!doc) return null;
    try {
      const range = doc.createRange();
      range.setStart(a, aOffset);
      range.setEnd(b, bOffset);
      return range.collapsed ? null : range;
    } catch {
      // The node's text shrank since extraction (IndexSizeError): the span is stale.
      return null;
    }
  }
}

/**
 * Pure: every card figure of the Progress page from ONE pass over the live
 * cards. lib/db/stats-cards.ts feeds each card's columns to `add` (through a
 * SQLite aggregate function, so that no row object is built per card); the
 * arithmetic is here, in plain JavaScript.
 *
 * Definitions (the same as before this pass moved out of SQL; see
 * lib/services/stats.ts and ./types.ts):
 * - status: leech, else suspended, else the FSRS state 0–3 (another state is
 *   counted nowhere in `counts`);
 * - overdue: active (not suspended, not leech) non-new cards whose effective
 *   due date max(due, buriedUntil) is before today's study day began (the
 *   forecast itself is lib/services/study-counts.ts's, one source for every page);
 * - buckets: non-new cards; stability by STABILITY_EDGES, difficulty
 *   [1,2) … [9,10], retrievability now [0,0.1) … [0.9,1] (0 without a curve);
 * - e = whole study days since the last review (a card with a curve: not
 *   new, reviewed, stability > 0);
 * - known: Σ recall at max(1, e) — no card counts as just seen;
 * - mastered: recall at e + horizon ≥ threshold and last answer not Again;
 * - newAvailable: active new cards not buried at `now`;
 * - weakest: candidate cards of the weak kinds with a curve, lowest recall
 *   at max(1, e) first (ties by note key, then card kind).
 * The curve is the card's deck's (its preset's weights, else the global ones).
 */
import type { RecallCurve } from "../srs";

export interface Share {
  cards: number;
  mastered: number;
}

export interface WeakCandidate {
  noteId: number;
  recall: number;
  noteKey: string;
  cardKind: string;
}

export interface CardTallyContext {
  now: number;
  /** Study-day index of `now`. */
  today: number;
  todayStart: number;
  /** Study-day index of an instant (lib/stats/tz-offsets studyDayIndexAt). */
  dayIndex: (t: number) => number;
  /** The recall curve of a deck's cards. */
  curveOf: (deckId: number) => RecallCurve;
  masteryThreshold: number;
  masteryHorizonDays: number;
  /** Lower bounds of the stability buckets, ascending, first = 0. */
  stabilityEdges: readonly number[];
  weakKinds: readonly string[];
  /** How many weakest candidate cards to keep. */
  weakCandidates: number;
}

export interface CardFigures {
  counts: { new: number; learning: number; review: number; relearning: number; suspended: number; leech: number };
  overdue: number;
  /** Bucket index → cards. */
  stability: Map<number, number>;
  difficulty: Map<number, number>;
  retrievability: Map<number, number>;
  byDeck: Map<number, Share>;
  byTopic: Map<string, Share>;
  /** By the note's kind as stored. */
  byKind: Map<string, Share>;
  newAvailable: number;
  known: number;
  /** Non-new cards. */
  reviewedCards: number;
  /** Weakest cards first. */
  weakest: WeakCandidate[];
}

const STATUS = ["new", "learning", "review", "relearning", "suspended", "leech"] as const;

/** A curve with mastery's edge worked out: R(t) ≥ threshold ⇔ t ≤ S·edge (the curve falls with t/S). */
type DeckCurve = { recall: RecallCurve["recall"]; edge: number };

function share(m: Map<unknown, Share>, key: unknown, mastered: number) {
  let s = m.get(key);
  if (s === undefined) {
    s = { cards: 0, mastered: 0 };
    m.set(key, s);
  }
  s.cards++;
  s.mastered += mastered;
}

/** By code point, i.e. as SQLite's BINARY collation orders UTF-8 text (JavaScript's < compares UTF-16 units). */
function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** a before b in the weakest list: lower recall, then note key, then card kind. */
function weaker(a: WeakCandidate, b: WeakCandidate): boolean {
  if (a.recall !== b.recall) return a.recall < b.recall;
  if (a.noteKey !== b.noteKey) return compareText(a.noteKey, b.noteKey) < 0;
  return compareText(a.cardKind, b.cardKind) < 0;
}

export class CardTally {
  private readonly status = new Float64Array(STATUS.length);
  private overdue = 0;
  private readonly stab: number[];
  private readonly diff = new Array<number>(9).fill(0);
  private readonly ret = new Array<number>(10).fill(0);
  private readonly byDeck = new Map<number, Share>();
  private readonly byTopic = new Map<string, Share>();
  private readonly byKind = new Map<string, Share>();
  private newAvailable = 0;
  /** Σ recall in units of 1e-8: recall is rounded to 8 places, so the sum is exact and does not depend on the order of the cards. */
  private knownE8 = 0;
  private reviewedCards = 0;
  private readonly weak: WeakCandidate[] = [];
  private readonly curves = new Map<number, DeckCurve>();
  private readonly edges: number[];
  private readonly weakKinds: Set<string>;

  constructor(private readonly c: CardTallyContext) {
    this.edges = c.stabilityEdges.slice(1);
    this.stab = new Array<number>(c.stabilityEdges.length).fill(0);
    this.weakKinds = new Set(c.weakKinds);
  }

  private curve(deckId: number): DeckCurve {
    let k = this.curves.get(deckId);
    if (k === undefined) {
      const { recall, decay, factor } = this.c.curveOf(deckId);
      k = { recall, edge: (this.c.masteryThreshold ** (1 / decay) - 1) / factor };
      this.curves.set(deckId, k);
    }
    return k;
  }

  /** One live card. `suspended` and `leech` are 0 or 1; times are epoch ms. */
  add(
    deckId: number,
    topic: string,
    kind: string,
    noteId: number,
    noteKey: string,
    cardKind: string,
    state: number,
    suspended: number,
    leech: number,
    due: number,
    buriedUntil: number | null,
    stability: number,
    difficulty: number,
    lastReview: number | null,
    lastRating: number | null,
  ): void {
    const c = this.c;
    const active = !suspended && !leech;
    const status = leech ? 5 : suspended ? 4 : state >= 0 && state <= 3 ? state : -1;
    if (status >= 0) this.status[status]!++;
    let mastered = 0;
    if (state === 0) {
      if (active && (buriedUntil === null || buriedUntil <= c.now)) this.newAvailable++;
    } else {
      const eff = buriedUntil !== null && buriedUntil > due ? buriedUntil : due;
      if (active && eff < c.todayStart) this.overdue++;
      let sb = 0;
      while (sb < this.edges.length && stability >= this.edges[sb]!) sb++;
      this.stab[sb]!++;
      const db = Math.trunc(difficulty) - 1;
      this.diff[Math.max(0, Math.min(db, 8))]!++;
      this.reviewedCards++;
      if (lastReview === null || stability <= 0) this.ret[0]!++;
      else {
        const k = this.curve(deckId);
        const e = Math.max(0, c.today - c.dayIndex(lastReview));
        const r = k.recall(e, stability);
        const rb = Math.trunc(r * 10);
        this.ret[Math.max(0, Math.min(rb, 9))]!++;
        const recall = e === 0 ? k.recall(1, stability) : r;
        this.knownE8 += Math.round(recall * 1e8);
        if (lastRating !== 1) {
          // Only within 0.1% of the edge is the rounded curve itself needed.
          const t = e + c.masteryHorizonDays;
          const edge = stability * k.edge;
          mastered = t < edge * 0.999 ? 1 : t > edge * 1.001 ? 0 : k.recall(t, stability) >= c.masteryThreshold ? 1 : 0;
        }
        if (this.weakKinds.has(kind)) this.offerWeak({ noteId, recall, noteKey, cardKind });
      }
    }
    share(this.byDeck, deckId, mastered);
    share(this.byTopic, topic, mastered);
    share(this.byKind, kind, mastered);
  }

  /** Keeps the `weakCandidates` weakest, sorted (insertion: after the first few hundred cards almost every card is rejected by one comparison). */
  private offerWeak(w: WeakCandidate) {
    const list = this.weak;
    const max = this.c.weakCandidates;
    if (max <= 0) return;
    if (list.length === max && !weaker(w, list[max - 1]!)) return;
    let i = list.length;
    while (i > 0 && weaker(w, list[i - 1]!)) i--;
    list.splice(i, 0, w);
    if (list.length > max) list.pop();
  }

  result(): CardFigures {
    const counts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 };
    STATUS.forEach((name, i) => {
      counts[name] = this.status[i]!;
    });
    const toMap = (a: number[]) => new Map(a.map((n, i) => [i, n] as [number, number]).filter(([, n]) => n > 0));
    return {
      counts,
      overdue: this.overdue,
      stability: toMap(this.stab),
      difficulty: toMap(this.diff),
      retrievability: toMap(this.ret),
      byDeck: this.byDeck,
      byTopic: this.byTopic,
      byKind: this.byKind,
      newAvailable: this.newAvailable,
      known: this.knownE8 / 1e8,
      reviewedCards: this.reviewedCards,
      weakest: [...this.weak],
    };
  }
}

// Which questions make a quiz: as many as asked whenever the pool allows it.
// Two questions conflict when one would show the other's answer (leaks.ts);
// formats of one card (same id) are alternatives, so at most one of them is
// asked. Dropping conflicting questions after a random pick leaves quizzes
// short; this searches instead (branch and bound over the shuffled pool, a
// maximum independent set capped at the length asked), so a quiz comes out
// short only when no larger set of questions exists — and then says so.
// Pure and deterministic in the candidates' order.

export interface Selection<Q> {
  /** The chosen questions, in candidate order. */
  chosen: Q[];
  /**
   * When fewer than asked were chosen: true if the search proved that no set
   * of questions without conflicts is larger (the pool's maximum); false if it
   * stopped at its step budget first (never seen on real decks).
   */
  maximal: boolean;
}

/** Steps (nodes of the search tree) one search may take before it settles for the best set found. */
export const SEARCH_BUDGET = 200_000;

type Graph = { n: number; adj: Uint8Array[] };

function graphOf<Q>(qs: readonly Q[], conflicts: (a: Q, b: Q) => boolean): Graph {
  const n = qs.length;
  const adj = Array.from({ length: n }, () => new Uint8Array(n));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (conflicts(qs[i]!, qs[j]!)) {
        adj[i]![j] = 1;
        adj[j]![i] = 1;
      }
  return { n, adj };
}

/**
 * An upper bound on how many of `cands` can be chosen together: the number of
 * cliques in a greedy clique cover (at most one member of a clique fits).
 */
function cliqueCover(g: Graph, cands: readonly number[]): number {
  const cliques: number[][] = [];
  for (const v of cands) {
    const home = cliques.find((c) => c.every((u) => g.adj[v]![u] === 1));
    if (home) home.push(v);
    else cliques.push([v]);
  }
  return cliques.length;
}

/** Largest independent set of `g` up to `target` vertices, exploring vertices in index order (include first). */
function search(g: Graph, target: number, budget: number): { best: number[]; complete: boolean } {
  let best: number[] = [];
  let steps = 0;
  let stopped = false;
  const rec = (cands: number[], chosen: number[]) => {
    if (chosen.length > best.length) best = chosen.slice();
    if (best.length >= target) {
      stopped = true;
      return;
    }
    if (chosen.length + cliqueCover(g, cands) <= best.length) return;
    for (let i = 0; i < cands.length && !stopped; i++) {
      if (++steps > budget) {
        stopped = true;
        return;
      }
      if (chosen.length + cliqueCover(g, cands.slice(i)) <= best.length) return;
      const v = cands[i]!;
      chosen.push(v);
      rec(
        cands.slice(i + 1).filter((u) => g.adj[v]![u] === 0),
        chosen,
      );
      chosen.pop();
    }
  };
  rec(
    Array.from({ length: g.n }, (_, i) => i),
    [],
  );
  return { best, complete: steps <= budget };
}

/**
 * Up to `length` questions of `candidates` with no two in conflict and no two
 * sharing an id, preferring at most one question per note (siblings hint at
 * each other): the one-per-note rule is dropped only when keeping it would
 * make the quiz shorter. Earlier candidates (and, of one id, earlier formats)
 * are preferred, so a shuffled pool gives a random quiz.
 */
export function selectQuestions<Q extends { id: string; noteKeys?: readonly string[] }>(
  candidates: readonly Q[],
  length: number,
  conflicts: (a: Q, b: Q) => boolean,
  budget: number = SEARCH_BUDGET,
): Selection<Q> {
  const sameId = (a: Q, b: Q) => a.id === b.id;
  const siblings = (a: Q, b: Q) => (a.noteKeys ?? []).some((k) => (b.noteKeys ?? []).includes(k));
  const hard = graphOf(candidates, (a, b) => sameId(a, b) || conflicts(a, b));
  const strict: Graph = {
    n: hard.n,
    adj: hard.adj.map((row, i) => row.map((x, j) => (x === 1 || (i !== j && siblings(candidates[i]!, candidates[j]!)) ? 1 : 0))),
  };
  let picked = search(strict, length, budget).best;
  let complete = true;
  if (picked.length < length) {
    // Siblings allowed: explore the one-per-note set's questions first, so it is kept where it can be.
    const second = searchInOrder(hard, [...picked, ...rest(candidates.length, picked)], length, budget);
    picked = second.best;
    complete = second.complete;
  }
  if (picked.length < length && complete) {
    // As long as the topic allows. Of the sets that long, prefer one with the questions that cover
    // most notes (a match question of four terms): explored first, the search keeps one whenever it can.
    const broad = candidates.map((_, i) => i).sort((a, b) => (candidates[b]!.noteKeys?.length ?? 0) - (candidates[a]!.noteKeys?.length ?? 0));
    const third = searchInOrder(hard, broad[0] === undefined || (candidates[broad[0]]!.noteKeys?.length ?? 0) <= 1 ? [] : broad, picked.length, budget);
    if (third.best.length === picked.length) picked = third.best;
  }
  const chosen = new Set(picked);
  return { chosen: candidates.filter((_, i) => chosen.has(i)), maximal: picked.length >= length || complete };
}

/** Indices 0..n-1 not in `taken`, in order. */
const rest = (n: number, taken: readonly number[]) => Array.from({ length: n }, (_, i) => i).filter((i) => !taken.includes(i));

/** `search` over the vertices of `g` in the order given (an empty order searches nothing); result in g's indices. */
function searchInOrder(g: Graph, order: readonly number[], target: number, budget: number): { best: number[]; complete: boolean } {
  if (order.length === 0) return { best: [], complete: true };
  const reordered: Graph = { n: order.length, adj: order.map((i) => Uint8Array.from(order, (j) => g.adj[i]![j]!)) };
  const found = search(reordered, target, budget);
  return { best: found.best.map((k) => order[k]!), complete: found.complete };
}

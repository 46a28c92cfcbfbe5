/**
 * Workload simulator: what a desired retention costs and buys over the next
 * days, for the learner's own cards and FSRS parameters. Pure and
 * deterministic for a seed.
 *
 * The model is ts-fsrs's own (FSRSAlgorithm: next_state, next_interval and
 * the forgetting curve, with the learner's weights). Each simulated day:
 *  - every card due that day is reviewed: it is recalled with probability
 *    R(elapsed, S) — the learner's memory follows the parameters exactly —
 *    rated Again if forgotten, else Hard/Good/Easy with the learner's own
 *    shares; its memory state and next interval follow FSRS;
 *  - a forgotten card is relearned the same day: one more answer, Good,
 *    after a step (FSRS's short-term update, t = 0), as Cardinal's
 *    relearning step makes the learner do;
 *  - up to `newPerDay` new cards are learned, first rated with the learner's
 *    own first-answer shares; Again or Hard is followed by one same-day Good
 *    (the learning step that graduates the card), also charged;
 *  - time is charged per answer from the learner's own median durations.
 * "Knowledge" on a day is the sum of R over all cards (the expected number
 * of cards you would recall if asked that day); "retention" is the share of
 * due reviews recalled, which should equal the desired retention.
 * Daily review limits are not modelled: every due card is reviewed.
 */
import { FSRSAlgorithm, generatorParameters, type Grade } from "ts-fsrs";
import { mulberry32 } from "../generate/rng";

export interface SimCard {
  stability: number;
  difficulty: number;
  /** Days since the card's last review, at day 0. */
  elapsed: number;
  /** Days from day 0 until the card is due (≤ 0: due on day 0). */
  dueIn: number;
}

export interface SimulationInput {
  weights: readonly number[] | null;
  desiredRetention: number;
  days: number;
  /** Cards with a memory state (reviewed at least once). */
  cards: readonly SimCard[];
  /** Cards never reviewed; learned at up to newPerDay a day. */
  newCards: number;
  newPerDay: number;
  maximumInterval: number;
  /** Seconds per answer: first learning of a card, then reviews by rating (Again, Hard, Good, Easy). */
  costs: { learn: number; review: readonly [number, number, number, number] };
  /** Shares of first ratings (Again..Easy) and, when recalled, of Hard/Good/Easy. */
  ratings: { first: readonly [number, number, number, number]; recalled: readonly [number, number, number] };
  seed: number;
}

export interface SimulationResult {
  desiredRetention: number;
  /** Means over the simulated days. */
  reviewsPerDay: number;
  minutesPerDay: number;
  /** Expected cards recalled on the last day / all cards (learned or not). */
  knowledgeAtEnd: number;
  knowledgeShare: number;
  /** Recalled share of due reviews (excluding first learning). */
  retention: number;
  reviews: number;
}

/** Anki's simulator defaults, for learners without enough history of their own. */
export const DEFAULT_COSTS: SimulationInput["costs"] = { learn: 20, review: [24, 12, 8, 6] };
export const DEFAULT_RATINGS: SimulationInput["ratings"] = { first: [0.25, 0.1, 0.55, 0.1], recalled: [0.08, 0.84, 0.08] };

function pick(r: number, shares: readonly number[]): number {
  let sum = 0;
  const total = shares.reduce((a, b) => a + b, 0);
  for (let i = 0; i < shares.length; i++) {
    sum += shares[i]! / total;
    if (r < sum) return i;
  }
  return shares.length - 1;
}

export function simulate(input: SimulationInput): SimulationResult {
  const params = generatorParameters({
    ...(input.weights ? { w: [...input.weights] } : {}),
    request_retention: input.desiredRetention,
    maximum_interval: input.maximumInterval,
    enable_fuzz: false,
    enable_short_term: true,
  });
  const f = new FSRSAlgorithm(params);
  const rnd = mulberry32(input.seed);
  const total = input.cards.length + input.newCards;
  // Struct of arrays: S, D, day of last review, day due (NaN: not learned yet).
  const S = new Float64Array(total);
  const D = new Float64Array(total);
  const last = new Float64Array(total).fill(Number.NaN);
  const due = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  input.cards.forEach((c, i) => {
    S[i] = Math.max(c.stability, 0.01);
    D[i] = Math.min(Math.max(c.difficulty, 1), 10);
    last[i] = -c.elapsed;
    due[i] = Math.max(0, c.dueIn);
  });
  let nextNew = input.cards.length;
  let reviews = 0;
  let recalled = 0;
  let seconds = 0;
  let knowledge = 0;
  const { w } = params;
  const decay = -w[20]!;
  const factor = 0.9 ** (1 / decay) - 1;
  for (let day = 0; day < input.days; day++) {
    for (let i = 0; i < nextNew; i++) {
      if (due[i]! > day) continue;
      const t = day - last[i]!;
      const r = f.forgetting_curve(t, S[i]!);
      const ok = rnd() < r;
      const g = (ok ? 2 + pick(rnd(), input.ratings.recalled) : 1) as Grade;
      let next = f.next_state({ stability: S[i]!, difficulty: D[i]! }, t, g, r);
      if (!ok) {
        next = f.next_state(next, 0, 3);
        seconds += input.costs.review[2];
      }
      S[i] = next.stability;
      D[i] = next.difficulty;
      last[i] = day;
      due[i] = day + f.next_interval(next.stability, t);
      reviews++;
      if (ok) recalled++;
      seconds += input.costs.review[g - 1]!;
    }
    for (let k = 0; k < input.newPerDay && nextNew < total; k++, nextNew++) {
      const g = (1 + pick(rnd(), input.ratings.first)) as Grade;
      let s = f.next_state(null, 0, g);
      if (g <= 2) {
        s = f.next_state(s, 0, 3);
        seconds += input.costs.review[2];
      }
      S[nextNew] = s.stability;
      D[nextNew] = s.difficulty;
      last[nextNew] = day;
      due[nextNew] = day + f.next_interval(s.stability, 0);
      seconds += input.costs.learn;
    }
    if (day === input.days - 1) {
      knowledge = 0;
      for (let i = 0; i < nextNew; i++) knowledge += (1 + (factor * (day + 1 - last[i]!)) / S[i]!) ** decay;
    }
  }
  const days = Math.max(1, input.days);
  return {
    desiredRetention: input.desiredRetention,
    reviewsPerDay: reviews / days,
    minutesPerDay: seconds / 60 / days,
    knowledgeAtEnd: knowledge,
    knowledgeShare: total > 0 ? knowledge / total : 0,
    retention: reviews > 0 ? recalled / reviews : Number.NaN,
    reviews,
  };
}

export const RETENTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100);

export interface Sweep {
  points: SimulationResult[];
  /** Retention with the least time per card known at the end. */
  mostEfficient: number;
  /** Retentions costing at most 10% more time per known card than the most efficient one. */
  costEffective: { from: number; to: number };
}

export function sweepRetention(input: Omit<SimulationInput, "desiredRetention">, retentions: readonly number[] = RETENTIONS): Sweep {
  const points = retentions.map((desiredRetention) => simulate({ ...input, desiredRetention }));
  const cost = (p: SimulationResult) => (p.knowledgeAtEnd > 0 ? p.minutesPerDay / p.knowledgeAtEnd : Number.POSITIVE_INFINITY);
  let best = points[0]!;
  for (const p of points) if (cost(p) < cost(best)) best = p;
  const ok = points.filter((p) => cost(p) <= cost(best) * 1.1).map((p) => p.desiredRetention);
  return { points, mostEfficient: best.desiredRetention, costEffective: { from: Math.min(...ok), to: Math.max(...ok) } };
}

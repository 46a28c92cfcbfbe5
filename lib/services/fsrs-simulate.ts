/**
 * "Help me decide": the workload simulator run on the learner's own cards,
 * parameters and habits, for desired retention 0.70–0.97 (lib/srs/simulate.ts).
 *
 * Habits (seconds per answer, shares of ratings) come from self-rated answers
 * once there are enough of them (MIN_ANSWERS each); until then Anki's
 * simulator defaults are used, and the result says so.
 */
import { answerHabits, liveCards } from "../db/simulation-inputs";
import { getSettings } from "./settings";
import { deckPresetByKey } from "../db/deck-presets";
import { dayIndex, studyDayOf, withPreset, type DeckPreset } from "../srs";
import { DEFAULT_COSTS, DEFAULT_RATINGS, RETENTIONS, sweepRetention, type SimCard, type SimulationInput, type Sweep } from "../fsrs-fit/simulate";

const MIN_ANSWERS = 50;
/** Above this many cards the sweep uses a coarser grid (each point is one simulation: ~70 ms for 10k cards). */
const FINE_GRID_MAX_CARDS = 3000;
const COARSE_GRID = [0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];
export const SIMULATED_DAYS = 365;
export const DEFAULT_SEED = 42;

export interface WorkloadForecast {
  sweep: Sweep;
  desiredRetention: number;
  cards: number;
  newCards: number;
  days: number;
  seed: number;
  ownHabits: { costs: boolean; ratings: boolean };
}

/** The simulator's input for the learner's collection now (desired retention left out). */
export function simulationInput(
  now: Date,
  seed = DEFAULT_SEED,
  deck: { deckId: number; preset: DeckPreset } | null = null,
): Omit<SimulationInput, "desiredRetention"> & { ownHabits: WorkloadForecast["ownHabits"] } {
  const s = withPreset(getSettings(), deck?.preset ?? null);
  const today = dayIndex(studyDayOf(now, s.timezone, s.dayStartHour));
  const day = (ms: number) => dayIndex(studyDayOf(ms, s.timezone, s.dayStartHour)) - today;
  const cards: SimCard[] = [];
  let newCards = 0;
  for (const c of liveCards(deck?.deckId ?? null)) {
    if (c.state === 0 || c.stability <= 0 || c.last_review === null) newCards++;
    else cards.push({ stability: c.stability, difficulty: c.difficulty, elapsed: Math.max(0, -day(c.last_review)), dueIn: c.state === 2 ? day(c.due) : 0 });
  }
  const habits = answerHabits();
  const of = (state: (s: number) => boolean, rating: number) => habits.filter((h) => state(h.state) && h.rating === rating);
  const sum = (rows: typeof habits) => rows.reduce((a, h) => a + h.n, 0);
  const mean = (rows: typeof habits, fallback: number) => (sum(rows) >= MIN_ANSWERS ? rows.reduce((a, h) => a + h.seconds * h.n, 0) / sum(rows) : fallback);
  const isNew = (st: number) => st === 0;
  const isReview = (st: number) => st === 2;
  const first = [1, 2, 3, 4].map((r) => sum(of(isNew, r)));
  const recalled = [2, 3, 4].map((r) => sum(of(isReview, r)));
  const ownRatings = first.reduce((a, b) => a + b, 0) >= MIN_ANSWERS && recalled.reduce((a, b) => a + b, 0) >= MIN_ANSWERS;
  const reviewRows = habits.filter((h) => isReview(h.state));
  const ownCosts = sum(reviewRows) >= MIN_ANSWERS;
  const costs: SimulationInput["costs"] = ownCosts
    ? {
        learn: mean(
          habits.filter((h) => isNew(h.state)),
          DEFAULT_COSTS.learn,
        ),
        review: [1, 2, 3, 4].map((r, i) => mean(of(isReview, r), DEFAULT_COSTS.review[i]!)) as [number, number, number, number],
      }
    : DEFAULT_COSTS;
  return {
    weights: s.weights,
    days: SIMULATED_DAYS,
    cards,
    newCards,
    newPerDay: s.newPerDay,
    maximumInterval: s.maximumInterval,
    costs,
    ratings: ownRatings ? { first: first as [number, number, number, number], recalled: recalled as [number, number, number] } : DEFAULT_RATINGS,
    seed,
    ownHabits: { costs: ownCosts, ratings: ownRatings },
  };
}

export type ForecastOutcome = { kind: "not-found" } | { kind: "ok"; forecast: WorkloadForecast };

/** For one deck (its cards, with its preset), or for all cards with the global settings. */
export function forecastWorkloadFor(now: Date, seed: number, deckKey: string | null): ForecastOutcome {
  if (deckKey === null) return { kind: "ok", forecast: forecastWorkload(now, seed) };
  const deck = deckPresetByKey(deckKey);
  return deck ? { kind: "ok", forecast: forecastWorkload(now, seed, deck) } : { kind: "not-found" };
}

export function forecastWorkload(now: Date, seed = DEFAULT_SEED, deck: { deckId: number; preset: DeckPreset } | null = null): WorkloadForecast {
  const { ownHabits, ...input } = simulationInput(now, seed, deck);
  const desiredRetention = withPreset(getSettings(), deck?.preset ?? null).desiredRetention;
  const cards = input.cards.length + input.newCards;
  // The learner's own setting is always one of the points (it may be 0.98 or 0.99).
  const base = cards <= FINE_GRID_MAX_CARDS ? RETENTIONS : COARSE_GRID;
  const grid = [...new Set([...base, desiredRetention])].sort((a, b) => a - b);
  return {
    sweep: sweepRetention(input, grid),
    desiredRetention,
    cards: input.cards.length + input.newCards,
    newCards: input.newCards,
    days: input.days,
    seed,
    ownHabits,
  };
}

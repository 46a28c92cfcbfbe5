/**
 * A made-up but FSRS-shaped review history, deterministic for a seed: each
 * card is learned on a random day, then reviewed when Cardinal's own
 * scheduler (lib/srs, FSRS-6 defaults) says it is due, give or take a day;
 * the learner recalls it with the probability FSRS predicts. Used by tests
 * and the bench when the reference Anki CSV is not available, so that they
 * always have data of the right shape (learning steps on the same day,
 * lapses, relearning).
 */
import { mulberry32 } from "../generate/rng";
import { DEFAULT_SETTINGS, applyRating, newCardFields, retrievability, type Rating, type SchedulableCard } from "../srs";
import type { CsvReview } from "./csv";

export interface SyntheticOptions {
  cards: number;
  /** Length of the history in days. */
  days: number;
  seed: number;
  /** First instant of the history (epoch ms). */
  start: number;
  timeZone?: string;
  dayStartHour?: number;
}

const DAY_MS = 86_400_000;

export function syntheticHistory(o: SyntheticOptions): CsvReview[] {
  const rnd = mulberry32(o.seed);
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, timezone: o.timeZone ?? "UTC", dayStartHour: o.dayStartHour ?? 4 };
  const end = o.start + o.days * DAY_MS;
  const out: CsvReview[] = [];
  for (let c = 0; c < o.cards; c++) {
    let t = o.start + Math.floor(rnd() * (o.days / 2)) * DAY_MS + Math.floor(rnd() * DAY_MS);
    let card: SchedulableCard = newCardFields(new Date(t));
    let first = true;
    while (t < end) {
      const now = new Date(t);
      let rating: Rating;
      if (first) rating = rnd() < 0.25 ? 1 : rnd() < 0.1 ? 2 : rnd() < 0.9 ? 3 : 4;
      else {
        const r = card.state === 2 ? retrievability(card, settings, now) : 0.85;
        rating = rnd() >= r ? 1 : rnd() < 0.1 ? 2 : rnd() < 0.9 ? 3 : 4;
      }
      out.push({ cardId: String(1_000 + c), reviewTime: t, rating, state: card.state, durationMs: 2_000 + Math.floor(rnd() * 20_000) });
      card = applyRating(card, rating, settings, now).card;
      first = false;
      const due = card.due.getTime();
      // Learning steps are taken on time; reviews up to a day late.
      t = card.state === 2 ? due + Math.floor(rnd() * DAY_MS) : due + Math.floor(rnd() * 60_000);
    }
  }
  return out.sort((a, b) => a.reviewTime - b.reviewTime);
}

export function toCsv(reviews: readonly CsvReview[]): string {
  const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
  for (const r of reviews) lines.push(`${r.cardId},${r.reviewTime},${r.rating},${r.state},${r.durationMs}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Types shared by lib/srs. Deliberately free of ts-fsrs types: callers (DB
 * layer, API routes, UI) only ever see these, so ts-fsrs stays an
 * implementation detail of lib/srs.
 *
 * Input types are lenient where the DB is (`state: number`, as Prisma returns
 * an Int); output types are strict (`state: CardState`).
 */

/** 1 Again, 2 Hard, 3 Good, 4 Easy (same numbers as ts-fsrs and Anki). */
export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardState = 0 | 1 | 2 | 3;
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

/** The FSRS columns of a Card row (names identical to ts-fsrs's Card). */
export interface FsrsFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review: Date | null;
}

/** What the scheduler accepts: FSRS fields as read from the DB, plus the card
 * id when known (it seeds the interval fuzz, see scheduler.ts). */
export interface SchedulableCard extends Omit<FsrsFields, "state"> {
  state: number;
  id?: number;
}

/** A full Card row as the DB layer reads it. */
export interface CardRow extends Omit<FsrsFields, "state"> {
  id: number;
  noteId: number;
  deckId: number;
  kind: string;
  /** JSON string. */
  payload: string;
  /** Order of introduction for new cards. */
  position: number;
  state: number;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  retired: boolean;
}

/** The subset of a row that the queue needs; buildQueue is generic over it so
 * callers can pass full Prisma rows and get the same objects back. */
export type QueueCard = Pick<CardRow, "id" | "noteId" | "position" | "due" | "state" | "last_review" | "suspended" | "buriedUntil" | "leech" | "retired">;

export interface Settings {
  /** 0.70–0.99. */
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Space-separated steps, e.g. "1m 10m"; "" = let FSRS schedule directly. */
  learningSteps: string;
  relearningSteps: string;
  /** Days. */
  maximumInterval: number;
  enableFuzz: boolean;
  /** 0–23: the local hour at which a new study day starts (Anki: 4). */
  dayStartHour: number;
  /** IANA zone, e.g. "Europe/Berlin". */
  timezone: string;
  /** FSRS weights (17, 19 or 21 numbers) or null for ts-fsrs's defaults. */
  weights: number[] | null;
  /**
   * Minutes (0–1440): when nothing else is due, learning cards due within
   * this long are shown early (Anki's learn-ahead limit). Absent = 20; a
   * client that does not send it keeps the saved value.
   */
  learnAheadMinutes?: number;
  /**
   * How many automatic backups on start to keep (0–1000; 0: none). Not a
   * scheduling rule, but stored with the other settings. Absent = 10; a client
   * that does not send it keeps the saved value. CARDINAL_BACKUPS_KEEP overrides it.
   */
  backupsKeep?: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  maximumInterval: 36500,
  enableFuzz: true,
  dayStartHour: 4,
  timezone: "UTC",
  weights: null,
  learnAheadMinutes: 20,
  backupsKeep: 10,
});

/** The fields of ts-fsrs's ReviewLog, with our number types. `state` is the
 * card's state BEFORE the answer; `due` is ts-fsrs's odd choice of the
 * previous last_review (or the previous due for a new card). */
export interface ReviewLogFields {
  rating: Rating;
  state: CardState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: Date;
}

/**
 * (Re)learning steps as typed in settings, e.g. "1m 10m" or "10m, 1h, 1d".
 *
 * ts-fsrs 5 takes steps as strings `${number}${'m'|'h'|'d'}` but converts
 * them with parseInt, so "1.5m" would silently become 1 minute and "30s"
 * throws only when a card first reaches that step. We therefore validate up
 * front and accept only positive whole numbers with unit m, h or d.
 *
 * A step of 1 day or more behaves differently in ts-fsrs: the card is moved
 * to the Review state right away (due after that step), and any steps after
 * it are never used — the next answer is scheduled by FSRS. So a day step is
 * only accepted as the LAST step; "10m 1d 3d" is rejected instead of
 * silently ignoring "3d".
 */

export type StepUnit = `${number}${"m" | "h" | "d"}`;

const STEP_RE = /^([1-9]\d{0,5})([mhd])$/;
const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };

export class StepsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepsError";
  }
}

/** Parses "1m 10m" (spaces and/or commas) into ts-fsrs steps; "" → [] (no
 * steps: FSRS schedules from the first answer). Throws StepsError. */
export function parseSteps(text: string): StepUnit[] {
  const tokens = text
    .trim()
    .split(/[\s,]+/)
    .filter((t) => t.length > 0);
  const steps: StepUnit[] = [];
  tokens.forEach((token, i) => {
    const m = STEP_RE.exec(token.toLowerCase());
    if (!m || m[1] === undefined || m[2] === undefined) {
      throw new StepsError(`Invalid step "${token}": use a whole number followed by m, h or d (e.g. 10m, 1h, 1d)`);
    }
    const minutes = Number(m[1]) * (MINUTES[m[2]] ?? 1);
    if (minutes >= 1440 && i < tokens.length - 1) {
      throw new StepsError(`A step of a day or more ("${token}") can only be the last step`);
    }
    steps.push(`${Number(m[1])}${m[2] as "m" | "h" | "d"}`);
  });
  return steps;
}

/** null when valid, else a message for a settings form. */
export function checkSteps(text: string): string | null {
  try {
    parseSteps(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

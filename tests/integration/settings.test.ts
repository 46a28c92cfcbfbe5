// Settings on real SQLite (this file's own migrated copy): defaults, validation with
// nothing written on error, the JSON route handlers, the form mapping, and that a
// saved change reaches the next answer.
import { describe, it, expect, beforeEach } from "vitest";
import { default_w } from "ts-fsrs";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/srs";
import { getSettings, patchSettings, saveSettings, updateSettings } from "@/lib/services/settings";
import { sqlite } from "@/lib/db/sqlite";
import { answerCard } from "@/lib/services/review";
import { GET, PATCH, PUT } from "@/app/api/v1/settings/route";
import { readForm, toFormValues, toSettingsInput } from "@/app/settings/form-values";

const NOW = new Date("2026-03-02T12:00:00Z");
const DAY = 86_400_000;
const BASE: Settings = { ...DEFAULT_SETTINGS, timezone: "UTC" };

const row = () => sqlite().prepare(`SELECT * FROM Settings WHERE id = 1`).get() as Record<string, unknown> | undefined;

const put = (body: unknown, raw?: string) =>
  PUT(new Request("http://localhost/api/v1/settings", { method: "PUT", headers: { "content-type": "application/json" }, body: raw ?? JSON.stringify(body) }));
const patch = (body: unknown) =>
  PATCH(new Request("http://localhost/api/v1/settings", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

describe("settings storage", () => {
  it("creates the row with the defaults and the machine's time zone on first read", () => {
    expect(row()).toBeUndefined();
    const s = getSettings();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    expect(s).toEqual({ ...DEFAULT_SETTINGS, timezone: zone });
    expect(row()).toBeDefined();
    expect(getSettings()).toEqual(s);
  });

  it("saves every field and reads it back", () => {
    const next: Settings = {
      desiredRetention: 0.85,
      newPerDay: 7,
      reviewsPerDay: 150,
      learningSteps: "2m 15m 1h",
      relearningSteps: "5m 30m",
      maximumInterval: 365,
      enableFuzz: false,
      dayStartHour: 0,
      timezone: "America/Los_Angeles",
      weights: [...default_w],
      learnAheadMinutes: 5,
      backupsKeep: 4,
    };
    const r = updateSettings(next, NOW);
    expect(r).toEqual({ ok: true, settings: next });
    expect(getSettings()).toEqual(next);
    expect(row()?.updatedAt).toBe(NOW.getTime());
    expect(updateSettings({ ...next, weights: null }, NOW)).toMatchObject({ ok: true, settings: { weights: null } });
    expect(getSettings().weights).toBeNull();
  });

  it("normalises steps and time zone spelling", () => {
    const r = updateSettings({ ...BASE, learningSteps: " 1M, 10m ", relearningSteps: "", timezone: "europe/berlin" }, NOW);
    expect(r.ok && r.settings).toMatchObject({ learningSteps: "1m 10m", relearningSteps: "", timezone: "Europe/Berlin" });
  });
});

describe("invalid settings are rejected with a message per field, and nothing is written", () => {
  const cases: [string, Partial<Record<keyof Settings, unknown>>, keyof Settings, RegExp][] = [
    ["retention 0.5", { desiredRetention: 0.5 }, "desiredRetention", /0\.70 and 0\.99/],
    ["retention 1.0", { desiredRetention: 1.0 }, "desiredRetention", /0\.70 and 0\.99/],
    ["retention as text", { desiredRetention: "0.9" }, "desiredRetention", /number/],
    ["learning steps 1.5m", { learningSteps: "1.5m" }, "learningSteps", /1\.5m/],
    ["learning steps abc", { learningSteps: "abc" }, "learningSteps", /abc/],
    ["relearning steps 30s", { relearningSteps: "30s" }, "relearningSteps", /30s/],
    ["a day step before the last", { learningSteps: "1d 10m" }, "learningSteps", /last step/],
    ["timezone Mars/Olympus", { timezone: "Mars/Olympus" }, "timezone", /time zone/],
    ["hour 24", { dayStartHour: 24 }, "dayStartHour", /between 0 and 23/],
    ["hour 3.5", { dayStartHour: 3.5 }, "dayStartHour", /whole number/],
    ["weights of wrong length", { weights: [0.1, 0.2, 0.3] }, "weights", /17, 19 or 21 numbers \(got 3\)/],
    ["weights with a non-number", { weights: [...default_w.slice(0, 20), "x"] }, "weights", /"x" is not a number/],
    ["negative new cards", { newPerDay: -1 }, "newPerDay", /between 0 and 9999/],
    ["maximum interval 0", { maximumInterval: 0 }, "maximumInterval", /between 1 and 36500 days/],
    ["fuzz as a string", { enableFuzz: "false" }, "enableFuzz", /true or false/],
    ["a missing field", { reviewsPerDay: undefined }, "reviewsPerDay", /required/],
  ];

  beforeEach(() => {
    saveSettings(BASE, new Date(NOW.getTime() - DAY));
  });

  it.each(cases)("%s", (_name, change, field, message) => {
    const before = row();
    const r = updateSettings({ ...BASE, ...change }, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors)).toEqual([field]);
    expect(r.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(row()).toEqual(before);
  });

  it("rejects unknown keys", () => {
    const before = row();
    const r = updateSettings({ ...BASE, colour: "red" }, NOW);
    expect(r.ok).toBe(false);
    expect(row()).toEqual(before);
  });

  it("reports every bad field at once", () => {
    const r = updateSettings({ ...BASE, desiredRetention: 2, learningSteps: "x", timezone: "Nowhere" }, NOW);
    expect(!r.ok && Object.keys(r.fieldErrors).sort()).toEqual(["desiredRetention", "learningSteps", "timezone"]);
  });

  it("a partial update with one bad field writes none of the good ones", () => {
    const before = row();
    expect(patchSettings({ newPerDay: 3, desiredRetention: 0.5 }, NOW).ok).toBe(false);
    expect(row()).toEqual(before);
    expect(patchSettings({ newPerDay: 3 }, NOW)).toEqual({ ok: true, settings: { ...BASE, newPerDay: 3 } });
  });
});

describe("GET/PUT/PATCH /api/v1/settings", () => {
  beforeEach(() => {
    saveSettings(BASE, new Date(NOW.getTime() - DAY));
  });

  it("GET returns the settings", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(BASE);
  });

  it("PUT saves a complete object and returns it", async () => {
    const next = { ...BASE, desiredRetention: 0.8, learningSteps: "1m, 5m", enableFuzz: false };
    const res = await put(next);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...next, learningSteps: "1m 5m" });
    expect(await (await GET()).json()).toEqual({ ...next, learningSteps: "1m 5m" });
  });

  it("PATCH merges the given fields onto the current settings", async () => {
    const res = await patch({ dayStartHour: 6, weights: [...default_w] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...BASE, dayStartHour: 6, weights: [...default_w] });
  });

  const bad: [string, () => Promise<Response>, RegExp, string[]][] = [
    ["a body that is not JSON", () => put(null, "{desiredRetention: 0.8"), /not valid JSON/, []],
    ["an oversized body", () => put(null, JSON.stringify({ ...BASE, learningSteps: "1m ".repeat(10_000) })), /too large/, []],
    ["an empty body", () => put(null, ""), /invalid settings/, ["desiredRetention", "timezone", "weights"]],
    ["a JSON array", () => put([1, 2]), /invalid settings/, []],
    ["numbers as strings", () => put({ ...BASE, newPerDay: "20", dayStartHour: "4" }), /invalid settings/, ["newPerDay", "dayStartHour"]],
    ["fuzz as 1", () => put({ ...BASE, enableFuzz: 1 }), /invalid settings/, ["enableFuzz"]],
    ["weights as a string", () => put({ ...BASE, weights: "0.1,0.2" }), /invalid settings/, ["weights"]],
    ["null retention", () => put({ ...BASE, desiredRetention: null }), /invalid settings/, ["desiredRetention"]],
    ["retention out of range", () => put({ ...BASE, desiredRetention: 0.995 }), /invalid settings/, ["desiredRetention"]],
    ["PATCH with a bad timezone", () => patch({ timezone: "Mars/Olympus" }), /invalid settings/, ["timezone"]],
    ["PATCH with an unknown key", () => patch({ retention: 0.8 }), /invalid settings/, []],
  ];

  it.each(bad)("400 (413 when too large) { error, details } for %s, nothing written", async (_name, send, error, fields) => {
    const before = row();
    const res = await send();
    expect(res.status).toBe(error.source === "too large" ? 413 : 400);
    const body = (await res.json()) as { error: string; details: { fieldErrors?: Record<string, string[]> } | null };
    expect(body.error).toMatch(error);
    expect(body).toHaveProperty("details");
    for (const f of fields) expect(body.details?.fieldErrors?.[f]?.[0]).toEqual(expect.any(String));
    expect(row()).toEqual(before);
  });
});

describe("the settings form's FormData mapping", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.append(k, v);
    return f;
  };
  const good = {
    desiredRetention: "0.85",
    newPerDay: "10",
    reviewsPerDay: "100",
    learningSteps: "1m 10m",
    relearningSteps: "10m",
    maximumInterval: "3650",
    dayStartHour: "4",
    timezone: "UTC",
    weights: "",
  };

  it("absent checkbox = no fuzz, empty weights = defaults (null)", () => {
    const r = updateSettings(toSettingsInput(readForm(form(good))), NOW);
    expect(r.ok && r.settings).toMatchObject({ desiredRetention: 0.85, enableFuzz: false, weights: null, maximumInterval: 3650 });
    const on = updateSettings(toSettingsInput(readForm(form({ ...good, enableFuzz: "on" }))), NOW);
    expect(on.ok && on.settings.enableFuzz).toBe(true);
  });

  it("weights: comma- or space-separated numbers; a non-number is named", () => {
    const text = default_w.join(", ");
    const r = updateSettings(toSettingsInput(readForm(form({ ...good, weights: text }))), NOW);
    expect(r.ok && r.settings.weights).toEqual([...default_w]);
    expect(toFormValues(getSettings()).weights).toBe(text);
    const before = row();
    const bad = updateSettings(toSettingsInput(readForm(form({ ...good, weights: text.replace("0.212", "abc") }))), NOW);
    expect(!bad.ok && bad.fieldErrors.weights).toEqual(['"abc" is not a number']);
    expect(row()).toEqual(before);
  });

  it("empty and non-numeric number fields get their own messages", () => {
    const r = updateSettings(toSettingsInput(readForm(form({ ...good, newPerDay: "", desiredRetention: "high" }))), NOW);
    expect(!r.ok && r.fieldErrors).toEqual({ newPerDay: ["required"], desiredRetention: ["must be a number"] });
  });
});

describe("a saved change applies to the next answer", () => {
  let n = 0;
  /** A review-state card: stability 10 days, last reviewed 10 days ago, due now. */
  function insertReviewCard(): number {
    const db = sqlite();
    const t = NOW.getTime();
    n += 1;
    const deck = db.prepare(`INSERT INTO Deck (key, title, sourceFile, updatedAt) VALUES (?, 'T', 't.md', ?)`).run(`settings-deck-${n}`, t);
    const note = db
      .prepare(`INSERT INTO Note (deckId, key, kind, topic, fields, sourceQuote, updatedAt) VALUES (?, 'n', 'term', 'x', '{}', 'q', ?)`)
      .run(deck.lastInsertRowid, t);
    const card = db
      .prepare(
        `INSERT INTO Card (noteId, deckId, kind, payload, due, stability, difficulty, elapsed_days, scheduled_days, reps, state, last_review, updatedAt)
         VALUES (?, ?, 'definition', '{"prompt":"p","answer":"a"}', ?, 10, 5, 0, 10, 4, 2, ?, ?)`,
      )
      .run(note.lastInsertRowid, deck.lastInsertRowid, t, t - 10 * DAY, t);
    return Number(card.lastInsertRowid);
  }

  it("Good on identical cards: a longer interval at retention 0.80 than at 0.97", async () => {
    const low = insertReviewCard();
    const high = insertReviewCard();

    expect((await patch({ desiredRetention: 0.8 })).status).toBe(200);
    const a = answerCard({ cardId: low, rating: 3, durationMs: 1000, reviewId: "settings-low-1", source: "review" }, NOW);
    expect((await patch({ desiredRetention: 0.97 })).status).toBe(200);
    const b = answerCard({ cardId: high, rating: 3, durationMs: 1000, reviewId: "settings-high-1", source: "review" }, NOW);

    if (!a.ok || !b.ok) throw new Error("answer failed");
    const days = (c: { due: Date }) => (c.due.getTime() - NOW.getTime()) / DAY;
    expect(days(a.card)).toBeGreaterThan(days(b.card) * 2);
    expect(a.card.scheduled_days).toBeGreaterThan(b.card.scheduled_days);
  });

  it("custom weights are used by the scheduler", () => {
    expect(patchSettings({ weights: [...default_w], desiredRetention: 0.9 }, NOW).ok).toBe(true);
    const id = insertReviewCard();
    const r = answerCard({ cardId: id, rating: 3, durationMs: 500, reviewId: "settings-weights-1", source: "review" }, NOW);
    expect(r.ok).toBe(true);
  });
});

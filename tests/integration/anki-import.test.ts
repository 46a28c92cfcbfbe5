// Importing an Anki history: packages in all three collection layouts and
// revlog CSVs are read into a summary first, stored once on confirmation,
// kept apart from Cardinal's own reviews; bad files get one clear message.
import { describe, it, expect, beforeEach } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { POST } from "@/app/api/v1/imports/route";
import { importHistory } from "@/lib/services/imports";
import { readUpload } from "@/lib/api/upload";
import { sqlite } from "@/lib/db/sqlite";
import { ankiCollection, ankiPackage, sampleRevlog } from "../helpers/anki";
import { referenceCsvPath } from "../helpers/reference-csv";

const NOW = new Date("2026-03-10T15:00:00Z");
const upload = (name: string, bytes: Uint8Array, confirm: boolean) =>
  POST(
    new Request("http://localhost/api/v1/imports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ fileName: name, data: Buffer.from(bytes).toString("base64"), ...(confirm ? { confirm: true } : {}) }),
    }),
  );
const stored = () =>
  sqlite().prepare(`SELECT sourceCardId, reviewTime, rating, state, durationMs FROM ImportedReview ORDER BY sourceCardId, reviewTime`).all() as {
    sourceCardId: number;
    reviewTime: number;
    rating: number;
    state: number;
    durationMs: number;
  }[];

beforeEach(() => {
  sqlite().prepare(`DELETE FROM Import`).run();
});

describe("Anki import", () => {
  it.each(["anki21b", "anki21", "anki2"] as const)("a .colpkg with collection.%s: summary first, stored on confirm, once", async (layout) => {
    const pkg = ankiPackage(sampleRevlog(), layout);
    const preview = await upload("my.colpkg", pkg, false);
    expect(preview.status).toBe(200);
    const { summary } = (await preview.json()) as { summary: Record<string, unknown> };
    expect(summary).toEqual({
      format: "anki-collection",
      reviews: 12,
      cards: 3,
      from: new Date(Date.UTC(2024, 0, 1)).toISOString(),
      to: new Date(Date.UTC(2024, 0, 11) + 2000).toISOString(),
      ratings: { again: 4, hard: 0, good: 6, easy: 2 },
      skipped: { manual: 1, cram: 1, rescheduled: 0, invalid: 0 },
    });
    expect(stored()).toEqual([]);
    const done = await upload("my.colpkg", pkg, true);
    expect(done.status).toBe(201);
    const rows = stored();
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ sourceCardId: 1700000000001, reviewTime: Date.UTC(2024, 0, 1), rating: 1, state: 0, durationMs: 8000 });
    expect(rows.slice(0, 4).map((r) => r.state)).toEqual([0, 1, 2, 2]);
    // Cardinal's own history is untouched.
    expect(sqlite().prepare(`SELECT count(*) FROM ReviewLog`).pluck().get()).toBe(0);
    const again = await upload("renamed.colpkg", pkg, true);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/already imported/);
  });

  it("refuses malformed, truncated and wrong-type files with one clear message, storing nothing", async () => {
    const pkg = ankiPackage(sampleRevlog(), "anki2");
    const cases: [string, Uint8Array, RegExp][] = [
      ["deck.colpkg", strToU8("hello, not a zip"), /not a zip/],
      ["deck.colpkg", pkg.subarray(0, Math.floor(pkg.length * 0.6)), /damaged or truncated/],
      ["deck.apkg", zipSync({ "notes.txt": strToU8("x") }), /holds no Anki collection/],
      ["deck.colpkg", zipSync({ "collection.anki2": strToU8("definitely not sqlite, but long enough to check") }), /not an SQLite database/],
      ["deck.colpkg", zipSync({ "collection.anki21b": strToU8("not zstd at all") }), /not valid zstd/],
      ["photo.png", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0), /neither an Anki package/],
      ["people.csv", strToU8("name,age\nbob,3\n"), /not a review history/],
      ["empty.colpkg", ankiPackage([], "anki2"), /no reviews/],
    ];
    for (const [name, bytes, msg] of cases) {
      const res = await upload(name, bytes, true);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(msg);
    }
    expect(stored()).toEqual([]);
  });

  it("refuses an oversized upload before reading it", async () => {
    const body = JSON.stringify({ fileName: "big.colpkg", data: Buffer.alloc(2048).toString("base64") });
    const r = await readUpload(new Request("http://localhost/x", { method: "POST", body }), 1024);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.response.status).toBe(413);
      expect(((await r.response.json()) as { error: string }).error).toMatch(/too large/);
    }
  });

  it("a bare SQLite collection (not zipped) is refused with a hint at what to export", () => {
    const r = importHistory("collection.anki2", ankiCollection(sampleRevlog()), false, NOW);
    expect(!r.ok && r.error).toMatch(/neither an Anki package \(.colpkg, .apkg\) nor a revlog CSV/);
  });

  // The real 41k-review history when ../shared/data has it (CI does); otherwise a
  // history in the same layout made here, with filtered (cram) rows to skip.
  const real = process.env.ANKI_REVLOG_CSV ?? referenceCsvPath();
  const synthetic = () => {
    const rows = ["card_id,review_time,review_rating,review_state,review_duration"];
    const t0 = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 4_000; i++)
      rows.push(`${1000 + (i % 500)},${t0 + i * 3_600_000},${1 + (i % 4)},${i % 40 === 0 ? 4 : i < 500 ? 0 : 2},${(i % 60) * 1000}`);
    return { bytes: Buffer.from(`${rows.join("\n")}\n`), reviews: 4_000 - 100, cram: 100, maxCards: 500 };
  };
  const history = real && existsSync(real) ? { bytes: readFileSync(real), reviews: 41_847 - 1_772, cram: 1_772, maxCards: 5_184 } : synthetic();
  it(`imports a whole Anki history in the fsrs-rs CSV layout (${real && existsSync(real) ? "the real 41k-review file" : "a generated one"})`, () => {
    const r = importHistory("anki-revlog.csv", history.bytes, true, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.summary).toMatchObject({
        format: "fsrs-csv",
        reviews: history.reviews,
        cards: expect.any(Number),
        skipped: { cram: history.cram, manual: 0, invalid: 0, rescheduled: 0 },
      });
      expect(r.summary.cards).toBeLessThanOrEqual(history.maxCards);
    }
    expect(stored()).toHaveLength(history.reviews);
  });
});

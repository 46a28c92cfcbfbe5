import { describe, it, expect } from "vitest";
import { fromAnkiRevlog, parseRevlogCsv, summarize } from "@/lib/import/revlog";

describe("Anki revlog → imported reviews", () => {
  it("keeps answers with the state before each, skips cram and manual rows and says why", () => {
    const c = fromAnkiRevlog([
      { id: 3000, cid: 7, ease: 3, type: 1, time: 5000 },
      { id: 1000, cid: 7, ease: 1, type: 0, time: 9000 },
      { id: 2000, cid: 7, ease: 3, type: 0, time: 7000 },
      { id: 4000, cid: 7, ease: 1, type: 2, time: 7000 },
      { id: 5000, cid: 7, ease: 3, type: 3, time: 7000 },
      { id: 6000, cid: 7, ease: 0, type: 4, time: 0 },
      { id: 7000, cid: 7, ease: 3, type: 5, time: 0 },
      { id: 8000, cid: 7, ease: 9, type: 1, time: 0 },
    ]);
    expect(c.rows.map((r) => [r.reviewTime, r.rating, r.state])).toEqual([
      [1000, 1, 0],
      [2000, 3, 1],
      [3000, 3, 2],
      [4000, 1, 3],
    ]);
    expect(c.skipped).toEqual({ manual: 1, cram: 1, rescheduled: 1, invalid: 1 });
    const s = summarize("anki-collection", c);
    expect(s).toMatchObject({
      reviews: 4,
      cards: 1,
      ratings: { again: 2, hard: 0, good: 2, easy: 0 },
      from: new Date(1000).toISOString(),
      to: new Date(4000).toISOString(),
    });
  });

  it("reads both CSV layouts by their header, and refuses any other", () => {
    const fsrs = parseRevlogCsv("card_id,review_time,review_rating,review_state,review_duration\n5,1000,3,0,4000\n5,2000,2,4,4000\n");
    expect(fsrs.format).toBe("fsrs-csv");
    expect(fsrs.converted.rows).toEqual([{ sourceCardId: 5, reviewTime: 1000, rating: 3, state: 0, durationMs: 4000 }]);
    expect(fsrs.converted.skipped.cram).toBe(1);
    const anki = parseRevlogCsv("id,cid,usn,ease,ivl,lastIvl,factor,time,type\n1000,5,-1,4,3,0,0,2500,0\n");
    expect(anki.converted.rows).toEqual([{ sourceCardId: 5, reviewTime: 1000, rating: 4, state: 0, durationMs: 2500 }]);
    expect(() => parseRevlogCsv("name,age\nbob,3\n")).toThrow(/not a review history/);
    expect(() => parseRevlogCsv("card_id,review_time,review_rating,review_state,review_duration\n")).toThrow(/no reviews/);
    expect(() => parseRevlogCsv("card_id,review_time,review_rating,review_state,review_duration\n5,10")).toThrow(/truncated/);
  });
});

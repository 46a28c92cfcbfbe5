// The JSON API's one boundary (lib/api/route.ts): every failure is a JSON body
// with `error` — wrong methods, unknown paths, malformed ids, a broken row, a
// database the server cannot use — never an empty body.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDecks, POST as postDecks } from "@/app/api/v1/decks/route";
import { DELETE as deleteSettings } from "@/app/api/v1/settings/route";
import { GET as unknownGet, POST as unknownPost } from "@/app/api/v1/[...path]/route";
import { POST as postBury } from "@/app/api/v1/cards/[id]/bury/route";
import { POST as postReview } from "@/app/api/v1/reviews/route";
import { POST as postUndo } from "@/app/api/v1/reviews/undo/route";
import { errorResponse, route } from "@/lib/api/route";
import { prepareDatabase } from "@/lib/db/prepare";
import { sqlite } from "@/lib/db/sqlite";
import { DAY_MS, idCtx, jsonRequest, resetCards, seedDeck, singletonCards, useSettings } from "../helpers/seed";

const body = async (r: Response) => (await r.json()) as { error?: string };

beforeAll(async () => {
  await seedDeck(new Date(Date.now() - DAY_MS));
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("wrong methods and unknown paths", () => {
  it("answers a method a path does not serve with JSON 405 and Allow", async () => {
    const r = postDecks();
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET");
    expect((await body(r)).error).toMatch(/accepts GET/);
    const s = deleteSettings();
    expect(s.status).toBe(405);
    expect(s.headers.get("allow")).toBe("GET, PUT, PATCH");
    expect((await getDecks()).status).toBe(200);
  });

  it("answers an unknown /api/v1 path with JSON 404", async () => {
    for (const r of [
      unknownGet(new Request("http://localhost/api/v1/nope")),
      unknownPost(new Request("http://localhost/api/v1/cards/1/frobnicate", { method: "POST" })),
    ]) {
      expect(r.status).toBe(404);
      expect((await body(r)).error).toMatch(/no such API path: \/api\/v1\//);
    }
  });

  it("refuses a malformed card id with 400", async () => {
    const r = await postBury(jsonRequest("/api/v1/cards/abc/bury", {}), idCtx("abc"));
    expect(r.status).toBe(400);
    expect((await body(r)).error).toBe("invalid request");
  });
});

describe("unexpected errors", () => {
  it("turn a broken undo record into JSON 500 and a server log line", async () => {
    resetCards(new Date(Date.now() - 3_600_000));
    useSettings();
    const cardId = singletonCards()[0]!;
    const answered = await postReview(jsonRequest("/api/v1/reviews", { cardId, rating: 3, durationMs: 1000, reviewId: `r-${randomUUID()}` }));
    expect(answered.status).toBe(201);
    sqlite().prepare(`UPDATE StudyAction SET changes = '{not json' WHERE cardId = ?`).run(cardId);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = await postUndo(jsonRequest("/api/v1/reviews/undo", {}));
    expect(r.status).toBe(500);
    expect((await body(r)).error).toMatch(/internal error/);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^cardinal: POST \/api\/v1\/reviews\/undo: .*JSON/));
    sqlite().prepare(`DELETE FROM ReviewLog WHERE cardId = ?`).run(cardId);
  });

  it("turn database failures into 503 with what to do", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const dir = mkdtempSync(path.join(tmpdir(), "cardinal-boundary-"));
    // A file that is not SQLite.
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "this is not a database, just text ".repeat(200));
    const notADb = route({}, () => {
      const db = new Database(junk);
      try {
        return Response.json(db.prepare("SELECT count(*) FROM Card").get());
      } finally {
        db.close();
      }
    });
    const r1 = await notADb(new Request("http://localhost/api/v1/x"));
    expect(r1.status).toBe(503);
    expect((await body(r1)).error).toMatch(/damaged or not a database/);
    // A database opened read-only, then written.
    const ro = path.join(dir, "ro.db");
    prepareDatabase(ro);
    const readOnly = route({}, () => {
      const db = new Database(ro, { readonly: true });
      try {
        db.prepare(`UPDATE Settings SET newPerDay = 1`).run();
        return Response.json({});
      } finally {
        db.close();
      }
    });
    const r2 = await readOnly(new Request("http://localhost/api/v1/x"));
    expect(r2.status).toBe(503);
    expect((await body(r2)).error).toMatch(/cannot be written/);
  });

  it("maps each SQLite trouble code to a message saying what to do", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const cases: [string, RegExp][] = [
      ["SQLITE_FULL", /disk .* is full/],
      ["SQLITE_BUSY", /busy/],
      ["SQLITE_CORRUPT", /damaged/],
      ["SQLITE_READONLY", /cannot be written/],
    ];
    for (const [code, message] of cases) {
      const e = Object.assign(new Error("x"), { code });
      const r = errorResponse(e, "test");
      expect(r.status).toBe(503);
      expect((await body(r)).error).toMatch(message);
    }
    expect(errorResponse(new TypeError("undefined is not a function"), "test").status).toBe(500);
  });
});

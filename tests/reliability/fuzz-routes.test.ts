// fast-check against every API route, through proxy.ts as the server runs it:
// random methods, host names, origins, content types, queries, ids and bodies
// (garbage, JSON of any shape, and plausible bodies with wild fields). Never a
// 5xx or a thrown error, and a 4xx never writes: every table's checksum is the
// same after it as before.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import * as health from "@/app/api/v1/health/route";
import * as decks from "@/app/api/v1/decks/route";
import * as queue from "@/app/api/v1/queue/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as undo from "@/app/api/v1/reviews/undo/route";
import * as suspend from "@/app/api/v1/cards/[id]/suspend/route";
import * as bury from "@/app/api/v1/cards/[id]/bury/route";
import * as settings from "@/app/api/v1/settings/route";
import * as stats from "@/app/api/v1/stats/route";
import * as quiz from "@/app/api/v1/quiz/route";
import * as quizOne from "@/app/api/v1/quiz/[id]/route";
import * as quizAnswers from "@/app/api/v1/quiz/[id]/answers/route";
import * as quizProgress from "@/app/api/v1/quiz/[id]/progress/route";
import * as quizEnd from "@/app/api/v1/quiz/[id]/end/route";
import * as reviewSession from "@/app/api/v1/reviews/session/route";
import * as uploads from "@/app/api/v1/uploads/route";
import * as uploadOne from "@/app/api/v1/uploads/[id]/route";
import * as uploadChunks from "@/app/api/v1/uploads/chunks/route";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqlite } from "@/lib/db/sqlite";
import { fingerprint } from "../helpers/db-fingerprint";
import { DAY_MS, DECK_KEY, resetCards, seedDeck, useSettings } from "../helpers/seed";

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Response | Promise<Response>;
// Each route with the methods it serves (the others answer a JSON 405).
const ROUTES: { path: string; mod: Record<string, unknown>; methods: string[] }[] = [
  { path: "/api/v1/health", mod: health, methods: ["GET"] },
  { path: "/api/v1/decks", mod: decks, methods: ["GET"] },
  { path: "/api/v1/queue", mod: queue, methods: ["GET"] },
  { path: "/api/v1/reviews", mod: reviews, methods: ["POST"] },
  { path: "/api/v1/reviews/undo", mod: undo, methods: ["GET", "POST"] },
  { path: "/api/v1/reviews/session", mod: reviewSession, methods: ["GET"] },
  { path: "/api/v1/cards/{id}/suspend", mod: suspend, methods: ["POST"] },
  { path: "/api/v1/cards/{id}/bury", mod: bury, methods: ["POST"] },
  { path: "/api/v1/settings", mod: settings, methods: ["GET", "PUT", "PATCH"] },
  { path: "/api/v1/stats", mod: stats, methods: ["GET"] },
  { path: "/api/v1/quiz", mod: quiz, methods: ["GET", "POST"] },
  { path: "/api/v1/quiz/{id}", mod: quizOne, methods: ["GET"] },
  { path: "/api/v1/quiz/{id}/answers", mod: quizAnswers, methods: ["POST"] },
  { path: "/api/v1/quiz/{id}/progress", mod: quizProgress, methods: ["GET"] },
  { path: "/api/v1/quiz/{id}/end", mod: quizEnd, methods: ["POST"] },
  { path: "/api/v1/uploads", mod: uploads, methods: ["POST"] },
  { path: "/api/v1/uploads/{id}", mod: uploadOne, methods: ["GET", "DELETE"] },
  { path: "/api/v1/uploads/chunks", mod: uploadChunks, methods: ["POST"] },
];
// Upload sessions are files, not rows: in a directory of this file's own.
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "cardinal-fuzz-uploads-"));

let quizId = "none";
let questionId = "none";

beforeAll(async () => {
  await seedDeck(new Date(Date.now() - DAY_MS));
  resetCards(new Date(Date.now() - 3_600_000));
  useSettings();
  const res = await quiz.POST(
    new Request("http://localhost/api/v1/quiz", { method: "POST", body: JSON.stringify({ deck: DECK_KEY, topic: "all", length: 20, seed: 3 }) }),
  );
  const q = (await res.json()) as { id: string; questions: { id: string }[] };
  quizId = q.id;
  questionId = q.questions[0]!.id;
}, 120_000);

const wild = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, 1, 2, 3, 4, 5, 999, -1, 1.5, 1e300, Number.MAX_SAFE_INTEGER, null, true, false, "", "3", "0x10", "1e3", " 5"),
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 60 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 5 }),
);
const plausible = fc.oneof(
  fc.record(
    {
      cardId: fc.oneof(fc.integer({ min: 1, max: 140 }), wild),
      rating: fc.oneof(fc.integer({ min: 1, max: 4 }), wild),
      durationMs: fc.oneof(fc.nat(5000), wild),
      reviewId: fc.oneof(fc.uuid(), wild),
      reps: fc.oneof(fc.nat(3), wild),
    },
    { requiredKeys: [] },
  ),
  fc.record({ suspended: wild }, { requiredKeys: [] }),
  fc.record({ deck: fc.oneof(fc.constant(DECK_KEY), wild) }, { requiredKeys: [] }),
  fc.record(
    {
      desiredRetention: fc.oneof(fc.double({ min: 0.5, max: 1 }), wild),
      newPerDay: wild,
      learningSteps: wild,
      timezone: fc.oneof(fc.constant("UTC"), wild),
      enableFuzz: wild,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      deck: fc.oneof(fc.constant(DECK_KEY), wild),
      topic: fc.oneof(fc.constantFrom("all", "vocabulary", "pipeline"), wild),
      length: fc.oneof(fc.constantFrom(5, 10, 20), wild),
      seed: wild,
      questionIds: wild,
    },
    { requiredKeys: [] },
  ),
  fc.record({ questionId: fc.oneof(fc.constant("Q"), wild), answer: wild, durationMs: fc.oneof(fc.nat(5000), wild) }, { requiredKeys: [] }),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  plausible.map((b) => JSON.stringify(b).replaceAll('"Q"', JSON.stringify(questionId))),
);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
// Three cases in four look like Cardinal's own client (so the bodies reach the
// handlers), the fourth has hostile headers (so the proxy's refusals are fuzzed too).
const headersArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      host: fc.constantFrom("localhost:3000", "127.0.0.1:3000"),
      origin: fc.constantFrom(undefined, "http://localhost:3000"),
      site: fc.constantFrom(undefined, "same-origin"),
      contentType: fc.constantFrom("application/json", "application/json; charset=utf-8"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      host: fc.constantFrom("localhost:3000", "attacker.example:3000", "[::1]:3000", "localhost.evil:3000"),
      origin: fc.constantFrom(undefined, "http://localhost:3000", "http://localhost:4000", "null", "https://evil.example"),
      site: fc.constantFrom(undefined, "same-origin", "cross-site", "same-site", "none"),
      contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined),
    }),
  },
);
const caseArb = fc.record({
  route: fc.integer({ min: 0, max: ROUTES.length - 1 }),
  // An index into the route's own methods most of the time, any method otherwise.
  method: fc.oneof({ weight: 3, arbitrary: fc.nat().map((n) => ({ own: n })) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS).map((m) => ({ any: m })) }),
  id: fc.oneof(fc.constantFrom("1", "5", "64", "128", "999999", "0", "0x10", "1e3", "+5", "-1", "QUIZ", "QUIZ"), fc.string({ minLength: 1, maxLength: 12 })),
  query: fc.dictionary(
    fc.constantFrom("deck", "limit", "x", "topic"),
    fc.oneof(fc.constantFrom(DECK_KEY, "5", "0", "1000", "0x10", ""), fc.string({ maxLength: 10 })),
    { maxKeys: 3 },
  ),
  headers: headersArb,
  body,
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const counts = { cases: 0, refusedByProxy: 0, handled: 0, noHandler: 0, status2xx: 0, status4xx: 0 };

async function run(c: Case): Promise<Response | null> {
  const route = ROUTES[c.route]!;
  const method = "own" in c.method ? route.methods[c.method.own % route.methods.length]! : c.method.any;
  const id = c.id === "QUIZ" ? quizId : c.id;
  const qs = new URLSearchParams(c.query).toString();
  const url = `http://localhost:3000${route.path.replace("{id}", encodeURIComponent(id))}${qs ? `?${qs}` : ""}`;
  const h = c.headers;
  const headers: Record<string, string> = { host: h.host };
  if (h.origin) headers.origin = h.origin;
  if (h.site) headers["sec-fetch-site"] = h.site;
  if (h.contentType) headers["content-type"] = h.contentType;
  const withBody = method !== "GET" && method !== "HEAD" && c.body !== undefined;
  const init = { method, headers, ...(withBody ? { body: c.body } : {}) };
  const gate = await proxy(new NextRequest(url, init));
  if (gate.headers.get("x-middleware-next") !== "1") {
    counts.refusedByProxy++;
    return gate;
  }
  const handler = route.mod[method] as Handler | undefined;
  if (!handler) {
    counts.noHandler++; // HEAD/OPTIONS: Next.js answers without running the route
    return null;
  }
  counts.handled++;
  return handler(new Request(url, init), { params: Promise.resolve({ id }) });
}

describe("fuzzing every route", () => {
  it("never a 5xx, never a write on a 4xx", async () => {
    const skip = (fp: Record<string, string>) => {
      const { HealthProbe: _probe, ...rest } = fp; // the health check's own probe row
      return rest;
    };
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        counts.cases++;
        const before = skip(fingerprint(sqlite()));
        const res = await run(c);
        if (!res) return;
        expect(res.status, JSON.stringify(c)).toBeLessThan(500);
        if (res.status >= 400) {
          counts.status4xx++;
          const b = (await res.json()) as { error?: unknown };
          expect(typeof b.error, JSON.stringify(c)).toBe("string");
          expect(skip(fingerprint(sqlite())), `a ${res.status} wrote: ${JSON.stringify(c)}`).toEqual(before);
        } else counts.status2xx++;
      }),
      { numRuns: 600, seed: 20261201 },
    );
    console.log(`fuzz: ${JSON.stringify(counts)}`);
    expect(counts.handled).toBeGreaterThan(300);
    expect(counts.refusedByProxy).toBeGreaterThan(50);
    expect(counts.status2xx).toBeGreaterThan(50);
  }, 120_000);
});

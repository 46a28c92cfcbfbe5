// The real server under abuse: killed with SIGKILL while answering, twenty
// copies of one answer at once, ten answers racing for one card, 100 MB bodies,
// and other host names. Runs `next start` (built if stale) on this file's own
// database copy.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Database from "better-sqlite3";
import { fingerprint } from "../helpers/db-fingerprint";
import { sqlite } from "@/lib/db/sqlite";
import { ensureBuilt, rssMb, startServer, type AppServer } from "../helpers/app-server";
import { DAY_MS, resetCards, seedDeck, singletonCards, useSettings } from "../helpers/seed";

const dbFile = process.env.DATABASE_URL!.slice("file:".length);
let server: AppServer;

beforeAll(async () => {
  ensureBuilt();
  await seedDeck(new Date(Date.now() - DAY_MS));
  resetCards(new Date(Date.now() - 3_600_000));
  useSettings({ newPerDay: 1000 });
  server = await startServer(dbFile);
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

const postJson = (path: string, body: unknown) =>
  fetch(`${server.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const q = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T;
const cardReps = (id: number) => q<{ reps: number }>(`SELECT reps FROM Card WHERE id = ?`, id).reps;
const logsFor = (reviewId: string) => q<{ n: number }>(`SELECT count(*) AS n FROM ReviewLog WHERE reviewId = ?`, reviewId).n;

describe("concurrent answers", () => {
  it("one reviewId sent 20 times at once is applied once", async () => {
    const cardId = singletonCards()[0]!;
    const reps = cardReps(cardId);
    const reviewId = `same-${randomUUID()}`;
    const res = await Promise.all(Array.from({ length: 20 }, () => postJson("/api/v1/reviews", { cardId, rating: 3, durationMs: 2000, reviewId })));
    const statuses = res.map((r) => r.status).sort();
    // The first to arrive is applied (201); the other 19 are told it is a duplicate (200).
    expect(statuses).toEqual([...Array(19).fill(200), 201]);
    expect(logsFor(reviewId)).toBe(1);
    expect(cardReps(cardId)).toBe(reps + 1);
  });

  it("ten different reviewIds with the same reps: one is applied, nine are 409", async () => {
    const cardId = singletonCards()[1]!;
    const reps = cardReps(cardId);
    const ids = Array.from({ length: 10 }, (_, i) => `race-${i}-${randomUUID()}`);
    const res = await Promise.all(ids.map((reviewId) => postJson("/api/v1/reviews", { cardId, rating: 3, durationMs: 2000, reviewId, reps })));
    const statuses = res.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(ids.reduce((n, id) => n + logsFor(id), 0)).toBe(1);
    expect(cardReps(cardId)).toBe(reps + 1);
  });
});

/** Streams `mb` MB of spaces to `path`; returns the status and the server's peak RSS growth. */
function streamBody(path: string, mb: number, declareLength = false): Promise<{ status: number; body: string; growthMb: number }> {
  return new Promise((resolve, reject) => {
    const total = mb * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const before = rssMb(server.pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 10);
    const req = http.request(
      `${server.base}${path}`,
      { method: "POST", headers: { "content-type": "application/json", ...(declareLength ? { "content-length": total } : {}) } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          clearInterval(timer);
          resolve({ status: res.statusCode ?? 0, body, growthMb: Math.max(peak, rssMb(server.pid)) - before });
        });
      },
    );
    req.on("error", (e) => {
      clearInterval(timer);
      reject(e);
    });
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

/** Declares `Content-Length: 100 MB`, sends 1 KB and waits: the answer must come without the rest. */
function declaredOnly(path: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      `${server.base}${path}`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": 100 * 1024 * 1024 } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
      },
    );
    req.on("error", reject);
    req.write(Buffer.alloc(1024, 0x20));
    setTimeout(() => reject(new Error("no answer in 5 s: the server is waiting for the body")), 5000).unref();
  });
}

describe("bodies are limited while they stream", () => {
  it("a declared Content-Length over the limit is 413 before the body is read", async () => {
    for (const path of ["/api/v1/reviews", "/api/v1/reviews/undo", "/settings"]) {
      const r = await declaredOnly(path);
      expect(r.status, path).toBe(413);
      expect(r.body).toMatch(/too large \(limit (16384|65536) bytes\)/);
      expect(r.ms).toBeLessThan(2000);
    }
  });

  it("100 MB streamed without a length is cut at the limit (413) and the server grows by less than 50 MB", async () => {
    // Warm up the code paths (module loading is not the body's memory).
    for (let i = 0; i < 3; i++) await streamBody("/api/v1/reviews", 1, false);
    const chunked = await streamBody("/api/v1/reviews", 100, false);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toMatch(/too large \(limit 16384 bytes\)/);
    console.log(`100 MB chunked body: server RSS grew ${chunked.growthMb.toFixed(1)} MB at its peak`);
    expect(chunked.growthMb).toBeLessThan(50);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
  }, 60_000);
});

/** A raw request with any Host header (fetch will not send one of its choosing). */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // Node frames a DELETE/OPTIONS body only when told its length.
    const framed = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path, headers: framed }, (res) => {
      let b = "";
      res.on("data", (c) => (b += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("a client that goes away mid-request", () => {
  it("is one quiet line in the server log, not an error with a stack, and the server goes on", async () => {
    const net = await import("node:net");
    const paths = ["/api/v1/reviews", "/api/v1/uploads/chunks", "/data"];
    const from = server.stderr().length;
    await Promise.all(
      paths.map(
        (p) =>
          new Promise<void>((resolve) => {
            const s = net.connect(server.port, "127.0.0.1", () => {
              s.write(`POST ${p} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"a":`);
              setTimeout(() => s.destroy(), 300);
            });
            s.on("error", () => {});
            s.on("close", () => resolve());
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    const log = server.stderr().slice(from);
    for (const p of paths) expect(log).toContain(`cardinal: POST ${p}: the client went away mid-request (ECONNRESET)`);
    expect(log).not.toMatch(/Error: aborted|uncaughtException/);
    expect(log.trim().split("\n")).toHaveLength(paths.length);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
  });
});

describe("over HTTP: host names and origins", () => {
  it("DNS rebinding (Host and Origin attacker.example) is refused for reads, writes and pages", async () => {
    const evil = { host: `attacker.example:${server.port}`, origin: `http://attacker.example:${server.port}` };
    for (const [method, path] of [
      ["GET", "/api/v1/settings"],
      ["PATCH", "/api/v1/settings"],
      ["GET", "/settings"],
      ["POST", "/settings"],
    ] as const) {
      const r = await rawRequest(method, path, { ...evil, "content-type": "application/json" }, method === "GET" ? undefined : '{"newPerDay":0}');
      expect(r.status, `${method} ${path}`).toBe(421);
      expect(JSON.parse(r.body).error).toMatch(/does not answer to the host name/);
      expect(r.headers["x-frame-options"]).toBe("DENY");
    }
  });

  it("a cross-origin write is 403, a text/plain one 415; the same write from this origin works", async () => {
    const cardId = singletonCards()[2]!;
    const body = JSON.stringify({ cardId, rating: 3, durationMs: 1000, reviewId: `http-${randomUUID()}` });
    const host = `127.0.0.1:${server.port}`;
    expect((await rawRequest("POST", "/api/v1/reviews", { host, origin: "http://127.0.0.1:1", "content-type": "application/json" }, body)).status).toBe(403);
    expect((await rawRequest("POST", "/api/v1/reviews", { host, "content-type": "text/plain" }, body)).status).toBe(415);
    expect(
      (
        await rawRequest(
          "POST",
          "/api/v1/reviews",
          { host, origin: `http://${host}`, "sec-fetch-site": "same-origin", "content-type": "application/json" },
          body,
        )
      ).status,
    ).toBe(201);
  });
});

describe("over HTTP: every failure is one JSON error", () => {
  it("an unknown /api/v1 path is a JSON 404; a wrong method a JSON 405 with Allow", async () => {
    const missing = await rawRequest("GET", "/api/v1/no-such-thing", { host: `127.0.0.1:${server.port}` });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(missing.body).error).toEqual(expect.any(String));
    for (const [method, path, allow] of [
      ["DELETE", "/api/v1/reviews", "POST"],
      ["PUT", "/api/v1/reviews/undo", "GET, POST"],
      ["POST", "/api/v1/settings", "GET, PUT, PATCH"],
    ] as const) {
      const r = await rawRequest(method, path, { host: `127.0.0.1:${server.port}`, "content-type": "application/json" }, "{}");
      expect(r.status, `${method} ${path}: ${r.body}`).toBe(405);
      expect(r.headers.allow).toBe(allow);
      expect(JSON.parse(r.body).error).toMatch(/method not allowed/);
    }
  });

  it("a database held by another program past the busy timeout is a 503 saying what to do; nothing is half-written", async () => {
    const cardId = singletonCards()[3]!;
    const reps = cardReps(cardId);
    const other = new Database(dbFile);
    other.exec("BEGIN IMMEDIATE");
    try {
      const res = await postJson("/api/v1/reviews", { cardId, rating: 3, durationMs: 1000, reviewId: `busy-${randomUUID()}` });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/database unavailable: the database is busy/);
      const health = await fetch(`${server.base}/api/v1/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, reason: "unwritable" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(cardReps(cardId)).toBe(reps);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
  }, 20_000);
});

describe("over HTTP: fuzzing the whole stack", () => {
  const PATHS = [
    "/",
    "/review",
    "/settings",
    "/api/v1/reviews",
    "/api/v1/reviews/undo",
    "/api/v1/cards/5/bury",
    "/api/v1/cards/0x10/suspend",
    "/api/v1/settings",
    "/api/v1/quiz",
    "/api/v1/queue?limit=1e1",
    "/api/v1/stats?deck=%00",
    "/api/v1/nope",
    "/api/v2/reviews",
    "/cards/abc",
    "/_next/static/x.js",
  ];
  it("never a 5xx, never a write on a 4xx", async () => {
    let cases = 0;
    const without = ({ HealthProbe: _p, ...rest }: Record<string, string>) => rest;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND"),
        fc.oneof(
          fc.constantFrom(...PATHS),
          fc.string({ maxLength: 20 }).map((s) => `/api/v1/${encodeURIComponent(s)}`),
        ),
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=--x", ""),
        fc.constantFrom(undefined, "http://evil.example", `http://127.0.0.1:${server.port}`),
        fc.oneof(fc.string({ maxLength: 100 }), fc.json({ maxDepth: 2 }), fc.constant("")),
        async (method, path, contentType, origin, body) => {
          cases++;
          const before = without(fingerprint(sqlite()));
          const headers: Record<string, string> = { host: `127.0.0.1:${server.port}` };
          if (contentType) headers["content-type"] = contentType;
          if (origin) headers.origin = origin;
          const r = await rawRequest(method, path, headers, method === "GET" || method === "HEAD" ? undefined : body);
          expect(r.status, `${method} ${path} ${contentType} ${origin}`).toBeLessThan(500);
          if (r.status >= 400) expect(without(fingerprint(sqlite())), `${method} ${path} → ${r.status} wrote`).toEqual(before);
        },
      ),
      { numRuns: 150, seed: 1201 },
    );
    console.log(`HTTP fuzz: ${cases} requests`);
  }, 60_000);
});

describe("SIGKILL while answering", () => {
  it("loses no acknowledged answer and leaves the file consistent", async () => {
    resetCards(new Date(Date.now() - 3_600_000));
    const cards = (sqlite().prepare(`SELECT id FROM Card WHERE retired = 0`).all() as { id: number }[]).map((c) => c.id);
    const acknowledged: string[] = [];
    let stop = false;
    let sentTotal = 0;
    const worker = async (seed: number) => {
      let i = seed;
      while (!stop) {
        const reviewId = `crash-${randomUUID()}`;
        i = (i * 1103515245 + 12345) % 2147483648;
        const cardId = cards[i % cards.length]!;
        sentTotal++;
        try {
          const r = await postJson("/api/v1/reviews", { cardId, rating: 1 + (i % 4), durationMs: 1500, reviewId });
          if (r.status === 201) acknowledged.push(reviewId);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [1, 2, 3, 4].map(worker);
    // Kill it mid-stream, with requests in flight.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.length >= 300) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    await server.kill9();
    stop = true;
    await Promise.all(workers);
    console.log(`crash test: ${acknowledged.length} answers acknowledged of ${sentTotal} sent before SIGKILL`);

    server = await startServer(dbFile);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    expect(sqlite().pragma("integrity_check", { simple: true })).toBe("ok");
    const stored = new Set((sqlite().prepare(`SELECT reviewId FROM ReviewLog`).all() as { reviewId: string }[]).map((r) => r.reviewId));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const mismatched = sqlite()
      .prepare(
        `SELECT c.id, c.reps, (SELECT count(*) FROM ReviewLog l WHERE l.cardId = c.id) AS logs FROM Card c WHERE c.reps != (SELECT count(*) FROM ReviewLog l WHERE l.cardId = c.id)`,
      )
      .all();
    expect(mismatched).toEqual([]);
  }, 90_000);
});

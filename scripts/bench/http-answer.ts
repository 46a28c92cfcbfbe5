// "answer → next card over HTTP": POST /api/v1/reviews through a real HTTP
// round trip on localhost, the way the review page sends it — the reply
// carries the next cards and counts, so this is everything between pressing
// a rating key and having the next card. The route handler is the app's own
// (lib/api/handlers/answer.ts, which app/api/v1/reviews/route.ts serves), served by node:http with keep-alive instead
// of `next start` (which would need a production build pointed at the bench
// file); Next's own routing overhead is therefore not included.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: Request) => Promise<Response>;

async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      void handler(request).then(async (r) => {
        const body = Buffer.from(await r.arrayBuffer());
        res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json", "content-length": body.length });
        res.end(body);
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Returns the per-call function for `time()` and a close(). Import after DATABASE_URL points at the bench file. */
export async function httpAnswerPath(cardIds: readonly number[], deck: string) {
  const { postReview: POST } = await import("../../lib/api/handlers/answer");
  const srv = await serve(POST);
  const sessionId = `bench-${process.pid}`;
  const call = async (i: number) => {
    const res = await fetch(`${srv.url}/api/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ cardId: cardIds[i]!, rating: 3, durationMs: 4000, reviewId: `bench-http-${i}`, sessionId, deck }),
    });
    const body = (await res.json()) as { queue?: { cards: unknown[] } | null };
    if (res.status !== 201 || !body.queue)
      throw new Error(`answer over HTTP failed on card ${cardIds[i]}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  };
  return { call, close: srv.close };
}

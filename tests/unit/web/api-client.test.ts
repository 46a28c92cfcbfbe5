// app/api-client.ts against a real HTTP server: what the browser's one fetch
// helper sends, and what a failure keeps of the server's reply.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "@/app/api-client";

type Seen = { method: string; type: string | undefined; body: string };
const seen: Seen[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", type: req.headers["content-type"], body });
      const reply = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (req.url === "/ok") return reply(200, { echo: body === "" ? null : JSON.parse(body) });
      if (req.url === "/invalid")
        return reply(400, { error: "invalid body", details: { fieldErrors: { desiredRetention: ["must be between 0.70 and 0.99"] } } });
      if (req.url === "/conflict") return reply(409, { error: "a fit is already running", details: { job: { id: "j1" } } });
      if (req.url === "/bare") return res.writeHead(500).end();
      return reply(404, { error: "not found" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("callApi", () => {
  it("GETs without a body, POSTs a body as JSON, and returns the reply", async () => {
    seen.length = 0;
    expect(await callApi(`${base}/ok`)).toEqual({ ok: true, status: 200, data: { echo: null } });
    expect(await callApi(`${base}/ok`, { a: 1 })).toEqual({ ok: true, status: 200, data: { echo: { a: 1 } } });
    expect(seen).toEqual([
      { method: "GET", type: undefined, body: "" },
      { method: "POST", type: "application/json", body: '{"a":1}' },
    ]);
  });

  it("PUT and DELETE say JSON too, with {} when there is nothing to send (the proxy refuses other writes)", async () => {
    seen.length = 0;
    await callApi(`${base}/ok`, { desiredRetention: 0.9 }, "PUT");
    await callApi(`${base}/ok`, undefined, "DELETE");
    expect(seen).toEqual([
      { method: "PUT", type: "application/json", body: '{"desiredRetention":0.9}' },
      { method: "DELETE", type: "application/json", body: "{}" },
    ]);
  });

  it("a refusal keeps the server's sentence, its status and its details", async () => {
    expect(await callApi(`${base}/invalid`, {}, "PUT")).toEqual({
      ok: false,
      status: 400,
      error: "invalid body (HTTP 400)",
      message: "invalid body",
      details: { fieldErrors: { desiredRetention: ["must be between 0.70 and 0.99"] } },
    });
    const conflict = await callApi(`${base}/conflict`, {});
    expect(conflict.ok === false && conflict.details).toEqual({ job: { id: "j1" } });
  });

  it("an empty error reply and an unreachable server are failures with a sentence, never a throw", async () => {
    const bare = await callApi(`${base}/bare`);
    expect(bare).toMatchObject({ ok: false, status: 500, details: null });
    expect(bare.ok === false && bare.error).toMatch(/\(HTTP 500\)$/);
    const port = (server.address() as AddressInfo).port;
    const gone = await callApi(`http://127.0.0.1:${port === 1 ? 2 : 1}/x`);
    expect(gone).toMatchObject({ ok: false, status: 0, details: null });
    expect(gone.ok === false && gone.error).toMatch(/^could not reach the server/);
  });
});

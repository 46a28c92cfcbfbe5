// What proxy.ts does, on Request objects (lib/web/gate.ts): which host names,
// origins, content types, declared sizes and forms it refuses, and the headers
// every answer carries.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { gate } from "@/lib/web/gate";
import { proxy } from "@/proxy";

type Init = { method?: string; headers?: Record<string, string> };
const call = (url: string, { method = "GET", headers = {} }: Init = {}) =>
  gate(new NextRequest(url, { method, headers: { host: new URL(url).host, ...headers } }));
const passes = (r: Response) => r.headers.get("x-middleware-next") === "1";
const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error;

const json = { "content-type": "application/json" };

afterEach(() => {
  delete process.env.ALLOWED_HOSTS;
  delete process.env.HOST;
});

describe("Host: only names this server answers to, on every request", () => {
  it.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000", "localhost"])("serves %s", (host) => {
    expect(passes(call("http://localhost:3000/settings", { headers: { host } }))).toBe(true);
  });

  it.each(["attacker.example:3000", "localhost.attacker.example:3000", "127.0.0.1.nip.io:3000", "", "local host", "[::2]:3000"])(
    "refuses %j with 421 and says what to do",
    async (host) => {
      const r = call("http://localhost:3000/", { headers: { host } });
      expect(r.status).toBe(421);
      expect(await errorOf(r)).toMatch(/ALLOWED_HOSTS/);
    },
  );

  it("DNS rebinding: Host and Origin both attacker.example are refused for pages, reads, writes and Server Actions", () => {
    const evil = { host: "attacker.example:3000", origin: "http://attacker.example:3000", "sec-fetch-site": "same-origin" };
    expect(call("http://localhost:3000/api/v1/settings", { headers: evil }).status).toBe(421);
    expect(call("http://localhost:3000/api/v1/settings", { method: "PATCH", headers: { ...evil, ...json } }).status).toBe(421);
    expect(call("http://localhost:3000/settings", { method: "POST", headers: { ...evil, "next-action": "abc", "content-type": "text/plain" } }).status).toBe(
      421,
    );
    expect(call("http://localhost:3000/settings", { headers: evil }).status).toBe(421);
  });

  it("HOST and ALLOWED_HOSTS add names (any port), 0.0.0.0 adds none", () => {
    const at = (host: string) => call("http://localhost:3000/", { headers: { host } }).status;
    expect(at("cardinal.lan:3000")).toBe(421);
    process.env.ALLOWED_HOSTS = "cardinal.lan, 192.168.1.20 ,fe80::1";
    expect(at("cardinal.lan:3000")).toBe(200);
    expect(at("CARDINAL.LAN")).toBe(200);
    expect(at("192.168.1.20:8080")).toBe(200);
    expect(at("[fe80::1]:3000")).toBe(200);
    expect(at("other.lan:3000")).toBe(421);
    process.env.HOST = "0.0.0.0";
    expect(at("0.0.0.0:3000")).toBe(421);
    process.env.HOST = "10.0.0.7";
    expect(at("10.0.0.7:3000")).toBe(200);
  });
});

describe("Origin and Sec-Fetch-Site: state changes only from this origin", () => {
  const post = (headers: Record<string, string>, path = "/api/v1/reviews") =>
    call(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { ...json, ...headers } });

  it.each([
    ["another port (same site)", { origin: "http://127.0.0.1:4000" }],
    ["another name for this machine", { origin: "http://localhost:3000" }],
    ["another site", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["a garbage origin", { origin: "::::" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
    ["same Origin but Sec-Fetch-Site cross-site", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403", async (_name, headers) => {
    const r = post(headers);
    expect(r.status).toBe(403);
    expect(await errorOf(r)).toMatch(/refused/);
  });

  it("refuses cross-origin Server Action posts and other methods too", () => {
    const evil = { origin: "http://127.0.0.1:4000" };
    expect(call("http://127.0.0.1:3000/settings", { method: "POST", headers: { ...evil, "next-action": "x" } }).status).toBe(403);
    for (const method of ["PUT", "PATCH", "DELETE"])
      expect(call("http://127.0.0.1:3000/api/v1/settings", { method, headers: { ...evil, ...json } }).status).toBe(403);
  });

  it("lets through this origin, a navigation the user typed, and clients that send neither header (curl)", () => {
    expect(passes(post({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(passes(post({ "sec-fetch-site": "none" }))).toBe(true);
    expect(passes(post({}))).toBe(true);
  });

  it("never refuses reads for their origin: a cross-site GET may run (and can read nothing: no CORS)", () => {
    expect(passes(call("http://127.0.0.1:3000/api/v1/settings", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }))).toBe(true);
  });
});

describe("Content-Type: JSON endpoints take only application/json", () => {
  const post = (ct: string | null, path = "/api/v1/reviews") =>
    call(`http://127.0.0.1:3000${path}`, { method: "POST", headers: ct === null ? {} : { "content-type": ct } });

  it.each([
    null,
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
    "application/json-patch+json",
  ])("refuses %j with 415", async (ct) => {
    const r = post(ct);
    expect(r.status).toBe(415);
    expect(await errorOf(r)).toMatch(/application\/json/);
  });

  it("accepts application/json with parameters, in any case", () => {
    expect(passes(post("application/json; charset=utf-8"))).toBe(true);
    expect(passes(post("Application/JSON"))).toBe(true);
  });

  it("applies to every JSON write, the empty ones included", () => {
    for (const path of ["/api/v1/cards/1/bury", "/api/v1/reviews/undo", "/api/v1/quiz"]) expect(post("text/plain", path).status).toBe(415);
  });

  it("leaves page posts (Server Actions send forms) to the Origin check", () => {
    expect(passes(post("multipart/form-data; boundary=x", "/settings"))).toBe(true);
  });
});

describe("declared body sizes", () => {
  const post = (path: string, length: number) =>
    call(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { ...json, "content-length": String(length) } });

  it("refuses a Content-Length over the API limit (16 KB) or the Server Action limit (64 KB) with 413", () => {
    expect(passes(post("/api/v1/reviews", 16 * 1024))).toBe(true);
    expect(post("/api/v1/reviews", 16 * 1024 + 1).status).toBe(413);
    expect(passes(post("/settings", 64 * 1024))).toBe(true);
    expect(post("/settings", 100_000_000).status).toBe(413);
  });

  it("lets the two file-upload paths take 1 MB of base64 JSON, and no other path more than 16 KB", () => {
    expect(passes(post("/api/v1/imports", 1024 * 1024))).toBe(true);
    expect(passes(post("/api/v1/backups/restore", 1024 * 1024))).toBe(true);
    expect(post("/api/v1/imports", 1024 * 1024 + 1).status).toBe(413);
    expect(post("/api/v1/backups", 100_000).status).toBe(413);
    expect(post("/api/v1/imports/x", 100_000).status).toBe(413);
  });
});

describe("security headers on every answer", () => {
  const expectHeaders = (r: Response) => {
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(csp).toMatch(/style-src 'self' 'nonce-/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
  };

  it("on pages, API answers and refusals alike, with a fresh nonce each time", () => {
    const a = call("http://127.0.0.1:3000/");
    const b = call("http://127.0.0.1:3000/");
    for (const r of [
      a,
      b,
      call("http://127.0.0.1:3000/api/v1/decks"),
      call("http://evil:3000/"),
      call("http://127.0.0.1:3000/api/v1/reviews", { method: "POST" }),
    ])
      expectHeaders(r);
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
  });

  it("hands the CSP to Next.js on the request, so it can put the nonce on its scripts", () => {
    const r = call("http://127.0.0.1:3000/");
    expect(r.headers.get("x-middleware-request-content-security-policy")).toBe(r.headers.get("content-security-policy"));
  });
});

describe("page posts whose form cannot be read", () => {
  const form = (body: string, ct = "multipart/form-data; boundary=xyz") =>
    proxy(new NextRequest("http://127.0.0.1:3000/settings", { method: "POST", headers: { host: "127.0.0.1:3000", "content-type": ct }, body }));

  it("are 400 (Next.js would answer 500), with the security headers", async () => {
    for (const body of ["", "abc", "--xyz\r\nnot a part"]) {
      const r = await form(body);
      expect(r.status).toBe(400);
      expect(await errorOf(r)).toMatch(/malformed multipart/);
      expect(r.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("a well-formed form goes on to the Server Action", async () => {
    const ok = '--xyz\r\nContent-Disposition: form-data; name="newPerDay"\r\n\r\n20\r\n--xyz--\r\n';
    expect(passes(await form(ok))).toBe(true);
    expect(passes(await form("a=1", "application/x-www-form-urlencoded"))).toBe(true);
  });
});

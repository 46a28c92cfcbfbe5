// Cardinal on a learner's machine, attacked from the other pages their browser
// opens: a hostile page on a second local origin tries every write the issue's
// attack battery found (no-cors fetch, text/plain form, plain forms, Server
// Action form) and none of them writes anything; a DNS-rebinding name is
// refused; the app cannot be framed; and every page still hydrates and works
// under the CSP, with no violation reported.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ConsoleMessage, Request } from "@playwright/test";
import { test, expect, type Page } from "./fixtures";
import { fingerprintFile } from "../helpers/db-fingerprint";

const DECK = "claude-character";
const REBIND_NAME = "attacker.example";

// Chromium resolves the attacker's name to this machine, as a rebinding DNS server would.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--host-resolver-rules=MAP ${REBIND_NAME} 127.0.0.1`,
    ],
  },
});

/** The hostile page: on load it fires every attack at `target` and frames its settings page. */
function hostilePage(target: string, cardId: number): string {
  const review = (id: string) => JSON.stringify({ cardId, rating: 3, durationMs: 1000, reviewId: id });
  const reviewPrefix = review("evil-form").slice(0, -2); // …"reviewId":"evil-form  — the form adds `="}`
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<!doctype html><html><body>
<h1>Totally harmless page</h1>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe><iframe name="sink3"></iframe><iframe name="sink4"></iframe><iframe name="sink5"></iframe>
<iframe id="framed" src="${target}/settings"></iframe>
<form id="f-text" method="POST" enctype="text/plain" action="${target}/api/v1/reviews" target="sink1"><input name="${esc(reviewPrefix)}" value='"}'></form>
<form id="f-suspend" method="POST" action="${target}/api/v1/cards/${cardId}/suspend" target="sink2"><input name="suspended" value="true"></form>
<form id="f-bury" method="POST" action="${target}/api/v1/cards/${cardId}/bury" target="sink3"></form>
<form id="f-undo" method="POST" action="${target}/api/v1/reviews/undo" target="sink4"></form>
<form id="f-action" method="POST" enctype="multipart/form-data" action="${target}/settings" target="sink5"><input name="desiredRetention" value="0.7"><input name="newPerDay" value="0"></form>
<script>
  fetch(${JSON.stringify(`${target}/api/v1/reviews`)}, { method: "POST", mode: "no-cors", body: ${JSON.stringify(review("evil-fetch"))} });
  fetch(${JSON.stringify(`${target}/api/v1/quiz`)}, { method: "POST", mode: "no-cors", body: ${JSON.stringify(JSON.stringify({ deck: DECK, topic: "all", length: 5 }))} });
  for (const id of ["f-text", "f-suspend", "f-bury", "f-undo", "f-action"]) document.getElementById(id).submit();
</script></body></html>`;
}

/** Serves `html` at http://127.0.0.1:<free port>/; returns the port and a close function. */
async function serveHostile(html: () => string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

const ATTACKS = [
  ["POST", "/api/v1/reviews"], // no-cors fetch
  ["POST", "/api/v1/quiz"],
  ["POST", "/api/v1/reviews"], // text/plain form
  ["POST", "/suspend"],
  ["POST", "/bury"],
  ["POST", "/api/v1/reviews/undo"],
  ["POST", "/settings"],
] as const;

for (const origin of ["127.0.0.1", "localhost"] as const) {
  test(`a hostile page on http://${origin}:<other port> writes nothing: every attack is refused`, async ({ page, baseURL, specServer }) => {
    const DB_FILE = path.join(specServer.dir, "cardinal.db");
    // Something to undo and a live card to suspend: a real answer from Cardinal's own client.
    const queue = (await (await page.request.get(`/api/v1/queue?deck=${DECK}`)).json()) as { cards: { id: number; reps: number }[] };
    const card = queue.cards[0]!;
    const legit = await page.request.post("/api/v1/reviews", {
      data: { cardId: card.id, rating: 3, durationMs: 1500, reviewId: `legit-${Date.now()}-${origin}` },
    });
    expect(legit.status()).toBe(201);
    const next = ((await (await page.request.get(`/api/v1/queue?deck=${DECK}`)).json()) as typeof queue).cards[0]!;

    const hostile = await serveHostile(() => hostilePage(baseURL!, next.id));
    try {
      const before = fingerprintFile(DB_FILE);
      // Every attack reaches the server; Chromium then hides the no-cors answers from the page
      // (Cross-Origin-Resource-Policy), so those end as failed requests with no status to read.
      // A request's status, or null when the browser dropped it without one.
      const sent = new Map<Request, number | null>();
      const ours = (r: Request) => r.url().startsWith(baseURL!) && r.method() !== "GET";
      page.on("request", (r) => {
        if (ours(r)) sent.set(r, null);
      });
      page.on("response", (r) => {
        if (ours(r.request())) sent.set(r.request(), r.status());
      });
      const ended = new Set<Request>();
      page.on("requestfinished", (r) => void (ours(r) && ended.add(r)));
      page.on("requestfailed", (r) => void (ours(r) && ended.add(r)));
      await page.goto(`http://${origin}:${hostile.port}/`);
      await expect.poll(() => [sent.size, ended.size], { timeout: 15_000 }).toEqual([ATTACKS.length, ATTACKS.length]);
      const seen = [...sent].map(([r, status]) => ({ method: r.method(), url: r.url(), status }));
      for (const [method, suffix] of ATTACKS) {
        expect(seen.filter((s) => s.method === method && s.url.endsWith(suffix)).length, `${method} …${suffix} was sent`).toBeGreaterThan(0);
      }
      // Origin / Sec-Fetch-Site refuse all of them (403) before the Content-Type check (415) is reached.
      for (const s of seen) if (s.status !== null) expect(s, JSON.stringify(s)).toMatchObject({ status: 403 });
      expect(seen.filter((s) => s.status === 403).length).toBeGreaterThanOrEqual(5);
      expect(fingerprintFile(DB_FILE)).toEqual(before);

      // The framed settings page did not render: frame-ancestors 'none' / X-Frame-Options DENY.
      const framed = page.frames().find((f) => f.url().includes("/settings") || f.url().startsWith("chrome-error:"));
      if (framed) await expect(framed.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    } finally {
      await hostile.close();
    }
    // The hostile page's undo did nothing: the real answer is still there to undo.
    expect((await page.request.post("/api/v1/reviews/undo", { data: {} })).status()).toBe(200);
  });
}

test("DNS rebinding: a page opened under another host name is refused, and so are its writes", async ({ page, baseURL, specServer }) => {
  const DB_FILE = path.join(specServer.dir, "cardinal.db");
  const port = new URL(baseURL!).port;
  const before = fingerprintFile(DB_FILE);
  const res = await page.goto(`http://${REBIND_NAME}:${port}/settings`);
  expect(res?.status()).toBe(421);
  await expect(page.getByText(/does not answer to the host name/)).toBeVisible();
  // The attacker's own page (same name, so same origin to the browser) cannot read or write either.
  const read = await page.evaluate(async () => (await fetch("/api/v1/settings")).status);
  expect(read).toBe(421);
  const write = await page.evaluate(
    async () => (await fetch("/api/v1/settings", { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"newPerDay":0}' })).status,
  );
  expect(write).toBe(421);
  expect(fingerprintFile(DB_FILE)).toEqual(before);
});

/** Console messages and violation events that mean the CSP blocked something. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** React has hydrated the page: its event handlers are attached to the server-rendered DOM. */
async function expectHydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("main > *") ?? {}).some((k) => k.startsWith("__react")))).toBe(true);
}

test("every page hydrates and works under the CSP, with no violation", async ({ page }) => {
  const problems = await watchCsp(page);
  const queue = (await (await page.request.get(`/api/v1/queue?deck=${DECK}`)).json()) as { cards: { id: number }[] };

  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(home?.headers()).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" });
  await expectHydrated(page);
  // Injected markup cannot run script: the inline handler is refused (and reported, so expected here).
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img id="xss" src="/x.png" onerror="window.__injected = true">`));
  await expect.poll(() => problems.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(problems.join("\n")).toMatch(/script-src|inline/);
  problems.length = 0;
  // Client-side navigation through the header link.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await expectHydrated(page);

  await page.goto(`/review?deck=${DECK}`);
  await expectHydrated(page);
  await expect(page.getByTestId("card")).toBeVisible();
  await page.keyboard.press("Escape"); // a typed card's field may have the focus
  await page.keyboard.press("?");
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeVisible();

  await page.goto(`/quiz?deck=${DECK}&topic=all&length=5&seed=1`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-question")).toBeVisible();

  await page.goto("/settings");
  await expectHydrated(page);
  await page.getByRole("button", { name: "Save settings" }).click(); // the Server Action, through proxy.ts
  await expect(page.locator("form").getByRole("status")).toHaveText(/Saved/); // the form's own status line

  await page.goto("/browse?q=is%3Anew");
  await expectHydrated(page);
  await page.keyboard.press("x"); // selects the card under the cursor
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");

  await page.goto("/data");
  await expectHydrated(page);

  await page.goto(`/cards/${queue.cards[0]!.id}`);
  await expectHydrated(page);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/progress");
  await page.screenshot({ path: test.info().outputPath("progress-390.png"), fullPage: true });
  expect(problems).toEqual([]);
});

import { test, expect, type Page } from "./fixtures";
import { revealCard } from "./review-keys";

// Issue 12's review problems in real Chromium: keys act once (1), one undo
// stack that names its action (2, 10), cards brought back (3), no sibling
// after a suspend or a bury (4), one round trip per answer (12). This file has its own database (./fixtures.ts); its tests
// share it in order, so assertions are about the cards each test touches.
const DECK = "claude-character";
const card = (page: Page) => page.getByTestId("card");
const cardId = async (page: Page) => Number(await card(page).getAttribute("data-card-id"));
/** The deck's queue as the API sees it (a suspended card is not in it). */
const apiQueue = async (page: Page) => (await (await page.request.get(`/api/v1/queue?deck=${DECK}&limit=100`)).json()) as { cards: { id: number }[] };

test("Space on a focused Suspend button reveals instead of suspending (problem 1)", async ({ page }) => {
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toBeVisible();
  // A typed card's field takes the focus; pick a card revealed by Space.
  for (let i = 0; i < 20 && ["typed", "cloze", "multiple-choice", "true-false"].includes((await card(page).getAttribute("data-format")) ?? ""); i++) {
    await revealCard(page);
    await page.keyboard.press("3");
    await expect(page.getByTestId("back")).toBeHidden();
  }
  const id = await cardId(page);
  const suspend = page.getByRole("button", { name: /^Suspend/ });
  await suspend.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("back")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(card(page)).toHaveAttribute("data-card-id", String(id));
  expect((await apiQueue(page)).cards.map((c) => c.id)).toContain(id); // not suspended
  await page.screenshot({ path: test.info().outputPath("focused-suspend-space.png"), fullPage: true });
});

test("U undoes the suspension after an answer, names it, and survives a reload; a new tab cannot undo it (problems 2, 3, 10)", async ({ page, browser }) => {
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toBeVisible();
  const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
  await revealCard(page);
  await page.keyboard.press("3");
  await expect(page.getByTestId("undo-button")).toContainText(`Undo Good on “${prompt.trim().slice(0, 20)}`);

  const suspended = await cardId(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await expect(page.getByTestId("notice")).toContainText("Card suspended");
  await expect(page.getByTestId("notice").getByRole("button", { name: "Unsuspend" })).toBeVisible();
  await expect(page.getByTestId("undo-button")).toContainText("Undo suspend of");
  await page.screenshot({ path: test.info().outputPath("suspend-notice.png"), fullPage: true });

  // A reload keeps the session: U still undoes the suspension, not the answer.
  await page.reload();
  await expect(page.getByTestId("undo-button")).toContainText("Undo suspend of");
  await page.keyboard.press("Escape");
  await page.keyboard.press("u");
  await expect(page.getByTestId("notice")).toContainText("Undid suspend of");
  await expect(card(page)).toHaveAttribute("data-card-id", String(suspended));
  await expect(page.getByTestId("undo-button")).toContainText("Undo Good on");
  // Undoing the answer brings its card back, and the header counts it (problem 9).
  await page.keyboard.press("u");
  await expect(page.getByTestId("notice")).toContainText("Undid Good on");
  await expect(page.getByTestId("prompt")).toHaveText(prompt);
  const count = async (k: string) => Number(await page.getByTestId(`count-${k}`).textContent());
  if (Number(await card(page).getAttribute("data-reps")) === 0) expect(await count("new")).toBeGreaterThanOrEqual(1);
  else expect((await count("learning")) + (await count("review"))).toBeGreaterThanOrEqual(1);

  // Another tab is another session: nothing to undo there.
  const other = await browser.newPage({ baseURL: new URL(page.url()).origin });
  await other.goto(`/review?deck=${DECK}`);
  await expect(other.getByTestId("undo-button")).toContainText("Nothing to undo");
  await other.close();

  // The card page brings a suspended card back (problem 3).
  const toBringBack = await cardId(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await expect(page.getByTestId("notice")).toContainText("Card suspended");
  await page.goto(`/cards/${toBringBack}`);
  await page.getByTestId("card-actions").getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByTestId("card-actions")).toContainText("Card unsuspended");
  await expect(page.getByTestId("card-actions").getByRole("button", { name: "Suspend", exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("card-page-unsuspend.png"), fullPage: true });
});

test("an answer costs one request: the reply carries the next card and counts (problem 12)", async ({ page }) => {
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toBeVisible();
  await page.waitForLoadState("networkidle");
  await revealCard(page);
  const before = await cardId(page);
  const calls: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) calls.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.keyboard.press("3");
  await expect(card(page)).not.toHaveAttribute("data-card-id", String(before));
  await page.waitForTimeout(300);
  expect(calls).toEqual(["POST /api/v1/reviews"]);
});

test("the site has a favicon (problem 12)", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
});

/** Every card's note, from the browser's API (all pages): card id → note key. */
async function notesOf(page: Page): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let p = 1; ; p++) {
    const r = (await (await page.request.get(`/api/v1/cards?q=${encodeURIComponent(`deck:${DECK}`)}&page=${p}`)).json()) as {
      cards: { id: number; noteKey: string }[];
      pages: number;
    };
    for (const c of r.cards) out.set(c.id, c.noteKey);
    if (p >= r.pages) return out;
  }
}

test("after a suspend or a bury, the next card shown is never its sibling, nor any later card today (problem 4)", async ({ page }) => {
  const notes = await notesOf(page);
  const siblingsOf = (id: number) => [...notes].filter(([other, key]) => other !== id && key === notes.get(id)).map(([other]) => other);
  await page.goto(`/review?deck=${DECK}`);
  await expect(card(page)).toBeVisible();
  const hidden = new Map<number, string>(); // sibling id → what hid it
  const acted: string[] = [];
  for (let step = 0; step < 40 && acted.length < 4; step++) {
    const id = await cardId(page);
    expect(hidden.has(id), `card ${id} is a sibling of a card hidden by ${hidden.get(id)}`).toBe(false);
    const sibs = siblingsOf(id);
    if (sibs.length === 0) {
      // No sibling: answer it and go on.
      await revealCard(page);
      await page.keyboard.press("3");
      await expect(card(page)).not.toHaveAttribute("data-card-id", String(id));
      continue;
    }
    const action = acted.length % 2 === 0 ? "suspend" : "bury";
    await page.keyboard.press("Escape");
    // (B picks option B on a choice card before the reveal; - buries on every card.)
    await page.keyboard.press(action === "suspend" ? "s" : "-");
    await expect(page.getByTestId("notice")).toContainText(action === "suspend" ? "Card suspended" : "Card buried");
    acted.push(`${action} of ${id}`);
    for (const s of sibs) hidden.set(s, `${action} of ${id}`);
    // The next card shown, and the whole queue the server would show today, hold no sibling.
    await expect(card(page)).not.toHaveAttribute("data-card-id", String(id));
    const next = await cardId(page);
    expect(sibs).not.toContain(next);
    const queue = (await apiQueue(page)).cards.map((c) => c.id);
    for (const s of sibs) expect(queue).not.toContain(s);
  }
  // Both actions were tried, on cards that have siblings.
  expect(acted.filter((a) => a.startsWith("suspend")).length).toBeGreaterThanOrEqual(1);
  expect(acted.filter((a) => a.startsWith("bury")).length).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: test.info().outputPath("siblings-after-bury.png"), fullPage: true });
});

import { test, expect, type Page } from "./fixtures";

// Other specs share this database and answer cards: every check here is
// about cards this test finds by its own search, and counts are read, not assumed.
const PHRASE = `"human feedback"`;

const rows = (page: Page) => page.getByTestId("cards").locator("tbody tr");
const total = async (page: Page) => Number(((await page.getByTestId("total").textContent()) ?? "").replace(/\D/g, ""));

test("search, filter, select by keyboard, bulk suspend, undo, and the back button", async ({ page, request }) => {
  await page.goto("/browse");
  await expect(rows(page).first()).toBeVisible();
  const everything = await total(page);

  // `/` focuses the search; the query goes into the URL.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search cards")).toBeFocused();
  await page.keyboard.type(PHRASE);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=%22human(\+|%20)feedback%22/);
  await expect.poll(() => total(page)).toBeLessThan(everything);
  const found = await total(page);
  expect(found).toBeGreaterThan(1);
  // (The words may be in the note or the quote, which the table does not show: tests/integration/browse.test.ts checks those.)

  // j moves the cursor, x selects; two cards.
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await expect(rows(page).nth(1)).toHaveAttribute("data-cursor", "");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  const chosen = [await rows(page).nth(0).getAttribute("data-card-id"), await rows(page).nth(1).getAttribute("data-card-id")];
  await page.screenshot({ path: ".tmp/browse-selected.png", fullPage: true });

  await page.getByRole("button", { name: "Suspend", exact: true }).click();
  await expect(page.getByTestId("bulk-notice")).toHaveText("Suspended 2 cards");
  for (const id of chosen) await expect(page.locator(`tr[data-card-id="${id}"]`)).toContainText("suspended");

  // The Suspended filter rewrites the query: only those two remain.
  await page.getByLabel("Suspended").selectOption("yes");
  await expect(page).toHaveURL(/is%3Asuspended/);
  await expect(page.getByLabel("Search cards")).toHaveValue(`${PHRASE} is:suspended`);
  await expect.poll(() => total(page)).toBe(2);

  // Back: the plain search again, text box included.
  await page.goBack();
  await expect(page.getByLabel("Search cards")).toHaveValue(PHRASE);
  await expect.poll(() => total(page)).toBe(found);

  // Undo is one step for both cards (the study session's newest action), and stays offered after the navigation.
  await expect(page.getByTestId("bulk-undo")).toHaveText("Undo suspend of 2 cards");
  await page.getByTestId("bulk-undo").click();
  await expect(page.getByTestId("bulk-notice")).toHaveText("Undid suspend of 2 cards.");
  const res = await request.get(`/api/v1/cards?q=${encodeURIComponent(`${PHRASE} is:suspended`)}`);
  expect(((await res.json()) as { total: number }).total).toBe(0);

  // Enter opens the card under the cursor.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cards/${chosen[0]}$`));
});

test("a bad query shows one clear error on the page and is a 400 from the API", async ({ page, request }) => {
  await page.goto(`/browse?q=${encodeURIComponent("is:sleepy prop:lapses>3")}`);
  await expect(page.getByTestId("query-error")).toContainText(`unknown "is:sleepy"`);
  await expect(page.getByTestId("cards")).toHaveCount(0);
  const res = await request.get(`/api/v1/cards?q=${encodeURIComponent("is:sleepy")}`);
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: string }).error).toContain("is:sleepy");
});

test("on a 390 px screen the filters fold away and the table keeps prompt, state and due", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/browse");
  await expect(page.getByTestId("filters")).toBeHidden();
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByTestId("filters")).toBeVisible();
  await page.getByLabel("State").selectOption("new");
  await expect(page).toHaveURL(/is%3Anew/);
  await expect(page.getByRole("button", { name: /^Filters \(1 on\)/ })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: ".tmp/browse-390.png", fullPage: true });
});

import { test, expect } from "./fixtures";

test("home page lists every deck with its card count, as the API counts them", async ({ page, request }) => {
  const { decks } = (await (await request.get("/api/v1/decks")).json()) as { decks: { key: string; title: string; cards: Record<string, number> }[] };
  expect(decks.length).toBeGreaterThan(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Decks" })).toBeVisible();
  await expect(page.getByTestId("deck")).toHaveCount(decks.length);
  for (const d of decks) {
    const total = Object.values(d.cards).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const shown = page.getByTestId("deck").filter({ has: page.getByRole("heading", { name: d.title }) });
    await expect(shown.getByTestId("deck-total")).toHaveText(String(total));
  }
});

test("health reports the database and applied migrations", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, db: "ok" });
  expect(body.migrations).toBeGreaterThanOrEqual(1);
});

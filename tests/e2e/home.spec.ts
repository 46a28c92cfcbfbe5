import { test, expect } from "@playwright/test";

test("home page lists the decks with their card counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Decks" })).toBeVisible();
  const decks = page.getByTestId("deck");
  await expect(decks.first()).toBeVisible();
});

test("health reports the database and applied migrations", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, db: "ok" });
  expect(body.migrations).toBeGreaterThanOrEqual(1);
});

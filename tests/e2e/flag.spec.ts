import { test, expect } from "./fixtures";

test("flag a card from its page; the browser lists it under is:flagged; the review page offers the same button", async ({ page, request }) => {
  const list = (await (await request.get(`/api/v1/cards?q=${encodeURIComponent("-is:flagged")}&sort=added`)).json()) as {
    cards: { id: number; prompt: string }[];
  };
  const card = list.cards[3]!;
  await page.goto(`/cards/${card.id}`);
  await page.getByRole("button", { name: "Flag card" }).click();
  await page.getByLabel("typo").check();
  await page.getByLabel("note (optional)").fill("a letter is missing");
  await page.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("Flagged: typo");
  await page.reload();
  await expect(page.getByTestId("flag-status")).toHaveText("Flagged: typo");

  await page.goto(`/browse?q=${encodeURIComponent("is:flagged")}`);
  await expect(page.locator(`tr[data-card-id="${card.id}"]`)).toContainText("flag: typo");

  await page.goto("/review");
  await expect(page.getByTestId("card")).toBeVisible();
  // Typing the note does not trigger the review shortcuts (s would suspend).
  await page.getByRole("button", { name: "Flag card" }).click();
  await page.getByLabel("note (optional)").fill("suspicious");
  await page.getByRole("button", { name: "cancel" }).click();
  await expect(page.getByText(/Card suspended/)).toHaveCount(0);

  // Taking the flag back on the card page.
  await page.goto(`/cards/${card.id}`);
  await page.getByRole("button", { name: "remove flag" }).click();
  await expect(page.getByTestId("flag-status")).toHaveCount(0);
});

test("quiz feedback offers the flag button for the card just answered", async ({ page, request }) => {
  // A seed whose first question is answered by one click (a match or a typed question needs more).
  let seed = 0;
  for (; seed < 100; seed++) {
    const res = await request.post("/api/v1/quiz", { data: { deck: "claude-character", topic: "vocabulary", length: 5, seed } });
    expect(res.status()).toBe(201);
    const first = ((await res.json()) as { questions: { type: string }[] }).questions[0];
    if (first?.type === "multiple-choice" || first?.type === "true-false") break;
  }
  await page.goto(`/quiz?deck=claude-character&topic=vocabulary&length=5&seed=${seed}`);
  await page.getByRole("button", { name: "Start quiz" }).click();
  const q = page.getByTestId("quiz-question");
  await expect(q).toBeVisible();
  // Any answer will do: pick the first option, or submit an empty typed answer.
  const option = q.getByTestId("quiz-option").first();
  if (await option.count()) await option.click();
  await page.keyboard.press("Enter");
  const fb = page.getByTestId("quiz-feedback");
  await expect(fb).toBeVisible();
  if ((await q.getAttribute("data-type")) !== "match") await expect(fb.getByRole("button", { name: "Flag card" })).toBeVisible();
});

test("on the review page a card shows its flag, and U after flagging takes the badge away with the flag", async ({ page, request }) => {
  await page.goto("/review");
  const card = page.getByTestId("card");
  await expect(card).toBeVisible();
  const id = Number(await card.getAttribute("data-card-id"));

  // Flagged here: the badge shows; U undoes the flag, and the badge goes with it (it used to stay).
  await page.getByRole("button", { name: "Flag card" }).click();
  await page.getByLabel("ambiguous").check();
  await page.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("Flagged: ambiguous");
  await page.keyboard.press("u");
  await expect(page.getByText(/^Undid flag \(ambiguous\)/)).toBeVisible();
  await expect(card).toHaveAttribute("data-card-id", String(id));
  await expect(page.getByTestId("flag-status")).toHaveCount(0);
  const after = (await (await request.get(`/api/v1/cards?q=${encodeURIComponent("is:flagged")}`)).json()) as { cards: { id: number }[] };
  expect(after.cards.map((c) => c.id)).not.toContain(id);

  // Flagged elsewhere (the card page, an earlier day): the review page shows it when the card comes up.
  await page.goto(`/cards/${id}`);
  await page.getByRole("button", { name: "Flag card" }).click();
  await page.getByLabel("wrong").check();
  await page.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("Flagged: wrong");
  await page.goto("/review");
  await expect(card).toHaveAttribute("data-card-id", String(id));
  await expect(page.getByTestId("flag-status")).toHaveText("Flagged: wrong");
});

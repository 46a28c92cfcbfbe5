// content:audit's one-fact check (issue 11): a recalled answer holds one fact. Clauses are not the only
// way to hold two: coordinated predicates, semicolons, second sentences, lists of three, two reasons.
import { describe, expect, it } from "vitest";
import { factProblems } from "../../../lib/generate/one-fact";

describe("factProblems", () => {
  it.each([
    ["Check the model's behavior and run evaluations", "two predicates joined by and/or"],
    ["Someone who travels the world and is well regarded everywhere", "two predicates joined by and/or"],
    ["Benign askers are helped; people seeking something illegal are not", "two statements joined by a semicolon"],
    ["It gives today's date. It also fixes formatting.", "two sentences"],
    ["Information that is factually incorrect, nonsensical, or not supported by its training data", "a list of three or more"],
    ["Formatting, dates and tone", "a list of three or more"],
    ["Because the model cannot know the date and because formatting needs fixing", "two reasons"],
    ["There are two reasons: missing information and fine control", "two reasons"],
    ["Ranked by humans, and these preferences train a reward model, which then guides it", "3 clauses"],
  ])("%s → %s", (answer, problem) => {
    expect(factProblems(answer)).toContain(problem);
  });

  it.each([
    "Evaluations",
    "Someone who is well regarded wherever they travel",
    "A final ability to tweak the model's behavior after training.",
    "A subsequent stage of AI model training where a pre-trained model is further trained on a smaller, specific dataset to adapt it for a particular task or behavior.",
    "Trains the model toward principles that humans choose.",
    "Humans select which response from the model they prefer.",
    "Honesty and kindness",
    "e.g. giving today's date",
  ])("one fact: %s", (answer) => {
    expect(factProblems(answer)).toEqual([]);
  });
});

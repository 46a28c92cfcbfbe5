// The health check warns about histories a fit should not be trusted on, and
// stays quiet for an honest learner with enough reviews.
import { describe, expect, it } from "vitest";
import { healthCheck, type RatedAnswer } from "../../../lib/fsrs-fit/health";
import { healthIssueInWords, improvementInWords } from "../../../lib/fsrs-fit/words";

/** `n` self-rated review-state answers with the given shares of Again and Hard (rest Good). */
function answers(n: number, again: number, hard: number, over: Partial<RatedAnswer> = {}): RatedAnswer[] {
  return Array.from({ length: n }, (_, i) => ({
    rating: i < n * again ? 1 : i < n * (again + hard) ? 2 : 3,
    state: 2,
    selfRated: true,
    ...over,
  }));
}

describe("healthCheck", () => {
  it("is quiet for an honest learner with enough reviews", () => {
    expect(healthCheck(answers(500, 0.1, 0.08), 2000)).toEqual([]);
  });

  it("warns when there are too few training items", () => {
    expect(healthCheck(answers(500, 0.1, 0.08), 120)).toEqual([{ code: "few-reviews", items: 120, minimum: 400 }]);
  });

  it("warns when Hard seems to be used for forgotten cards", () => {
    const [issue] = healthCheck(answers(400, 0.02, 0.2), 2000);
    expect(issue).toMatchObject({ code: "hard-as-fail", answers: 400 });
    expect(healthIssueInWords(issue!)).toContain("press Again");
  });

  it("warns when forgotten cards are never rated Again", () => {
    expect(healthCheck(answers(300, 0, 0.05), 2000)).toEqual([{ code: "no-again", answers: 300, againShare: 0 }]);
  });

  it("ignores quiz answers (rated by the quiz) and answers outside the Review state for the button checks", () => {
    expect(healthCheck(answers(300, 0, 0.3, { selfRated: false }), 2000)).toEqual([]);
    expect(healthCheck(answers(300, 0, 0.3, { state: 1 }), 2000)).toEqual([]);
  });
});

describe("improvementInWords", () => {
  it("says how much more accurately, from RMSE(bins)", () => {
    expect(improvementInWords({ logLoss: 0.3234, rmseBins: 0.0868 }, { logLoss: 0.2996, rmseBins: 0.0547 })).toBe(
      "The fitted parameters predict your recall 37% more accurately than the current ones.",
    );
  });
  it("advises keeping the current parameters when the fit is worse, and says when they are about equal", () => {
    expect(improvementInWords({ logLoss: 0.3, rmseBins: 0.05 }, { logLoss: 0.31, rmseBins: 0.06 })).toContain("20% less accurately");
    expect(improvementInWords({ logLoss: 0.3, rmseBins: 0.05 }, { logLoss: 0.3, rmseBins: 0.0505 })).toContain("about as accurately");
  });
});

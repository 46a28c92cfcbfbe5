import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTalk } from "../../../lib/content/parse-talk";
import { talkToJson } from "../../../lib/content/to-json";
import type { ParsedTalk, TalkItem } from "../../../lib/content/types";

const root = new URL("../../../", import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, root), "utf8");

const REAL_FILE = "content/claude-character/talk.txt";
const PHOTO_FILE = "tests/fixtures/content/photosynthesis/talk.txt";

const ofKind = <K extends TalkItem["kind"]>(p: ParsedTalk, kind: K) => p.items.filter((i): i is Extract<TalkItem, { kind: K }> => i.kind === kind);
const errors = (p: ParsedTalk) => p.diagnostics.filter((d) => d.severity === "error");
const lines = (text: string) => text.split("\n");

describe("parseTalk on the real talk (content/claude-character/talk.txt)", () => {
  const text = read(REAL_FILE);
  const parsed = parseTalk(text, REAL_FILE);
  const takeaway = (title: string) => ofKind(parsed, "takeaway").find((t) => t.title === title);
  const term = (name: string) => ofKind(parsed, "term").find((t) => t.term === name);

  it("reports nothing: the unheaded copy is recognised as an exact duplicate", () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(errors(parsed)).toEqual([]);
  });

  it("captures the title line of the unheaded copy", () => {
    expect(parsed.title).toBe("What should an AI's personality be?");
  });

  it("has exactly 3 TL;DR points from the headed copy", () => {
    const tldr = ofKind(parsed, "tldr");
    expect(tldr.map((t) => [t.key, t.line])).toEqual([
      ["tldr:1", 16],
      ["tldr:2", 17],
      ["tldr:3", 18],
    ]);
    expect(tldr[1]?.text).toBe(
      'AI character is "baked in" during the fine-tuning stage of training, through methods like Constitutional AI and Reinforcement Learning from Human Feedback (RLHF), making it a deep-seated behavioral tendency rather than a surface-level instruction.',
    );
  });

  it("has exactly 8 takeaways, split and merged lines resolved", () => {
    const takeaways = ofKind(parsed, "takeaway");
    expect(takeaways.map((t) => [t.title, t.line])).toEqual([
      ["AI Character is Alignment", 20],
      ["Character vs. Personality", 21],
      ["Fine-tuning is Key for Character", 22],
      ["Constitutional AI for Value Alignment", 23],
      ["System Prompts Provide Final Control", 24],
      ["Charitable Interpretation", 25],
      ["Prioritize Confidence Over Completeness", 26],
      ["Challenge of User Intent Verification", 27],
    ]);
    expect(takeaways[3]?.key).toBe("takeaway:constitutional-ai-for-value-alignment");
    expect(takeaways[1]?.key).toBe("takeaway:character-vs-personality");
    // Split across lines 23–24, joined with one space; "RL-AIF(" is kept verbatim (no space added).
    expect(takeaway("Constitutional AI for Value Alignment")?.text).toBe(
      "Anthropic uses Constitutional AI, which includes RL-AIF(Reinforcement Learning from AI Feedback), where the AI generates feedback based on human-defined principles, then trains against that feedback.",
    );
    // Merged onto line 24 after the previous item.
    expect(takeaway("System Prompts Provide Final Control")?.text).toBe(
      "A system prompt is a hidden, company-set instruction added to every user query, providing contextual information (like the current date) or fine-grained control to tweak behaviors (e.g., formatting) after main training.",
    );
    expect(takeaway("Charitable Interpretation")?.text).toBe(
      "A desirable AI trait is to interpret all queries charitably, assuming benign intent to be helpful while avoiding facilitating harmful or illegal activities.",
    );
    expect(takeaway("Prioritize Confidence Over Completeness")?.text).toBe(
      "Models are nudged to only tell the human things I'm confident in, preferring shorter, reliable answers over longer, potentially inaccurate ones, and conveying uncertainty when information is unknown.",
    );
    expect(takeaway("Challenge of User Intent Verification")?.text).toBe(
      "A core difficulty is that AI models cannot verify the user's true intentions or authority, making it challenging to consistently uphold usage policies when users might misrepresent their purpose.",
    );
  });

  it("has exactly 10 terms with expansions and full definitions", () => {
    const terms = ofKind(parsed, "term");
    expect(terms.map((t) => [t.key, t.term, t.expansion, t.line])).toEqual([
      ["term:alignment", "Alignment", null, 29],
      ["term:pre-training", "Pre-training", null, 29],
      ["term:fine-tuning", "Fine-tuning", null, 29],
      ["term:rlhf", "RLHF", "Reinforcement Learning from Human Feedback", 29],
      ["term:constitutional-ai", "Constitutional AI", null, 29],
      ["term:rl-aif", "RL-AIF", "Reinforcement Learning from AI Feedback", 29],
      ["term:system-prompt", "System Prompt", null, 29],
      ["term:jailbreak", "Jailbreak", null, 29],
      ["term:sycophancy", "Sycophancy", null, 29],
      ["term:hallucination", "Hallucination", null, 29],
    ]);
    expect(term("Alignment")?.definition).toBe(
      "The field dedicated to ensuring AI models are aligned with human values and intentions, particularly as models become more capable.",
    );
    expect(term("RLHF")?.definition).toBe(
      "A fine-tuning technique where AI responses are ranked by humans, and these preferences are used to train a reward model, which then guides the AI's learning through reinforcement.",
    );
    expect(term("Constitutional AI")?.definition).toBe(
      'An Anthropic-developed method that uses a set of principles (a "constitution") to guide an AI in evaluating its own responses and providing feedback for further training, often involving RL-AIF.',
    );
    expect(term("RL-AIF")?.definition).toBe(
      "A component of Constitutional AI where an AI model, guided by a set of principles, generates feedback on its own outputs, which is then used to refine its behavior.",
    );
    expect(term("Hallucination")?.definition).toBe(
      "When an AI model generates information that is factually incorrect, nonsensical, or not supported by its training data.",
    );
    expect(term("Pre-training")?.definition).toBe(
      "The initial stage of AI model training where the model learns from a vast dataset without specific task-oriented objectives.",
    );
  });

  it("takes the transcript after the Transcript heading", () => {
    expect(parsed.transcript.startsWith("Hello, I'm Stuart from Anthropic.")).toBe(true);
    expect(parsed.transcript.endsWith("thank you very much indeed for listening.")).toBe(true);
    expect(parsed.transcriptLine).toBe(31);
    expect(parsed.transcript.length).toBeGreaterThan(40_000);
  });

  it("talkToJson gives the CLI shape", () => {
    const json = talkToJson(parsed);
    expect(Object.keys(json)).toEqual(["tldr", "takeaways", "terms", "diagnostics"]);
    expect(json.tldr).toHaveLength(3);
    expect(json.takeaways).toHaveLength(8);
    expect(json.takeaways[4]).toEqual({
      title: "System Prompts Provide Final Control",
      text: takeaway("System Prompts Provide Final Control")?.text,
    });
    expect(json.terms).toHaveLength(10);
    expect(json.terms[5]).toEqual({
      term: "RL-AIF",
      expansion: "Reinforcement Learning from AI Feedback",
      definition: term("RL-AIF")?.definition,
    });
    expect(json.diagnostics).toEqual([]);
  });

  it("parses either copy alone to the same material", () => {
    const all = lines(text);
    const strip = (p: ParsedTalk) => talkToJson(p);
    const headedOnly = parseTalk(all.slice(14).join("\n"), "headed.txt");
    expect(headedOnly.diagnostics).toEqual([]);
    expect(headedOnly.title).toBeNull();
    expect(strip(headedOnly)).toEqual(strip(parsed));

    const unheadedOnly = parseTalk(all.slice(0, 14).join("\n"), "unheaded.txt");
    expect(unheadedOnly.title).toBe("What should an AI's personality be?");
    expect(unheadedOnly.diagnostics.map((d) => [d.severity, d.line])).toEqual([["warning", 1]]);
    expect({ ...strip(unheadedOnly), diagnostics: [] }).toEqual(strip(parsed));
    expect(unheadedOnly.transcriptLine).toBe(14);
    expect(unheadedOnly.transcript).toBe(parsed.transcript);
  });

  it("accepts CRLF line endings and a BOM", () => {
    const crlf = parseTalk(`\uFEFF${text.replace(/\n/g, "\r\n")}`, REAL_FILE);
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.items).toEqual(parsed.items);
    expect(crlf.transcript).toBe(parsed.transcript);
  });
});

describe("parseTalk on a second talk (photosynthesis fixture)", () => {
  const parsed = parseTalk(read(PHOTO_FILE), PHOTO_FILE);

  it("deck.yaml points at the talk", () => {
    const deck = read("tests/fixtures/content/photosynthesis/deck.yaml");
    expect(deck).toMatch(/^key: photosynthesis$/m);
    expect(deck).toMatch(/^source: talk\.txt$/m);
    expect(deck).toMatch(/^title: /m);
  });

  it("gives exactly the expected output", () => {
    expect(parsed.title).toBe("How do plants eat sunlight?");
    expect(parsed.diagnostics).toEqual([]);
    expect(talkToJson(parsed)).toEqual({
      tldr: [
        "Photosynthesis turns light energy into chemical energy stored in sugar, releasing oxygen as a by-product.",
        "It runs in two stages: light-dependent reactions in the thylakoid membranes and the Calvin cycle in the stroma.",
        "Plants balance carbon dioxide intake against water loss by opening and closing their stomata.",
      ],
      takeaways: [
        {
          title: "Light Is the Energy Source",
          text: "Chlorophyll absorbs mostly red and blue light and reflects green, which is why leaves look green.",
        },
        {
          title: "Two Linked Stages",
          text: "The light-dependent reactions make ATP(Adenosine Triphosphate) and NADPH, which the Calvin cycle then spends to build sugar.",
        },
        {
          title: "Water Is Split for Electrons",
          text: "Splitting water replaces the electrons chlorophyll loses, and the oxygen we breathe is the leftover.",
        },
        {
          title: "Carbon Fixation in the Calvin Cycle",
          text: "The enzyme RuBisCO attaches carbon dioxide to a five-carbon sugar, a slow step that limits how fast plants can grow.",
        },
        {
          title: "Stomata Trade Water for Carbon",
          text: "Opening the stomata lets carbon dioxide in but also lets water vapour out, so plants close them in hot, dry weather.",
        },
      ],
      terms: [
        {
          term: "Chlorophyll",
          expansion: null,
          definition: "The green pigment in chloroplasts that absorbs light energy to drive photosynthesis.",
        },
        {
          term: "Light-dependent Reactions",
          expansion: null,
          definition: "The first stage of photosynthesis, in the thylakoid membranes, where light splits water and the energy is stored in NADPH and ATP.",
        },
        {
          term: "ATP",
          expansion: "Adenosine Triphosphate",
          definition: "The molecule cells use as short-term energy currency, made in the light-dependent reactions and spent in the Calvin cycle.",
        },
        {
          term: "NADPH",
          expansion: "Nicotinamide Adenine Dinucleotide Phosphate",
          definition: "An electron carrier that delivers the high-energy electrons the Calvin cycle needs to build sugar.",
        },
        {
          term: "Calvin Cycle",
          expansion: null,
          definition: "The second stage of photosynthesis, in the stroma, where carbon dioxide is fixed into sugar using ATP and NADPH.",
        },
        {
          term: "Stomata",
          expansion: null,
          definition: "Tiny pores on the underside of leaves that open and close to let carbon dioxide in and oxygen and water vapour out.",
        },
      ],
      diagnostics: [],
    });
    expect(parsed.items.map((i) => `${i.key}@${i.line}`)).toEqual([
      "tldr:1@13",
      "tldr:2@14",
      "tldr:3@15",
      "takeaway:light-is-the-energy-source@17",
      "takeaway:two-linked-stages@18",
      "takeaway:water-is-split-for-electrons@19",
      "takeaway:carbon-fixation-in-the-calvin-cycle@20",
      "takeaway:stomata-trade-water-for-carbon@21",
      "term:chlorophyll@23",
      "term:light-dependent-reactions@23",
      "term:atp@23",
      "term:nadph@23",
      "term:calvin-cycle@23",
      "term:stomata@23",
    ]);
    expect(parsed.transcript).toBe(
      "Welcome back to the botany hour. Today we are asking a simple question: how does a leaf turn sunlight into food? The short answer is chlorophyll, water and a lot of patience. Thanks for listening.",
    );
    expect(parsed.transcriptLine).toBe(25);
  });
});

/** A small headed-only talk; each test breaks one thing. */
const HEADED = [
  "TL;DR", // 1
  "- First point.", // 2
  "- Second point.", // 3
  "Takeaways", // 4
  "- Big Idea: Something true.", // 5
  "- Small Idea: Something else.", // 6
  "Vocabulary", // 7
  "Widget— A small thing.Gadget(Generic Device) — A larger thing.", // 8
  "Transcript", // 9
  "Hello and welcome.", // 10
];
const doc = (ls: string[]) => ls.join("\n");
const withLine = (n: number, text: string) => HEADED.map((l, i) => (i + 1 === n ? text : l));
const insertAfter = (n: number, ...extra: string[]) => [...HEADED.slice(0, n), ...extra, ...HEADED.slice(n)];
const diag = (p: ParsedTalk) => p.diagnostics.map((d) => [d.severity, d.line]);

describe("parseTalk on malformed input", () => {
  it("the small talk itself is clean", () => {
    const p = parseTalk(doc(HEADED), "t.txt");
    expect(p.diagnostics).toEqual([]);
    expect(talkToJson(p)).toMatchObject({
      tldr: ["First point.", "Second point."],
      takeaways: [
        { title: "Big Idea", text: "Something true." },
        { title: "Small Idea", text: "Something else." },
      ],
      terms: [
        { term: "Widget", expansion: null, definition: "A small thing." },
        { term: "Gadget", expansion: "Generic Device", definition: "A larger thing." },
      ],
    });
  });

  it("reports a stray non-bullet line inside TL;DR at its line", () => {
    const p = parseTalk(doc(insertAfter(2, "This line is not a bullet.")), "t.txt");
    expect(diag(p)).toEqual([["error", 3]]);
    expect(p.diagnostics[0]).toMatchObject({ file: "t.txt", message: expect.stringContaining("This line is not a bullet.") });
    expect(ofKind(p, "tldr").map((t) => t.text)).toEqual(["First point.", "Second point."]);
  });

  it("joins a TL;DR point split mid-sentence without complaint", () => {
    const p = parseTalk(doc(withLine(2, "- First")).replace("- First\n", "- First\npoint, continued.\n"), "t.txt");
    expect(p.diagnostics).toEqual([]);
    expect(ofKind(p, "tldr")[0]?.text).toBe("First point, continued.");
  });

  it("reports a vocabulary chunk with no dash at its line", () => {
    const p = parseTalk(doc(insertAfter(8, "Doohickey is a thing without a dash.")), "t.txt");
    expect(diag(p)).toEqual([["error", 9]]);
    expect(p.diagnostics[0]?.message).toContain("Doohickey");
    expect(ofKind(p, "term").map((t) => t.definition)).toEqual(["A small thing.", "A larger thing."]);
  });

  it("reports vocabulary text before the first term", () => {
    const p = parseTalk(doc(withLine(8, "Some words first. Widget— A small thing.")), "t.txt");
    expect(diag(p)).toEqual([["error", 8]]);
    expect(p.diagnostics[0]?.message).toContain("Some words first.");
    expect(ofKind(p, "term").map((t) => t.term)).toEqual(["Widget"]);
  });

  it("reports a missing Transcript section at the end of the file", () => {
    const p = parseTalk(doc(HEADED.slice(0, 8)), "t.txt");
    expect(diag(p)).toEqual([["error", 8]]);
    expect(p.diagnostics[0]?.message).toMatch(/missing Transcript/);
    expect(p.transcript).toBe("");
    expect(p.transcriptLine).toBe(0);
  });

  it("reports a missing middle section at the next heading", () => {
    const p = parseTalk(doc([...HEADED.slice(0, 3), ...HEADED.slice(6)]), "t.txt");
    expect(diag(p)).toEqual([["error", 4]]); // where "Vocabulary" now is
    expect(p.diagnostics[0]?.message).toMatch(/missing Takeaways/);
  });

  it("reports an empty section at its heading", () => {
    const p = parseTalk(doc([...HEADED.slice(0, 9)]).concat("\n\n"), "t.txt");
    expect(diag(p)).toEqual([["error", 9]]);
    expect(p.diagnostics[0]?.message).toMatch(/Transcript section is empty/);
  });

  it("reports an unknown heading and the lines it hides", () => {
    const p = parseTalk(doc(insertAfter(6, "Notes", "- hidden note one.", "- hidden note two.")), "t.txt");
    expect(diag(p)).toEqual([["error", 7]]);
    expect(p.diagnostics[0]?.message).toMatch(/unknown heading "Notes".*lines 8–9/);
    expect(ofKind(p, "takeaway")).toHaveLength(2);
  });

  it("reports a duplicate heading", () => {
    const p = parseTalk(doc([...HEADED, "TL;DR", "- Third point."]), "t.txt");
    expect(diag(p)).toEqual([["error", 11]]);
    expect(p.diagnostics[0]?.message).toMatch(/duplicate TL;DR heading \(first at line 1\).*line/);
  });

  it("reports an empty definition and a duplicate term", () => {
    const p = parseTalk(doc(withLine(8, "Widget— A small thing.Empty— .Widget— Again.Gadget— A larger thing.")), "t.txt");
    expect(diag(p)).toEqual([
      ["error", 8],
      ["error", 8],
    ]);
    expect(p.diagnostics[0]?.message).toMatch(/term "Empty" has an empty definition/);
    expect(p.diagnostics[1]?.message).toMatch(/duplicate term "Widget" \(first at line 8\)/);
    expect(ofKind(p, "term").map((t) => t.term)).toEqual(["Widget", "Gadget"]);
  });

  it("reports a takeaway without a title and a duplicate takeaway", () => {
    const p = parseTalk(doc(insertAfter(6, "- just some text without a title.", "- Big Idea: Again.")), "t.txt");
    expect(diag(p)).toEqual([
      ["error", 7],
      ["error", 8],
    ]);
  });

  it("splits a term glued to the previous definition without a full stop", () => {
    const p = parseTalk(doc(withLine(8, "Widget— A small thing, often part of aGadget(Generic Device) — A larger thing.")), "t.txt");
    expect(p.diagnostics).toEqual([]);
    expect(ofKind(p, "term").map((t) => [t.term, t.expansion, t.definition])).toEqual([
      ["Widget", null, "A small thing, often part of a"],
      ["Gadget", "Generic Device", "A larger thing."],
    ]);
  });

  it("accepts one term per line and em dashes inside definitions", () => {
    const p = parseTalk(doc(withLine(8, "Widget — A small thing — really small.\nGadget(Generic Device) — A larger\nthing.")), "t.txt");
    expect(p.diagnostics).toEqual([]);
    expect(ofKind(p, "term").map((t) => [t.term, t.definition, t.line])).toEqual([
      ["Widget", "A small thing — really small.", 8],
      ["Gadget", "A larger thing.", 9],
    ]);
  });

  it("reports headed and unheaded copies that disagree at the headed line", () => {
    const real = lines(read(REAL_FILE));
    real[8] = real[8]!.replace("then trains against that feedback.", "then trains on it.");
    real[12] = real[12]!.replace("guided by a set of principles", "guided by principles");
    real[1] = real[1]!.replace("baked in", "baked on");
    const p = parseTalk(real.join("\n"), REAL_FILE);
    expect(errors(p)).toEqual([]);
    expect(p.diagnostics.map((d) => [d.severity, d.line])).toEqual([
      ["warning", 17], // TL;DR point 2 (unheaded line 2)
      ["warning", 23], // "Constitutional AI for Value Alignment" (unheaded line 8)
      ["warning", 29], // term RL-AIF (unheaded line 13)
    ]);
    expect(p.diagnostics[1]?.message).toMatch(/Constitutional AI for Value Alignment.*line 8/);
    expect(p.diagnostics[2]?.message).toMatch(/RL-AIF.*line 13/);
    // The headed copy wins.
    expect(ofKind(p, "takeaway")[3]?.text).toContain("then trains against that feedback.");
  });

  it("does not mistake an unheaded transcript that starts like a term for vocabulary", () => {
    const real = lines(read(REAL_FILE));
    real[13] = `Hello— and welcome. ${real[13]}`;
    real[30] = `Hello— and welcome. ${real[30]}`;
    const p = parseTalk(real.join("\n"), REAL_FILE);
    expect(p.diagnostics).toEqual([]);
    expect(ofKind(p, "term")).toHaveLength(10);
    expect(p.transcript.startsWith("Hello— and welcome. Hello, I'm Stuart")).toBe(true);
  });

  it("reports items present in only one copy", () => {
    const real = lines(read(REAL_FILE));
    real.splice(2, 1); // drop unheaded TL;DR point 3
    const p = parseTalk(real.join("\n"), REAL_FILE);
    expect(p.diagnostics.map((d) => [d.severity, d.line])).toEqual([["warning", 17]]);
    expect(p.diagnostics[0]?.message).toMatch(/point 3 is missing from the unheaded copy/);
  });

  it("falls back to the unheaded copy for a section with no heading", () => {
    const real = lines(read(REAL_FILE));
    const p = parseTalk(real.slice(0, 29).join("\n"), REAL_FILE); // no "Transcript" heading
    expect(p.diagnostics.map((d) => [d.severity, d.line])).toEqual([["warning", 14]]);
    expect(p.transcriptLine).toBe(14);
    expect(p.transcript.startsWith("Hello, I'm Stuart from Anthropic.")).toBe(true);
  });

  it("handles empty and whitespace-only input", () => {
    for (const input of ["", "\n\n", "   "]) {
      const p = parseTalk(input, "empty.txt");
      expect(p.items).toEqual([]);
      expect(p.diagnostics.map((d) => d.message)).toEqual([
        "missing TL;DR section",
        "missing Takeaways section",
        "missing Vocabulary section",
        "missing Transcript section",
      ]);
      expect(p.diagnostics.every((d) => d.line >= 1 && d.file === "empty.txt")).toBe(true);
    }
  });
});

describe("parseTalk never throws", () => {
  const check = (text: string) => {
    const p = parseTalk(text, "f.txt");
    const count = text.split(/\r\n|\r|\n/).length;
    for (const d of p.diagnostics) {
      expect(Number.isInteger(d.line)).toBe(true);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(count);
    }
    for (const item of p.items) expect(item.line).toBeGreaterThanOrEqual(1);
    expect(new Set(p.items.map((i) => i.key)).size).toBe(p.items.length);
  };

  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), check), { numRuns: 500 });
  });

  it("on arbitrary talk-like documents", () => {
    const piece = fc.constantFrom(
      "TL;DR",
      "Takeaways",
      "Vocabulary",
      "Transcript",
      "Notes",
      "",
      "- ",
      "-",
      "- Point.",
      "- Title: text",
      "- Title: text. - Other Title: more",
      "continued line",
      "Term— def.",
      "Term(Exp) — def.",
      "—",
      "(",
      ")",
      " — ",
      "aB",
      ".",
      ":",
      "\r\n",
      "Term— .Term— x.",
      "involvingRL-AIF.RL-AIF(RL from AI) — x",
    );
    const line = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(""));
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.string({ maxLength: 30 })), { maxLength: 25 }), (ls) => check(ls.join("\n"))),
      { numRuns: 500 },
    );
  });
});

// The JSON shape a CLI prints for a parsed talk.
import type { Diagnostic, ParsedTalk } from "./types";

export type TalkJson = {
  tldr: string[];
  takeaways: { title: string; text: string }[];
  terms: { term: string; expansion: string | null; definition: string }[];
  diagnostics: Diagnostic[];
};

export function talkToJson(parsed: ParsedTalk): TalkJson {
  const out: TalkJson = { tldr: [], takeaways: [], terms: [], diagnostics: [...parsed.diagnostics] };
  for (const item of parsed.items) {
    if (item.kind === "tldr") out.tldr.push(item.text);
    else if (item.kind === "takeaway") out.takeaways.push({ title: item.title, text: item.text });
    else out.terms.push({ term: item.term, expansion: item.expansion, definition: item.definition });
  }
  return out;
}

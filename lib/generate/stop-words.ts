// English function words: never hidden by a cloze, ignored by similarity.
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each even few for from further
  had hadn't has hasn't have haven't having he her here hers herself him himself his how i if in into is isn't it it's its
  itself just let's like made make makes many may me might more most much must my myself no nor not now of off often on once
  only or other ought our ours ourselves out over own rather same shan't she should shouldn't so some such than that that's
  the their theirs them themselves then there these they this those through thus to too under until up upon us very was
  wasn't we well were weren't what when where whether which while who whom why will with within without won't would
  wouldn't you your yours yourself yourselves one ones via vs etc e.g i.e`.split(/\s+/),
);

/** Case-insensitive, and "doesn’t" (typographic apostrophe) is the same word as "doesn't". */
export function isStopWord(word: string): boolean {
  const w = word.toLowerCase();
  return STOP_WORDS.has(w.includes("’") ? w.replaceAll("’", "'") : w);
}

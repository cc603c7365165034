// Package quotes finds statements in a news article and ties each one to
// its speaker: who said what, to whom, when and through which channel.
//
// In: one document's cleaned text and sentences, the named mentions the NER
// found in it, its temporal expressions and its reference date. Out: one
// model.Quote per statement, with byte offsets into the cleaned text:
//
//   - direct quotes in straight or curly double quotes, « », „ “ and
//     sentence-initial single quotes, including quotes that run over several
//     sentences and paragraphs (an opening mark at each new paragraph, no
//     closing mark at the end of the previous one), quotes inside quotes and
//     quotes interrupted by their attribution;
//   - reported speech: "X said (that) …", "…, X said", "according to X, …",
//     "X told Y …", "quoted X as saying …", with the cue verb kept as written
//     ("denied" is not "admitted");
//   - interview layouts: "Name: answer", "Q:"/"A:", dash-led questions and
//     answers, and questions led by the outlet's name with unprefixed
//     answers, where each answer belongs to the interviewee.
//
// The speaker is kept as written (a name, pronoun, role noun or
// organisation) and, where the text allows it, resolved to the named
// mention it refers to within the document (SpeakerRef): the name itself, a
// pronoun's nearest compatible person (respecting he/she where the name's
// gender is known), a role noun's described person ("the musician" → the
// person introduced as "X, a musician"). When the reading is ambiguous the
// reference is left empty rather than guessed. Entity IDs (Quote.Speaker)
// are filled later by cross-document resolution.
//
// When no mentions are given, capitalised-name heuristics and the bundled
// given-name list stand in for the NER.
package quotes

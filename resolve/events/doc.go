// Package events finds the event mentions of a story's documents and
// decides which of them, across documents, are the same real event
// (cross-document event coreference), so that values meet only when their
// events are the same, and background events a story names (an earlier
// clash, last year's tsunami) stay apart, anchored by their own time.
//
// In: the annotated documents of one story ([]*model.Annotated, after
// resolve.Entities, so entity mentions carry entity IDs; time
// expressions from annotate/timex). Out: a Result with every event
// mention (model.EventMention: trigger span, sentence, head and lemma,
// time, places and participants, event ID) and the events
// (model.EventInstance: ID, label, role main/background/related, date,
// documents, mention spans).
//
// Use:
//
//	r, err := events.Load() // once: embedded model, clusters, lexicon, parser
//	res, err := r.Resolve(ctx, docs, entities, events.Options{})
//	if res.Distinct(docA, valueA, docB, valueB) { /* clearly two events: never one fact */ }
//	if res.Background(docID, valueRange) { /* a value of an earlier event */ }
//	ev, ok := res.EventAt(docID, valueRange) // the event a value belongs to
//	main, _ := res.Main()
//
// Distinct is safe to act on (on ecbplus-facts it wrongly separates 0.2%
// of same-fact value pairs); Same is not a gate (only a quarter of
// same-fact pairs share a cluster). See docs/events.md.
//
// How: a trigger tagger (averaged perceptron over words, stems, suffixes
// and Brown word clusters) marks verbal and nominal triggers; the
// dependency parse (annotate/syntax: the document's own Syntax, else
// parsed here) gives each trigger its head word and lemma, and its time,
// places and participants from its own dependents and clause (the
// sentence's nearest time when the parse has none). Mentions are
// blocked by lemma, word cluster and learned lemma pairs, and each is
// compared with at most Options.Window neighbours per block (ordered by
// document date), so a story costs O(mentions × window) pairs. A logistic
// pair model (lemma and word match, a lemma-pair table, cluster overlap,
// time, place and participant agreement, document and sentence
// similarity) scores each pair; average-link clustering joins mentions
// above a threshold chosen on ECB+ dev topics. Two mentions anchored at
// firm times (absolute, or resolved against a known date) more than
// Options.BackgroundDays apart are never joined. The main event is the
// one most documents tell that is not a report and not anchored far from
// its documents' dates; an event anchored more than BackgroundDays from
// it, with at least half of its mentions firmly dated, is a background
// event.
//
// The model is trained from ECB+ by "parallax train events" (Train) and
// measured by "parallax eval events" (Evaluate); figures and known gaps
// are in docs/events.md. Word lists (auxiliaries, reporting verbs, light
// verbs) are data in lexicon/en.txt.
package events

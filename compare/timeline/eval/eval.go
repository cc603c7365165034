// Package eval measures the timeline stage on ECB+: how well sources are
// merged into events, scored against the corpus's gold cross-document event
// coreference, and how often the inferred reference date of an undated
// article agrees with the date in its URL.
//
// In: the ECB+ docs folder. Each topic's "ecbplus" sub-topic is one story:
// its articles are annotated with the timex stage (reference dates inferred
// from the text, since the corpus gives none) and with the corpus's gold
// entity mentions (cross-document chain IDs as entity IDs), then
// timeline.Build runs on them. Out: a Report.
//
// Scoring: two sources from different documents in one timeline event are
// a merged pair. A pair is correct when their clauses share a gold
// cross-document event chain. Only sources whose clause holds at least one
// gold event mention in such a chain take part. Pairwise precision, recall
// and F1 follow.
package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/compare/timeline"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
)

// Report holds the timeline figures.
type Report struct {
	Stories, Docs, Events, Sources int
	MultiSource, Conflicts         int
	// Pairwise merge scores on the development topics (1–35, which the
	// merge rules were looked at against) and the test topics (36–45,
	// never inspected).
	Dev, Test Pairs
	// Reference inference against URL dates.
	URLDated, RefInferred, RefAgree int
	Seconds                         float64
	// Examples are a few multi-source events for reading.
	Examples []string
}

// Pairs counts source pairs: merged and correct, merged, gold.
type Pairs struct{ TP, Pred, Gold int }

// firstTestTopic is where the usual ECB+ test split begins.
const firstTestTopic = 36

// Print writes the report as text.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "timeline on ECB+ (%d stories, %d docs, gold entity mentions, inferred reference dates): %d events, %d sources, %d with several sources, %d with a date conflict; %.2f s\n",
		r.Stories, r.Docs, r.Events, r.Sources, r.MultiSource, r.Conflicts, r.Seconds)
	for _, sp := range []struct {
		name string
		p    Pairs
	}{{"dev topics 1-35", r.Dev}, {"test topics 36-45", r.Test}} {
		p, rc, f := metric.PRF(sp.p.TP, sp.p.Pred, sp.p.Gold)
		fmt.Fprintf(w, "  merging, %s, source pairs vs gold cross-doc event coreference: P %.3f  R %.3f  F1 %.3f (%d/%d merged pairs correct, %d gold pairs)\n",
			sp.name, p, rc, f, sp.p.TP, sp.p.Pred, sp.p.Gold)
	}
	agree := 0.0
	if r.URLDated > 0 {
		agree = float64(r.RefAgree) / float64(r.URLDated)
	}
	fmt.Fprintf(w, "  reference inference: %d of %d undated docs got an inferred date; on the %d whose URL has a date, %.3f agree within a day (%d)\n",
		r.RefInferred, r.Docs, r.URLDated, agree, r.RefAgree)
	for _, ex := range r.Examples {
		fmt.Fprintf(w, "  e.g. %s\n", ex)
	}
}

// urlDate finds "2013 / 05 / 03", "2013/05/03" or "2013 / may / 03" in a
// tokenised URL.
var urlDate = regexp.MustCompile(`(?i)/ ?(19\d\d|20\d\d) ?/ ?(\d\d?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) ?/ ?(\d\d?)\b`)

var monthAbbrev = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func dateInURL(s string) (time.Time, bool) {
	m := urlDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, err := strconv.Atoi(m[2])
	if err != nil {
		mo = monthAbbrev[strings.ToLower(m[2])]
	}
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// Run builds and scores a timeline per ECB+ topic under dir.
func Run(ctx context.Context, dir string) (*Report, error) { return run(ctx, dir, nil) }

// run is Run; when debug is not nil it lists the development topics'
// missed and wrong pairs there.
func run(ctx context.Context, dir string, debug io.Writer) (*Report, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("timeline eval: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("timeline eval: %w", err)
	}
	var topics []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			topics = append(topics, n)
		}
	}
	sort.Ints(topics)
	rep := &Report{}
	start := time.Now()
	for _, topic := range topics {
		edocs, err := ecbplus.ReadTopics(dir, []int{topic})
		if err != nil {
			return nil, fmt.Errorf("timeline eval: %w", err)
		}
		var story []*model.Annotated
		eventChains := map[string][]eventMention{} // doc → gold event mentions
		for _, d := range edocs {
			if d.Subtopic != "ecbplus" {
				continue
			}
			a, evs := annotate(d)
			story = append(story, a)
			eventChains[d.Name] = evs
			rep.Docs++
			if a.Reference.Inferred {
				rep.RefInferred++
			}
			if len(a.Doc.Sentences) > 0 {
				url := a.Doc.Text[a.Doc.Sentences[0].Start:a.Doc.Sentences[0].End]
				if want, ok := dateInURL(url); ok {
					rep.URLDated++
					if got, err := time.Parse("2006-01-02", a.Reference.Date); err == nil {
						if diff := got.Sub(want).Hours(); diff >= -24 && diff <= 24 {
							rep.RefAgree++
						}
					}
				}
			}
		}
		if len(story) == 0 {
			continue
		}
		rep.Stories++
		events, err := timeline.Build(ctx, story, nil)
		if err != nil {
			return nil, fmt.Errorf("timeline eval: topic %d: %w", topic, err)
		}
		pairs := &rep.Dev
		if topic >= firstTestTopic {
			pairs, debug = &rep.Test, nil
		}
		score(rep, pairs, events, eventChains, debug)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// eventMention is a gold event mention's byte range and chain.
type eventMention struct {
	r     model.Range
	chain string
}

// annotate turns an ECB+ document into an annotated document: text,
// sentences, inferred reference, timexes, and gold entity mentions.
func annotate(d *ecbplus.Document) (*model.Annotated, []eventMention) {
	text, spans, sents := d.Detokenized()
	doc := &model.Document{ID: d.Name, Text: text, Sentences: sents}
	ref := timex.Reference(doc)
	a := &model.Annotated{Doc: doc, Reference: ref, Timexes: timex.Extract(doc, ref)}
	idx := d.TokenIndex()
	var evs []eventMention
	for _, m := range d.Mentions {
		if len(m.Tokens) == 0 {
			continue
		}
		first, ok1 := idx[m.Tokens[0]]
		last, ok2 := idx[m.Tokens[len(m.Tokens)-1]]
		if !ok1 || !ok2 || last < first {
			continue
		}
		r := model.Range{Start: spans[first].Start, End: spans[last].End}
		switch {
		case ecbplus.IsEntityTag(m.Tag):
			ent := ""
			if strings.HasPrefix(m.Chain, "ECB:") {
				ent = m.Chain
			}
			a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(doc.ID, text, r.Start, r.End), Type: entityType(m.Tag), Entity: ent})
		case ecbplus.IsEventTag(m.Tag) && strings.HasPrefix(m.Chain, "ECB:"):
			evs = append(evs, eventMention{r: r, chain: m.Chain})
		}
	}
	return a, evs
}

// score counts merged and gold source pairs.
func score(rep *Report, pairs *Pairs, events []model.Event, chains map[string][]eventMention, debug io.Writer) {
	type src struct {
		event  int
		doc    string
		chains map[string]bool
		s      model.EventSource
	}
	var srcs []src
	for k, ev := range events {
		rep.Events++
		rep.Sources += len(ev.Sources)
		docs := map[string]bool{}
		for _, s := range ev.Sources {
			docs[s.Doc] = true
		}
		if len(docs) > 1 {
			rep.MultiSource++
			if len(rep.Examples) < 3 && len(docs) > 2 {
				rep.Examples = append(rep.Examples, fmt.Sprintf("%s %q (%d sources, conflict=%v)", ev.Date, ev.Summary, len(ev.Sources), ev.Conflict))
			}
		}
		if ev.Conflict {
			rep.Conflicts++
		}
		for _, s := range ev.Sources {
			cs := map[string]bool{}
			for _, em := range chains[s.Doc] {
				if s.Range().Contains(em.r) {
					cs[em.chain] = true
				}
			}
			if len(cs) > 0 {
				srcs = append(srcs, src{event: k, doc: s.Doc, chains: cs, s: s})
			}
		}
	}
	for i := 0; i < len(srcs); i++ {
		for j := i + 1; j < len(srcs); j++ {
			a, b := srcs[i], srcs[j]
			if a.doc == b.doc {
				continue
			}
			same := false
			for c := range a.chains {
				if b.chains[c] {
					same = true
					break
				}
			}
			merged := a.event == b.event
			if merged {
				pairs.Pred++
			}
			if same {
				pairs.Gold++
			}
			if merged && same {
				pairs.TP++
			}
			if debug != nil && merged != same {
				kind := "MISSED"
				if merged {
					kind = "WRONG"
				}
				fmt.Fprintf(debug, "%s\n  %s %s %q\n     ents=%v\n  %s %s %q\n     ents=%v\n", kind,
					a.doc, a.s.Date, a.s.Text, events[a.event].Entities, b.doc, b.s.Date, b.s.Text, events[b.event].Entities)
			}
		}
	}
}

// entityType maps an ECB+ participant tag to a model entity type.
func entityType(tag string) model.EntityType {
	switch {
	case tag == "HUMAN_PART_PER":
		return model.Person
	case tag == "HUMAN_PART_ORG":
		return model.Organization
	case strings.HasPrefix(tag, "LOC_"):
		return model.Place
	case strings.HasPrefix(tag, "HUMAN_PART"):
		return model.Group
	}
	return ""
}

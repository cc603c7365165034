// Package timeline builds one timeline across sources from annotated
// documents.
//
// In: annotated documents (their temporal expressions, resolved against each
// document's reference date, and their entity mentions) and the resolved
// entities. Out: timeline events sorted by date. Each event is one thing that
// happened on a date, with a short summary (the clause that dates it), the
// entities involved and every source that reports it, each source pointing
// to its clause by byte offsets and giving the date it states.
//
// The same event told by several sources (compatible dates, shared
// participants, similar action words) becomes one event with several
// sources. When sources give different dates for what is otherwise the same
// event — the same participants and the same action — the event is kept
// once with Conflict set, and each source keeps its own date, so the
// disagreement is shown rather than hidden.
package timeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// Options tunes Build. The zero value means the defaults.
type Options struct {
	// MinActionOverlap is the share of action words two accounts must have
	// in common (overlap coefficient) to be the same event when their dates
	// agree and they share a participant. Default 0.3.
	MinActionOverlap float64
	// MinActionOverlapNoEntities applies when neither account names a
	// participant. Default 0.6.
	MinActionOverlapNoEntities float64
	// ConflictActionOverlap is the action overlap needed to call two
	// accounts with incompatible dates one event with a date conflict; they
	// must also share a verb form and a person (or, when neither names a
	// person, another participant). Default 0.2.
	ConflictActionOverlap float64
	// ConflictMaxDays bounds how far apart conflicting dates may be; beyond
	// it two accounts are taken as two events. Default 45.
	ConflictMaxDays int
}

func (o Options) withDefaults() Options {
	if o.MinActionOverlap == 0 {
		o.MinActionOverlap = 0.3
	}
	if o.MinActionOverlapNoEntities == 0 {
		o.MinActionOverlapNoEntities = 0.6
	}
	if o.ConflictActionOverlap == 0 {
		o.ConflictActionOverlap = 0.2
	}
	if o.ConflictMaxDays == 0 {
		o.ConflictMaxDays = 45
	}
	return o
}

// Build returns the timeline of docs with default options.
func Build(ctx context.Context, docs []*model.Annotated, entities []model.Entity) ([]model.Event, error) {
	return BuildWith(ctx, docs, entities, Options{})
}

// BuildWith is Build with options.
func BuildWith(ctx context.Context, docs []*model.Annotated, entities []model.Entity, opts Options) ([]model.Event, error) {
	opts = opts.withDefaults()
	byMention := entityIndex(entities)
	var accounts []*account
	for i, a := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		if a == nil || a.Doc == nil {
			continue
		}
		accounts = append(accounts, accountsOf(a, i, byMention)...)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	clusters, err := cluster(ctx, accounts, opts)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	events := make([]model.Event, 0, len(clusters))
	for _, c := range clusters {
		events = append(events, c.event())
	}
	sortEvents(events, clusters)
	return events, nil
}

// entityIndex maps a mention's position to its entity ID, for mentions the
// annotated documents carry without one.
func entityIndex(entities []model.Entity) map[model.Span]string {
	idx := map[model.Span]string{}
	for _, e := range entities {
		for _, m := range e.Mentions {
			idx[model.Span{Doc: m.Doc, Start: m.Start, End: m.End}] = e.ID
		}
	}
	return idx
}

// account is one source's dated statement: a clause with a date.
type account struct {
	doc      string
	docIndex int
	clause   model.Span
	sentence model.Range
	date     string
	gran     model.Granularity
	iv       interval
	// entities are entity IDs, or lower-cased mention texts when
	// unresolved; names keeps the display form in the same order.
	entities []string
	names    []string
	action   map[string]bool
	// head is the verb the date attaches to (see headVerb).
	head string
	// keys match participants across sources: each entity ID, and each
	// mention's lower-cased text (plus, for people, the last name), so that
	// sources still meet when resolution gave one person two IDs.
	// personKeys are the keys of people only.
	keys       []string
	personKeys []string
	summary    string
	// report is true when the date is that of a statement ("said
	// Thursday"), not of the event the clause describes.
	report bool
	// borrowed is true when the date is another expression's, taken up by
	// reference ("on the same day", "that day"): it does not show on its
	// own that the clause's event happened on that day.
	borrowed bool
}

// accountsOf finds the dated clauses of one document.
func accountsOf(a *model.Annotated, docIndex int, byMention map[model.Span]string) []*account {
	doc := a.Doc
	text := doc.Text
	toks, sents := a.Tokens, doc.Sentences
	if len(sents) == 0 || toks == nil {
		toks, sents = tokenize.Split(text)
	}
	var out []*account
	mainKeys := mainPersonKeys(a, byMention)
	spans := indexSpans(a)
	// One account per clause: when a clause holds several expressions
	// ("Saturday in a 1:35 pm semifinal"), the most precise one dates it.
	byClause := map[model.Range]*account{}
	datelineEnd := map[model.Range]int{}
	for _, tx := range a.Timexes {
		if tx.Start < 0 || tx.End > len(text) || tx.Start >= tx.End {
			continue
		}
		iv, ok := parseValue(tx.Value)
		if !ok {
			continue
		}
		sent := tx.Sentence
		if sent.End <= sent.Start || sent.End > len(text) {
			sent = sentenceOf(sents, tx.Start)
		}
		if isDateline(text, sent, tx) {
			continue // the article's own date, not an event
		}
		if end, ok := wireDateline(text, sent, tx); ok {
			// The date line's date is the article's; the rest of the
			// sentence is the lead, dated by whatever else it says.
			datelineEnd[sent] = end
			continue
		}
		if tx.Granularity == model.GranTime && !strings.HasPrefix(tx.Anchor, "date in sentence") && tx.Anchor != "" {
			// A clock time with no day in its sentence ("the curfew runs
			// from 11 pm") says when in a day, not which day.
			continue
		}
		if looksLikeURL(text[sent.Start:sent.End]) {
			continue
		}
		cl := clauseOf(text, sent, tx.Range())
		if end, ok := datelineEnd[sent]; ok && cl.Start < end && end < cl.End && tx.Start >= end {
			cl = trimRange(text, model.Range{Start: end, End: cl.End})
		}
		if prev := byClause[cl]; prev != nil {
			if iv.days() < prev.iv.days() {
				prev.date, prev.gran, prev.iv = tx.Value, tx.Granularity, iv
				prev.borrowed = borrowedDate(tx)
			}
			continue
		}
		summary := summarize(text, cl)
		if summary == "" {
			continue
		}
		ac := &account{
			doc:      doc.ID,
			docIndex: docIndex,
			clause:   model.SpanOf(doc.ID, text, cl.Start, cl.End),
			sentence: sent,
			date:     tx.Value,
			gran:     tx.Granularity,
			iv:       iv,
			summary:  summary,
			borrowed: borrowedDate(tx),
		}
		ac.report = reportDated(text, sent, tx)
		ac.entities, ac.names, ac.keys, ac.personKeys = participants(a, spans, cl, sent, byMention)
		if len(ac.keys) == 0 && len(mainKeys) > 0 && hasPersonalPronoun(text[cl.Start:cl.End]) {
			// "I came on March 1", "he was released on Wednesday": with no
			// name in sight, the pronoun most likely means the person the
			// document is about. Used for matching only, not shown.
			ac.keys = append(ac.keys, mainKeys...)
			ac.personKeys = append(ac.personKeys, mainKeys...)
		}
		lem := lemmasIn(a, cl)
		ac.action = actionWords(text, toks, cl, a, spans, lem)
		ac.head = headVerb(text, toks, cl, tx, lem)
		byClause[cl] = ac
		out = append(out, ac)
	}
	return out
}

// looksLikeURL reports whether a sentence is a web address (a source line
// left in the text), whose dates are not events.
func looksLikeURL(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "http:") || strings.Contains(low, "https:") || strings.Contains(low, "www.") || strings.Contains(low, "://")
}

func sentenceOf(sents []model.Range, off int) model.Range {
	for _, s := range sents {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return model.Range{Start: off, End: off}
}

// isDateline reports whether the expression is the article's own date: a
// sentence that is little more than the date, or a "Published:" line.
func isDateline(text string, sent model.Range, tx model.Timex) bool {
	rest := strings.ToLower(text[sent.Start:tx.Start] + " " + text[tx.End:sent.End])
	for _, cue := range []string{"published", "posted", "updated", "last modified"} {
		if strings.Contains(rest, cue) && sent.Len() < 120 {
			return true
		}
	}
	words := 0
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return !isWordRune(r) }) {
		if len(f) > 2 && !stopword(f) {
			words++
		}
	}
	return words < 2
}

// wireDateline reports whether the expression is a wire-style date line
// opening a paragraph: "ALMATY, March 10 (Meridian) - …", "ASTANA. March
// 10. …": only upper-case words before it, and a dash or period after it
// (past an optional agency name in brackets). It returns the offset just
// after the dash or period.
func wireDateline(text string, sent model.Range, tx model.Timex) (int, bool) {
	before := text[sent.Start:tx.Start]
	if len(before) > 40 || strings.TrimSpace(before) == "" {
		return 0, false
	}
	for _, r := range before {
		if unicode.IsLower(r) {
			return 0, false
		}
	}
	at := tx.End
	skipSpaces := func() {
		for at < sent.End && text[at] == ' ' {
			at++
		}
	}
	skipSpaces()
	if at < sent.End && text[at] == '(' {
		if i := strings.IndexByte(text[at:sent.End], ')'); i > 0 && i < 40 {
			at += i + 1
			skipSpaces()
		}
	}
	for _, p := range []string{"-", "–", "—", ".", "/"} {
		if strings.HasPrefix(text[at:sent.End], p) {
			return at + len(p), true
		}
	}
	return 0, false
}

// participants returns the entities mentioned in the clause, or in the
// sentence when the clause names none (its subject may sit outside it).
func participants(a *model.Annotated, spans docSpans, cl, sent model.Range, byMention map[model.Span]string) (ids, names, keys, personKeys []string) {
	collect := func(r model.Range) {
		seen := map[string]bool{}
		keySeen := map[string]bool{}
		addKey := func(k string, person bool) {
			if k == "" || keySeen[k] {
				return
			}
			keySeen[k] = true
			keys = append(keys, k)
			if person {
				personKeys = append(personKeys, k)
			}
		}
		for _, i := range spans.mentions.near(r) {
			m := a.Mentions[i]
			if !r.Contains(m.Range()) {
				continue
			}
			id := m.Entity
			if id == "" {
				id = byMention[model.Span{Doc: m.Doc, Start: m.Start, End: m.End}]
			}
			surface := strings.ToLower(strings.Join(strings.Fields(m.Text), " "))
			if id == "" {
				id = surface
			}
			person := m.Type == model.Person
			addKey("id:"+id, person)
			addKey("text:"+surface, person)
			// A person's last name matches across spellings of the full
			// name ("Bakyt Zhumaliyev" / "Zhumaliyev"); mentions of unknown
			// type get the key too.
			if f := strings.Fields(surface); len(f) > 0 && (person || m.Type == "" || looksLikePersonName(m.Text)) {
				addKey("name:"+f[len(f)-1], person)
			}
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			ids = append(ids, id)
			if m.Entity != "" {
				names = append(names, m.Entity)
			} else {
				names = append(names, m.Text)
			}
		}
	}
	collect(cl)
	if len(ids) == 0 {
		collect(sent)
	}
	return ids, names, keys, personKeys
}

// mainPersonKeys returns the matching keys of the person a document is
// mostly about: the person entity with the most mentions, when it has at
// least twice as many as the next one. Nil otherwise.
func mainPersonKeys(a *model.Annotated, byMention map[model.Span]string) []string {
	counts := map[string]int{}
	last := map[string]string{}
	for _, m := range a.Mentions {
		if m.Type != model.Person {
			continue
		}
		id := m.Entity
		if id == "" {
			id = byMention[model.Span{Doc: m.Doc, Start: m.Start, End: m.End}]
		}
		f := strings.Fields(strings.ToLower(m.Text))
		if len(f) == 0 {
			continue
		}
		if id == "" {
			id = f[len(f)-1]
		}
		counts[id]++
		last[id] = f[len(f)-1]
	}
	best, second := "", 0
	for id, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && id < best {
			if best != "" {
				second = max(second, counts[best])
			}
			best = id
		} else {
			second = max(second, n)
		}
	}
	if best == "" || counts[best] < 2*second || counts[best] < 2 {
		return nil
	}
	return []string{"id:" + best, "name:" + last[best]}
}

// hasPersonalPronoun reports whether a clause has a singular personal
// pronoun ("I", "he", "she", "him", "her", "me").
func hasPersonalPronoun(clause string) bool {
	for _, w := range strings.FieldsFunc(clause, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		switch strings.ToLower(w) {
		case "i", "he", "she", "him", "her", "me", "i'm", "he's", "she's":
			return true
		}
	}
	return false
}

// genericHeads end names of places and organisations ("Almaty Region",
// "Medeu District Court"); such a last word does not identify anyone.
var genericHeads = map[string]bool{
	"region": true, "district": true, "city": true, "province": true, "oblast": true, "street": true,
	"court": true, "ministry": true, "committee": true, "council": true, "party": true, "university": true,
	"center": true, "centre": true, "service": true, "agency": true, "office": true, "department": true,
	"police": true, "army": true, "bank": true, "news": true, "tv": true, "times": true, "republic": true,
	"airport": true, "square": true, "park": true, "river": true, "lake": true, "mountains": true,
}

// looksLikePersonName reports whether a mention typed as something else
// has the shape of a person's name: two or three capitalised words, the
// last not a generic head. It guards the last-name key against tagging
// errors ("Bakyt Zhumaliyev" tagged as a place).
func looksLikePersonName(text string) bool {
	f := strings.Fields(text)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return !genericHeads[strings.ToLower(f[len(f)-1])]
}

// eventID is a stable ID from the first source.
func eventID(date string, s model.EventSource) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%s|%d|%d", date, s.Doc, s.Start, s.End)))
	return "ev-" + hex.EncodeToString(h[:6])
}

// sortEvents orders events by the start of their date, finer dates first
// on the same start, then by summary.
func sortEvents(events []model.Event, clusters []*eventCluster) {
	idx := make([]int, len(events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := clusters[idx[x]].iv, clusters[idx[y]].iv
		if a.start != b.start {
			return a.start < b.start
		}
		if a.days() != b.days() {
			return a.days() < b.days()
		}
		return events[idx[x]].Summary < events[idx[y]].Summary
	})
	sorted := make([]model.Event, len(events))
	for i, k := range idx {
		sorted[i] = events[k]
	}
	copy(events, sorted)
}

// borrowedDate reports whether tx is the previous date of the text taken
// up again ("on the same day", "that day"): annotate/timex anchors it to
// that date and gives it the same value.
func borrowedDate(tx model.Timex) bool {
	prev, ok := strings.CutPrefix(tx.Anchor, "previous date ")
	return ok && prev == tx.Value
}

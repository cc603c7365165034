package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
)

// Gold is a story's gold.json.
type Gold struct {
	Groups []GoldGroup `json:"groups"`
}

// GoldGroup is one annotated fact group.
type GoldGroup struct {
	ID        string      `json:"id"`
	Subject   string      `json:"subject"`
	Attribute string      `json:"attribute"`
	Kind      string      `json:"kind"`
	Status    string      `json:"status"`
	Values    []GoldValue `json:"values"`
	Note      string      `json:"note,omitempty"`
}

// GoldValue is one source's value: the file, the value as written and the
// sentence holding it.
type GoldValue struct {
	Doc      string `json:"doc"`
	Text     string `json:"text"`
	Sentence string `json:"sentence"`
}

// located is a gold value found in a cleaned document.
type located struct {
	group    int
	doc      string
	span     model.Range
	sentence model.Range
}

// StoryScore holds the counts of one story (or a sum of stories).
type StoryScore struct {
	Name string
	Docs int
	// Bytes is the raw input size; Elapsed the time from reading to facts.
	Bytes   int64
	Elapsed time.Duration

	GoldGroups, PredGroups, JudgedPred, Matched int
	StatusRight                                 int
	GoldValues, Unlocated, GoldValuesFound      int
	PredValuesJudged, PredValuesRight           int
	// Confusion counts (gold status, predicted status) over matched groups.
	Confusion map[[2]string]int
	// Details lists each gold group's outcome, for reading.
	Details []string
	// ByStatus counts predicted groups per status.
	ByStatus map[model.Status]int
	// KindValues and KindFound count gold values and those some fact
	// holds, by the gold group's kind.
	KindValues, KindFound map[string]int
	// WrongBy counts wrongly judged matched groups by what differs
	// between the gold group and its predicted group (see wrongCause).
	WrongBy map[string]int
	// Disputed and Changed count the two verdicts (see Verdict).
	Disputed, Changed Verdict
}

// Verdict counts one status as a verdict to be judged. A predicted group
// with the status is true when it is matched (one-to-one, by shared
// values) to a gold group with the same status; every predicted group
// with the status counts, including groups that touch no annotated
// sentence (on the real corpus those hold background events, which have
// no gold group on purpose). A gold group with the status is found when
// its matched predicted group has the status.
type Verdict struct {
	Predicted, True, Gold, Found int
}

func (v *Verdict) add(o Verdict) {
	v.Predicted += o.Predicted
	v.True += o.True
	v.Gold += o.Gold
	v.Found += o.Found
}

// Precision is True/Predicted; Recall is Found/Gold.
func (v Verdict) Precision() float64 { return metric.Ratio(v.True, v.Predicted) }
func (v Verdict) Recall() float64    { return metric.Ratio(v.Found, v.Gold) }

// Add sums another story's counts into s.
func (s *StoryScore) Add(o StoryScore) {
	s.Docs += o.Docs
	s.Bytes += o.Bytes
	s.Elapsed += o.Elapsed
	s.GoldGroups += o.GoldGroups
	s.PredGroups += o.PredGroups
	s.JudgedPred += o.JudgedPred
	s.Matched += o.Matched
	s.StatusRight += o.StatusRight
	s.GoldValues += o.GoldValues
	s.Unlocated += o.Unlocated
	s.GoldValuesFound += o.GoldValuesFound
	s.PredValuesJudged += o.PredValuesJudged
	s.PredValuesRight += o.PredValuesRight
	if s.Confusion == nil {
		s.Confusion = map[[2]string]int{}
	}
	for k, v := range o.Confusion {
		s.Confusion[k] += v
	}
	if s.ByStatus == nil {
		s.ByStatus = map[model.Status]int{}
	}
	for k, v := range o.ByStatus {
		s.ByStatus[k] += v
	}
	for _, m := range []*map[string]int{&s.WrongBy, &s.KindValues, &s.KindFound} {
		if *m == nil {
			*m = map[string]int{}
		}
	}
	for k, v := range o.KindValues {
		s.KindValues[k] += v
	}
	for k, v := range o.KindFound {
		s.KindFound[k] += v
	}
	for k, v := range o.WrongBy {
		s.WrongBy[k] += v
	}
	s.Disputed.add(o.Disputed)
	s.Changed.add(o.Changed)
}

// RunStory reads, annotates and compares one story folder and scores the
// facts against its gold.json.
func RunStory(ctx context.Context, an *Analyzer, dir string) (StoryScore, []model.Fact, error) {
	sc := StoryScore{Name: filepath.Base(dir), Confusion: map[[2]string]int{}, ByStatus: map[model.Status]int{}, WrongBy: map[string]int{},
		KindValues: map[string]int{}, KindFound: map[string]int{}}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return sc, nil, fmt.Errorf("eval story: %w", err)
	}
	var gold Gold
	if err := json.Unmarshal(raw, &gold); err != nil {
		return sc, nil, fmt.Errorf("eval story %s: gold.json: %w", dir, err)
	}
	start := time.Now()
	docs, fileOf, n, err := ReadStory(ctx, dir)
	if err != nil {
		return sc, nil, err
	}
	d, err := an.Analyze(ctx, docs)
	if err != nil {
		return sc, nil, err
	}
	facts := d.Facts
	sc.Elapsed = time.Since(start)
	sc.Bytes = n
	sc.Docs = len(docs)
	score(&sc, gold, docs, fileOf, facts)
	return sc, facts, nil
}

// score matches predicted fact values to gold values by document and span
// overlap, then predicted groups to gold groups by shared values.
func score(sc *StoryScore, gold Gold, docs []*model.Document, fileOf map[string]string, facts []model.Fact) {
	byFile := map[string]*model.Document{}
	for _, d := range docs {
		byFile[fileOf[d.ID]] = d
	}
	var locs []located
	goldSentences := map[string][]model.Range{}
	for gi, g := range gold.Groups {
		for _, v := range g.Values {
			sc.GoldValues++
			doc := byFile[v.Doc]
			if doc == nil {
				sc.Unlocated++
				continue
			}
			sent, ok := find(doc.Text, v.Sentence, 0, len(doc.Text))
			if !ok {
				sc.Unlocated++
				continue
			}
			span, ok := find(doc.Text, v.Text, sent.Start, sent.End)
			if !ok {
				span = sent
			}
			locs = append(locs, located{group: gi, doc: doc.ID, span: span, sentence: sent})
			goldSentences[doc.ID] = append(goldSentences[doc.ID], sent)
		}
	}
	sc.GoldGroups = len(gold.Groups)
	sc.PredGroups = len(facts)
	for _, f := range facts {
		sc.ByStatus[f.Status]++
		switch f.Status {
		case model.Disputed:
			sc.Disputed.Predicted++
		case model.Changed:
			sc.Changed.Predicted++
		}
	}
	for _, g := range gold.Groups {
		switch model.Status(g.Status) {
		case model.Disputed:
			sc.Disputed.Gold++
		case model.Changed:
			sc.Changed.Gold++
		}
	}

	// overlap[g][p] counts gold values of group g hit by values of fact p.
	overlap := map[[2]int]int{}
	goldHit := make([]bool, len(locs))
	for pi, f := range facts {
		judged := false
		for _, v := range f.Values {
			inGold := false
			for _, s := range goldSentences[v.Doc] {
				if s.Overlaps(v.Range()) {
					inGold = true
				}
			}
			if !inGold {
				continue
			}
			judged = true
			sc.PredValuesJudged++
			right := false
			for li, l := range locs {
				if l.doc == v.Doc && l.span.Overlaps(v.Range()) {
					right = true
					if !goldHit[li] {
						goldHit[li] = true
					}
				}
			}
			if right {
				sc.PredValuesRight++
			}
		}
		if judged {
			sc.JudgedPred++
		}
		seen := map[int]bool{}
		for li, l := range locs {
			if seen[li] {
				continue
			}
			for _, v := range f.Values {
				if l.doc == v.Doc && l.span.Overlaps(v.Range()) {
					overlap[[2]int{l.group, pi}]++
					seen[li] = true
					break
				}
			}
		}
	}
	for li, h := range goldHit {
		kind := gold.Groups[locs[li].group].Kind
		sc.KindValues[kind]++
		if h {
			sc.GoldValuesFound++
			sc.KindFound[kind]++
		}
	}
	// Greedy one-to-one assignment by overlap.
	type pair struct{ g, p, n int }
	var pairs []pair
	for k, n := range overlap {
		pairs = append(pairs, pair{k[0], k[1], n})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].n != pairs[j].n {
			return pairs[i].n > pairs[j].n
		}
		if pairs[i].g != pairs[j].g {
			return pairs[i].g < pairs[j].g
		}
		return pairs[i].p < pairs[j].p
	})
	gUsed, pUsed := map[int]int{}, map[int]bool{}
	for _, pr := range pairs {
		if _, ok := gUsed[pr.g]; ok || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g] = pr.p
		pUsed[pr.p] = true
	}
	// whereValues says, for a wrongly judged gold group, which predicted
	// group each of its values landed in, so fragmentation shows.
	whereValues := func(gi int) {
		for _, l := range locs {
			if l.group != gi {
				continue
			}
			var in []string
			for pi, f := range facts {
				for _, v := range f.Values {
					if l.doc == v.Doc && l.span.Overlaps(v.Range()) {
						in = append(in, fmt.Sprintf("%s [%s, %d]", f.Attribute, f.Status, pi))
						break
					}
				}
			}
			if len(in) == 0 {
				in = []string{"no predicted value"}
			}
			sc.Details = append(sc.Details, fmt.Sprintf("          %-30.30q %-16.16s -> %s", docText(docs, l), fileOf[l.doc], strings.Join(in, "; ")))
		}
	}
	for gi, g := range gold.Groups {
		pi, ok := gUsed[gi]
		if !ok {
			sc.Details = append(sc.Details, fmt.Sprintf("MISSED  %-4s %-13s %s / %s", g.ID, g.Status, g.Subject, g.Attribute))
			whereValues(gi)
			continue
		}
		sc.Matched++
		f := facts[pi]
		got := string(f.Status)
		sc.Confusion[[2]string{g.Status, got}]++
		mark := "ok     "
		if got == g.Status {
			switch f.Status {
			case model.Disputed:
				sc.Disputed.True++
				sc.Disputed.Found++
			case model.Changed:
				sc.Changed.True++
				sc.Changed.Found++
			}
			sc.StatusRight++
		} else {
			mark = "STATUS "
			sc.WrongBy[wrongCause(gi, f, locs, facts)]++
		}
		sc.Details = append(sc.Details, fmt.Sprintf("%s %-4s %-13s got %-13s %s / %s  ->  %s [%d/%d values] %s",
			mark, g.ID, g.Status, got, g.Subject, g.Attribute, f.Attribute, overlap[[2]int{gi, pi}], len(g.Values), f.Note))
		if got != g.Status {
			whereValues(gi)
		}
	}
	// Verdicts no gold group of the same status confirms, for reading.
	trueVerdict := map[int]bool{}
	for gi, pi := range gUsed {
		if gold.Groups[gi].Status == string(facts[pi].Status) {
			trueVerdict[pi] = true
		}
	}
	for pi, f := range facts {
		if (f.Status != model.Disputed && f.Status != model.Changed && f.Status != model.Related) || trueVerdict[pi] {
			continue
		}
		tag := "FALSE  "
		if f.Status == model.Related {
			tag = "RELATED"
		}
		sc.Details = append(sc.Details, fmt.Sprintf("%s %-13s %s %s  %s", tag, f.Status, f.SubjectName, f.Attribute, f.Reason))
		for _, v := range f.Values {
			sc.Details = append(sc.Details, fmt.Sprintf("          %-30.30q %-16.16s %.160q", v.Text, fileOf[v.Doc], sentenceText(docs, v)))
		}
	}
}

// wrongCause says what differs between gold group gi and the predicted
// fact it matched, for a summary that points at the stage to mend without
// reading the group: "extra values" (the fact holds values of other
// groups or unannotated ones), "values elsewhere" (some gold values went
// to other facts), "values not extracted", a combination, or "same
// values" (the fact holds exactly the gold values: the comparison of
// values or the status logic judged them differently).
func wrongCause(gi int, f model.Fact, locs []located, facts []model.Fact) string {
	in := func(l located, fa model.Fact) bool {
		for _, v := range fa.Values {
			if l.doc == v.Doc && l.span.Overlaps(v.Range()) {
				return true
			}
		}
		return false
	}
	extra := false
	for _, v := range f.Values {
		ours := false
		for _, l := range locs {
			if l.group == gi && l.doc == v.Doc && l.span.Overlaps(v.Range()) {
				ours = true
				break
			}
		}
		extra = extra || !ours
	}
	elsewhere, unextracted := false, false
	for _, l := range locs {
		if l.group != gi || in(l, f) {
			continue
		}
		found := false
		for _, o := range facts {
			if in(l, o) {
				found = true
				break
			}
		}
		elsewhere = elsewhere || found
		unextracted = unextracted || !found
	}
	var parts []string
	if extra {
		parts = append(parts, "extra values")
	}
	if elsewhere {
		parts = append(parts, "values elsewhere")
	}
	if unextracted {
		parts = append(parts, "values not extracted")
	}
	if len(parts) == 0 {
		return "same values"
	}
	return strings.Join(parts, " + ")
}

// find locates needle in text[lo:hi], first exactly, then ignoring
// differences in whitespace and typographic quotes.
func find(text, needle string, lo, hi int) (model.Range, bool) {
	if needle == "" {
		return model.Range{}, false
	}
	if i := strings.Index(text[lo:hi], needle); i >= 0 {
		return model.Range{Start: lo + i, End: lo + i + len(needle)}, true
	}
	hay, offs := fold(text[lo:hi])
	n, _ := fold(needle)
	if n == "" {
		return model.Range{}, false
	}
	i := strings.Index(hay, n)
	if i < 0 {
		return model.Range{}, false
	}
	j := i + len(n) - 1
	return model.Range{Start: lo + offs[i], End: lo + offs[j] + 1 + trailing(text[lo+offs[j]:])}, true
}

// trailing is the byte length of the rune at the start of s minus one.
func trailing(s string) int {
	_, w := utf8.DecodeRuneInString(s)
	if w == 0 {
		return 0
	}
	return w - 1
}

// fold collapses whitespace and maps curly quotes and dashes to ASCII,
// keeping for each output byte the input offset it came from.
func fold(s string) (string, []int) {
	var b strings.Builder
	var offs []int
	space := false
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '“' || r == '”' || r == '«' || r == '»':
			r = '"'
		case r == '‘' || r == '’':
			r = '\''
		case r == '—' || r == '–':
			r = '-'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			offs = append(offs, i)
		}
		space = false
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, i)
		}
	}
	return b.String(), offs
}

// Print writes a story's figures.
func (s StoryScore) Print(w io.Writer, details bool) {
	fmt.Fprintf(w, "%s: %d documents, %d gold groups, %d predicted groups (%d touch annotated sentences)\n",
		s.Name, s.Docs, s.GoldGroups, s.PredGroups, s.JudgedPred)
	fmt.Fprintf(w, "  fact groups: precision %.3f (%d/%d judged)  recall %.3f (%d/%d)\n",
		metric.Ratio(s.Matched, s.JudgedPred), s.Matched, s.JudgedPred, metric.Ratio(s.Matched, s.GoldGroups), s.Matched, s.GoldGroups)
	fmt.Fprintf(w, "  values:      precision %.3f (%d/%d in annotated sentences)  recall %.3f (%d/%d; %d gold values not located)\n",
		metric.Ratio(s.PredValuesRight, s.PredValuesJudged), s.PredValuesRight, s.PredValuesJudged,
		metric.Ratio(s.GoldValuesFound, s.GoldValues), s.GoldValuesFound, s.GoldValues, s.Unlocated)
	fmt.Fprintf(w, "  status accuracy: %.3f on matched groups (%d/%d), %.3f over all gold groups\n",
		metric.Ratio(s.StatusRight, s.Matched), s.StatusRight, s.Matched, metric.Ratio(s.StatusRight, s.GoldGroups))
	var keys [][2]string
	for k := range s.Confusion {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s→%s %d", k[0], k[1], s.Confusion[k]))
	}
	fmt.Fprintf(w, "  gold→predicted status: %s\n", strings.Join(parts, ", "))
	fmt.Fprintf(w, "  predicted groups by status: disputed %d, changed %d, agreed %d, single-source %d\n",
		s.ByStatus[model.Disputed], s.ByStatus[model.Changed], s.ByStatus[model.Agreed], s.ByStatus[model.SingleSource])
	s.printVerdicts(w)
	var kinds []string
	for k := range s.KindValues {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%s %.2f (%d/%d)", k, metric.Ratio(s.KindFound[k], s.KindValues[k]), s.KindFound[k], s.KindValues[k])
	}
	if len(kinds) > 0 {
		fmt.Fprintf(w, "  value recall by kind: %s\n", strings.Join(kinds, ", "))
	}
	var causes []string
	for k := range s.WrongBy {
		causes = append(causes, k)
	}
	sort.Slice(causes, func(i, j int) bool {
		if s.WrongBy[causes[i]] != s.WrongBy[causes[j]] {
			return s.WrongBy[causes[i]] > s.WrongBy[causes[j]]
		}
		return causes[i] < causes[j]
	})
	for i, k := range causes {
		causes[i] = fmt.Sprintf("%s %d", k, s.WrongBy[k])
	}
	if len(causes) > 0 {
		fmt.Fprintf(w, "  wrong statuses by cause: %s\n", strings.Join(causes, ", "))
	}
	if details {
		for _, d := range s.Details {
			fmt.Fprintf(w, "    %s\n", d)
		}
	}
}

// docText is the text of a located gold value.
func docText(docs []*model.Document, l located) string {
	for _, d := range docs {
		if d.ID == l.doc {
			return d.Text[l.span.Start:l.span.End]
		}
	}
	return ""
}

// sentenceText is the sentence holding a predicted value.
func sentenceText(docs []*model.Document, v model.FactValue) string {
	for _, d := range docs {
		if d.ID == v.Doc && v.Sentence.End <= len(d.Text) && v.Sentence.Start <= v.Sentence.End {
			return d.Text[v.Sentence.Start:v.Sentence.End]
		}
	}
	return ""
}

package eval

import (
	"fmt"
	"io"
	"sort"

	"github.com/parallaxnews/parallax/internal/metric"
)

// Figures are one story's (or a set's) scores, as printed by -json and
// recorded in testdata/facts/figures.json.
type Figures struct {
	Name       string `json:"name"`
	Docs       int    `json:"docs"`
	GoldGroups int    `json:"gold_groups"`
	PredGroups int    `json:"predicted_groups"`
	// GroupPrecision counts only predicted groups that touch an annotated
	// sentence; GroupRecall is matched gold groups over all gold groups.
	GroupPrecision float64 `json:"group_precision"`
	GroupRecall    float64 `json:"group_recall"`
	ValuePrecision float64 `json:"value_precision"`
	ValueRecall    float64 `json:"value_recall"`
	// StatusAll counts a missed gold group as wrong; StatusMatched is over
	// matched groups only.
	StatusAll     float64            `json:"status_accuracy_all"`
	StatusMatched float64            `json:"status_accuracy_matched"`
	Disputed      VerdictFigures     `json:"disputed"`
	Changed       VerdictFigures     `json:"changed"`
	ValueRecallBy map[string]float64 `json:"value_recall_by_kind"`
	DocsPerSecond float64            `json:"docs_per_second,omitempty"`
}

// VerdictFigures are the precision and recall of one verdict, with counts.
type VerdictFigures struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Predicted int     `json:"predicted"`
	True      int     `json:"true"`
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
}

func (v Verdict) figures() VerdictFigures {
	return VerdictFigures{Precision: v.Precision(), Recall: v.Recall(), Predicted: v.Predicted, True: v.True, Gold: v.Gold, Found: v.Found}
}

// Figures returns s's scores.
func (s StoryScore) Figures() Figures {
	f := Figures{
		Name: s.Name, Docs: s.Docs, GoldGroups: s.GoldGroups, PredGroups: s.PredGroups,
		GroupPrecision: metric.Ratio(s.Matched, s.JudgedPred),
		GroupRecall:    metric.Ratio(s.Matched, s.GoldGroups),
		ValuePrecision: metric.Ratio(s.PredValuesRight, s.PredValuesJudged),
		ValueRecall:    metric.Ratio(s.GoldValuesFound, s.GoldValues),
		StatusAll:      metric.Ratio(s.StatusRight, s.GoldGroups),
		StatusMatched:  metric.Ratio(s.StatusRight, s.Matched),
		Disputed:       s.Disputed.figures(),
		Changed:        s.Changed.figures(),
		ValueRecallBy:  map[string]float64{},
	}
	for k, n := range s.KindValues {
		f.ValueRecallBy[k] = metric.Ratio(s.KindFound[k], n)
	}
	if secs := s.Elapsed.Seconds(); secs > 0 {
		f.DocsPerSecond = float64(s.Docs) / secs
	}
	return f
}

// Regressions lists every figure of got more than tol below the same
// figure of want (per-kind value recall included), as readable lines.
func Regressions(want, got Figures, tol float64) []string {
	var out []string
	check := func(name string, w, g float64) {
		if g < w-tol {
			out = append(out, fmt.Sprintf("%s: %s %.3f, recorded %.3f", got.Name, name, g, w))
		}
	}
	check("group precision", want.GroupPrecision, got.GroupPrecision)
	check("group recall", want.GroupRecall, got.GroupRecall)
	check("value precision", want.ValuePrecision, got.ValuePrecision)
	check("value recall", want.ValueRecall, got.ValueRecall)
	check("status accuracy (all gold groups)", want.StatusAll, got.StatusAll)
	check("status accuracy (matched)", want.StatusMatched, got.StatusMatched)
	check("disputed precision", want.Disputed.Precision, got.Disputed.Precision)
	check("disputed recall", want.Disputed.Recall, got.Disputed.Recall)
	check("changed precision", want.Changed.Precision, got.Changed.Precision)
	check("changed recall", want.Changed.Recall, got.Changed.Recall)
	kinds := make([]string, 0, len(want.ValueRecallBy))
	for k := range want.ValueRecallBy {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		check("value recall ("+k+")", want.ValueRecallBy[k], got.ValueRecallBy[k])
	}
	return out
}

// printVerdicts writes the verdict lines of Print.
func (s StoryScore) printVerdicts(w io.Writer) {
	line := func(name string, v Verdict) string {
		return fmt.Sprintf("%s precision %.3f (%d/%d predicted) recall %.3f (%d/%d gold)",
			name, v.Precision(), v.True, v.Predicted, v.Recall(), v.Found, v.Gold)
	}
	fmt.Fprintf(w, "  verdicts: %s; %s\n", line("disputed", s.Disputed), line("changed", s.Changed))
}

// SetFigures are the figures of one set of stories: each story and the
// total.
type SetFigures struct {
	Stories []Figures `json:"stories"`
	Total   Figures   `json:"total"`
	// PeakHeapMB is the peak heap while the set ran.
	PeakHeapMB float64 `json:"peak_heap_mb,omitempty"`
}

package entities

import (
	"fmt"
	"io"
	"sort"

	"github.com/parallaxnews/parallax/internal/metric"
)

// Counts holds exact-match counts for one label.
type Counts struct {
	TP, FP, FN int
}

// Precision, Recall and F1 follow CoNLL: a mention counts only when both
// its span and its label match exactly.
func (c Counts) Precision() float64 { return metric.Ratio(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return metric.Ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64        { return metric.F1(c.Precision(), c.Recall()) }

// Scores are per-label counts plus the overall micro-average over the
// labels scored.
type Scores struct {
	ByLabel map[string]Counts
	Overall Counts
}

// Score compares predicted spans with gold spans sentence by sentence.
// Only the given labels are scored; spans with other labels on either side
// are ignored (UNER has no group label, so predicted groups are not errors
// there).
func Score(gold, pred [][]Span, only []string) Scores {
	keep := map[string]bool{}
	for _, l := range only {
		keep[l] = true
	}
	s := Scores{ByLabel: map[string]Counts{}}
	for _, l := range only {
		s.ByLabel[l] = Counts{}
	}
	for i := range gold {
		g := map[Span]bool{}
		for _, sp := range gold[i] {
			if keep[sp.Label] {
				g[sp] = true
			}
		}
		var p []Span
		if i < len(pred) {
			p = pred[i]
		}
		for _, sp := range p {
			if !keep[sp.Label] {
				continue
			}
			c := s.ByLabel[sp.Label]
			if g[sp] {
				c.TP++
				delete(g, sp)
			} else {
				c.FP++
			}
			s.ByLabel[sp.Label] = c
		}
		for sp := range g {
			c := s.ByLabel[sp.Label]
			c.FN++
			s.ByLabel[sp.Label] = c
		}
	}
	for _, c := range s.ByLabel {
		s.Overall.TP += c.TP
		s.Overall.FP += c.FP
		s.Overall.FN += c.FN
	}
	return s
}

// Print writes a table of the scores.
func (s Scores) Print(w io.Writer, title string) {
	fmt.Fprintf(w, "%s\n", title)
	fmt.Fprintf(w, "  %-8s %7s %7s %7s %6s %6s %6s\n", "type", "P", "R", "F1", "TP", "FP", "FN")
	names := make([]string, 0, len(s.ByLabel))
	for l := range s.ByLabel {
		names = append(names, l)
	}
	sort.Strings(names)
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "  %-8s %7.3f %7.3f %7.3f %6d %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, l := range names {
		row(l, s.ByLabel[l])
	}
	row("overall", s.Overall)
}

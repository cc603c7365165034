package nereval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/entities"
)

// ErrorKind says how a gold or predicted mention went wrong.
type ErrorKind string

// Error kinds, CoNLL exact-span view: every kind but ErrCorrect costs at
// least one false positive or false negative.
const (
	ErrCorrect      ErrorKind = "correct"       // same span, same type
	ErrType         ErrorKind = "type"          // same span, other type
	ErrBoundary     ErrorKind = "boundary"      // overlapping span, same type
	ErrBoundaryType ErrorKind = "boundary+type" // overlapping span, other type
	ErrMissed       ErrorKind = "missed"        // gold mention with no overlapping prediction
	ErrSpurious     ErrorKind = "spurious"      // prediction with no overlapping gold mention
)

// MentionError is one gold or predicted mention and what happened to it.
type MentionError struct {
	Doc, Genre string
	Kind       ErrorKind
	Gold, Pred string // the labels; "" for none
	Text       string // the gold mention's words (the prediction's when spurious)
	Other      string // the overlapping mention's words, for boundary errors
	Lower      bool   // the mention's first letter is lower case
	Sentence   string
}

// ErrorAnalysis tags every document of docs with t and classifies each gold
// mention (correct, type, boundary, boundary+type, missed) and each
// prediction without an overlapping gold mention (spurious). Only the given
// labels count; a prediction of another label (a group, in UNER) overlapping
// a gold mention is a type error.
func ErrorAnalysis(ctx context.Context, t *entities.Tagger, docs []entities.CorpusDoc, labels []string) ([]MentionError, error) {
	keep := map[string]bool{}
	for _, l := range labels {
		keep[l] = true
	}
	var out []MentionError
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		pred, err := t.TagWords(ctx, words)
		if err != nil {
			return nil, err
		}
		genre, _, _ := strings.Cut(d.ID, "-")
		for si, s := range d.Sentences {
			text := func(sp entities.Span) string { return strings.Join(s.Words[sp.Start:sp.End], " ") }
			sent := strings.Join(s.Words, " ")
			usedPred := make([]bool, len(pred[si]))
			for _, g := range s.Spans {
				if !keep[g.Label] {
					continue
				}
				e := MentionError{Doc: d.ID, Genre: genre, Gold: g.Label, Text: text(g), Lower: startsLower(s.Words[g.Start]), Sentence: sent, Kind: ErrMissed}
				best := -1
				for pi, p := range pred[si] {
					if p.End <= g.Start || p.Start >= g.End {
						continue
					}
					usedPred[pi] = true
					// Prefer the exact span, then any overlap.
					if best < 0 || (p.Start == g.Start && p.End == g.End) {
						best = pi
					}
				}
				if best >= 0 {
					p := pred[si][best]
					e.Pred = p.Label
					exact := p.Start == g.Start && p.End == g.End
					switch {
					case exact && p.Label == g.Label:
						e.Kind = ErrCorrect
					case exact:
						e.Kind = ErrType
					case p.Label == g.Label:
						e.Kind, e.Other = ErrBoundary, text(p)
					default:
						e.Kind, e.Other = ErrBoundaryType, text(p)
					}
				}
				out = append(out, e)
			}
			for pi, p := range pred[si] {
				if usedPred[pi] || !keep[p.Label] {
					continue
				}
				overlapsGold := false
				for _, g := range s.Spans {
					overlapsGold = overlapsGold || (p.Start < g.End && g.Start < p.End)
				}
				if overlapsGold {
					continue // overlaps a gold mention of a label not scored
				}
				out = append(out, MentionError{Doc: d.ID, Genre: genre, Kind: ErrSpurious, Pred: p.Label, Text: text(p), Lower: startsLower(s.Words[p.Start]), Sentence: sent})
			}
		}
	}
	return out, nil
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// PrintErrorAnalysis writes counts of each error kind by gold type, by
// case and by genre, and the most frequent missed and spurious strings.
func PrintErrorAnalysis(w io.Writer, errs []MentionError, top int) {
	kinds := []ErrorKind{ErrCorrect, ErrMissed, ErrType, ErrBoundary, ErrBoundaryType, ErrSpurious}
	table := func(title string, key func(MentionError) string) {
		counts := map[string]map[ErrorKind]int{}
		for _, e := range errs {
			k := key(e)
			if counts[k] == nil {
				counts[k] = map[ErrorKind]int{}
			}
			counts[k][e.Kind]++
		}
		names := make([]string, 0, len(counts))
		for k := range counts {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Fprintf(w, "%s\n  %-22s", title, "")
		for _, k := range kinds {
			fmt.Fprintf(w, " %13s", k)
		}
		fmt.Fprintln(w)
		for _, n := range names {
			fmt.Fprintf(w, "  %-22s", n)
			for _, k := range kinds {
				fmt.Fprintf(w, " %13d", counts[n][k])
			}
			fmt.Fprintln(w)
		}
	}
	typeOf := func(e MentionError) string {
		if e.Kind == ErrSpurious {
			return "pred " + e.Pred
		}
		return "gold " + e.Gold
	}
	table("by type (gold type; spurious by predicted type)", typeOf)
	table("by case of the first letter", func(e MentionError) string {
		if e.Lower {
			return typeOf(e) + " lower"
		}
		return typeOf(e) + " upper"
	})
	table("by genre", func(e MentionError) string { return e.Genre })
	confusions := map[string]int{}
	for _, e := range errs {
		if e.Kind == ErrType || e.Kind == ErrBoundaryType {
			confusions[e.Gold+"→"+e.Pred]++
		}
	}
	fmt.Fprintf(w, "type confusions (gold→pred): %s\n", countList(confusions, 20))
	for _, k := range []ErrorKind{ErrMissed, ErrSpurious, ErrType, ErrBoundary, ErrBoundaryType} {
		c := map[string]int{}
		for _, e := range errs {
			if e.Kind != k {
				continue
			}
			s := e.Text + " [" + e.Gold + e.Pred + "]"
			if e.Kind == ErrType {
				s = e.Text + " [" + e.Gold + "→" + e.Pred + "]"
			}
			if e.Other != "" {
				s = e.Text + " [" + e.Gold + "] → " + e.Other + " [" + e.Pred + "]"
			}
			c[s]++
		}
		fmt.Fprintf(w, "%s (%d), most frequent: %s\n", k, sum(c), countList(c, top))
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func countList(m map[string]int, top int) string {
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range m {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || (l[i].v == l[j].v && l[i].k < l[j].k) })
	var b strings.Builder
	for i, x := range l {
		if i >= top {
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s ×%d", x.k, x.v)
	}
	return b.String()
}

package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// The memos of cost.go change the cost, never the answer.
func TestSameWordsMatchesJoinedFields(t *testing.T) {
	texts := []string{"", " ", "last month", "Last  Month", " last month ", "last\tmonth", "last months", "on Saturday",
		"on\u00a0Saturday", "ON SATURDAY", "on Saturday night", "\xff bad", "\xff  bad", "straße", "STRASSE", "Ǆ x", "ǆ x"}
	for _, a := range texts {
		for _, b := range texts {
			want := strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
			if got := sameWords(a, b); got != want {
				t.Errorf("sameWords(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func TestKeptDatesMatchReadDates(t *testing.T) {
	c := &comparer{}
	dates := []string{"2024-03-05", "2024-03", "2024", "2024-W10", "2024-02-30", "XXXX-03-05", "2024-03-05T10:00", "2024-03-01/2024-03-09", "junk", ""}
	for range 2 {
		for _, a := range dates {
			r, ok := dateRange(a)
			kr, kok := c.dayRangeOf(a)
			if ok != kok || r != kr {
				t.Errorf("dayRangeOf(%q) = %v %v, dateRange %v %v", a, kr, kok, r, ok)
			}
			for _, b := range dates {
				g, gok := dateGapDays(a, b)
				kg, kgok := c.dateGapDays(a, b)
				if g != kg || gok != kgok {
					t.Errorf("dateGapDays(%q, %q) = %d %v kept, %d %v read", a, b, kg, kgok, g, gok)
				}
			}
		}
	}
}

func TestKeptEndBoundReadsEachValue(t *testing.T) {
	c := &comparer{texts: map[string]string{"d": "The curfew lasts until 5 May, the vote was on 5 May."}}
	until := model.FactValue{Span: model.Span{Doc: "d", Start: 23, End: 28}}
	on := model.FactValue{Span: model.Span{Doc: "d", Start: 46, End: 51}}
	for range 2 {
		if !c.endBound(until) || c.endBound(on) {
			t.Fatalf("endBound: until %v, on %v", c.endBound(until), c.endBound(on))
		}
	}
}

// The cosine adds its terms in word-ID order and the norm in word order:
// given in map order, they changed in the last bits from run to run, and
// a 300-article story whose values tie on similarity grouped them
// differently each time.
func TestContextVectorsDoNotDependOnMapOrder(t *testing.T) {
	idf := &storyIDF{df: map[string]int{}, n: 1000}
	var ctx []contextWord
	for i, w := range strings.Fields("flood river bank town rescue boat water level rain storm bridge road school farm field crop") {
		idf.df[w] = 7 * i
		ctx = append(ctx, contextWord{Lemma: w, Word: w, Near: 1 / float64(1+i)})
	}
	v0, n0 := contextVector(ctx, idf)
	s0 := newSparseVector(v0, map[string]int32{})
	for range 50 {
		v, n := contextVector(ctx, idf)
		s := newSparseVector(v, map[string]int32{})
		if n != n0 || !slices.Equal(s.ids, s0.ids) || !slices.Equal(s.ws, s0.ws) {
			t.Fatalf("norm %v vs %v, ids %v vs %v", n, n0, s.ids, s0.ids)
		}
	}
}

package compare

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/model"
)

// Bounds and approximations the value itself may have lost: "less than
// 25 km" read as 25 km, "about $13 billion" read as $13 billion. Two such
// values are compatible with what lies inside the bound or near the
// approximation, so a pair the comparison found incompatible is no
// dispute when the words before one of them say it was a bound or an
// approximation.

// boundKind is what the words before a figure make of it.
type boundKind string

const (
	boundUpper  boundKind = "upper"
	boundLower  boundKind = "lower"
	boundApprox boundKind = "approx"
)

// approxTolerance is how far an approximate figure may be from another
// ("about 30" and 32); approxMinutes the same for times of day ("about
// 9:30" and 9:27).
const (
	approxTolerance = 0.10
	approxMinutes   = 15
)

// boundPhrases are the phrases of frames/<lang>-bounds.txt, folded to
// lower-case word lists, longest first within each kind's file order.
var boundPhrases = sync.OnceValue(func() []struct {
	kind  boundKind
	words []string
} {
	var out []struct {
		kind  boundKind
		words []string
	}
	for _, f := range frameLines("-bounds.txt") {
		if len(f) < 2 {
			continue
		}
		out = append(out, struct {
			kind  boundKind
			words []string
		}{boundKind(f[0]), f[1:]})
	}
	return out
})

// boundOf says whether the words right before a value, or the first
// words of its own text, make it a bound or an approximation.
func (c *comparer) boundOf(v model.FactValue) boundKind {
	text := c.texts[v.Doc]
	var before []string
	if v.Start <= len(text) {
		before = strings.Fields(strings.ToLower(text[max(0, v.Start-32):v.Start]))
	}
	own := strings.Fields(strings.ToLower(v.Text))
	for _, p := range boundPhrases() {
		n := len(p.words)
		if len(before) >= n && equalWords(before[len(before)-n:], p.words) {
			return p.kind
		}
		if len(own) > n && equalWords(own[:n], p.words) {
			return p.kind
		}
	}
	return ""
}

func equalWords(a, b []string) bool {
	for i := range a {
		if strings.Trim(a[i], ",;:()\"'") != b[i] {
			return false
		}
	}
	return true
}

// boundsMeet reports whether two incompatible values are compatible once
// the bound or approximation the words before one of them state is read
// back: "less than 25 km" and 15 km, "at least 40" and 45, "about 9:30"
// and 9:27. why names it.
func (c *comparer) boundsMeet(a, b model.FactValue) (bool, string) {
	// The words around a value are read only for pairs a bound could
	// reconcile: two times of day close enough, or two magnitudes of one
	// unit.
	va, vb := a.Value, b.Value
	if va.Kind == model.KindDate {
		ma, okA := minuteOfDay(va.Date)
		mb, okB := minuteOfDay(vb.Date)
		if okA && okB && abs(ma-mb) <= approxMinutes && (c.boundOf(a) == boundApprox || c.boundOf(b) == boundApprox) {
			return true, fmt.Sprintf("%q and %q: an approximate time", a.Text, b.Text)
		}
		return false, ""
	}
	x, okA := magnitude(va)
	y, okB := magnitude(vb)
	if !okA || !okB || x.unit != y.unit {
		return false, ""
	}
	ka, kb := c.boundOf(a), c.boundOf(b)
	if ka == "" && kb == "" {
		return false, ""
	}
	within := func(k boundKind, bound, other span) bool {
		if bound.lo != bound.hi {
			return false // already a range: the quantity stage read the bound
		}
		switch k {
		case boundUpper:
			return other.hi <= bound.lo
		case boundLower:
			return other.lo >= bound.lo
		case boundApprox:
			return overlaps(bound, other, approxTolerance)
		}
		return false
	}
	if within(ka, x.span, y.span) {
		return true, fmt.Sprintf("%q is %s; %q is within it", a.Text, boundWords(ka), b.Text)
	}
	if within(kb, y.span, x.span) {
		return true, fmt.Sprintf("%q is %s; %q is within it", b.Text, boundWords(kb), a.Text)
	}
	return false, ""
}

func boundWords(k boundKind) string {
	switch k {
	case boundUpper:
		return "an upper bound"
	case boundLower:
		return "a lower bound"
	}
	return "an approximation"
}

// measured is a value's range in a unit that makes two values comparable.
type measured struct {
	span
	unit string
}

// magnitude reads a count (with its counted noun), an amount (in its
// currency) or a duration (in days).
func magnitude(v model.Value) (measured, bool) {
	switch v.Kind {
	case model.KindCount:
		return measured{interval(v), unitKey(v.Unit)}, true
	case model.KindMoney:
		return measured{interval(v), v.Currency}, v.Currency != ""
	case model.KindDuration:
		return measured{scaleDays(interval(v), v.Unit), "day"}, true
	}
	return measured{}, false
}

// minuteOfDay reads the time of day of a date value ("…T09:27").
func minuteOfDay(date string) (int, bool) {
	_, t, ok := strings.Cut(date, "T")
	if !ok || len(t) < 5 || t[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(t[:2])
	m, err2 := strconv.Atoi(t[3:5])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return h*60 + m, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

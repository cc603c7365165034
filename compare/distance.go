package compare

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/parallaxnews/parallax/model"
)

// A distance is measured from a point. Two sources giving "about 90
// km" and "12 km" of a ship's position may measure from two
// different ports; only when both name the same point are the figures
// two accounts of one distance. A dimension of a thing itself (a depth,
// a length) needs no point. The words are per-language data
// (frames/<lang>-distance.txt).

// lengthUnits are the count units (as unitKey reads them) that measure a
// length.
var lengthUnits = map[string]bool{"kilometre": true, "kilometer": true, "km": true, "metre": true, "meter": true, "mile": true}

// distanceWords maps a folded word to "reference" or "dimension".
var distanceWords = sync.OnceValue(func() map[string]string { return frameWordKinds("-distance.txt") })

// referenceReach is how many words after a length its point may be named
// in ("90 nautical miles east of X").
const referenceReach = 5

// distanceDecidable reports whether two lengths of a group can dispute
// each other: a dimension (the group's noun, or a dimension word right
// before or after a value), or two distances from one named point.
func (c *comparer) distanceDecidable(attr string, a, b model.FactValue) (bool, string) {
	if !lengthUnits[unitKey(a.Value.Unit)] || !lengthUnits[unitKey(b.Value.Unit)] {
		return true, ""
	}
	words := distanceWords()
	if words[strings.ToLower(attr)] == "dimension" || (c.dimension(a) && c.dimension(b)) {
		return true, ""
	}
	ra, rb := c.distancePoint(a), c.distancePoint(b)
	if ra != "" && strings.EqualFold(ra, rb) {
		return true, ""
	}
	return false, fmt.Sprintf("%q and %q: distances from points the texts do not show to be the same", a.Text, b.Text)
}

// wordsAround returns up to n words of v's document before and after it.
func (c *comparer) wordsAround(v model.FactValue, n int) (before, after []string) {
	text := c.texts[v.Doc]
	if v.Start > len(text) || v.End > len(text) {
		return nil, nil
	}
	before = strings.FieldsFunc(text[max(0, v.Start-60):v.Start], notWordRune)
	if len(before) > n {
		before = before[len(before)-n:]
	}
	after = strings.FieldsFunc(text[v.End:min(len(text), v.End+120)], notWordRune)
	if len(after) > n {
		after = after[:n]
	}
	return before, after
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }

// dimension reports whether a dimension word stands next to the length
// ("a depth of 10 km", "10 km deep").
func (c *comparer) dimension(v model.FactValue) bool {
	before, after := c.wordsAround(v, 2)
	for _, w := range append(before, after...) {
		if distanceWords()[strings.ToLower(w)] == "dimension" {
			return true
		}
	}
	return false
}

// distancePoint is the name the length is measured from: the capitalised
// words after a reference word within referenceReach words ("90 km
// east of Westhaven" → "Westhaven"), or "".
func (c *comparer) distancePoint(v model.FactValue) string {
	_, after := c.wordsAround(v, referenceReach+3)
	for i, w := range after {
		if i >= referenceReach {
			break
		}
		if distanceWords()[strings.ToLower(w)] != "reference" {
			continue
		}
		var name []string
		for _, n := range after[i+1:] {
			r := []rune(n)
			if len(r) == 0 || !unicode.IsUpper(r[0]) {
				if len(name) == 0 && strings.ToLower(n) == n && len(r) <= 3 {
					continue // an article: "off the Somali coast"
				}
				break
			}
			name = append(name, n)
		}
		return strings.Join(name, " ")
	}
	return ""
}

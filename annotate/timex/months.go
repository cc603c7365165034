package timex

import (
	"strings"
	"unicode"
)

// MonthName reports whether word, as written, names a month in one of the
// languages the package has tables for ("January", "Sept", "января"). A
// name that is also a common word in a language that capitalises months
// ("may", "march") counts only when capitalised. Other stages use it so
// that each language's month names live in one lexicon.
func MonthName(word string) bool { return monthIn(word, false) }

// MonthBeforeDay reports whether word names a month in a language that may
// write the day number after it ("March 15"), so that a number right after
// it is the date's day, not a count.
func MonthBeforeDay(word string) bool { return monthIn(word, true) }

func monthIn(word string, dayAfter bool) bool {
	lower := strings.ToLower(word)
	for _, lx := range mustLexicons() {
		if _, ok := lx.months[lower]; !ok || (dayAfter && !lx.dayAfterMonth) {
			continue
		}
		if lx.capitalisedMonths && lx.ambiguousMonths[lower] && !startsUpper(word) {
			continue
		}
		return true
	}
	return false
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

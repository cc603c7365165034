package timex

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lexicon holds the words of one language that the grammar matches. The
// grammar itself (grammar.go) refers only to word classes, never to literal
// words, so adding a language means adding a folder of tables under
// lexicon/: the Russian one fills the same fields with «января»,
// «понедельник», «вчера», «назад»…
type lexicon struct {
	months   map[string]time.Month   // full names and abbreviations
	weekdays map[string]time.Weekday // full names and abbreviations
	// fullNames are the month and weekday spellings that may stand without a
	// day number or year beside them (abbreviations may not).
	fullNames map[string]bool
	// capitalisedMonths says month names are written with a capital
	// (English "May"); a lower-case one is then another word ("may",
	// "march"). Russian writes months in lower case and would set false.
	capitalisedMonths bool
	// ambiguousMonths are month names that are also common words ("May",
	// "March"); alone they need a preposition or modifier before them.
	ambiguousMonths map[string]bool
	ordinalSuffix   map[string]bool // "st", "nd", "rd", "th"
	ordinalWords    map[string]int  // "first" … "thirty-first" parts
	numbers         map[string]int  // "one" … "twelve", "a", "an"
	units           map[string]unit // "day", "days", "week", …
	// relativeDays are deictic day words and their offset from the
	// reference date: "today" 0, "yesterday" -1.
	relativeDays map[string]int
	partsOfDay   map[string]bool // "morning", "night", …
	// shifters select the previous, current or next calendar unit:
	// "last" -1, "this" 0, "next" +1.
	shifters map[string]int
	ago      map[string]bool // "ago"
	// later and earlier follow a count to move from the previous date in the
	// text: "two days later".
	later   map[string]bool
	earlier map[string]bool
	// dayBefore and dayAfter are phrases (lower-case words, joined by
	// spaces) that move one day from the previous date in the text.
	dayBefore map[string]bool
	dayAfter  map[string]bool
	// sameDay are phrases that point back to the previous date in the text
	// itself: "the same day", "that day".
	sameDay map[string]bool
	// modifiers mark a part of a period: "early" → early, "end" → late.
	modifiers map[string]string
	// periodStart lists phrase heads that take "of" and a period: "the end
	// of July", "the beginning of the year".
	periodParts map[string]string
	approx      map[string]bool // "around", "about", "nearly", …
	// approxPhrases are two-word hedges: "more than", "less than".
	approxPhrases map[string]bool
	approxFirst   map[string]bool // first words of approxPhrases
	// triggers are the words that can begin an expression on their own;
	// afterThe are the words after "the" (or a count word) that can make
	// it begin one. Both are unions of the sets above, built once, so the
	// scan does one lookup per word.
	triggers     map[string]bool
	afterThe     map[string]bool
	rangeTo      map[string]bool // "to", "until", "through", "-"
	rangeFrom    map[string]bool // "from"
	rangeBetween map[string]bool // "between" (paired with "and")
	rangeAnd     map[string]bool
	of           map[string]bool
	the          map[string]bool
	weekend      map[string]bool
	am           map[string]bool
	pm           map[string]bool
	noon         map[string]int // "noon" 12, "midnight" 0
	oclock       map[string]bool
	// yearCue words before a bare four-digit number make it a year: "in
	// 2008", "since 1990", "the 2012 shooting".
	yearCue map[string]bool
	// monthCue words before a lone month name make it a month: "in May".
	monthCue map[string]bool
	// notYearAfter words after a number mean it counts things, not years.
	notYearBefore map[string]bool
	// future and past are tense cues; the nearest cue to an expression
	// decides which way a missing year or a bare weekday is resolved.
	future map[string]bool
	// beForms before a participle make it passive ("will be held", "is
	// scheduled to be sentenced"): the participle is then no past cue.
	beForms    map[string]bool
	futurePair map[string]bool // two-word cues: "to be", "going to"
	past       map[string]bool
	notPastEd  map[string]bool // words ending in -ed that are not verbs
	// pastSuffixes mark regular past-tense verb forms ("-ed"; Russian
	// "-л", "-ла", "-ли"), for words of at least pastMinLen letters that do
	// not end in one of notPastSuffixes and are not in notPastEd.
	pastSuffixes    []string
	notPastSuffixes []string
	pastMinLen      int
	// periodPartsNeedOf is true when a period part takes "of" before its
	// period ("the end of July"); Russian uses the genitive instead ("в
	// конце июля").
	periodPartsNeedOf bool
	// yearWords follow a year and belong to it (Russian "2022 года",
	// "в 2022 году", "2022 г.").
	yearWords map[string]bool
	// night are the part-of-day words that "last" can shift to the day
	// before ("last night").
	night map[string]bool
	// clockPreps may stand before "noon"/"midnight".
	clockPreps map[string]bool
	// bareWeekend is true when the weekend word needs no article ("в
	// выходные").
	bareWeekend bool
	// checkContinuation enables the English tests that keep "the day
	// before the vote" and "that day's" from being read as dates; the
	// word lists it uses are continuers.
	checkContinuation bool
	continuers        map[string]bool
	// numericDayFirst says how "01/03/2022" is read: false means month
	// first (US usage, the common English news default) unless the first
	// number exceeds 12. Dotted dates ("14.02.2023") are always day first.
	numericDayFirst bool
	// dayAfterMonth says a day number may follow a month name ("March
	// 15"); Russian writes the day first ("15 марта"), so a number after
	// "в марте" is no day.
	dayAfterMonth bool
}

// unit is a calendar unit a relative expression counts in.
type unit uint8

const (
	unitNone unit = iota
	unitDay
	unitWeek
	unitMonth
	unitYear
)

//go:embed lexicon
var lexiconFiles embed.FS

// lexicons are the languages' tables, read once from lexicon/<language>/
// (one .txt list or .tsv table per field, settings.tsv for the grammar's
// switches); adding a language is adding a folder.
var lexicons = sync.OnceValues(func() (map[string]*lexicon, error) {
	sub, err := fs.Sub(lexiconFiles, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("date lexicon: %w", err)
	}
	langs, err := lang.Languages(sub)
	if err != nil {
		return nil, fmt.Errorf("date lexicon: %w", err)
	}
	out := map[string]*lexicon{}
	for _, l := range langs {
		lx, err := readLexicon(sub, l)
		if err != nil {
			return nil, fmt.Errorf("date lexicon %s: %w", l, err)
		}
		out[l] = lx
	}
	if out["en"] == nil {
		return nil, fmt.Errorf("date lexicon: no English tables")
	}
	return out, nil
})

// mustLexicons returns the languages' tables. They are embedded, so a broken
// file is a build error, caught by the package's tests (TestLexiconsLoad),
// not bad input.
func mustLexicons() map[string]*lexicon { return lang.MustLoad(lexicons) }

// english is the English lexicon, the one read when a document's language
// has no tables.
func english() *lexicon { return mustLexicons()["en"] }

// readLexicon reads one language's tables.
func readLexicon(fsys fs.FS, language string) (*lexicon, error) {
	lists, err := lang.ReadLanguageLists(fsys, language)
	if err != nil {
		return nil, err
	}
	tables, err := lang.ReadLanguageTables(fsys, language)
	if err != nil {
		return nil, err
	}
	lx := &lexicon{}
	var pastSuffixes, notPastSuffixes map[string]bool
	if err := lists.Assign(map[string]*map[string]bool{
		"ambiguous-months":   &lx.ambiguousMonths,
		"ordinal-suffixes":   &lx.ordinalSuffix,
		"parts-of-day":       &lx.partsOfDay,
		"ago":                &lx.ago,
		"later":              &lx.later,
		"earlier":            &lx.earlier,
		"day-before":         &lx.dayBefore,
		"day-after":          &lx.dayAfter,
		"same-day":           &lx.sameDay,
		"approx":             &lx.approx,
		"approx-phrases":     &lx.approxPhrases,
		"range-to":           &lx.rangeTo,
		"range-from":         &lx.rangeFrom,
		"range-between":      &lx.rangeBetween,
		"range-and":          &lx.rangeAnd,
		"of":                 &lx.of,
		"the":                &lx.the,
		"weekend":            &lx.weekend,
		"am":                 &lx.am,
		"pm":                 &lx.pm,
		"oclock":             &lx.oclock,
		"year-cues":          &lx.yearCue,
		"month-cues":         &lx.monthCue,
		"not-year-before":    &lx.notYearBefore,
		"future":             &lx.future,
		"be-forms":           &lx.beForms,
		"future-pairs":       &lx.futurePair,
		"past":               &lx.past,
		"not-past-ed":        &lx.notPastEd,
		"past-suffixes":      &pastSuffixes,
		"not-past-suffixes":  &notPastSuffixes,
		"year-words":         &lx.yearWords,
		"night":              &lx.night,
		"clock-prepositions": &lx.clockPreps,
		"continuers":         &lx.continuers,
	}); err != nil {
		return nil, err
	}
	lx.pastSuffixes, lx.notPastSuffixes = sortedKeys(pastSuffixes), sortedKeys(notPastSuffixes)
	ints := map[string]*map[string]int{
		"ordinal-words": &lx.ordinalWords,
		"numbers":       &lx.numbers,
		"relative-days": &lx.relativeDays,
		"shifters":      &lx.shifters,
		"noon":          &lx.noon,
	}
	for name, dst := range ints {
		if *dst, err = tables.Ints(name); err != nil {
			return nil, err
		}
	}
	if lx.modifiers, err = tables.Strings("modifiers"); err != nil {
		return nil, err
	}
	if lx.periodParts, err = tables.Strings("period-parts"); err != nil {
		return nil, err
	}
	for name, m := range map[string]map[string]string{"modifiers": lx.modifiers, "period-parts": lx.periodParts} {
		for w, part := range m {
			if part != "early" && part != "mid" && part != "late" {
				return nil, fmt.Errorf("word table %s: %q is %q, not early, mid or late", name, w, part)
			}
		}
	}
	units, err := tables.Strings("units")
	if err != nil {
		return nil, err
	}
	lx.units = map[string]unit{}
	for w, name := range units {
		u, ok := map[string]unit{"day": unitDay, "week": unitWeek, "month": unitMonth, "year": unitYear}[name]
		if !ok {
			return nil, fmt.Errorf("word table units: %q is %q, not day, week, month or year", w, name)
		}
		lx.units[w] = u
	}
	lx.months, lx.weekdays, lx.fullNames = map[string]time.Month{}, map[string]time.Weekday{}, map[string]bool{}
	for _, t := range []struct {
		name    string
		full    bool
		weekday bool
	}{{"months", true, false}, {"month-abbreviations", false, false}, {"weekdays", true, true}, {"weekday-abbreviations", false, true}} {
		m, err := tables.Ints(t.name)
		if err != nil {
			return nil, err
		}
		for w, n := range m {
			switch {
			case t.weekday && n >= 0 && n <= 6:
				lx.weekdays[w] = time.Weekday(n)
			case !t.weekday && n >= 1 && n <= 12:
				lx.months[w] = time.Month(n)
			default:
				return nil, fmt.Errorf("word table %s: %q has no such number %d", t.name, w, n)
			}
			if t.full {
				lx.fullNames[w] = true
			}
		}
	}
	settings, err := tables.Strings("settings")
	if err != nil {
		return nil, err
	}
	for name, dst := range map[string]*bool{
		"capitalised-months":   &lx.capitalisedMonths,
		"period-parts-need-of": &lx.periodPartsNeedOf,
		"bare-weekend":         &lx.bareWeekend,
		"check-continuation":   &lx.checkContinuation,
		"numeric-day-first":    &lx.numericDayFirst,
		"day-after-month":      &lx.dayAfterMonth,
	} {
		if *dst, err = strconv.ParseBool(settings[name]); err != nil {
			return nil, fmt.Errorf("settings %s: %w", name, err)
		}
	}
	if lx.pastMinLen, err = strconv.Atoi(settings["past-min-len"]); err != nil {
		return nil, fmt.Errorf("settings past-min-len: %w", err)
	}
	lx.approxFirst = map[string]bool{}
	for ph := range lx.approxPhrases {
		lx.approxFirst[strings.Fields(ph)[0]] = true
	}
	lx.buildTriggers()
	return lx, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// phrase joins lower-case words for lookups in the phrase sets.
func phrase(words ...string) string { return strings.Join(words, " ") }

// buildTriggers fills triggers and afterThe from the other tables.
func (lx *lexicon) buildTriggers() {
	lx.triggers, lx.afterThe = map[string]bool{}, map[string]bool{}
	for _, m := range []map[string]bool{lx.approx, lx.approxFirst, lx.rangeFrom, lx.rangeBetween} {
		for w := range m {
			lx.triggers[w] = true
		}
	}
	for w := range lx.months {
		lx.triggers[w] = true
	}
	for w := range lx.weekdays {
		lx.triggers[w] = true
	}
	for w := range lx.relativeDays {
		lx.triggers[w] = true
	}
	for w := range lx.shifters {
		lx.triggers[w] = true
	}
	for w := range lx.modifiers {
		lx.triggers[w] = true
	}
	for w := range lx.noon {
		lx.triggers[w] = true
	}
	for w := range lx.periodParts {
		lx.afterThe[w] = true
		lx.triggers[w] = true // "end of July" without "the"; Russian "в конце июля"
	}
	if lx.bareWeekend {
		for w := range lx.weekend {
			lx.triggers[w] = true
		}
	}
	for w := range lx.units {
		lx.afterThe[w] = true
	}
	for w := range lx.weekend {
		lx.afterThe[w] = true
	}
	for w := range lx.ordinalWords {
		lx.afterThe[w] = true
	}
	for _, set := range []map[string]bool{lx.dayBefore, lx.dayAfter, lx.sameDay} {
		for ph := range set {
			f := strings.Fields(ph)
			if len(f) > 1 {
				lx.afterThe[f[1]] = true
			}
			// A phrase that does not open with an article or a count
			// word must trigger by itself (Russian "днём ранее").
			if !lx.the[f[0]] && lx.numbers[f[0]] == 0 {
				lx.triggers[f[0]] = true
			}
		}
	}
}

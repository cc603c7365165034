package quantity

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lexicon is the word tables the quantity grammar reads, kept as data per
// language under lexicon/<language>/ (one .txt list or .tsv table each; the
// first line of each file says what it is for). A table is the union of
// its languages' files: entries are in their language's script, so a word
// only meets its own language's entries, and a Russian table is a new
// file ru/<table>.tsv, no code change. Loaded once, never modified.
type lexicon struct {
	currencyWords   map[string]string // "dollars" → USD, after an amount
	currencyStems   []currencyStem    // inflected currency words by prefix, longest first
	currencyCodes   map[string]string // "KZT" before an amount
	currencySymbols map[string]string // "$", "₸"
	// currencyAdjectives may sit between an amount and a currency word
	// ("200 US dollars", "90,000 Kazakh tenge").
	currencyAdjectives map[string]bool
	multipliers        map[string]float64 // "billion" scales the number before it
	shortMultipliers   map[string]bool    // only multipliers when glued: "19.6m"
	unitWords          map[string]float64 // "one" … "nineteen"
	tensWords          map[string]float64 // "twenty" … "ninety"
	vagueRanges        map[string][2]float64
	vaguePowers        map[string]float64 // "tens of thousands", "several hundred"
	modifierPhrases    []modifierPhrase   // longest first
	timeUnits          map[string]string  // duration word → canonical unit (DaysPer)
	countStop          map[string]bool
	irregularPlurals   map[string]bool
	notCounted         map[string]bool
	nominalCasualties  map[string]bool
	casualtyWords      map[string]bool
	casualtyAux        map[string]bool
	measureUnits       map[string]string
	parallelFiller     map[string]bool
	// Percentages: the words that make a number one ("%", "per cent",
	// "percentage points"; value: percent or point), the words before it
	// and the nouns after it that make it a change ("rose 3%", "a 5%
	// rise"), and the words that open what it is a share of without
	// naming it ("of the").
	percentWords        []phrase // longest first
	percentChangeBefore map[string]bool
	percentChangeAfter  map[string]bool
	percentOfStop       map[string]bool // end what a share is of: "of traffic between …"
	percentOfSkip       map[string]bool
	percentListFiller   map[string]bool // between the items of a list of shares
}

// phrase is a run of lower-case token texts and what it stands for.
type phrase struct {
	words []string
	value string
}

// byLength orders phrases longest first, so the longest that fits wins.
func byLength(ps []phrase) {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i].words, ps[j].words
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return strings.Join(a, " ") < strings.Join(b, " ")
	})
}

type currencyStem struct{ stem, code string }

type modifierPhrase struct {
	words []string
	mod   modifier
}

//go:embed lexicon
var lexiconFiles embed.FS

// loadLexicon reads the embedded tables once.
var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{}
	lists := map[string]*map[string]bool{
		"currency-adjectives":   &lx.currencyAdjectives,
		"short-multipliers":     &lx.shortMultipliers,
		"count-stop":            &lx.countStop,
		"irregular-plurals":     &lx.irregularPlurals,
		"not-counted":           &lx.notCounted,
		"nominal-casualties":    &lx.nominalCasualties,
		"casualty-words":        &lx.casualtyWords,
		"casualty-aux":          &lx.casualtyAux,
		"parallel-filler":       &lx.parallelFiller,
		"percent-change-before": &lx.percentChangeBefore,
		"percent-change-after":  &lx.percentChangeAfter,
		"percent-of-skip":       &lx.percentOfSkip,
		"percent-of-stop":       &lx.percentOfStop,
		"percent-list-filler":   &lx.percentListFiller,
	}
	if err := lang.LoadWordLists(lexiconFiles, "lexicon", lists); err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	tables, err := lang.LoadWordTables(lexiconFiles, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	for name, dst := range map[string]*map[string]string{
		"currency-words":   &lx.currencyWords,
		"currency-codes":   &lx.currencyCodes,
		"currency-symbols": &lx.currencySymbols,
		"time-units":       &lx.timeUnits,
		"measure-units":    &lx.measureUnits,
	} {
		if *dst, err = tables.Strings(name); err != nil {
			return nil, fmt.Errorf("quantity lexicon: %w", err)
		}
	}
	for name, dst := range map[string]*map[string]float64{
		"multipliers":  &lx.multipliers,
		"unit-words":   &lx.unitWords,
		"tens-words":   &lx.tensWords,
		"vague-powers": &lx.vaguePowers,
	} {
		if *dst, err = tables.Floats(name); err != nil {
			return nil, fmt.Errorf("quantity lexicon: %w", err)
		}
	}
	for w, u := range lx.timeUnits {
		if _, ok := DaysPer[u]; !ok {
			return nil, fmt.Errorf("quantity lexicon: time unit %q is %q, which DaysPer lacks", w, u)
		}
	}
	ranges, err := tables.Strings("vague-ranges")
	if err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	lx.vagueRanges = map[string][2]float64{}
	for w, r := range ranges {
		f := strings.Fields(r)
		var lo, hi float64
		var e1, e2 error
		if len(f) == 2 {
			lo, e1 = strconv.ParseFloat(f[0], 64)
			hi, e2 = strconv.ParseFloat(f[1], 64)
		}
		if len(f) != 2 || e1 != nil || e2 != nil || lo > hi {
			return nil, fmt.Errorf("quantity lexicon: vague range %q is %q, not two numbers, lowest first", w, r)
		}
		lx.vagueRanges[w] = [2]float64{lo, hi}
	}
	units, err := tables.Strings("percent-words")
	if err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	for w, u := range units {
		if u != "percent" && u != "point" {
			return nil, fmt.Errorf("quantity lexicon: percent word %q is %q, not percent or point", w, u)
		}
		lx.percentWords = append(lx.percentWords, phrase{strings.Fields(w), u})
	}
	byLength(lx.percentWords)
	stems, err := tables.Strings("currency-stems")
	if err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	for s, c := range stems {
		lx.currencyStems = append(lx.currencyStems, currencyStem{s, c})
	}
	// The longest stem that fits wins: "сомони" (TJS) over "сом" (KGS).
	sort.Slice(lx.currencyStems, func(i, j int) bool {
		a, b := lx.currencyStems[i].stem, lx.currencyStems[j].stem
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	phrases, err := tables.Strings("modifier-phrases")
	if err != nil {
		return nil, fmt.Errorf("quantity lexicon: %w", err)
	}
	kinds := map[string]modifier{"approx": modApprox, "below": modBelow, "above": modAbove, "at-most": modAtMost}
	for ph, kind := range phrases {
		mod, ok := kinds[kind]
		if !ok {
			return nil, fmt.Errorf("quantity lexicon: modifier %q is %q, not approx, below, above or at-most", ph, kind)
		}
		lx.modifierPhrases = append(lx.modifierPhrases, modifierPhrase{strings.Fields(ph), mod})
	}
	sort.Slice(lx.modifierPhrases, func(i, j int) bool {
		a, b := lx.modifierPhrases[i].words, lx.modifierPhrases[j].words
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return strings.Join(a, " ") < strings.Join(b, " ")
	})
	return lx, nil
})

// mustLexicon returns the tables. They are embedded, so a broken file is a
// build error, caught by the package's tests (TestLexiconLoads), not bad
// input.
func mustLexicon() *lexicon { return lang.MustLoad(loadLexicon) }

func (lx *lexicon) currencyOf(lower string) (string, bool) {
	if c, ok := lx.currencyWords[lower]; ok {
		return c, true
	}
	for _, s := range lx.currencyStems {
		if strings.HasPrefix(lower, s.stem) {
			return s.code, true
		}
	}
	return "", false
}

// modifier is how a phrase before a number bends its value.
type modifier uint8

const (
	modNone   modifier = iota
	modApprox          // about 30
	modBelow           // nearly 100,000: a bit under
	modAbove           // more than 100
	modAtMost          // up to 50
)

// DaysPer is the length of each canonical time unit in days.
var DaysPer = map[string]float64{
	"second": 1.0 / 86400, "minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1,
	"week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5,
}

package timex

import (
	"strings"
	"sync"
	"time"
)

// lexicon holds the words of one language that the grammar matches. The
// grammar itself (grammar.go) refers only to word classes, never to literal
// words, so adding a language means adding a table: a Russian table fills the
// same fields with «января», «понедельник», «вчера», «назад»…
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

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// english is the English lexicon, built once.
var english = sync.OnceValue(func() *lexicon {
	lx := &lexicon{
		months:            map[string]time.Month{},
		weekdays:          map[string]time.Weekday{},
		fullNames:         map[string]bool{},
		capitalisedMonths: true,
		dayAfterMonth:     true,
		pastSuffixes:      []string{"ed"},
		notPastSuffixes:   []string{"eed"},
		pastMinLen:        5,
		periodPartsNeedOf: true,
		yearWords:         map[string]bool{},
		night:             set("night"),
		clockPreps:        set("at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "past"),
		checkContinuation: true,
		continuers: set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
			"these", "those", "he", "she", "they", "it", "we", "i", "you"),
		ambiguousMonths: set("may", "march"),
		ordinalSuffix:   set("st", "nd", "rd", "th"),
		ordinalWords: map[string]int{
			"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
			"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
			"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
			"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
			"twentieth": 20, "thirtieth": 30,
		},
		numbers: map[string]int{
			"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
			"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
			"twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
		},
		units: map[string]unit{
			"day": unitDay, "days": unitDay, "week": unitWeek, "weeks": unitWeek,
			"month": unitMonth, "months": unitMonth, "year": unitYear, "years": unitYear,
		},
		relativeDays: map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1},
		partsOfDay:   set("morning", "afternoon", "evening", "night", "overnight"),
		shifters:     map[string]int{"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1},
		ago:          set("ago"),
		later:        set("later", "after"),
		earlier:      set("earlier", "before"),
		dayBefore:    set("the day before", "the previous day", "the day earlier", "a day earlier", "one day earlier", "the eve"),
		dayAfter:     set("the next day", "the following day", "the day after", "a day later", "one day later"),
		sameDay:      set("the same day", "that same day", "that day", "later that day", "earlier that day"),
		modifiers: map[string]string{
			"early": "early", "late": "late", "mid": "mid", "earlier": "early", "later": "late",
		},
		periodParts: map[string]string{
			"end": "late", "beginning": "early", "start": "early", "middle": "mid", "close": "late",
		},
		approx:        set("around", "about", "approximately", "roughly", "nearly", "almost", "some", "circa", "shortly"),
		approxPhrases: set("more than", "less than", "over", "just over", "just under"),
		rangeTo:       set("to", "until", "till", "through", "-", "–", "—", "and"),
		rangeFrom:     set("from"),
		rangeBetween:  set("between"),
		rangeAnd:      set("and"),
		of:            set("of"),
		the:           set("the"),
		weekend:       set("weekend"),
		am:            set("am"),
		pm:            set("pm"),
		noon:          map[string]int{"noon": 12, "midday": 12, "midnight": 0},
		oclock:        set("o'clock", "oclock"),
		yearCue: set("in", "since", "of", "by", "until", "till", "before", "after", "during",
			"from", "to", "through", "between", "and", "early", "late", "mid", "the", "his", "her",
			"their", "its", "our", "until", "circa", "year", "back", "spring", "summer",
			"autumn", "fall", "winter", "throughout", "for", "in", "s", "'s"),
		monthCue: set("in", "since", "of", "by", "until", "till", "before", "after", "during",
			"from", "to", "through", "between", "and", "early", "late", "mid", "this", "last",
			"next", "the", "or", "throughout", "end", "beginning", "start", "middle", "on"),
		notYearBefore: set("than", "about", "around", "nearly", "almost", "some", "over",
			"under", "least", "only", "just", "$", "€", "£", "#", "no", "number", "no.", "roughly"),
		future: set("will", "ll", "shall", "would", "scheduled", "expected", "due", "plans",
			"planned", "plan", "planning", "upcoming", "tomorrow", "next", "intends", "aims",
			"hopes", "forthcoming", "coming", "later", "await", "awaiting", "postponed"),
		beForms: set("be", "been", "being", "is", "are", "am", "'s", "s", "re"),
		futurePair: set("to be", "going to", "set to", "set for", "is to", "are to", "to take", "to hold",
			"to meet", "to visit", "to play", "to start", "to begin", "to open", "to reopen",
			"to vote", "to launch", "to release", "to return", "to resume", "to close", "to host"),
		past: set("was", "were", "had", "did", "said", "told", "ago", "yesterday", "last",
			"held", "began", "met", "took", "gave", "came", "went", "saw", "left", "found",
			"made", "fell", "hit", "shot", "won", "lost", "struck", "broke", "ran", "sent",
			"spent", "got", "brought", "thought", "fought", "caught", "led", "paid", "sold",
			"built", "drew", "flew", "rose", "stood", "wrote", "spoke", "chose", "became",
			"knew", "sought", "threw", "wore", "stole", "fled", "hid", "kept", "felt", "heard",
			"lay", "laid", "meant", "overthrew", "underwent", "withdrew", "since", "earlier",
			"previously", "former", "killed", "arrested", "detained", "died", "didn", "wasn",
			"weren", "hadn"),
		notPastEd: set("need", "speed", "indeed", "hundred", "proceed", "exceed", "succeed",
			"seed", "feed", "breed", "bleed", "greed", "bed", "red", "shed", "led", "wed",
			"embed", "weed", "creed", "shred", "sled", "bred", "fled", "sacred", "wicked",
			"naked", "ragged", "rugged", "wretched", "beloved", "learned", "aged", "armed",
			"based", "united", "limited", "related", "expected", "scheduled", "planned",
			"detailed", "advanced", "skilled", "alleged", "so-called", "unnamed", "unidentified"),
	}
	lx.approxFirst = map[string]bool{}
	for ph := range lx.approxPhrases {
		lx.approxFirst[strings.Fields(ph)[0]] = true
	}
	defer lx.buildTriggers()
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		lx.months[m] = time.Month(i + 1)
		lx.fullNames[m] = true
		lx.months[m[:3]] = time.Month(i + 1)
	}
	lx.months["sept"] = time.September
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		lx.weekdays[d] = time.Weekday(i)
		lx.fullNames[d] = true
		lx.weekdays[d[:3]] = time.Weekday(i)
	}
	lx.weekdays["tues"] = time.Tuesday
	lx.weekdays["thur"] = time.Thursday
	lx.weekdays["thurs"] = time.Thursday
	return lx
})

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

// Package namematch decides whether two written names can be the same name:
// spelling variants under the romanisation schemes for Russian, Kazakh and
// Kyrgyz Cyrillic (BGN/PCGN, ICAO passports, ISO 9, scientific) and the
// habits of the English-language press, typing errors, look-alike letters
// from the other script, hyphenated and multi-part names, initials, and
// acronyms against their expansions.
//
// In: two names as written ("Kamchybek Tashiev", "Камчыбек Ташиев",
// "Tashiyev", "K. Tashiev"). Out: a Result saying whether they match, how
// strongly, and why not when they do not. Evidence against a merge is as
// important as evidence for it: gendered surname forms (Zhaparov /
// Zhaparova, -uly / -kyzy), given names that conflict ("Sadyr Zhaparov" vs
// "Akylbek Zhaparov") and names that only share a suffix ("Oshurakhunova"
// vs "Ruzakhunov") do not match.
//
// The package holds only read-only tables; every function is safe for
// concurrent use.
package namematch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Part is one word of a name with its matching key.
type Part struct {
	Text string // as written, without a trailing period
	Key  string // Skeleton(Text)
	// Alts are the keys under other readings of a Latin j (Jurij = Yuriy,
	// Andijon = Andizhan); nil for most words.
	Alts []string
	// Plain is the lower-case romanised word before the skeleton rules,
	// for typing errors the rules would amplify ("Staniir" for "Stanimir").
	Plain    string
	Initial  bool // "K." or a single letter
	Particle bool // "bin", "al", "van", "de": optional when matching
}

// Parts splits a name into its words: on spaces and hyphens ("Kassym-Jomart
// Tokayev" has three parts), dropping honorifics ("Mr", "Dr") and
// punctuation.
func Parts(name string) []Part {
	fields := strings.FieldsFunc(FoldConfusables(name), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–' || r == ',' || r == '(' || r == ')' || r == '"' || r == '«' || r == '»' || r == '“' || r == '”'
	})
	parts := make([]Part, 0, len(fields))
	for _, f := range fields {
		f = strings.Trim(f, ".'’`")
		if f == "" || honorifics[strings.ToLower(f)] {
			continue
		}
		if i := strings.IndexAny(f, "'’"); i > 0 && i >= len(f)-3 && (strings.HasSuffix(strings.ToLower(f), "s") || strings.HasSuffix(f, "'")) {
			f = f[:i] // possessive: Tashiev's
		}
		if full, ok := abbreviations[strings.ToLower(f)]; ok {
			f = full
		}
		n := utf8.RuneCountInString(f)
		keys := skeletons(f)
		p := Part{Text: f, Key: keys[0], Plain: plain(f)}
		if len(keys) > 1 {
			p.Alts = keys[1:]
		}
		p.Initial = n == 1 || (n == 2 && strings.EqualFold(f, "zh")) || (n <= 3 && isInitialDigraph(f))
		p.Particle = particles[strings.ToLower(f)]
		if p.Key == "" {
			continue
		}
		parts = append(parts, p)
	}
	return parts
}

func isInitialDigraph(f string) bool {
	switch strings.ToLower(f) {
	case "sh", "ch", "kh", "zh", "ts", "dzh", "shch", "yu", "ya", "ye", "yo", "iu", "ia", "ju", "ja", "je", "jo", "ie":
		return true
	}
	return false
}

var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true, "dame": true,
	"mx": true, "messrs": true, "г": true, "гн": true, "г-н": true, "гжа": true, "господин": true, "госпожа": true,
}

// abbreviations are written out before matching: "Mt Cook" = "Mount Cook".
var abbreviations = map[string]string{"mt": "Mount", "ft": "Fort", "pt": "Port", "gen": "General", "col": "Colonel", "sen": "Senator"}

var particles = map[string]bool{
	"jr": true, "sr": true, "ii": true, "iii": true,
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "van": true, "von": true, "der": true,
	"de": true, "del": true, "della": true, "di": true, "da": true, "du": true, "la": true, "le": true, "ul": true,
	"ogly": true, "oglu": true, "uulu": true, "kyzy": true, "uly": true, "ulu": true,
}

// Result is the verdict on a pair of names.
type Result struct {
	Match bool
	// Score is in [0, 1]: 1 for identical keys, lower for typing-error
	// matches and partial names.
	Score float64
	// Partial is true when one name is a part of the other ("Tashiev" and
	// "Kamchybek Tashiev", "K. Tashiev" and "Kamchybek Tashiev").
	Partial bool
	// Reason says why the names do not match, or how they do.
	Reason string
}

// Reasons given in Result.Reason.
const (
	ReasonSame        = "same key"
	ReasonTypo        = "within typing-error distance"
	ReasonPartial     = "one name is part of the other"
	ReasonGender      = "gendered forms of one name"
	ReasonGivenName   = "conflicting given names"
	ReasonDifferent   = "different names"
	ReasonEmpty       = "empty name"
	ReasonInitialOnly = "only initials agree"
)

// Compare matches two person names (or, by the same rules, two names of
// places or organisations written as words).
func Compare(a, b string) Result {
	return CompareParts(Parts(a), Parts(b))
}

// Match reports whether a and b can name the same person.
func Match(a, b string) bool { return Compare(a, b).Match }

// partVerdict compares two words.
type partVerdict int

const (
	pvNo partVerdict = iota
	pvGender
	pvInitial
	pvTypo
	pvSame
)

func comparePart(x, y Part) (partVerdict, float64) {
	if x.Key != y.Key && (len(x.Alts) > 0 || len(y.Alts) > 0) {
		for _, a := range append([]string{x.Key}, x.Alts...) {
			for _, b := range append([]string{y.Key}, y.Alts...) {
				if a == b {
					x.Key, y.Key = a, b
				}
			}
		}
	}
	switch {
	case x.Key == y.Key:
		if x.Initial != y.Initial {
			return pvInitial, 0.8
		}
		return pvSame, 1
	case x.Initial && !y.Initial:
		if strings.HasPrefix(y.Key, x.Key) {
			return pvInitial, 0.8
		}
		return pvNo, 0
	case y.Initial && !x.Initial:
		if strings.HasPrefix(x.Key, y.Key) {
			return pvInitial, 0.8
		}
		return pvNo, 0
	case x.Initial && y.Initial:
		return pvNo, 0
	}
	if gendered(x.Key, y.Key) {
		return pvGender, 0
	}
	for _, a := range append([]string{x.Key}, x.Alts...) {
		for _, b := range append([]string{y.Key}, y.Alts...) {
			if a == "" || b == "" || a[0] != b[0] {
				continue
			}
			n := max(len(a), len(b))
			if d := damerau(a, b, TypoBudget(n)); d <= TypoBudget(n) {
				return pvTypo, 1 - float64(d)/float64(n)
			}
		}
	}
	// The skeleton rules may turn one typing error into two (a dropped
	// letter that makes a double: Stanimir → Staniir → "stanir"); the
	// plain romanised forms then tell.
	if x.Plain != "" && y.Plain != "" && x.Plain[0] == y.Plain[0] {
		n := max(len(x.Plain), len(y.Plain))
		if d := damerau(x.Plain, y.Plain, TypoBudget(n)); d <= TypoBudget(n) && d > 0 {
			return pvTypo, 1 - float64(d)/float64(n)
		}
	}
	return pvNo, 0
}

// plain is a word romanised, lower-cased and stripped of accents, with no
// other rules applied.
func plain(w string) string {
	w = FoldConfusables(w)
	if HasCyrillic(w) {
		w = Transliterate(w, GuessLang(w), Press)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if s, ok := romanLetters[r]; ok {
			b.WriteString(s)
		} else if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TypoBudget is the number of edits tolerated between the keys of two words
// whose longer key has n letters: none up to 5 letters (Marat is not
// Murat), one up to 8, two up to 12, three beyond.
func TypoBudget(n int) int {
	switch {
	case n <= 5:
		return 0
	case n <= 8:
		return 1
	case n <= 12:
		return 2
	}
	return 3
}

// feminine and masculine surname and patronymic endings, as skeleton keys,
// paired: a word ending in one form and another ending in its pair with the
// same stem are the two genders of one family name.
var genderPairs = [][2]string{
	{"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"ska", "ski"}, {"cka", "cki"}, {"aia", "ii"}, {"aia", "i"},
	{"ovna", "ovich"}, {"evna", "evich"}, {"ichna", "ich"}, {"kizi", "uli"}, {"gizi", "uli"}, {"kizi", "ulu"},
	{"kizi", "uulu"}, {"kizi", "ogli"}, {"gizi", "ogli"}, {"a", ""},
}

// gendered reports whether x and y are the feminine and masculine forms of
// one name (Zhaparova / Zhaparov, Tokayeva / Tokayev, Nazarbaikizi /
// Nazarbaiuli, Aleksandra / Aleksandr).
func gendered(x, y string) bool {
	for _, p := range genderPairs {
		for _, o := range [2][2]string{{x, y}, {y, x}} {
			f, m := o[0], o[1]
			if !strings.HasSuffix(f, p[0]) || !strings.HasSuffix(m, p[1]) {
				continue
			}
			fs, ms := f[:len(f)-len(p[0])], m[:len(m)-len(p[1])]
			if len(fs) < 2 {
				continue
			}
			if p[0] == "a" && p[1] == "" {
				// Bare -a only marks gender after a consonant-final stem of
				// length ≥ 3 (Aleksandr/Aleksandra, Ivanov/Ivanova).
				if len(ms) < 3 || isVowel(ms[len(ms)-1]) {
					continue
				}
			}
			// Stems may differ by a typing error, except for the bare -a,
			// where that would make every typo at a word's end a gender.
			if fs == ms || (p[1] != "" && len(fs) > 5 && damerau(fs, ms, 1) <= 1 && fs[0] == ms[0]) {
				return true
			}
		}
	}
	return false
}

// CompareParts is Compare over names already split with Parts.
func CompareParts(a, b []Part) Result { return compareParts(a, b, false) }

// CompareInflected compares names of places and organisations: gender does
// not apply to them, and a Cyrillic word may carry a case ending
// (Баткена, Астану, в Оше) that is dropped before comparing.
func CompareInflected(a, b []Part) Result { return compareParts(a, b, true) }

func compareParts(a, b []Part, inflected bool) Result {
	a, b = dropParticles(a), dropParticles(b)
	if len(a) == 0 || len(b) == 0 {
		return Result{Reason: ReasonEmpty}
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	// Find the alignment of a's parts to distinct parts of b with the most
	// aligned parts, then the best score. Names have few parts, so search.
	best := alignment{}
	var gender bool
	used := make([]bool, len(b))
	var search func(i int, cur alignment)
	search = func(i int, cur alignment) {
		if i == len(a) {
			if cur.better(best) {
				best = cur
			}
			return
		}
		// Leave a[i] unaligned.
		search(i+1, cur)
		for j := range b {
			if used[j] {
				continue
			}
			v, s := comparePart(a[i], b[j])
			if inflected && v != pvSame && v != pvInitial && stemsMatch(a[i], b[j]) {
				v, s = pvSame, 0.9
			}
			if inflected && v == pvGender {
				v = pvNo
			}
			if v == pvGender {
				gender = true
				continue
			}
			if v == pvNo {
				continue
			}
			used[j] = true
			next := cur
			next.n++
			next.score += s
			if v != pvInitial {
				next.full++
			}
			if v == pvTypo {
				next.typo = true
			}
			if j < next.lastB {
				next.reordered = true
			}
			next.lastB = j
			search(i+1, next)
			used[j] = false
		}
	}
	search(0, alignment{lastB: -1})

	switch {
	case best.n == 0 && gender:
		return Result{Reason: ReasonGender}
	case best.n == 0:
		return Result{Reason: ReasonDifferent}
	case best.full == 0:
		return Result{Reason: ReasonInitialOnly}
	case best.n < len(a):
		// Some of the shorter name's words found no partner: a conflicting
		// given name, or a gendered surname next to a shared given name.
		if gender {
			return Result{Reason: ReasonGender}
		}
		return Result{Reason: ReasonGivenName}
	}
	score := best.score / float64(len(b))
	r := Result{Match: true, Score: score, Partial: len(a) < len(b) || best.full < best.n}
	switch {
	case r.Partial:
		r.Reason = ReasonPartial
	case best.typo:
		r.Reason = ReasonTypo
	default:
		r.Reason = ReasonSame
	}
	return r
}

type alignment struct {
	n, full   int
	score     float64
	typo      bool
	reordered bool
	lastB     int
}

func (x alignment) better(y alignment) bool {
	if x.n != y.n {
		return x.n > y.n
	}
	if x.full != y.full {
		return x.full > y.full
	}
	return x.score > y.score
}

func dropParticles(p []Part) []Part {
	n := 0
	for _, x := range p {
		if !x.Particle {
			n++
		}
	}
	if n == 0 || n == len(p) {
		return p
	}
	out := make([]Part, 0, n)
	for _, x := range p {
		if !x.Particle {
			out = append(out, x)
		}
	}
	return out
}

// damerau returns the optimal-string-alignment distance between a and b,
// stopping early once it exceeds limit (it then returns limit+1).
func damerau(a, b string, limit int) int {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	if la-lb > limit || lb-la > limit {
		return limit + 1
	}
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// Key returns the skeleton keys of a name's words joined by spaces, for
// blocking and indexing: names that match share at least one word key or a
// key within the typing-error budget.
func Key(name string) string {
	parts := Parts(name)
	keys := make([]string, len(parts))
	for i, p := range parts {
		keys[i] = p.Key
	}
	return strings.Join(keys, " ")
}

// caseEndings are Russian noun case endings as they look after romanising
// and the skeleton rules, longest first.
var caseEndings = []string{"ami", "om", "em", "oi", "ei", "im", "am", "ah", "a", "e", "i", "o", "u"}

// stem drops one case ending from a key when at least three letters stay.
func stem(key string) string {
	for _, e := range caseEndings {
		if strings.HasSuffix(key, e) && len(key)-len(e) >= 3 {
			return key[:len(key)-len(e)]
		}
	}
	return key
}

// stemsMatch reports whether two words are one name in different cases;
// only a Cyrillic word is taken to be inflected.
func stemsMatch(x, y Part) bool {
	if x.Initial || y.Initial || (!HasCyrillic(x.Text) && !HasCyrillic(y.Text)) {
		return false
	}
	return stem(x.Key) == stem(y.Key) || stem(x.Key) == y.Key || x.Key == stem(y.Key)
}

// SurnameGender reads gender off a Slavic or Central Asian surname form, a
// name word in Key form: 'f' for "sarsenova", "kochkorbaeva", "ibraimkizi",
// 'm' for "turdaliev", "petrov", "nurbekuli", 0 when the form says nothing.
func SurnameGender(key string) byte {
	switch {
	case strings.HasSuffix(key, "ova") || strings.HasSuffix(key, "eva") || strings.HasSuffix(key, "ina") || strings.HasSuffix(key, "ska") || strings.HasSuffix(key, "kizi") || strings.HasSuffix(key, "ovna") || strings.HasSuffix(key, "evna"):
		return 'f'
	case strings.HasSuffix(key, "ov") || strings.HasSuffix(key, "ev") || strings.HasSuffix(key, "ski") || strings.HasSuffix(key, "uli") || strings.HasSuffix(key, "ovich") || strings.HasSuffix(key, "evich"):
		return 'm'
	}
	return 0
}

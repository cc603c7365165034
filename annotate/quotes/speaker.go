package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// speakerKind says what the in-text speaker phrase is.
type speakerKind uint8

const (
	kindNone speakerKind = iota
	kindName
	kindPronoun
	kindRole     // a definite role noun: "the musician", "the ministry"
	kindIndef    // an indefinite or generic phrase: "a witness", "officials"
	kindRelative // "who" in "X, who said …"
)

// phrase is a speaker noun phrase found next to a cue.
type phrase struct {
	start, end   int // the core noun phrase
	appos        [2]int
	hasAppos     bool
	full0, full1 int // core plus apposition, as shown in SpeakerText
}

func (p phrase) valid() bool { return p.end > p.start }

// npBefore reads the speaker noun phrase that ends just before words[ci]
// (the cue), not crossing words[lo].
func (x *extractor) npBefore(ci, lo int) phrase {
	w := x.words
	j := ci - 1
	for j >= lo && w[j].isWord && (x.lx.skipAdverbs[w[j].lower] || x.lx.temporalWords[w[j].lower]) && !x.lx.pronouns[w[j].lower] {
		j--
	}
	if j < lo {
		return phrase{}
	}
	if w[j].isWord && x.lx.pronouns[w[j].lower] {
		return phrase{start: w[j].start, end: w[j].end, full0: w[j].start, full1: w[j].end}
	}
	var p phrase
	if w[j].text == "," {
		// "X, <aside>, said": find the comma that opens the aside.
		k := j - 1
		for k >= lo && k > j-30 && w[k].text != "," && !isHardStop(w[k]) {
			k--
		}
		if k >= lo && w[k].text == "," && k < j-1 {
			first := w[k+1]
			if x.lx.parentheticalStarts[first.lower] {
				j = k - 1
			} else if x.hasFinite(k, j, j-k) {
				return phrase{} // a clause, not an apposition
			} else {
				p.appos = [2]int{w[k+1].start, w[j-1].end}
				p.hasAppos = true
				j = k - 1
			}
		} else {
			return phrase{}
		}
	}
	end := j
	n := 0
	for j >= lo && n < 12 {
		t := w[j]
		if t.isWord {
			l := t.lower
			if l == "and" || l == "&" {
				if j-1 >= lo && w[j-1].upper && j+1 <= end && w[j+1].upper {
					j--
					n++
					continue
				}
				break
			}
			if t.upper && !x.lx.clauseBreakers[l] && !x.lx.prepositions[l] {
				// A capitalised word is part of the name ("Felt said").
				j--
				n++
				if x.lx.determiners[l] {
					break
				}
				continue
			}
			if x.lx.clauseBreakers[l] || (x.lx.prepositions[l] && !x.lx.npPrepositions[l]) || x.lx.cueVerbs[l] && j != end || x.lx.quotedAsVerbs[l] || x.lx.auxiliaries[l] && !strings.HasSuffix(l, "s") || l == "to" || l == "be" {
				if l == "who" && j == end {
					j--
					n++
					break
				}
				break
			}
			if x.lx.npPrepositions[l] && j == end {
				break
			}
			j--
			n++
			if x.lx.determiners[l] && !(j >= lo && w[j].isWord && x.lx.npPrepositions[w[j].lower]) {
				break
			}
			continue
		}
		if (isDashWord(t) || t.text == "'" || t.text == "’") && j-1 >= lo && w[j-1].isWord && j < end {
			j--
			continue
		}
		break
	}
	start := j + 1
	if start > end {
		return phrase{}
	}
	// Drop leading prepositions or conjunctions left over.
	for start <= end && (x.lx.npPrepositions[w[start].lower] || !w[start].isWord) {
		start++
	}
	if start > end {
		return phrase{}
	}
	// Russian phrases carry no articles to mark where the speaker starts
	// ("В этот же день президент США Барак Обама заявил"): start at the
	// first title word when there is one.
	if isCyrillicWord(w[start].text) {
		for k := start; k < end; k++ {
			if x.lx.titles[w[k].lower] {
				start = k
				break
			}
		}
	}
	p.start, p.end = w[start].start, w[end].end
	p.full0, p.full1 = p.start, p.end
	if p.hasAppos {
		p.full1 = p.appos[1]
	}
	return p
}

func isCyrillicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Cyrillic, r)
}

func isDashWord(t word) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return !t.isWord && isDash(r)
}

// isHardStop reports punctuation a speaker phrase never crosses.
func isHardStop(t word) bool {
	if t.isWord {
		return false
	}
	switch t.text {
	case ".", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "«", "»", "„":
		return true
	}
	return false
}

// npAfter reads the speaker noun phrase that starts at words[i] (just after
// an inverted cue: "said Lois Scholz, a friend of …").
func (x *extractor) npAfter(i, hi int) phrase {
	w := x.words
	j := i
	for j < hi && w[j].isWord && (w[j].lower == "also" || w[j].lower == "then") {
		j++
	}
	start := j
	n := 0
	for j < hi && n < 12 {
		t := w[j]
		if t.isWord {
			l := t.lower
			if l == "and" && j > start && w[j-1].upper && j+1 < hi && w[j+1].upper {
				j++
				n++
				continue
			}
			if x.lx.clauseBreakers[l] || x.lx.cueVerbs[l] || x.lx.auxiliaries[l] && j > start || x.lx.pronouns[l] && j > start {
				break
			}
			if x.lx.prepositions[l] && !x.lx.npPrepositions[l] {
				break
			}
			if x.lx.npPrepositions[l] {
				if l != "of" && l != "for" && !(j+1 < hi && w[j+1].upper) {
					break
				}
				if j+1 >= hi || !w[j+1].isWord {
					break
				}
			}
			if j > start && x.lx.temporalWords[l] && (t.upper || l == "today" || l == "yesterday" || l == "tonight") {
				break
			}
			j++
			n++
			continue
		}
		if isDashWord(t) && j > start && j+1 < hi && w[j+1].isWord && t.start > 0 {
			j++
			continue
		}
		if (t.text == "'" || t.text == "’") && j > start && strings.HasSuffix(w[j-1].lower, "s") {
			j++
			continue
		}
		break
	}
	if j == start {
		return phrase{}
	}
	// Do not end on a preposition.
	for j > start && x.lx.npPrepositions[w[j-1].lower] {
		j--
	}
	p := phrase{start: w[start].start, end: w[j-1].end}
	p.full0, p.full1 = p.start, p.end
	if j < hi && w[j].text == "," && j+1 < hi {
		// Apposition: up to the next comma or stop.
		k := j + 1
		for k < hi && k < j+20 && w[k].text != "," && !isHardStop(w[k]) && !(w[k].isWord && (w[k].lower == "who" || x.lx.cueVerbs[w[k].lower])) {
			k++
		}
		if k > j+1 && !x.hasFinite(j, k, k-j) {
			p.appos = [2]int{w[j+1].start, w[k-1].end}
			p.hasAppos = true
		}
	}
	return p
}

// nameRuns returns the capitalised name runs inside [s, e): sequences of
// capitalised words that are not titles or function words.
func (x *extractor) nameRuns(s, e int) [][2]int {
	var runs [][2]int
	w := x.words
	i := wordAt(w, s)
	cur := [2]int{-1, -1}
	flush := func() {
		if cur[0] >= 0 {
			runs = append(runs, cur)
		}
		cur = [2]int{-1, -1}
	}
	for ; i < len(w) && w[i].end <= e; i++ {
		t := w[i]
		if cur[0] >= 0 && strings.ContainsRune(x.text[cur[1]:t.start], '\n') {
			flush()
		}
		bare := strings.TrimRight(t.lower, ".")
		switch {
		case t.isWord && t.upper && !x.lx.titles[bare] && !(cur[0] < 0 && x.lx.notNames[bare]) && !x.titleLike(t.text):
			if cur[0] < 0 {
				cur[0] = t.start
			}
			cur[1] = t.end
			if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s") {
				cur[1] = t.end - len("'s")
				if strings.HasSuffix(t.lower, "’s") {
					cur[1] = t.end - len("’s")
				}
				flush()
			}
		case t.isWord && cur[0] >= 0 && (bare == "de" || bare == "van" || bare == "von" || bare == "bin" || bare == "al" || bare == "ibn" || bare == "da" || bare == "del" || bare == "le"):
			// particles inside a name
		default:
			flush()
		}
	}
	flush()
	return runs
}

// titleLike reports capitalised role words that are not in the title list
// but are not names either ("Secretary-General").
func (x *extractor) titleLike(s string) bool {
	l := strings.ToLower(s)
	if i := strings.IndexByte(l, '-'); i > 0 {
		return x.lx.titles[l[:i]] && x.lx.titles[l[i+1:]]
	}
	return false
}

// headWord is the last word of [s, e), lower-cased.
func (x *extractor) headWord(s, e int) (word, bool) {
	i := wordAt(x.words, e) - 1
	for i >= 0 && x.words[i].start >= s {
		if x.words[i].isWord {
			return x.words[i], true
		}
		i--
	}
	return word{}, false
}

// classify decides what a speaker phrase is and, for names, which part is
// the name.
func (x *extractor) classify(p phrase) (speakerKind, [2]int) {
	text := x.text[p.start:p.end]
	l := strings.ToLower(strings.TrimSpace(text))
	if x.lx.pronouns[l] || x.lx.objectPronouns[l] {
		return kindPronoun, [2]int{p.start, p.end}
	}
	if l == "who" {
		return kindRelative, [2]int{p.start, p.end}
	}
	head, ok := x.headWord(p.start, p.end)
	if !ok {
		return kindNone, [2]int{}
	}
	// Mentions first, when the mention is the phrase's head: in "Saints
	// team doctor, John R. Amoss" the name before "team doctor" is a
	// modifier.
	if m, ok := x.mentionIn(p.start, p.end, true); ok && (m[1] >= head.end || !p.hasAppos) {
		return kindName, m
	}
	// "Dinara Sadykova of the Open Steppe Rights Centre": the person
	// before "of" is the speaker, not the organisation after it.
	for i := wordAt(x.words, p.start); i < len(x.words) && x.words[i].end <= p.end; i++ {
		t := x.words[i]
		if !t.isWord || !x.lx.npPrepositions[t.lower] || i == 0 {
			continue
		}
		runs := x.nameRuns(p.start, x.words[i-1].end)
		if len(runs) > 0 {
			last := runs[len(runs)-1]
			if last[1] == x.words[i-1].end && len(strings.Fields(x.text[last[0]:last[1]])) >= 2 && !x.orgLike(strings.Fields(x.text[last[0]:last[1]])) {
				return kindName, last
			}
		}
		break
	}
	// "the press secretary of the Ministry of Defence, Azamat Kydyraliev":
	// the person in the apposition speaks, not the organisation the core
	// names.
	if p.hasAppos {
		if m, ok := x.mentionIn(p.appos[0], p.appos[1], true); ok {
			if _, core := x.mentionIn(p.start, p.end, true); !core {
				return kindName, m
			}
		}
	}
	headName := head.upper && !x.lx.titles[strings.TrimRight(head.lower, ".")] && !x.lx.notNames[head.lower] || x.isMention(head.start, head.end)
	if headName {
		if m, ok := x.mentionIn(p.start, p.end, false); ok {
			return kindName, m
		}
		runs := x.nameRuns(p.start, p.end)
		if len(runs) > 0 {
			last := x.dropLeadingPlace(runs[len(runs)-1])
			if last[1] >= head.end-3 && x.plausibleName(last) {
				return kindName, last
			}
		}
	}
	if p.hasAppos {
		if m, ok := x.mentionIn(p.appos[0], p.appos[1], true); ok {
			return kindName, m
		}
		runs := x.nameRuns(p.appos[0], p.appos[1])
		if len(runs) > 0 && runs[0][0] == p.appos[0] {
			return kindName, runs[0]
		}
	}
	first := x.words[wordAt(x.words, p.start)].lower
	if first == "the" || x.lx.possessives[first] || first == "this" || first == "that" {
		return kindRole, [2]int{p.start, p.end}
	}
	return kindIndef, [2]int{p.start, p.end}
}

// mentionIn returns the best named mention inside [s, e): the last person
// mention, or (when personOnly is false) the last organisation or group.
func (x *extractor) mentionIn(s, e int, personOnly bool) ([2]int, bool) {
	var best [2]int
	found := false
	for _, m := range x.mentionsFrom(s) {
		if m.Start >= e {
			break
		}
		if m.Start < s || m.End > e {
			continue
		}
		if x.possessiveAt(m.Start, m.End) {
			continue // "Kafoury's son": Kafoury is not the speaker
		}
		if m.Type == model.Person || !personOnly && (m.Type == model.Organization || m.Type == model.Group) {
			best = [2]int{m.Start, m.End}
			found = true
		}
	}
	return best, found
}

func (x *extractor) isMention(s, e int) bool {
	for _, m := range x.mentionsFrom(s) {
		if m.Start >= e {
			break
		}
		if m.End > s && (m.Type == model.Person || m.Type == model.Organization) {
			return true
		}
	}
	return false
}

// Gender of a person candidate.
type gender uint8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// person is a named person a pronoun or role noun may refer to.
type person struct {
	start, end int
	last       string // lower-cased last word of the name
	gender     gender
	descr      map[string]bool // words describing the person ("musician")
	sentence   int
	subject    bool // first name of its sentence
	possessive bool // "Ortiz's partner"
	// speaker is the order of the statement attributed to them when they
	// were added as its speaker (0 if none); born is the order of the
	// statements made before they were added. Later statements are read
	// through speakerOf.
	speaker, born int
	org           bool // an organisation, not a person
}

// nameGender guesses a person's gender from the given name, the surname
// ending and describing words.
func (x *extractor) nameGender(s, e int, descr map[string]bool) gender {
	fem, male := false, false
	for w := range descr {
		fem = fem || x.lx.femaleWords[w]
		male = male || x.lx.maleWords[w]
	}
	switch {
	case fem && !male:
		return genderFemale
	case male && !fem:
		return genderMale
	}
	name := x.text[s:e]
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return genderUnknown
	}
	if x.gaz != nil && len(fields) >= 1 {
		if g, ok := x.gaz.IsGivenName(strings.Trim(fields[0], ".,")); ok && len(fields) >= 2 {
			switch g {
			case "male":
				return genderMale
			case "female":
				return genderFemale
			}
		}
	}
	last := strings.ToLower(fields[len(fields)-1])
	for suf := range x.lx.femaleSurnameEndings {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return genderFemale
		}
	}
	for suf := range x.lx.maleSurnameEndings {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return genderMale
		}
	}
	if len(fields) == 1 && x.gaz != nil {
		if g, ok := x.gaz.IsGivenName(strings.Trim(fields[0], ".,")); ok && !x.gaz.IsSurname(fields[0]) {
			switch g {
			case "male":
				return genderMale
			case "female":
				return genderFemale
			}
		}
	}
	return genderUnknown
}

// description collects the words that describe the name at [s, e): the
// title words right before it ("doctor Ema Suryani", "the Kyrgyz sound
// engineer Bakyt Zhumaliyev") and an apposition after it ("X, a musician
// from Shymkent,").
func (x *extractor) description(s, e int, role string) map[string]bool {
	d := map[string]bool{}
	for _, f := range strings.Fields(strings.ToLower(role)) {
		d[strings.Trim(f, ".,")] = true
	}
	w := x.words
	i := wordAt(w, s) - 1
	for n := 0; i >= 0 && n < 6 && w[i].isWord && !x.lx.clauseBreakers[w[i].lower] && !x.lx.cueVerbs[w[i].lower] && !x.lx.prepositions[w[i].lower]; n++ {
		if x.lx.determiners[w[i].lower] {
			break // "her brother Timur": "her" says nothing about Timur
		}
		d[strings.TrimRight(w[i].lower, ".")] = true
		i--
	}
	j := wordAt(w, e)
	if j < len(w) && w[j].text == "," {
		for k := j + 1; k < len(w) && k < j+14; k++ {
			t := w[k]
			if !t.isWord {
				if t.text == "-" || t.text == "'" || t.text == "’" {
					continue
				}
				break
			}
			if k == j+1 && !(x.lx.determiners[t.lower] || !t.upper || x.lx.titles[t.lower]) {
				break
			}
			if t.lower == "who" || x.lx.cueVerbs[t.lower] || x.lx.auxiliaries[t.lower] {
				break
			}
			if x.lx.determiners[t.lower] {
				continue
			}
			d[strings.TrimRight(t.lower, ".")] = true
		}
	}
	return d
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// possessiveAt reports whether the name at [s, e) is a possessive modifier:
// "Kafoury's son", "Timmons' friend".
func (x *extractor) possessiveAt(s, e int) bool {
	t := x.text[s:e]
	rest := x.text[e:]
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'") || strings.HasSuffix(t, "’") ||
		strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ") ||
		strings.HasPrefix(rest, " ' ") || strings.HasPrefix(rest, " ’ ")
}

// plausibleName rejects a lone capitalised word that is capitalised only
// because it starts a sentence ("Lawyers told …"): such a word counts as a
// name when it is an acronym, has inner capitals, is capitalised in the
// middle of a sentence elsewhere, or is a known given name or surname.
func (x *extractor) plausibleName(r [2]int) bool {
	t := x.text[r[0]:r[1]]
	if strings.ContainsAny(t, " -") {
		return true
	}
	ss := x.sentStart(r[0])
	if strings.TrimLeft(x.text[ss:r[0]], " \t\n\"“«„'‘—–-") != "" {
		return true // not at the sentence start
	}
	for i, c := range t {
		if i > 0 && unicode.IsUpper(c) {
			return true
		}
	}
	if x.gaz != nil {
		if _, ok := x.gaz.IsGivenName(t); ok {
			return true
		}
		if x.gaz.IsSurname(t) {
			return true
		}
	}
	if x.surnameSuffixAny(strings.ToLower(t)) {
		return true
	}
	if v, ok := x.midCaps[t]; ok {
		return v
	}
	if x.midCaps == nil {
		x.midCaps = map[string]bool{}
	}
	x.midCaps[t] = false
	for off := 0; off < len(x.text); {
		i := strings.Index(x.text[off:], t)
		if i < 0 {
			break
		}
		at := off + i
		off = at + len(t)
		if at == r[0] {
			continue
		}
		if at > 0 && x.sentStart(at) != at {
			x.midCaps[t] = true
			return true
		}
	}
	return false
}

func (x *extractor) surnameSuffixAny(l string) bool {
	for suf := range x.lx.surnameEndingsShort {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// dropLeadingPlace removes a country or place name that precedes a
// person's name in the same capitalised run: "Китая Чэнь Дэмин" (China's
// Chen Deming), "США Барак Обама". The rest must keep two words.
func (x *extractor) dropLeadingPlace(r [2]int) [2]int {
	if x.gaz == nil {
		return r
	}
	fields := strings.Fields(x.text[r[0]:r[1]])
	drop := 0
	for drop < len(fields)-2 && (x.isPlaceWord(fields[drop]) || isAcronym(fields[drop])) {
		drop++
	}
	if drop == 0 || !x.isPlaceWord(fields[drop-1]) && drop < 2 {
		return r // a lone acronym may be part of the name
	}
	off := r[0]
	for _, f := range fields[:drop] {
		off = strings.Index(x.text[off:r[1]], f) + off + len(f)
	}
	s, _ := trimRange(x.text, off, r[1])
	return [2]int{s, r[1]}
}

// isAcronym reports an all-capital word of two to five letters ("МИД",
// "FBI").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// isPlaceWord reports whether w names a place or country, also in the
// common Russian case forms (Китая → Китай, Турции → Турция, Украины →
// Украина, Казахстана → Казахстан).
func (x *extractor) isPlaceWord(w string) bool {
	if _, ok := x.gaz.Place(w); ok {
		return true
	}
	if !isCyrillicWord(w) {
		return false
	}
	for _, f := range [][2]string{{"ии", "ия"}, {"ы", "а"}, {"я", "й"}, {"а", ""}, {"у", ""}, {"е", ""}, {"ой", "а"}} {
		if strings.HasSuffix(w, f[0]) {
			if _, ok := x.gaz.Place(strings.TrimSuffix(w, f[0]) + f[1]); ok {
				return true
			}
		}
	}
	return false
}

package quotes

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// buildPersons lists the named people (and organisations) a pronoun or role
// noun may refer to: the person mentions, plus capitalised names that look
// like people (a known given name, a title before them, or the surname of an
// earlier person) wherever no mention covers them.
func (x *extractor) buildPersons() {
	for _, m := range x.mentions {
		switch m.Type {
		case model.Person:
			x.addPerson(m.Start, m.End, m.Role, false)
		case model.Organization, model.Group:
			x.addPerson(m.Start, m.End, m.Role, true)
		}
	}
	known := map[string]bool{}
	for _, p := range x.persons {
		known[p.last] = true
	}
	{
		for _, r := range x.allNameRuns() {
			if x.overlapsMention(r[0], r[1]) {
				continue
			}
			fields := strings.Fields(x.text[r[0]:r[1]])
			last := strings.ToLower(strings.Trim(fields[len(fields)-1], ".,"))
			if x.orgLike(fields) {
				continue
			}
			personish := known[last]
			if !personish && len(fields) >= 2 && len(fields) <= 4 && x.gaz != nil {
				if _, ok := x.gaz.IsGivenName(strings.Trim(fields[0], ".")); ok {
					personish = true
				}
			}
			if !personish && len(fields) >= 2 && len(fields) <= 4 {
				personish = x.surnameSuffix(last)
			}
			if personish && len(fields) >= 2 && x.gaz != nil {
				if _, place := x.gaz.Place(x.text[r[0]:r[1]]); place {
					personish = false
				}
			}
			if !personish {
				personish = x.titleBefore(r[0])
			}
			if personish {
				x.addPerson(r[0], r[1], "", false)
				known[last] = true
			}
		}
	}
	sort.SliceStable(x.persons, func(i, j int) bool { return x.persons[i].start < x.persons[j].start })
	x.markSubjects()
}

func (x *extractor) overlapsMention(s, e int) bool {
	for _, m := range x.mentionsFrom(s) {
		if m.Start >= e {
			return false
		}
		if m.End > s {
			return true
		}
	}
	return false
}

// titleBefore reports whether a personal title precedes offset s.
func (x *extractor) titleBefore(s int) bool {
	i := wordAt(x.words, s) - 1
	if i >= 0 && x.words[i].text == "." {
		i--
	}
	if i < 0 || !x.words[i].isWord {
		return false
	}
	l := strings.TrimRight(x.words[i].lower, ".")
	return x.lx.titles[l] && !x.lx.orgHeads[l]
}

func (x *extractor) addPerson(s, e int, role string, org bool) {
	fields := strings.Fields(x.text[s:e])
	if len(fields) == 0 {
		return
	}
	last := strings.ToLower(strings.Trim(fields[len(fields)-1], ".,"))
	last = strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")
	descr := x.description(s, e, role)
	p := person{start: s, end: e, last: last, descr: descr, sentence: x.sentOf(s), org: org}
	if !org {
		p.gender = x.nameGender(s, e, descr)
		if p.gender == genderUnknown {
			// "Reid" after "Tara Reid": the fuller form's gender.
			for _, q := range x.persons {
				if q.last == last && q.gender != genderUnknown && !q.org {
					p.gender = q.gender
					break
				}
			}
		}
	}
	p.possessive = x.possessiveAt(s, e)
	x.persons = append(x.persons, p)
}

// resolve fills in the speaker of every draft: own attributions first in
// document order, then statements that share the attribution of a
// neighbour, then continuations.
func (x *extractor) resolve() {
	idx := make([]int, len(x.drafts))
	for i := range idx {
		idx[i] = i
	}
	key := func(d *draft) int {
		k := d.start
		if d.spk.valid() && d.spk.start < k {
			k = d.spk.start
		}
		return k
	}
	sort.SliceStable(idx, func(a, b int) bool { return key(x.drafts[idx[a]]) < key(x.drafts[idx[b]]) })
	seq := 0
	for _, i := range idx {
		d := x.drafts[i]
		if d.interview {
			if d.hasRef {
				seq++
				x.markSpeaker(d.ref, seq)
			}
			continue
		}
		p := d.spk
		if !p.valid() && d.useSubject {
			p = x.subjectOf(d.subjAt)
		}
		if !p.valid() {
			continue
		}
		x.resolvePhrase(d, p)
		if d.hasRef {
			seq++
			x.markSpeaker(d.ref, seq)
		}
	}
	// Statements without their own attribution: continue the previous
	// statement's speaker when nobody else is named in between, else share
	// the attribution of the quote that follows.
	order := make([]int, len(x.drafts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x.drafts[order[a]].start < x.drafts[order[b]].start })
	pos := make([]int, len(x.drafts))
	for p, i := range order {
		pos[i] = p
	}
	visiting := make([]bool, len(x.drafts))
	var shared func(i int)
	shared = func(i int) {
		d := x.drafts[i]
		if d.hasSpk || visiting[i] {
			return
		}
		visiting[i] = true
		defer func() { visiting[i] = false }()
		if d.sameAs >= 0 {
			shared(d.sameAs)
			copySpeaker(d, x.drafts[d.sameAs])
			return
		}
		if d.inherit && d.direct {
			for p := pos[i] - 1; p >= 0; p-- {
				j := order[p]
				o := x.drafts[j]
				if o.interview || o.end > d.start {
					continue
				}
				maxBack := 1
				if d.fromNext >= 0 {
					maxBack = 0
				}
				if o.para >= d.para-maxBack && x.cleanGap(o, d) {
					shared(j)
					if o.hasSpk {
						copySpeaker(d, o)
						return
					}
				}
				break
			}
		}
		if d.fromNext >= 0 {
			shared(d.fromNext)
			copySpeaker(d, x.drafts[d.fromNext])
		}
	}
	for _, i := range order {
		shared(i)
	}
	for _, d := range x.drafts {
		x.channelAndDate(d)
	}
}

// cleanGap reports whether nothing between statements p and d names
// another speaker.
func (x *extractor) cleanGap(p, d *draft) bool {
	from := max(p.end, p.attr1, p.afterMark)
	to := d.openMark
	if to <= from {
		return true
	}
	if to-from > 400 {
		return false
	}
	spk := ""
	if p.hasRef {
		spk = strings.ToLower(lastField(x.text[p.ref[0]:p.ref[1]]))
	}
	for _, r := range x.nameRuns(from, to) {
		if spk == "" || strings.ToLower(lastField(x.text[r[0]:r[1]])) != spk {
			return false
		}
	}
	for k := wordAt(x.words, from); k < len(x.words) && x.words[k].start < to; k++ {
		if x.words[k].isWord && x.lx.cueVerbs[x.words[k].lower] {
			return false
		}
	}
	return true
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,'’")
}

func copySpeaker(d, from *draft) {
	if !from.hasSpk {
		return
	}
	d.hasSpk, d.spkText, d.kind = true, from.spkText, from.kind
	d.hasRef, d.ref = from.hasRef, from.ref
	if d.cue == "" {
		d.cue = from.cue
	}
	if !d.hasAddr {
		d.addr, d.hasAddr = from.addr, from.hasAddr
	}
	if d.attr1 <= d.attr0 {
		d.attr0, d.attr1 = from.attr0, from.attr1
	}
}

// markSpeaker records that the person at ref (and every mention with the
// same last name) has just spoken, as the seq-th statement; a speaker the
// person list missed is added to it.
func (x *extractor) markSpeaker(ref [2]int, seq int) {
	last := strings.ToLower(lastField(x.text[ref[0]:ref[1]]))
	// Every person of that last name has now spoken: recorded once per
	// name rather than on each of them, which made one long document
	// quadratic (statements × people).
	if x.spoke == nil {
		x.spoke = map[string]int{}
	}
	x.spoke[last] = seq
	at := sort.Search(len(x.persons), func(i int) bool { return x.persons[i].start >= ref[0] })
	exact := at < len(x.persons) && x.persons[at].start == ref[0]
	if !exact && isUpperStart(x.text[ref[0]:ref[1]]) {
		x.addPerson(ref[0], ref[1], "", false)
		p := x.persons[len(x.persons)-1]
		p.speaker, p.born = seq, seq
		// Move it to its place in start order and refresh its sentence's
		// subject flags.
		i := sort.Search(len(x.persons)-1, func(i int) bool { return x.persons[i].start > p.start })
		copy(x.persons[i+1:], x.persons[i:len(x.persons)-1])
		x.persons[i] = p
		x.markSubjectsIn(p.sentence, i)
	}
}

// speakerOf is the order of the last statement attributed to p (0 if
// none): the latest one of its last name made after p was added, else the
// one it was added for.
func (x *extractor) speakerOf(p *person) int {
	if seq := x.spoke[p.last]; seq > p.born {
		return seq
	}
	return p.speaker
}

// markSubjectsIn recomputes the subject flags of the people of one
// sentence; at is the index of one of them.
func (x *extractor) markSubjectsIn(sentence, at int) {
	lo := at
	for lo > 0 && x.persons[lo-1].sentence == sentence {
		lo--
	}
	first := true
	for i := lo; i < len(x.persons) && x.persons[i].sentence == sentence; i++ {
		p := &x.persons[i]
		p.subject = false
		if p.org || !first {
			continue
		}
		first = false
		p.subject = x.isSubject(p)
	}
}

// isSubject reports whether p stands near its sentence start, before any
// cue verb, and not as a possessive.
func (x *extractor) isSubject(p *person) bool {
	ss := x.sents[p.sentence].Start
	first := wordAt(x.words, ss)
	at := wordAt(x.words, p.start)
	if at-first > 14 || p.possessive {
		return false
	}
	for k := first; k < at; k++ {
		if x.words[k].isWord && !x.words[k].upper && x.lx.cueVerbs[x.words[k].lower] {
			return false
		}
	}
	return true
}

// markSubjects flags each sentence's first person when it stands near the
// sentence start.
func (x *extractor) markSubjects() {
	lastSent := -1
	for i := range x.persons {
		p := &x.persons[i]
		p.subject = false
		if p.sentence == lastSent || p.org {
			continue
		}
		lastSent = p.sentence
		p.subject = x.isSubject(p)
	}
}

// resolvePhrase classifies speaker phrase p of d and finds its referent.
func (x *extractor) resolvePhrase(d *draft, p phrase) {
	kind, name := x.classify(p)
	if kind == kindRelative {
		wi := wordAt(x.words, p.start)
		lo := wordAt(x.words, x.sentStart(p.start))
		ante := x.npBefore(wi, lo)
		if !ante.valid() {
			return
		}
		p = ante
		kind, name = x.classify(p)
		if kind == kindRelative || kind == kindPronoun {
			return
		}
	}
	d.kind = kind
	d.hasSpk = true
	d.spkText = [2]int{p.full0, p.full1}
	d.spkText[0], d.spkText[1] = trimContent(x.text, d.spkText[0], d.spkText[1])
	switch kind {
	case kindName:
		d.ref, d.hasRef = x.widenOrgName(p, name), true
	case kindPronoun:
		pron := strings.ToLower(x.text[p.start:p.end])
		d.ref, d.hasRef = x.resolvePronoun(p.start, pron)
		if d.hasRef && x.interviewSpeaker(p.start, d.ref) {
			// Inside an answer the interviewee says "I"; a "he" there is
			// somebody else.
			d.hasRef = false
		}
		if !d.hasRef && (pron == "he" || pron == "she" || pron == "он" || pron == "она") && !x.anyPersonBefore(p.start) {
			// Nobody is named nearby: the pronoun continues the speaker of
			// the statement just before, when that speaker is known.
			if o := x.previousStatement(p.start); o != nil && o.hasRef && x.sentOf(p.start)-x.sentOf(o.start) <= 2 {
				d.ref, d.hasRef = o.ref, true
			}
		}
	case kindRole:
		d.ref, d.hasRef = x.resolveRole(p)
	}
}

// insideDirect reports whether off lies inside a direct quote's content.
func (x *extractor) insideDirect(off int) bool {
	if x.directIdx == nil {
		for _, d := range x.drafts {
			if d.direct && !d.interview {
				x.directIdx = append(x.directIdx, [2]int{d.start, d.end})
			}
		}
		sort.Slice(x.directIdx, func(i, j int) bool { return x.directIdx[i][0] < x.directIdx[j][0] })
		if x.directIdx == nil {
			x.directIdx = [][2]int{}
		}
	}
	return inSorted(x.directIdx, off)
}

// inSorted reports whether off lies in one of the ranges, which are sorted
// by start and do not overlap.
func inSorted(rs [][2]int, off int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][0] > off }) - 1
	return i >= 0 && off < rs[i][1]
}

// resolvePronoun finds the person a he/she refers to: among the people named
// in the last few sentences, it prefers the latest speaker and sentence
// subjects, then the nearest; it gives up when two people score alike.
func (x *extractor) resolvePronoun(pos int, pron string) ([2]int, bool) {
	// A subject pronoun of one person ("he", "она"): the pronoun lists
	// are resolution's (resolve.PersonPronoun).
	want := pronounGender(pron)
	if want == genderUnknown || !x.lx.pronouns[pron] {
		return [2]int{}, false
	}
	si := x.sentOf(pos)
	maxSpeaker := 0
	nearest := -1
	// People are sorted by start: look only at the window's slice.
	winStart := x.sents[max(si-3, 0)].Start
	lo := sort.Search(len(x.persons), func(i int) bool { return x.persons[i].start >= winStart })
	hi := sort.Search(len(x.persons), func(i int) bool { return x.persons[i].start >= pos })
	window := x.persons[lo:hi]
	for i, p := range window {
		if p.start >= pos || p.org || x.sentOf(p.start) < si-3 || x.insideDirect(p.start) {
			continue
		}
		if p.gender != genderUnknown && p.gender != want {
			continue
		}
		if spoke := x.speakerOf(&p); spoke > maxSpeaker {
			maxSpeaker = spoke
		}
		nearest = i
	}
	if nearest < 0 {
		return x.pronounChain(pos, si, want)
	}
	// Each surname is one candidate: its best weight (a recent subject,
	// the latest speaker, the nearest), its latest mention's span.
	type occ struct {
		span     [2]int
		sentence int
		speaker  bool
	}
	var cands []resolve.Candidate
	var occs []occ
	var lasts []string
	at := map[string]int{}
	var compatible []person
	for i, p := range window {
		if p.start >= pos || p.org || x.sentOf(p.start) < si-3 || x.insideDirect(p.start) {
			continue
		}
		if p.gender != genderUnknown && p.gender != want {
			continue
		}
		compatible = append(compatible, p)
		ps := x.sentOf(p.start)
		v := 0.0
		if p.subject {
			if ps >= si-1 {
				v += 3
			} else {
				v += 1
			}
		}
		spoke := x.speakerOf(&p)
		if spoke > 0 {
			if spoke == maxSpeaker {
				v += 2
			} else {
				v += 1
			}
		}
		if i == nearest {
			v += 1
		}
		if p.possessive {
			v -= 2
		}
		if p.gender == want {
			v += 0.5
		}
		k, seen := at[p.last]
		if !seen {
			k = len(cands)
			at[p.last] = k
			cands = append(cands, resolve.Candidate{InReach: true, Fits: true, Weight: v})
			occs = append(occs, occ{sentence: ps})
			lasts = append(lasts, p.last)
		} else if v > cands[k].Weight {
			cands[k].Weight = v
			occs[k].sentence = ps
		}
		cands[k].Before = p.start
		occs[k].span = [2]int{p.start, p.end}
		occs[k].speaker = occs[k].speaker || spoke > 0
	}
	// A speaker's pronoun needs a clear favourite: weight 1 at least and
	// 1.5 more than anyone else's.
	k := resolve.Antecedent(cands, resolve.AntecedentRule{MinWeight: 1, Margin: 1.5})
	if k < 0 {
		return [2]int{}, false
	}
	top, topKey := occs[k], lasts[k]
	// "X met Y. '…,' he said": another person in the subject's own
	// sentence makes the pronoun ambiguous unless X has spoken before.
	if !top.speaker {
		for _, p := range compatible {
			if p.last != topKey && !p.possessive && x.sentOf(p.start) == top.sentence {
				return [2]int{}, false
			}
		}
	}
	return top.span, true
}

// resolveRole finds the person (or organisation) a definite role noun
// refers to: the nearest earlier name described with that noun.
func (x *extractor) resolveRole(p phrase) ([2]int, bool) {
	head, ok := x.headWord(p.start, p.end)
	if !ok {
		return [2]int{}, false
	}
	h := strings.TrimRight(head.lower, ".")
	hs := lang.NounLemma(h)
	switch hs {
	case "pair", "couple", "duo", "trio", "two", "both", "group", "family":
		return [2]int{}, false
	}
	if hs != h && !x.lx.orgHeads[h] {
		return [2]int{}, false // plural role nouns name several people
	}
	if x.lx.orgHeads[h] || x.lx.orgHeads[hs] {
		if r, ok := x.lastOrgWith(h, p.start); ok {
			return r, true
		}
		// Without mentions: a capitalised name containing the noun, in the
		// preceding few thousand bytes.
		runs := x.nameRunsWithTitles(max(0, p.start-4000), p.start)
		for i := len(runs) - 1; i >= 0; i-- {
			r := runs[i]
			if containsWordFold(x.text[r[0]:r[1]], h) && strings.ContainsRune(x.text[r[0]:r[1]], ' ') {
				return r, true
			}
		}
		return [2]int{}, false
	}
	var found *person
	for i := len(x.persons) - 1; i >= 0; i-- {
		q := &x.persons[i]
		if q.start >= p.start || q.org {
			continue
		}
		if q.descr[h] || q.descr[hs] {
			if found != nil && found.last != q.last && q.sentence == found.sentence {
				return [2]int{}, false
			}
			if found == nil {
				found = q
			}
		}
	}
	if found == nil {
		// Names the person list missed: "Nurlan Abenov, a musician from …".
		runs := x.allNameRuns()
		last := sort.Search(len(runs), func(i int) bool { return runs[i][1] > p.start })
		for i := last - 1; i >= 0 && i >= last-300; i-- {
			r := runs[i]
			if x.insideDirect(r[0]) {
				continue
			}
			d := x.description(r[0], r[1], "")
			if d[h] || d[hs] {
				return r, true
			}
		}
		return [2]int{}, false
	}
	return [2]int{found.start, found.end}, true
}

// surnameSuffix reports surname endings common in Russian, Central Asian
// and Ukrainian names.
func (x *extractor) surnameSuffix(last string) bool {
	for suf := range x.lx.surnameEndings {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return true
		}
	}
	return false
}

// nameRunsWithTitles is like nameRuns but keeps title words ("Interior
// Ministry", "Foreign Office"): used for organisation names.
func (x *extractor) nameRunsWithTitles(s, e int) [][2]int {
	var runs [][2]int
	cur := [2]int{-1, -1}
	for i := wordAt(x.words, s); i < len(x.words) && x.words[i].end <= e; i++ {
		t := x.words[i]
		if cur[0] >= 0 && strings.ContainsRune(x.text[cur[1]:t.start], '\n') {
			runs = append(runs, cur)
			cur = [2]int{-1, -1}
		}
		if t.isWord && t.upper && !(cur[0] < 0 && (t.lower == "the" || t.lower == "a")) {
			if cur[0] < 0 {
				cur[0] = t.start
			}
			cur[1] = t.end
			continue
		}
		if cur[0] >= 0 && t.isWord && (t.lower == "of" || t.lower == "for" || t.lower == "and") && i+1 < len(x.words) && x.words[i+1].upper {
			continue
		}
		if cur[0] >= 0 {
			runs = append(runs, cur)
		}
		cur = [2]int{-1, -1}
	}
	if cur[0] >= 0 {
		runs = append(runs, cur)
	}
	return runs
}

// lastOrgWith returns the last organisation (in the people's order,
// which is by start) starting before pos whose name holds the word w. The
// organisations holding w are listed once per word: organisations are all
// known before statements are resolved (markSpeaker adds only people), and
// a walk over every earlier one for each role phrase made a long document
// quadratic.
func (x *extractor) lastOrgWith(w string, pos int) ([2]int, bool) {
	spans, ok := x.orgsWith[w]
	if !ok {
		for _, q := range x.persons {
			if q.org && containsWordFold(x.text[q.start:q.end], w) {
				spans = append(spans, [2]int{q.start, q.end})
			}
		}
		if x.orgsWith == nil {
			x.orgsWith = map[string][][2]int{}
		}
		x.orgsWith[w] = spans
	}
	k := sort.Search(len(spans), func(k int) bool { return spans[k][0] >= pos })
	if k == 0 {
		return [2]int{}, false
	}
	return spans[k-1], true
}

func containsWordFold(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(f, w) || strings.EqualFold(lang.NounLemma(f), w) {
			return true
		}
	}
	return false
}

// subjectOf returns the subject of the sentence starting at or containing
// at: a pronoun, a mention or a capitalised name near its start, after an
// introductory phrase ("After the sentence was announced, …").
func (x *extractor) subjectOf(at int) phrase {
	w := x.words
	ss := x.sentStart(at)
	se := x.sentEnd(at)
	i := wordAt(w, ss)
	hi := wordAt(w, se)
	intro := false
	for k := i; k < hi && k < i+8; k++ {
		if w[k].text == "," {
			break
		}
		if w[k].lower == "ago" || w[k].lower == "later" || w[k].lower == "earlier" {
			intro = true
		}
	}
	if i < hi && w[i].isWord && (intro || x.lx.prepositions[w[i].lower] || x.lx.temporalWords[w[i].lower] || x.lx.skipAdverbs[w[i].lower] || unicode.IsDigit([]rune(w[i].text)[0]) || x.lx.determiners[w[i].lower] && i+2 < hi && x.lx.temporalWords[w[i+2].lower]) {
		// Skip the introductory phrase and any aside that follows it:
		// "In the clip, aired late on Sunday by the channel, X says …".
		for n := 0; n < 3 && i < hi; n++ {
			next := -1
			for k := i; k < hi && k < i+14; k++ {
				if w[k].text == "," {
					next = k + 1
					break
				}
			}
			if next < 0 {
				break
			}
			i = next
			if i >= hi || !w[i].isWord || w[i].upper || x.lx.pronouns[w[i].lower] || x.lx.determiners[w[i].lower] {
				break
			}
		}
	}
	for k := i; k < hi && k < i+10; k++ {
		t := w[k]
		if !t.isWord {
			continue
		}
		if k == i && x.lx.pronouns[t.lower] {
			return phrase{start: t.start, end: t.end, full0: t.start, full1: t.end}
		}
		if x.lx.cueVerbs[t.lower] {
			break
		}
		for _, m := range x.mentionsFrom(t.start) {
			if m.Start > t.start {
				break
			}
			if m.Start == t.start && (m.Type == model.Person || m.Type == model.Organization) {
				return phrase{start: m.Start, end: m.End, full0: m.Start, full1: m.End}
			}
		}
		if t.upper {
			runs := x.nameRuns(t.start, se)
			if len(runs) > 0 && wordAt(w, runs[0][0]) <= k+4 {
				// Include the title words before the name, and a name after
				// a title ("Greek President Carolos Papoulias").
				end := runs[0][1]
				for _, r := range runs[1:] {
					onlyTitles := true
					for m := wordAt(w, end); m < len(w) && w[m].start < r[0]; m++ {
						if !w[m].isWord || !x.lx.titles[strings.TrimRight(w[m].lower, ".")] {
							onlyTitles = false
							break
						}
					}
					if !onlyTitles {
						break
					}
					end = r[1]
				}
				return phrase{start: t.start, end: end, full0: t.start, full1: end}
			}
		}
	}
	return phrase{}
}

// channelAndDate reads how and when the statement was made from its
// attribution.
func (x *extractor) channelAndDate(d *draft) {
	s, e := d.attr0, d.attr1
	if d.hasSpk {
		s = min(s, d.spkText[0])
		e = max(e, d.spkText[1])
	}
	if d.cueStart >= 0 {
		s = min(s, d.cueStart)
		e = max(e, d.cueEnd)
	}
	if !d.direct && !d.interview {
		// Reported speech: the whole sentence outside the content.
		s = min(s, x.sentStart(d.start))
		e = max(e, x.sentEnd(max(d.end-1, d.start)))
	}
	if d.channel == "" {
		region := x.lowerRegion(s, d.start) + x.lowerRegion(d.end, e)
		if d.start < s || d.start > e {
			region = x.lowerRegion(s, e)
		}
		if d.hasAddr {
			// "told Europa Radio": the outlet's name says whom, not how;
			// talking to a broadcaster or agency is an interview.
			addr := x.lowerRegion(d.addr.full0, d.addr.full1)
			region = strings.Replace(region, strings.TrimSpace(addr), " ", 1)
			if c := x.channelOf(region); c != "" {
				d.channel = c
			} else if x.channelOf(addr) != "" || x.mediaWords(addr) {
				d.channel = "interview"
			}
		} else {
			d.channel = x.channelOf(region)
		}
	}
	if !d.dateSet {
		// The first expression (in the given order) within [s, e] and
		// outside the content, found among those starting in [s, e]
		// rather than by a walk over the document's expressions for
		// every statement.
		first := -1
		for _, i := range x.timexesFrom(s, e) {
			t := x.timexes[i]
			if t.Start < s || t.End > e || t.End > d.start && t.Start < d.end || dateValue(t) == "" {
				continue
			}
			if first < 0 || i < first {
				first = i
			}
		}
		if first >= 0 {
			d.date, d.dateSet = dateValue(x.timexes[first]), true
		}
	}
}

// timexesFrom returns the indices of the time expressions that may lie
// within [s, e]: those starting there, through an index by start built on
// first use; all of them when one ends before it starts.
func (x *extractor) timexesFrom(s, e int) []int {
	if x.timexByStart == nil {
		x.timexByStart = make([]int, len(x.timexes))
		for i := range x.timexByStart {
			x.timexByStart[i] = i
		}
		sort.SliceStable(x.timexByStart, func(a, b int) bool {
			return x.timexes[x.timexByStart[a]].Start < x.timexes[x.timexByStart[b]].Start
		})
		for _, t := range x.timexes {
			x.timexMalformed = x.timexMalformed || t.End < t.Start
		}
	}
	if x.timexMalformed {
		return x.timexByStart
	}
	lo := sort.Search(len(x.timexByStart), func(k int) bool { return x.timexes[x.timexByStart[k]].Start >= s })
	hi := sort.Search(len(x.timexByStart), func(k int) bool { return x.timexes[x.timexByStart[k]].Start > e })
	return x.timexByStart[lo:max(lo, hi)]
}

// dateValue turns a timex into a statement date: the day for day and time
// expressions, the ISO value otherwise.
func dateValue(t model.Timex) string {
	v := t.Value
	if v == "" {
		return ""
	}
	if (t.Granularity == model.GranDay || t.Granularity == model.GranTime) && len(v) >= 10 {
		return v[:10]
	}
	return v
}

// channels are the channels an attribution can name, most specific first,
// each with its word list.
var channels = []struct{ channel, list string }{
	{"interview", "channel-interview"}, {"social media", "channel-social-media"},
	{"broadcast", "channel-broadcast"}, {"statement", "channel-statement"},
}

func (x *extractor) channelOf(region string) string {
	if region == "" {
		return ""
	}
	for _, c := range channels {
		for w := range x.lx.channelPhrases[c.list] {
			if strings.Contains(region, w) {
				return c.channel
			}
		}
	}
	return ""
}

// anyPersonBefore reports whether a person is named in the few sentences
// before pos.
func (x *extractor) anyPersonBefore(pos int) bool {
	si := x.sentOf(pos)
	winStart := x.sents[max(si-3, 0)].Start
	lo := sort.Search(len(x.persons), func(i int) bool { return x.persons[i].start >= winStart })
	for _, p := range x.persons[lo:] {
		if p.start >= pos {
			break
		}
		if !p.org {
			return true
		}
	}
	return false
}

// previousStatement returns the resolved statement whose attribution ends
// last before pos.
func (x *extractor) previousStatement(pos int) *draft {
	var best *draft
	for _, d := range x.drafts {
		if !d.hasSpk || d.interview || d.spkText[1] > pos || d.start > pos {
			continue
		}
		if best == nil || d.spkText[1] > best.spkText[1] {
			best = d
		}
	}
	return best
}

func (x *extractor) orgLike(fields []string) bool {
	last := strings.ToLower(strings.Trim(fields[len(fields)-1], ".,'’"))
	return x.lx.orgSuffixes[last] || x.lx.orgHeads[last]
}

// widenOrgName extends a name to the whole capitalised organisation name
// it ends ("Health" → "Ministry of Health").
func (x *extractor) widenOrgName(p phrase, name [2]int) [2]int {
	for _, r := range x.nameRunsWithTitles(p.start, p.end) {
		if r[0] < name[0] && r[1] >= name[1] {
			t := x.text[r[0]:r[1]]
			if strings.Contains(t, " of ") || strings.Contains(t, " for ") {
				return r
			}
		}
	}
	return name
}

// interviewSpeaker reports whether pos lies inside an interview answer whose
// speaker is the person at ref.
func (x *extractor) interviewSpeaker(pos int, ref [2]int) bool {
	last := strings.ToLower(lastField(x.text[ref[0]:ref[1]]))
	for _, d := range x.drafts {
		if d.interview && d.hasRef && pos >= d.start && pos < d.end {
			if strings.ToLower(lastField(x.text[d.ref[0]:d.ref[1]])) == last {
				return true
			}
		}
	}
	return false
}

// allNameRuns returns the capitalised name runs of the whole text, sentence
// by sentence, computed once.
func (x *extractor) allNameRuns() [][2]int {
	if x.runs == nil {
		x.runs = [][2]int{}
		for _, sr := range x.sents {
			x.runs = append(x.runs, x.nameRuns(sr.Start, sr.End)...)
		}
	}
	return x.runs
}

// mediaWords reports whether a name is a news outlet's: "AFP", "Reuters",
// "the BBC", "Us Weekly", "NZ Newswire", "ISNA news agency".
func (x *extractor) mediaWords(s string) bool {
	for w := range x.lx.mediaNameParts {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// pronounChain resolves a pronoun when nobody is named in the last three
// sentences but each of them refers to someone with the same pronoun ("he
// was sentenced … That brought him … he chatted …"): the chain leads back
// to the last person named as a sentence subject, up to eight sentences
// back.
func (x *extractor) pronounChain(pos, si int, want gender) ([2]int, bool) {
	hasForm := func(sent int) bool {
		for k := wordAt(x.words, x.sents[sent].Start); k < len(x.words) && x.words[k].start < x.sents[sent].End; k++ {
			if pronounGender(x.words[k].lower) == want && !x.insideDirect(x.words[k].start) {
				return true
			}
		}
		return false
	}
	for back := 1; back <= 8 && si-back >= 0; back++ {
		sent := si - back
		lo := sort.Search(len(x.persons), func(i int) bool { return x.persons[i].start >= x.sents[sent].Start })
		for i := lo; i < len(x.persons) && x.persons[i].start < x.sents[sent].End; i++ {
			p := x.persons[i]
			if p.org || x.insideDirect(p.start) {
				continue
			}
			if p.gender != genderUnknown && p.gender != want || !p.subject && x.speakerOf(&p) == 0 {
				return [2]int{}, false // the chain meets someone else first
			}
			return [2]int{p.start, p.end}, true
		}
		if !hasForm(sent) {
			return [2]int{}, false
		}
	}
	return [2]int{}, false
}

// pronounGender is the gender a pronoun of one person refers to ("he",
// "him", "his": male; "её": female), genderUnknown for any other word.
func pronounGender(w string) gender {
	switch g, _ := resolve.PersonPronoun(w); g {
	case 'm':
		return genderMale
	case 'f':
		return genderFemale
	}
	return genderUnknown
}

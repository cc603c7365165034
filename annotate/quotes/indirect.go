package quotes

import (
	"sort"
	"strings"
)

// reportedSpeech finds indirect statements: "X said (that) …", "…, X said",
// "according to X, …", "…, saying …".
func (x *extractor) reportedSpeech(covered [][2]int) {
	var direct [][2]int
	used := map[int]bool{}
	for _, d := range x.drafts {
		if d.direct && !d.interview {
			direct = append(direct, [2]int{d.start, d.end})
		}
		if d.cueStart >= 0 {
			used[d.cueStart] = true
		}
	}
	sort.Slice(direct, func(i, j int) bool { return direct[i][0] < direct[j][0] })
	w := x.words
	for _, sr := range x.sents {
		lo := wordAt(w, sr.Start)
		hi := wordAt(w, sr.End)
		for k := lo; k < hi; k++ {
			t := w[k]
			if !t.isWord || used[t.start] || inSorted(direct, t.start) || inRanges(covered, t.start) {
				continue
			}
			if t.lower == "according" && k+1 < hi && w[k+1].lower == "to" || t.lower == "по" && k+1 < hi && w[k+1].lower == "словам" {
				x.accordingTo(k, lo, hi, sr.Start, sr.End)
				continue
			}
			if !x.lx.cueVerbs[t.lower] || x.lx.directOnlyCues[t.lower] {
				continue
			}
			if x.lx.baseCues[t.lower] {
				// "Police claim that …", not "the claim that …".
				if k == lo || k+1 >= hi || w[k+1].lower != "that" {
					continue
				}
				p := w[k-1]
				if !p.isWord || x.lx.determiners[p.lower] || x.lx.possessives[p.lower] || strings.HasSuffix(p.lower, "'s") || strings.HasSuffix(p.lower, "’s") {
					continue
				}
			}
			if k > lo {
				p := w[k-1].lower
				if p == "to" || p == "not" || p == "never" || x.lx.auxiliaries[p] && (p == "is" || p == "was" || p == "be" || p == "been" || p == "are" || p == "were") && strings.HasSuffix(t.lower, "ed") {
					continue
				}
				if p == "to" || strings.HasSuffix(p, "n't") {
					continue
				}
			}
			if k+2 < hi && (w[k+1].lower == "to" && (w[k+2].lower == "be" || w[k+2].lower == "have") || w[k+1].lower == "by") {
				continue // "said to be", "reported by"
			}
			x.reportedAt(k, lo, hi, sr.Start, sr.End, direct)
		}
	}
}

// hasFinite reports whether a finite verb appears among words (i, i+n].
func (x *extractor) hasFinite(i, hi, n int) bool {
	w := x.words
	seen := 0
	for k := i + 1; k < hi && seen < n; k++ {
		t := w[k]
		if t.isWord {
			seen++
		}
		if !t.isWord {
			if t.text == ";" || x.clauseColon(k) {
				return false
			}
			continue
		}
		l := t.lower
		if !t.upper && (x.lx.auxiliaries[l] || x.lx.finiteVerbs[l] || len(l) > 4 && strings.HasSuffix(l, "ed")) {
			return true
		}
		// "she apologizes": a present-tense verb right after a pronoun.
		if k == i+1 && x.lx.subjectWords[w[i].lower] && !t.upper && len(l) > 3 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
			return true
		}
		if strings.Contains(l, "'") || strings.Contains(l, "’") {
			if strings.HasSuffix(l, "'s") && k == i+1 || strings.HasSuffix(l, "'re") || strings.HasSuffix(l, "'ll") || strings.HasSuffix(l, "'d") || strings.HasSuffix(l, "'ve") || strings.HasSuffix(l, "n't") {
				return true
			}
		}
	}
	return false
}

// clauseAfter finds where the reported clause after cue k starts, or -1.
func (x *extractor) clauseAfter(k, hi int) int {
	w := x.words
	cue := w[k].lower
	j := k + 1
	if j >= hi {
		return -1
	}
	findThat := func(from int) int {
		for m := from; m < hi && m < from+25; m++ {
			if !w[m].isWord && markFamily([]rune(w[m].text)[0]) != famNone {
				return -1
			}
			if w[m].lower == "and" || w[m].lower == "but" {
				return -1
			}
			if w[m].lower == "that" && m+1 < hi && (w[m+1].isWord || markFamily([]rune(w[m+1].text)[0]) != famNone) {
				return m + 1
			}
		}
		return -1
	}
	if x.lx.objectCues[cue] {
		if m := findThat(j); m >= 0 && m <= j+10 {
			return m
		}
		for m := j + 1; m < hi && m <= j+5; m++ {
			if !w[m].isWord {
				if w[m].text == "," || x.clauseColon(m) {
					return -1
				}
				continue
			}
			if x.lx.subjectWords[w[m].lower] && w[m].lower != "that" && x.hasFinite(m, hi, 3) {
				return m
			}
		}
		if cue != "warned" && cue != "warns" {
			return -1
		}
	}
	for j < hi && w[j].isWord && (x.lx.temporalWords[w[j].lower] || x.lx.skipAdverbs[w[j].lower] && !x.lx.pronouns[w[j].lower]) {
		j++
	}
	if j >= hi {
		return -1
	}
	t := w[j]
	if t.text == "," && j+2 < hi && w[j+1].lower == "что" {
		return j + 2 // "заявил, что …"
	}
	if !t.isWord {
		return -1
	}
	if t.lower == "that" {
		if j+1 < hi && (w[j+1].isWord || markFamily([]rune(w[j+1].text)[0]) != famNone) {
			return j + 1
		}
		return -1
	}
	if x.lx.prepositions[t.lower] || t.lower == "on" {
		return findThat(j)
	}
	strict := x.lx.strictCues[cue]
	if strict {
		if x.lx.possessives[t.lower] || x.lx.determiners[t.lower] && t.lower != "the" && t.lower != "a" {
			return -1
		}
		if x.lx.subjectWords[t.lower] && x.hasFinite(j, hi, 2) {
			return j
		}
		if (t.upper || t.lower == "the") && x.hasFinite(j, hi, 4) {
			return j
		}
		return -1
	}
	if x.lx.pronouns[t.lower] || x.lx.subjectWords[t.lower] {
		if x.hasFinite(j, hi, 3) {
			return j
		}
		return -1
	}
	if x.hasFinite(j, hi, 12) {
		return j
	}
	return -1
}

// clauseEnd finds where a reported clause starting at word j ends: the
// sentence end, or a following ", adding …", ", according to …".
func (x *extractor) clauseEnd(j, hi, sentEnd int) int {
	w := x.words
	for m := j; m < hi; m++ {
		if w[m].text == "," && m+1 < hi {
			n := w[m+1].lower
			if x.lx.participleCues[n] || n == "according" {
				return w[m].start
			}
			// ", he also said …": a new attribution starts.
			for q := m + 1; q < hi && q <= m+4 && w[q].isWord; q++ {
				l := w[q].lower
				if x.lx.cueVerbs[l] && !x.lx.participleCues[l] && !x.lx.baseCues[l] && q > m+1 {
					return w[m].start
				}
				if !(x.lx.pronouns[l] || x.lx.skipAdverbs[l] || w[q].upper) {
					break
				}
			}
		}
		if w[m].text == ";" {
			return w[m].start
		}
		// "… but insisted …", "… and added …": a second statement.
		if m > j && (w[m].lower == "but" || w[m].lower == "and") && m+1 < hi && x.lx.cueVerbs[w[m+1].lower] && !x.lx.participleCues[w[m+1].lower] {
			return w[m].start
		}
	}
	return sentEnd
}

// reportedAt handles the cue at word k of the sentence [lo, hi).
func (x *extractor) reportedAt(k, lo, hi, sStart, sEnd int, direct [][2]int) {
	w := x.words
	cue := w[k].lower
	d := &draft{cueStart: w[k].start, cueEnd: w[k].end, cue: cue, fromNext: -1, sameAs: -1, para: x.paraOf(w[k].start)}

	if j := x.clauseAfter(k, hi); j >= 0 {
		s, e := trimContent(x.text, w[j].start, x.clauseEnd(j, hi, sEnd))
		if e-s < 8 || countWords(x.text, s, e) < 3 {
			return
		}
		d.start, d.end = s, e
		d.attr0, d.attr1 = sStart, w[j].start
		d.addr, d.hasAddr = x.addresseeAfter(k, k+1, j)
		x.speakerBeforeCue(d, k, lo)
		if !d.spk.valid() && !d.useSubject && d.sameAs < 0 {
			return
		}
		x.addIndirect(d, direct)
		return
	}
	// Inverted: "…, X said." or "…, said X."
	if x.lx.participleCues[cue] {
		return
	}
	var p phrase
	var npStart int
	if before := x.npBefore(k, lo); k > lo && w[k-1].text == "," && before.valid() && wordAt(w, before.full0) > lo && w[wordAt(w, before.full0)-1].text == "," {
		// "…, Ema Suryani, a doctor at …, told AFP."
		p = before
		npStart = wordAt(w, p.full0) - 1
	} else if k > lo && w[k-1].text == "," {
		if x.lx.objectCues[cue] {
			return
		}
		p = x.npAfter(k+1, hi)
		npStart = k - 1
		if !p.valid() {
			return
		}
		// The attribution must close the sentence: at most a few words
		// without a verb may follow the speaker.
		rest := wordAt(w, p.end)
		tail := 0
		for m := rest; m < hi; m++ {
			if w[m].isWord {
				tail++
			}
		}
		if tail > 8 || x.hasFinite(rest-1, hi, 12) {
			return
		}
	} else {
		p = x.npBefore(k, lo)
		if !p.valid() {
			return
		}
		npStart = wordAt(w, p.full0) - 1
		if npStart < lo || w[npStart].text != "," {
			return
		}
		// What follows the cue must be short: an object or adverbials.
		tail := 0
		for m := k + 1; m < hi; m++ {
			if w[m].isWord {
				tail++
			}
			if w[m].text == "," {
				break
			}
		}
		if tail > 10 {
			return
		}
	}
	// The content is the sentence up to that comma, unless it is a quote.
	comma := w[npStart]
	if comma.start > 0 {
		prev := []rune(strings.TrimRight(x.text[sStart:comma.start], " "))
		if len(prev) > 0 && markFamily(prev[len(prev)-1]) != famNone {
			return
		}
	}
	cs := sStart
	// Start after a colon or a preceding quote inside the sentence.
	for m := npStart - 1; m >= lo; m-- {
		if x.clauseColon(m) {
			cs = w[m].end
			break
		}
	}
	s, e := trimContent(x.text, cs, comma.start)
	if countWords(x.text, s, e) < 3 {
		return
	}
	d.start, d.end = s, e
	d.spk = p
	d.attr0, d.attr1 = comma.start, sEnd
	if wordAt(w, p.start) > k {
		d.addr, d.hasAddr = x.addresseeAfter(k, wordAt(w, p.end), hi) // ", said X to Y."
	} else {
		d.addr, d.hasAddr = x.addresseeAfter(k, k+1, hi) // ", X told Y."
	}
	x.addIndirect(d, direct)
}

// sameSpeakerAsEarlier gives the clause whose cue is word k the speaker of
// the latest statement cued earlier in its sentence (from word lo), else
// the sentence's subject.
func (x *extractor) sameSpeakerAsEarlier(d *draft, k, lo int) {
	w := x.words
	for i := len(x.drafts) - 1; i >= 0; i-- {
		o := x.drafts[i]
		if o.cueStart >= w[lo].start && o.cueStart < w[k].start && !o.interview {
			d.sameAs = i
			return
		}
	}
	d.useSubject, d.subjAt = true, w[lo].start
}

// speakerBeforeCue sets the speaker of a reported clause whose cue is word
// k: the noun phrase before it, the subject for "…, saying", the object for
// "quoted X as saying".
func (x *extractor) speakerBeforeCue(d *draft, k, lo int) {
	w := x.words
	cue := w[k].lower
	if x.lx.participleCues[cue] {
		if k-1 >= lo && w[k-1].lower == "as" {
			p := x.npBefore(k-1, lo)
			if p.valid() {
				d.spk = p
				return
			}
		}
		if k-1 >= lo && w[k-1].isWord {
			p := x.npBefore(k, lo)
			if p.valid() {
				pi := wordAt(w, p.start)
				if pi-1 >= lo && x.lx.quotedAsVerbs[w[pi-1].lower] {
					d.spk = p
					return
				}
			}
		}
		// "…, adding" after another statement of the same sentence.
		x.sameSpeakerAsEarlier(d, k, lo)
		return
	}
	p := x.npBefore(k, lo)
	if !p.valid() {
		if k-1 >= lo && (w[k-1].lower == "and" || w[k-1].lower == "but" || w[k-1].text == ",") {
			// "X said … and denied …": the same speaker as the first cue.
			x.sameSpeakerAsEarlier(d, k, lo)
		}
		return
	}
	d.spk = p
}

// accordingTo handles "according to X, …" and "…, according to X."
func (x *extractor) accordingTo(k, lo, hi, sStart, sEnd int) {
	w := x.words
	p := x.npAfter(k+2, hi)
	if !p.valid() {
		return
	}
	cue := "according to"
	if w[k].lower == "по" {
		cue = "по словам"
	}
	d := &draft{cueStart: w[k].start, cueEnd: w[k+1].end, cue: cue, fromNext: -1, sameAs: -1, para: x.paraOf(w[k].start), spk: p}
	after := wordAt(w, p.full1)
	// Coordinated sources: "according to Childs and the security advisory".
	for after < hi && w[after].text != "," && w[after].text != "." && after < k+20 {
		after++
	}
	if k == lo || k > lo && w[k-1].text != "," {
		// According to X, CLAUSE.
		if after >= hi || w[after].text != "," {
			return
		}
		s, e := trimContent(x.text, w[after].end, sEnd)
		d.start, d.end = s, e
		d.attr0, d.attr1 = w[k].start, w[after].end
	} else {
		s, e := trimContent(x.text, sStart, w[k-1].start)
		d.start, d.end = s, e
		d.attr0, d.attr1 = w[k].start, sEnd
	}
	if countWords(x.text, d.start, d.end) < 3 {
		return
	}
	x.addIndirect(d, nil)
}

// addIndirect keeps a reported statement unless a direct quote already
// covers most of it.
func (x *extractor) addIndirect(d *draft, direct [][2]int) {
	// direct is sorted by start: only ranges starting before d.end matter.
	n := sort.Search(len(direct), func(i int) bool { return direct[i][0] >= d.end })
	for i := n - 1; i >= 0 && i >= n-50; i-- {
		r := direct[i]
		ov := min(r[1], d.end) - max(r[0], d.start)
		if ov > 0 && ov*2 > d.end-d.start {
			return
		}
	}
	for i := len(x.drafts) - 1; i >= 0 && i >= len(x.drafts)-50; i-- {
		o := x.drafts[i]
		if !o.direct && o.start == d.start && o.end == d.end {
			return
		}
	}
	x.drafts = append(x.drafts, d)
}

// clauseColon reports whether word m is a colon that ends a clause, not
// the colon of a clock time or score written between digits ("3:15").
func (x *extractor) clauseColon(m int) bool {
	w := x.words
	if m < 0 || m >= len(w) || w[m].text != ":" {
		return false
	}
	digit := func(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
	if m > 0 && m+1 < len(w) && w[m-1].end == w[m].start && w[m+1].start == w[m].end &&
		digit(w[m-1].text[len(w[m-1].text)-1:]) && digit(w[m+1].text) {
		return false
	}
	return true
}

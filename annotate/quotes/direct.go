package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// directQuotes turns quote-mark segments into direct statements, finds their
// attribution and drops scare quotes and titles. Segments inside covered
// ranges (interview questions) are skipped.
func (x *extractor) directQuotes(covered [][2]int) {
	segs := mergeContinuations(findSegments(x.text, x.paras))
	first := len(x.drafts)
	prevAfter := 0
	for _, s := range segs {
		if inRanges(covered, s.open) {
			prevAfter = s.after
			continue
		}
		d := x.directDraft(s, prevAfter)
		prevAfter = s.after
		if d != nil {
			x.drafts = append(x.drafts, d)
		}
	}
	// Adjacent quotes with nothing but space between them share one
	// attribution: "…" "…," the officer said.
	ds := x.drafts[first:]
	for i := len(ds) - 2; i >= 0; i-- {
		a, b := ds[i], ds[i+1]
		if !a.direct || !b.direct || a.spk.valid() || a.useSubject {
			continue
		}
		if !b.spk.valid() && !b.useSubject && b.fromNext < 0 {
			continue
		}
		gap := x.text[a.after():b.openAt()]
		if strings.TrimSpace(stripMarks(gap)) == "" {
			a.fromNext = first + i + 1
		}
	}
}

func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if isQuoteRune(r) {
			return -1
		}
		return r
	}, s)
}

// after and openAt give the outer bounds of a direct draft (the marks).
func (d *draft) after() int  { return d.afterMark }
func (d *draft) openAt() int { return d.openMark }

// mergeContinuations joins a quote left open at a paragraph end with the
// quote that opens the next paragraph.
func mergeContinuations(segs []segment) []segment {
	out := segs[:0]
	for _, s := range segs {
		if s.contPrev && len(out) > 0 && !out[len(out)-1].closed {
			p := &out[len(out)-1]
			p.end = s.end
			p.after = s.after
			p.closed = s.closed
			p.endPara = s.endPara
			continue
		}
		out = append(out, s)
	}
	return out
}

func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// countWords counts words in text[s:e].
func countWords(text string, s, e int) int {
	n := 0
	in := false
	for _, r := range text[s:e] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' && r != '-' {
			in = false
		}
	}
	return n
}

// directDraft decides whether segment s is a statement and finds its
// attribution. prevAfter is the end of the previous segment.
func (x *extractor) directDraft(s segment, prevAfter int) *draft {
	d := &draft{start: s.start, end: s.end, direct: true, cueStart: -1, fromNext: -1, sameAs: -1, para: s.para, openMark: s.open, afterMark: s.after}
	d.start, d.end = trimStatement(x.text, s.start, s.end, true)
	// Keep a final "?" or "!" — it is part of the statement.
	if d.end < s.end {
		r, w := utf8.DecodeRuneInString(x.text[d.end:])
		if r == '?' || r == '!' {
			d.end += w
		}
	}
	if d.end <= d.start {
		return nil
	}
	nw := countWords(x.text, d.start, d.end)

	// Text before the opening mark, in the same sentence.
	ss := x.sentStart(s.open)
	if prevAfter > ss && prevAfter <= s.open {
		ss = prevAfter
	}
	if ps := x.paras[s.para].Start; ps > ss {
		ss = ps
	}
	ss = x.lastSentenceBreak(ss, s.open)
	pre := strings.TrimSpace(x.text[ss:s.open])
	preEnd := ""
	if pre != "" {
		r, _ := utf8.DecodeLastRuneInString(pre)
		preEnd = string(r)
	}

	before := x.attributionBefore(ss, s.open)
	after := x.attributionAfter(s.after, s.endPara)
	if after.ok && !endsWithPause(x.text[s.start:s.end]) && after.cueIdx >= 0 && x.clauseAfter(after.cueIdx, after.hiIdx) >= 0 {
		// "…." X said Y …: the next sentence reports something else.
		after = attribution{}
	}

	standalone := pre == "" || preEnd == ":" || preEnd == "," && before || isDash([]rune(preEnd)[0]) && len(pre) <= 3
	switch {
	case before && (preEnd == ":" || preEnd == "," || !after.ok):
		x.applyBefore(d, ss, s.open)
	case after.ok:
		if !standalone && !before {
			// A quoted fragment inside the writer's sentence, attributed
			// after: a mixed quote, kept as reported speech.
			if nw < 2 || !strings.ContainsAny(pre, " ") && len(pre) < 3 {
				return nil
			}
			d.direct = false
			d.start, _ = trimContent(x.text, ss, d.end)
		}
		d.cue, d.cueStart, d.cueEnd = after.cue, after.cueStart, after.cueEnd
		d.spk = after.spk
		d.addr, d.hasAddr = after.addr, after.hasAddr
		d.useSubject, d.subjAt = after.useSubject, after.subjAt
		d.attr0, d.attr1 = s.after, after.end
	case before:
		x.applyBefore(d, ss, s.open)
	default:
		if !standalone || nw < 3 {
			return nil
		}
		if p, ok := x.colonSpeaker(ss, s.open); ok {
			// Headline style: `Presidential adviser: "…"`.
			d.spk = p
			d.attr0, d.attr1 = ss, s.open
			break
		}
		d.inherit = true
		d.attr0, d.attr1 = s.open, s.open
	}
	if d.direct && nw < 3 && !standalone && !before {
		return nil
	}
	if d.direct && nw < 2 && pre == "" && !after.ok {
		return nil
	}
	return d
}

// attribution is a speaker and cue found next to a quote.
type attribution struct {
	ok               bool
	cue              string
	cueStart, cueEnd int
	spk              phrase
	useSubject       bool
	subjAt           int
	end              int
	cueIdx, hiIdx    int
	addr             phrase
	hasAddr          bool
}

// endsWithPause reports whether quoted content ends with a comma, dash,
// question or exclamation mark: the sign that an attribution follows.
func endsWithPause(s string) bool {
	s = strings.TrimRight(s, " \n")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == ',' || r == '?' || r == '!' || isDash(r) || r == '…'
}

// attributionAfter reads "…," he said / said X / X told Y after a closing
// mark at off.
func (x *extractor) attributionAfter(off, para int) attribution {
	w := x.words
	pEnd := x.paras[para].End
	i := wordAt(w, off)
	for i < len(w) && w[i].start < pEnd && !w[i].isWord && (w[i].text == "," || isDashWord(w[i])) {
		i++
	}
	if i >= len(w) || w[i].start >= pEnd {
		return attribution{}
	}
	// The window runs to the sentence end or the next quote mark.
	hi := i
	for hi < len(w) && w[hi].start < pEnd && hi < i+30 {
		t := w[hi]
		if !t.isWord && (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";") {
			if t.text == "." && hi > 0 && x.isTitleAbbrev(w[hi-1]) {
				hi++
				continue
			}
			break
		}
		if !t.isWord && markFamily([]rune(t.text)[0]) != famNone && t.text != "'" && t.text != "’" {
			break
		}
		hi++
	}
	if hi == i {
		return attribution{}
	}
	j := i
	for j < hi && w[j].isWord && (w[j].lower == "also" || w[j].lower == "then" || w[j].lower == "later") {
		j++
	}
	if j < hi && w[j].isWord && x.lx.cueVerbs[w[j].lower] && !x.lx.participleCues[w[j].lower] && !x.lx.objectCues[w[j].lower] {
		// Inverted: said X.
		p := x.npAfter(j+1, hi)
		if !p.valid() {
			return attribution{}
		}
		a := attribution{ok: true, cue: w[j].lower, cueStart: w[j].start, cueEnd: w[j].end, spk: p, end: w[hi-1].end, cueIdx: -1}
		a.addr, a.hasAddr = x.addresseeAfter(j, wordAt(w, p.end), hi)
		return a
	}
	for k := i + 1; k < hi && k < i+30; k++ {
		if !w[k].isWord || !x.lx.cueVerbs[w[k].lower] || x.lx.participleCues[w[k].lower] {
			continue
		}
		p := x.npBefore(k, i)
		if !p.valid() || wordAt(w, p.start) != i {
			return attribution{}
		}
		a := attribution{ok: true, cue: w[k].lower, cueStart: w[k].start, cueEnd: w[k].end, spk: p, end: w[hi-1].end, cueIdx: k, hiIdx: hi}
		a.addr, a.hasAddr = x.addresseeAfter(k, k+1, hi)
		return a
	}
	return attribution{}
}

func (x *extractor) isTitleAbbrev(t word) bool {
	return t.isWord && t.upper && x.lx.titles[t.lower] || t.isWord && utf8.RuneCountInString(t.text) == 1 && t.upper
}

// attributionBefore reports whether the text between ss and open ends with a
// cue ("X said:", "He explained,", "told Orozco in a firm voice,").
func (x *extractor) attributionBefore(ss, open int) bool {
	_, ok := x.cueBefore(ss, open)
	return ok
}

func (x *extractor) cueBefore(ss, open int) (int, bool) {
	w := x.words
	lo := wordAt(w, ss)
	hi := wordAt(w, open)
	for k := hi - 1; k >= lo && k >= hi-12; k-- {
		t := w[k]
		if !t.isWord {
			if t.text == "," || t.text == ":" || isDashWord(t) {
				continue
			}
			return 0, false
		}
		if x.lx.cueVerbs[t.lower] && !x.lx.baseCues[t.lower] || x.lx.baseCues[t.lower] && k+1 < hi && !w[k+1].isWord {
			if k > 0 && (w[k-1].lower == "to" || w[k-1].lower == "not") {
				return 0, false
			}
			// Between the cue and the quote only an addressee or
			// adverbials may stand, closed by a comma or colon: "told
			// Orozco in a firm voice, …", not "said his client grew up …".
			if k+1 < hi {
				last := w[hi-1]
				if last.isWord && !(k == hi-1) {
					return 0, false
				}
				if x.hasFinite(k, hi, hi-k) {
					return 0, false
				}
			}
			return k, true
		}
		if x.lx.clauseBreakers[t.lower] || x.lx.auxiliaries[t.lower] || t.lower == "to" {
			return 0, false
		}
	}
	return 0, false
}

// applyBefore fills a draft's attribution from a cue before the quote.
func (x *extractor) applyBefore(d *draft, ss, open int) {
	w := x.words
	k, ok := x.cueBefore(ss, open)
	if !ok {
		return
	}
	lo := wordAt(w, ss)
	d.cue, d.cueStart, d.cueEnd = w[k].lower, w[k].start, w[k].end
	d.attr0, d.attr1 = ss, open
	d.addr, d.hasAddr = x.addresseeAfter(k, k+1, wordAt(w, open))
	if x.lx.participleCues[w[k].lower] {
		d.useSubject, d.subjAt = true, ss
		return
	}
	p := x.npBefore(k, lo)
	if !p.valid() && k > lo && (w[k-1].lower == "and" || w[k-1].text == ",") {
		d.useSubject, d.subjAt = true, ss
		return
	}
	d.spk = p
}

// lastSentenceBreak returns the offset after the last sentence end
// (". ", "! ", "? " not after an abbreviation) in [s, e), or s: the
// sentence splitter may keep a quote's lead-in with the previous sentence.
func (x *extractor) lastSentenceBreak(s, e int) int {
	w := x.words
	lo := wordAt(w, s)
	for k := wordAt(w, e) - 1; k > lo; k-- {
		t := w[k]
		if t.isWord || !(t.text == "." || t.text == "!" || t.text == "?") {
			continue
		}
		if t.text == "." && x.isTitleAbbrev(w[k-1]) {
			continue
		}
		if t.end < len(x.text) && (x.text[t.end] == ' ' || x.text[t.end] == '\n') {
			return t.end
		}
	}
	return s
}

// colonSpeaker reads a short speaker phrase ending in a colon right before
// a quote: "Tokayev: …", "Presidential adviser: …". It must start with a
// capital letter, hold at most six words and no verb.
func (x *extractor) colonSpeaker(ss, open int) (phrase, bool) {
	w := x.words
	lo, hi := wordAt(w, ss), wordAt(w, open)
	if hi-1 <= lo || w[hi-1].text != ":" {
		return phrase{}, false
	}
	n := 0
	for k := lo; k < hi-1; k++ {
		t := w[k]
		if !t.isWord {
			if t.text == "'" || t.text == "’" || isDashWord(t) || t.text == "." {
				continue
			}
			return phrase{}, false
		}
		n++
		if x.lx.cueVerbs[t.lower] || x.lx.auxiliaries[t.lower] || x.lx.finiteVerbs[t.lower] || x.lx.clauseBreakers[t.lower] || x.lx.pronouns[t.lower] {
			return phrase{}, false
		}
	}
	if n == 0 || n > 6 || !w[lo].upper {
		return phrase{}, false
	}
	p := phrase{start: w[lo].start, end: w[hi-2].end}
	p.full0, p.full1 = p.start, p.end
	return p, true
}

package quantity

import (
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// A percentage is a level ("65% of traffic", "turnout was 61%") or a
// change ("rose 3%", "down by 80%", "a 5% rise", "2 percentage points").
// A level says what it is a share of when the text names it after "of";
// a list that names it once ("55% of voice traffic in Saudi Arabia, 52% in
// Egypt") gives it to every item. Which place or thing it is of, and when,
// is the comparison's to read from the sentence.

// percentAt matches a percentage word or sign at token k ("%", "per
// cent", "percentage points") and returns its unit and the token after
// it, or end 0.
func (p *parser) percentAt(k int) (unit string, end int) {
	if m := p.phraseAt(k, p.lx.percentWords); m != nil {
		if m.value == "point" {
			return model.UnitPercentage, k + len(m.words)
		}
		return model.UnitPercent, k + len(m.words)
	}
	return "", 0
}

// phraseAt returns the longest phrase of ps whose words are the lower-case
// texts of the tokens from k, or nil.
func (p *parser) phraseAt(k int, ps []phrase) *phrase {
	for x := range ps {
		words := ps[x].words
		if k+len(words) > len(p.toks) {
			continue
		}
		ok := true
		for m, w := range words {
			t := p.toks[k+m]
			if (t.kind == tWord && t.lower != w) || (t.kind != tWord && t.text != w) || (m > 0 && !p.sameClause(k+m)) {
				ok = false
				break
			}
		}
		if ok {
			return &ps[x]
		}
	}
	return nil
}

// percent finishes q, a number read from token i (its hedge included)
// whose percentage word ends before token e.
func (p *parser) percent(q model.Quantity, i, start int, unit string, e int) (model.Quantity, int, bool) {
	q.Kind, q.Unit = model.KindPercent, unit
	q.Start, q.End = start, p.toks[e-1].end
	of, ofEnd := p.shareOf(e)
	switch {
	case of != "":
		q.Of = of
		p.lastShare.end, p.lastShare.of = ofEnd, of
	case p.listItem(i):
		q.Of = p.lastShare.of
		p.lastShare.end = e
	}
	cue := p.lx.percentChangeBefore[p.word(i-1)] || p.lx.percentChangeAfter[p.word(e)]
	q.Change = unit == model.UnitPercentage || (cue && q.Of == "")
	return q, e, true
}

// shareOf reads what a percentage is a share of from token e: "of" and
// up to four words up to a function word, skipping determiners and
// owners ("of India's voice traffic" is "voice traffic"). It returns the
// words, lower case, and the token after them, or "".
func (p *parser) shareOf(e int) (string, int) {
	if p.word(e) != "of" {
		return "", 0
	}
	var words []string
	m := e + 1
	for ; m < len(p.toks) && len(words) < 4 && p.sameClause(m); m++ {
		w := p.word(m)
		if w == "" {
			break
		}
		if len(words) == 0 && (p.lx.percentOfSkip[w] || strings.HasSuffix(w, "'s")) {
			continue
		}
		if p.lx.countStop[w] || p.lx.percentOfSkip[w] || p.lx.percentOfStop[w] {
			break
		}
		if strings.HasSuffix(w, "'s") {
			words = words[:0] // "the company's shares": the owner is not the share
			continue
		}
		if len(words) > 0 && strings.HasSuffix(w, "ed") {
			break // "of the wells flooded"
		}
		words = append(words, w)
		if p.lx.isPluralNoun(w) {
			m++
			break // "of the wells ran dry": the plural ends the noun
		}
	}
	if len(words) == 0 {
		return "", 0
	}
	return strings.Join(words, " "), m
}

// listItem reports whether the percentage starting at token i is an item
// of a list whose first item named what it is a share of: only place
// names, commas and list words stand between them.
func (p *parser) listItem(i int) bool {
	from := p.lastShare.end
	if p.lastShare.of == "" || from <= 0 || from >= i || i-from > 8 {
		return false
	}
	joined := false
	for m := from; m < i; m++ {
		t := p.toks[m]
		switch {
		case t.kind == tSym && t.text == ",":
			joined = true
		case t.kind == tWord && p.lx.percentListFiller[t.lower]:
			joined = joined || t.lower == "and"
		case t.kind == tWord && isUpperStart(t.text):
		default:
			return false
		}
		if m > from && !p.sameClause(m) {
			return false
		}
	}
	return joined
}

// spacedDecimal reads "5. 4 per cent", a decimal that text rendered from
// word tokens split in two, when a percentage word follows: n is the
// number before token k. It returns the value and the token after the
// fraction.
func (p *parser) spacedDecimal(n number, k int) (float64, int, bool) {
	if n.digits < 1 || n.digits > 3 || p.sym(k) != "." || !p.adjacent(k-1) || !p.isNum(k+1) {
		return 0, 0, false
	}
	frac := p.toks[k+1]
	if frac.start != p.toks[k].end+1 || !isDigits(frac.text) || len(frac.text) > 2 {
		return 0, 0, false
	}
	if _, e := p.percentAt(k + 2); e == 0 {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(p.toks[k-1].text+"."+frac.text, 64)
	if err != nil {
		return 0, 0, false
	}
	return v, k + 2, true
}

package compare

import (
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Percentages are facts of their own kind: a level ("65% of traffic to
// India was down") or a change ("Greek stocks plunged 5.4%"), of a
// measure (what the level is a share of, or whose level changed) and a
// scope (the place it is of). Two percentages meet only when kind,
// measure and scope are the same, so a share of traffic never meets a
// stock index move, and Egypt's share never meets India's. A level
// moves while a story unfolds: two different levels are a change when
// the sentences or the reports' dates order them (levelStatus), and no
// verdict otherwise.

// The frames a percentage fills: a level or a change.
const (
	shareAttribute  = "share"
	changeAttribute = "change"
)

// levelPhases are the phase words of every language (frames/<lang>-phase.txt),
// each a run of lower-case words and the phase it gives.
var levelPhases = sync.OnceValue(func() []phaseWords {
	var out []phaseWords
	for _, f := range frameLines("-phase.txt") {
		if len(f) < 2 {
			continue
		}
		words := make([]string, len(f)-1)
		for i, w := range f[1:] {
			words[i] = strings.ToLower(w)
		}
		switch f[0] {
		case "earlier":
			out = append(out, phaseWords{model.PhaseEarlier, words})
		case "final":
			out = append(out, phaseWords{model.PhaseFinal, words})
		}
	}
	return out
})

type phaseWords struct {
	phase model.Phase
	words []string
}

// percentClaims are the claims of the percentages in sentence s (tokens
// [t0, t1)). A percentage whose measure the text does not give is left
// out: compared with nothing named, any other figure would meet it.
func (d *docView) percentClaims(s model.Range, t0, t1 int, parse func(bool) *syntax.Sentence, hedged bool) []Claim {
	var out []Claim
	prev := struct {
		measure string
		change  bool
		verb    int
	}{verb: -2}
	for _, i := range d.quantitiesIn(s) {
		q := d.a.Quantities[i]
		if q.Kind != model.KindPercent {
			continue
		}
		c := candidate{span: q.Span, tok: d.tokenAt(q.Start)}
		if d.inDesignation(q, t0) {
			continue
		}
		measure := ""
		if q.Of != "" {
			f := strings.Fields(q.Of)
			measure = lemma(f[len(f)-1])
		}
		sn := parse(true)
		verb := -1
		if measure == "" {
			measure, verb = percentSubject(sn, c)
		}
		if measure == "" && prev.measure != "" && prev.change == q.Change && (verb < 0 || verb == prev.verb) {
			// "down by 80% in Egypt, in India by 65%": a list item
			// that leaves the measure out has the first item's.
			measure = prev.measure
		}
		if measure == "" {
			continue
		}
		prev.measure, prev.change, prev.verb = measure, q.Change, verb
		v := model.Value{Kind: model.KindPercent, Amount: q.Amount, Min: q.Min, Max: q.Max, Unit: q.Unit, Change: q.Change}
		attr := shareAttribute
		if q.Change {
			attr = changeAttribute
		}
		cl := d.claim(s, q.Span, v, "", "", attr, "asserted", hedged)
		cl.Qualifier = measure + "@" + d.percentScope(s, c, q, t0, t1)
		cl.Phase = d.levelPhase(q, c.tok, t0)
		cl.Trigger = measure
		out = append(out, cl)
	}
	return out
}

// percentSubject reads from the parse whose level a percentage gives
// when the text names no "of": the subject of the clause it is in
// ("Greek stocks plunged 5.4%", "turnout was 61%"), folded, and the word
// heading that clause. "" when the parse names none, or the percentage
// is itself the subject ("12% voted early": a share of people unnamed).
func percentSubject(sn *syntax.Sentence, c candidate) (string, int) {
	if sn == nil {
		return "", -1
	}
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return "", -1
	}
	for k, steps := h, 0; k >= 0 && steps < 4; k, steps = headOf(ws, k), steps+1 {
		if r := universal(ws[k].Rel); k == h && (r == "nsubj" || r == "nsubj:pass") {
			return "", -1
		}
		for _, ch := range sn.Children(k) {
			if r := universal(ws[ch].Rel); (r == "nsubj" || r == "nsubj:pass") && ch != h {
				if p := ws[ch].UPOS; p == "NOUN" || p == "PROPN" {
					// "Ferry bookings" parsed with "Ferry" as the
					// subject: the noun run's last word heads it.
					n := ch
					for n+1 < len(ws) && n+1 != k && n+1 != h && (ws[n+1].UPOS == "NOUN" || ws[n+1].UPOS == "PROPN") {
						n++
					}
					return lemma(strings.ToLower(ws[n].Text)), k
				}
				return "", -1 // a pronoun: whose level it is, the parse does not say
			}
		}
		if ws[k].UPOS == "VERB" {
			// "stocks closed down 3.9%" read as a participle of its
			// noun: the noun is whose level it is.
			if hn := headOf(ws, k); hn >= 0 && universal(ws[k].Rel) == "acl" && (ws[hn].UPOS == "NOUN" || ws[hn].UPOS == "PROPN") {
				return lemma(strings.ToLower(ws[hn].Text)), k
			}
			break
		}
	}
	return "", -1
}

// percentScope is the place a percentage is of: the first country or
// place named after it in its list item ("65% of traffic to India"),
// else one named just before it ("in India by 65%", "Greek stocks fell
// 3%"): a country code, or the place's key. "" when none is named.
func (d *docView) percentScope(s model.Range, c candidate, q model.Quantity, t0, t1 int) string {
	end := d.tokenAt(q.End)
	for k := end; k < t1 && k < end+8; k++ {
		if stopsItem(d.lower[k]) || (k > end && d.percentAtToken(s, k)) {
			break
		}
		if p := d.placeKeyAt(k); p != "" {
			return p
		}
	}
	for k, steps := c.tok-1, 0; k >= t0 && steps < 5; k, steps = k-1, steps+1 {
		if stopsItem(d.lower[k]) || hasDigit(d.lower[k]) {
			break
		}
		if p := d.placeKeyAt(k); p != "" {
			return p
		}
	}
	return ""
}

// stopsItem reports whether token text w ends a list item or clause.
func stopsItem(w string) bool {
	switch w {
	case ",", ";", ":", ".", "(", ")", "—", "–":
		return true
	}
	return false
}

// percentAtToken reports whether a percentage starts at token k.
func (d *docView) percentAtToken(s model.Range, k int) bool {
	for _, i := range d.quantitiesIn(s) {
		if q := d.a.Quantities[i]; q.Kind == model.KindPercent && q.Start == d.toks[k].Start {
			return true
		}
	}
	return false
}

// placeKeyAt is the country (code) or place token k names: a country or
// its demonym in the gazetteer ("India", "India's", "Greek"), a town the
// gazetteer knows after a locative preposition ("in Bodø"), else a place
// mention starting there (its canonical name, or its mention key).
func (d *docView) placeKeyAt(k int) string {
	g := gaz()
	w := strings.TrimSuffix(strings.TrimSuffix(d.toks[k].Text, "'s"), "’s")
	if d.toks[k].Kind == model.TokenWord && isCapitalised(w) && g != nil {
		if code, ok := g.Demonym(w); ok && code != "" {
			return code
		}
		if code, ok := g.Country(w); ok && code != "" {
			return code
		}
		if prev := k - 1; prev >= 0 && (locativePrepositions[d.lower[prev]] || placeLeadIns[d.lower[prev]]) {
			if name, ok := g.CanonicalPlace(w); ok {
				return "place:" + name
			}
		}
	}
	if i, ok := d.placeAtStart[d.toks[k].Start]; ok {
		m := d.places[i]
		if g != nil {
			if code, ok := g.Country(m.Text); ok && code != "" {
				return code
			}
			if name, ok := g.CanonicalPlace(m.Text); ok {
				return "place:" + name
			}
		}
		return mentionKey(m)
	}
	return ""
}

// levelPhase is where the sentence places the level a percentage gives:
// earlier after a word of an earlier point ("at one point"), final after
// a word of a session's end ("closed down 3.9%"), "" otherwise.
func (d *docView) levelPhase(q model.Quantity, tok, t0 int) model.Phase {
	var found model.Phase
	for _, pw := range levelPhases() {
		for k := t0; k+len(pw.words) <= tok; k++ {
			if d.phraseAt(k, pw.words) {
				found = pw.phase
			}
		}
		if found != "" {
			return found
		}
	}
	return ""
}

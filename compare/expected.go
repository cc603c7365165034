package compare

import (
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Times and places of what has not happened. A report tells the past
// event and, beside it, what is to come: "will be arraigned on
// Wednesday", "a hearing was scheduled for Friday", "the papers will carry
// it tomorrow", "he will likely die in prison". Such a time or place is
// not when or where the event happened: the value is kept under the
// frame with the modality "expected", a fact of its own beside the
// accounts, never a rival of them (plans move; two of them are not two
// accounts of one thing).

// expectedModality is the modality suffix of a value of what is to come.
const expectedModality = "expected"

// expectedValue reports whether time or place candidate c is of what is
// still to come: a date that begins after the document was written, or a
// value whose own clause is put in the future or as a mere possibility by
// a modal auxiliary ("will", "could"), or is the complement of a verb or
// adjective of expectation ("expected to", "scheduled for", "due to",
// frames/<lang>-modality.txt). Without a parse only the date is read.
func (d *docView) expectedValue(sn *syntax.Sentence, c candidate) bool {
	switch c.value.Kind {
	case model.KindDate:
		if d.afterWriting(c.value.Date) {
			return true
		}
	case model.KindPlace:
	default:
		return false
	}
	_, verb, ok := valueVerb(sn, c)
	if !ok {
		return false
	}
	return irrealisClause(sn, verb)
}

// afterWriting reports whether date value v (ISO 8601, "2012-08",
// "2013-W14", a range) begins after the day the document was written, as
// its publication or dateline gives it.
func (d *docView) afterWriting(v string) bool {
	if d.date == "" || v == "" || (d.a.Reference.Inferred && d.a.Doc.Published == nil) {
		// A day of writing guessed from the text may be wrong by years.
		return false
	}
	ref, err := time.Parse("2006-01-02", d.date)
	if err != nil {
		return false
	}
	r, ok := dateRange(v)
	return ok && r.from.After(ref)
}

// irrealisClause reports whether verb's clause, or a clause it is the
// controlled complement of, is put as what will, would, could or is
// expected to happen: a modal auxiliary (tagged MD) on the verb, or a
// governing verb or adjective of expectation. "could not be reached on
// Wednesday" is no more the event's day than "will be arraigned on
// Wednesday".
func irrealisClause(sn *syntax.Sentence, verb int) bool {
	ws := sn.Words
	lex := governorModality()
	for steps, v := 0, verb; v >= 0 && steps < 4; steps++ {
		if lex[strings.ToLower(ws[v].Lemma)] == expectedModality {
			return true
		}
		for _, ch := range sn.Children(v) {
			if universal(ws[ch].Rel) == "aux" && ws[ch].XPOS == "MD" {
				return true
			}
		}
		switch universal(ws[v].Rel) {
		case "xcomp":
			// "expected to be arraigned", "due to enter a plea".
		case "advcl", "ccomp":
			// A clause without a tense of its own takes its governor's:
			// "will resume talks about returning on Monday".
			if finite(sn, v) {
				return false
			}
		default:
			return false
		}
		v = headOf(ws, v)
	}
	return false
}

// finite reports whether verb v carries a tense of its own: a finite
// form, or a finite auxiliary ("was arrested", "has said").
func finite(sn *syntax.Sentence, v int) bool {
	ws := sn.Words
	if ws[v].Feats.VerbForm == "Fin" {
		return true
	}
	for _, ch := range sn.Children(v) {
		if universal(ws[ch].Rel) == "aux" && ws[ch].Feats.VerbForm == "Fin" {
			return true
		}
	}
	return false
}

package compare

import (
	"fmt"
	"sync"

	"github.com/parallaxnews/parallax/model"
)

// Which instance of an event a value belongs to, where the kind of event
// has many: a trial sits on several days, protests flare night after
// night, a search goes on in steps. Two sources' different days of one
// such activity are two of its days, not a disagreement about one date,
// and the length of an activity still going on grows between the
// reports that count it ("four days of riots", later "five days").

// recurringWords are the folded words of frames/<lang>-recurring.txt:
// true for an activity of many days, false for a point event a frame of
// such an activity also holds ("verdict" in the trial frame).
var recurringWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, f := range frameLines("-recurring.txt") {
		out[lemma(f[0])] = len(f) < 2 || f[1] != "point"
	}
	return out
})

// recurringActivity names the activity of many days that value v of
// attribute attr is a value of, or "": its own trigger when that is such
// an activity, else the attribute (a frame's name or an open predicate)
// when that is one and the trigger is not a point event of it ("the
// verdict" in a trial: its one date stays decidable).
func recurringActivity(attr string, v model.FactValue) string {
	words := recurringWords()
	if v.Trigger != "" {
		if rec, ok := words[lemma(v.Trigger)]; ok {
			if rec {
				return v.Trigger
			}
			return ""
		}
	}
	class, _ := splitModality(attr)
	if words[lemma(class)] {
		return class
	}
	if f := frameOf(class); f != "" && words[lemma(string(f))] {
		return string(f)
	}
	return ""
}

// otherInstances reports whether two conflicting values a and b of
// attribute attr may be of two instances of an activity that runs over
// several days, and says why: dates (or times) of two different days of
// it, or lengths of it so far counted in reports not known to be of one
// day (a report undated). A date that ends it ("until Friday") is one date, not one of its
// days, and stays decidable.
func (c *comparer) otherInstances(attr string, a, b model.FactValue) (bool, string) {
	act := recurringActivity(attr, a)
	if act == "" || recurringActivity(attr, b) == "" {
		act = c.sharedActivity(a, b)
	}
	if act == "" {
		return false, ""
	}
	switch a.Value.Kind {
	case model.KindDate:
		if b.Value.Kind != model.KindDate || c.endBound(a) || c.endBound(b) {
			return false, ""
		}
		return true, fmt.Sprintf("%s and %s: a %s runs over several days; these may be two of them", describe(a), describe(b), act)
	case model.KindDuration:
		if b.Value.Kind != model.KindDuration || !growing(a, b) {
			return false, ""
		}
		return true, fmt.Sprintf("%s and %s: the length of a %s still going on, counted in reports not known to be of one day", describe(a), describe(b), act)
	}
	return false, ""
}

// sharedActivity is the activity of many days that the predicates the
// parse ties both values to share (a value no frame holds is compared
// through those anchors: "services were restored on Saturday" and
// "restored on 11 October"), or "".
func (c *comparer) sharedActivity(a, b model.FactValue) string {
	words := recurringWords()
	of := map[string]bool{}
	for _, w := range c.anchors[anchorKey(a)].words {
		if l := lemma(w); words[l] {
			of[l] = true
		}
	}
	for _, w := range c.anchors[anchorKey(b)].words {
		if of[lemma(w)] {
			return w
		}
	}
	return ""
}

// growing reports whether two lengths of one activity may be one length
// counted on two days: a report is undated, so nobody can tell whether
// they were counted on one day. Two dated reports are left to the
// verdict: the activity may have ended before both ("lasted about 38
// hours", "after two days of fighting"), and then its length is one
// figure to agree on.
func growing(a, b model.FactValue) bool {
	return dayOf(a) == "" || dayOf(b) == ""
}

// runningFrames are the frames of frames/<lang>-running.txt, whose counts
// run while a story unfolds.
var runningFrames = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, f := range frameLines("-running.txt") {
		out[f[0]] = true
	}
	return out
})

// undatedLevels reports whether two counts of attribute attr are levels of
// a running tally whose order is unknown: the frame's counts run (a death
// toll, the injured) and a report is undated, so a lower and a higher
// figure may be one toll counted at two times. Dated reports are left to
// the tally and verdict rules: a later, higher level is a change, a later
// lower one a disagreement.
func undatedLevels(attr string, a, b model.FactValue) bool {
	if a.Value.Kind != model.KindCount || b.Value.Kind != model.KindCount {
		return false
	}
	if class, m := splitModality(attr); m != "" || !runningFrames()[class] {
		return false
	}
	return dayOf(a) == "" || dayOf(b) == ""
}

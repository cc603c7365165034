package compare

import (
	"fmt"
	"math"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// This file holds the precision-first rules: two values that cannot both
// hold make a dispute only when they are about one thing. A conflicting
// pair that is not decidably about one thing (values of different events,
// of different counted nouns, places the texts do not locate) makes the
// group "related": shown side by side, with no verdict.

// eventGapDays is the distance beyond which two dates of one frame are read
// as dates of two events (the story's event and an earlier one named in
// passing: "the first deaths since 1991", "last October"), not as a
// disagreement about one date. Years stated as years ("built in 1968" /
// "in 1974") are compared as they are.
const eventGapDays = 30

// vagueWiden and vagueWidenUp are how far a vague count ("several",
// "dozens", "tens of thousands") stretches down and up before an exact
// figure is out of its range: a vague word is compatible with a figure
// unless clearly out of range. Writers use the words loosely upwards
// ("thousands" of people for some 14,000, "several countries" for a
// dozen), less so downwards.
const (
	vagueWiden   = 1.5
	vagueWidenUp = 1.35
)

// decidable reports whether an incompatible pair is a disagreement about
// one thing; when it is not, why says what keeps it from being one.
func (c *comparer) decidable(attr string, a, b model.FactValue) (bool, string) {
	va, vb := a.Value, b.Value
	if a.Agent != "" && b.Agent != "" && a.Agent != b.Agent {
		return false, fmt.Sprintf("%s and %s: events of two different people", describe(a), describe(b))
	}
	if ok, why := c.otherEvents(a, b); ok {
		return false, why
	}
	if ok, why := c.otherInstances(attr, a, b); ok {
		return false, why
	}
	if gap, ok := c.saidApartDays(a, b); ok && gap > reportGapDays {
		// Reports a year or more apart may tell two events of one kind
		// (two earthquakes, two arrests of one group); a story's own
		// accounts come within months.
		return false, fmt.Sprintf("%s and %s were reported %d days apart: maybe two events", describe(a), describe(b), gap)
	}
	if ok, why := c.boundsMeet(a, b); ok {
		return false, why
	}
	if _, m := splitModality(attr); m == earlierAnchor {
		// Earlier events a story recalls may be several: two values of
		// them are not rival accounts of one.
		return false, fmt.Sprintf("%s and %s: events before the story's own, maybe not one", describe(a), describe(b))
	}
	if _, m := splitModality(attr); m == expectedModality {
		// Plans move: two times or places still to come are not rival
		// accounts of what happened.
		return false, fmt.Sprintf("%s and %s: both still to come when written", describe(a), describe(b))
	}
	if differentEvents(attr, a.Trigger, b.Trigger) {
		return false, fmt.Sprintf("%s (%s) and %s (%s) may be two events", describe(a), a.Trigger, describe(b), b.Trigger)
	}
	if frameOf(attr) == "" && (governorModality()[a.Trigger] == "current") != (governorModality()[b.Trigger] == "current") {
		// Values no frame holds, one a standing tally ("N remain in
		// custody"), the other not ("M passed through police stations"):
		// how many are still held is not how many ever were.
		return false, fmt.Sprintf("%s (%s) is a standing tally, %s (%s) is not", describe(a), a.Trigger, describe(b), b.Trigger)
	}
	switch va.Kind {
	case model.KindDate:
		if ea, eb := c.endBound(a), c.endBound(b); ea != eb {
			// "until 19 March" ends a state; "on 4 March" dates an
			// event: two roles, not two readings of one date.
			return false, fmt.Sprintf("%s and %s: one ends a period, the other does not", describe(a), describe(b))
		}
		if weekdayOf(va.Date) > 0 || weekdayOf(vb.Date) > 0 {
			// Which week "on Friday" means the text does not say, and a
			// story spans several days: a weekday agrees with its
			// weekday, and differs from nothing.
			return false, fmt.Sprintf("%s and %s: a weekday alone does not say which day of the story", describe(a), describe(b))
		}
		if va.Granularity == model.GranYear && vb.Granularity == model.GranYear && hasDigit(a.Text) && hasDigit(b.Text) {
			if a.Trigger != "" && b.Trigger != "" && !sameWordFamily(a.Trigger, b.Trigger) {
				// "debuted in 1963" and "took the role in 2010": years
				// of different things, unless one predicate dates both
				// ("was built in 1968" / "built in 1974").
				return false, fmt.Sprintf("%s (%s) and %s (%s): years of what different words say", describe(a), orNone(a.Trigger), describe(b), orNone(b.Trigger))
			}
			return true, ""
		}
		if gap, ok := c.dateGapDays(va.Date, vb.Date); ok && gap > eventGapDays {
			return false, fmt.Sprintf("%s and %s are %d days apart: dates of different events", describe(a), describe(b), gap)
		}
	case model.KindDuration:
		if attributive(a.Text) && attributive(b.Text) && frameOf(attr) == "" {
			// "a 28-year veteran", "a 20-year veteran": no frame holds
			// them, and each describes whoever it is written before.
			return false, fmt.Sprintf("%q and %q describe what follows them, not one event", a.Text, b.Text)
		}
	case model.KindMoney, model.KindCount:
		if x, y := interval(va), interval(vb); (va.Kind == model.KindCount || va.Currency == vb.Currency) && x.lo > 0 && y.lo > 0 && (x.lo >= magnitudeApart*y.hi || y.lo >= magnitudeApart*x.hi) {
			return false, fmt.Sprintf("%q and %q are orders of magnitude apart: different measures", a.Text, b.Text)
		}
		if x, y := interval(va), interval(vb); va.Kind == model.KindMoney && va.Currency == vb.Currency && x.lo > 0 && y.lo > 0 && (x.lo >= scopesApart*y.hi || y.lo >= scopesApart*x.hi) && !powerOfTen(x, y) {
			return false, fmt.Sprintf("%q and %q are %s times apart: more likely a part and its whole, or two measures, than two accounts of one figure", a.Text, b.Text, timesApart(x, y))
		}
		if va.Kind == model.KindMoney {
			break
		}
		if ok, why := c.distanceDecidable(attr, a, b); !ok {
			return false, why
		}
		if !sameCounted(va.Unit, vb.Unit) {
			return false, fmt.Sprintf("%q and %q count different things", a.Text, b.Text)
		}
		if vague(va) && vague(vb) {
			return false, fmt.Sprintf("%q and %q are both vague", a.Text, b.Text)
		}
	case model.KindPlace:
		if va.Relation != "" || vb.Relation != "" {
			if !c.places.sameAnchor(va, vb) {
				// "55 km south of X" and "320 km from Y", or "near X"
				// and "in Y": places measured from different points may
				// be one place; without coordinates nobody can tell.
				return false, fmt.Sprintf("%q and %q are placed from different points", a.Text, b.Text)
			}
			return true, ""
		}
		if va.Facility != "" && vb.Facility != "" {
			if !namedSite(va) && !namedSite(vb) {
				// "the building" and "a café": the texts name neither
				// site nor its town, so they may be two occasions.
				return false, fmt.Sprintf("%q and %q: the texts name neither site", a.Text, b.Text)
			}
			return true, "" // two kinds of site, or two named sites of one kind
		}
		if !c.places.known(a) || !c.places.known(b) {
			return false, fmt.Sprintf("%q and %q: the texts and the gazetteer do not say where both are", a.Text, b.Text)
		}
	}
	return true, ""
}

// reportGapDays is the distance between two reports beyond which their
// values are not read as rival accounts of one event.
const reportGapDays = 365

// saidApartDays is the number of days between the dates two values were
// said; ok is false when either is undated.
func (c *comparer) saidApartDays(a, b model.FactValue) (int, bool) {
	if a.Date == nil || b.Date == nil || len(*a.Date) < 10 || len(*b.Date) < 10 {
		return 0, false
	}
	return c.dateGapDays(day10(*a.Date), day10(*b.Date))
}

// dateGapDays is the number of days between two dates' intervals (0 when
// they overlap); ok is false for dates it cannot read (yearless ones).
func dateGapDays(a, b string) (int, bool) { return gapDays(a, b, dateRange) }

// gapDays is dateGapDays with the dates read by rangeOf.
func gapDays(a, b string, rangeOf func(string) (dayRange, bool)) (int, bool) {
	if strings.HasPrefix(a, "XXXX") || strings.HasPrefix(b, "XXXX") {
		return 0, false
	}
	ra, okA := rangeOf(a)
	rb, okB := rangeOf(b)
	if !okA || !okB {
		return 0, false
	}
	switch {
	case ra.to.Before(rb.from):
		return int(rb.from.Sub(ra.to).Hours() / 24), true
	case rb.to.Before(ra.from):
		return int(ra.from.Sub(rb.to).Hours() / 24), true
	}
	return 0, true
}

// sameCounted reports whether two counted nouns measure one thing:
// "people" (or a bare number) and "miners", "men" and "citizens" may
// count one group (see personNouns); "commandos" and "warships",
// "countries" and "cities" do not.
func sameCounted(a, b string) bool {
	if designation(a) != designation(b) {
		return false // "seven AK-47 rifles" are some of "nine rifles"
	}
	ua, ub := unitKey(a), unitKey(b)
	if ua == ub {
		return true
	}
	// Two kinds of people in one group were put there as one group of
	// people named differently; security forces stay apart.
	return personNouns[ua] && personNouns[ub] && unitClass(ua) == unitClass(ub)
}

// designation is the model designation a counted noun names ("ak-47" in
// "ak-47 rifles", "boeing 737" in "boeing 737 planes"), or "": the words
// up to the last one holding a digit (the quantity stage writes units in
// words, digits come only from a designation).
func designation(unit string) string {
	f := strings.Fields(strings.ToLower(unit))
	for i := len(f) - 1; i >= 0; i-- {
		if strings.ContainsAny(f[i], "0123456789") {
			return strings.Join(f[:i+1], " ")
		}
	}
	return ""
}

// vague reports whether a count is a vague word's range ("several" 3–9,
// "dozens" 24–99): its upper bound at least twice its lower.
func vague(v model.Value) bool {
	return v.Min > 0 && v.Max >= 2*v.Min
}

// widen stretches a vague range down by vagueWiden and up by
// vagueWidenUp: "several" (3–9) meets "two" and "12"; "dozens" (24–99)
// does not meet "about 150".
func widen(v model.Value, s span) span {
	if !vague(v) {
		return s
	}
	return span{s.lo / vagueWiden, s.hi * vagueWidenUp}
}

// known reports whether a place is one the comparison can locate: a
// country or town in the gazetteer, a place whose containment the texts
// state ("the village of X, Y district"), or one the text declares a
// place by its kind ("the village of Shabdan", "the Kordai checkpoint").
// A name the tagger alone calls a place ("Banstead High", "West Coast
// Bank") is not.
func (p *placeRelations) known(fv model.FactValue) bool {
	for _, w := range strings.Fields(strings.ToLower(fv.Text)) {
		if placeNounsBefore[w] || placeNounsAfter[w] {
			return true
		}
	}
	v := fv.Value
	for _, w := range strings.Fields(strings.ToLower(v.Text)) {
		if waterWords[w] {
			// "the Gulf of Aden" is no more in Aden than in Somalia.
			return false
		}
	}
	k := p.name(v.Text)
	if k == "" {
		return false
	}
	if _, ok := p.countryOf[k]; ok {
		return true
	}
	if _, ok := p.countryCode[k]; ok {
		return true
	}
	return len(p.within[k]) > 0 || len(p.near[k]) > 0 || len(p.distant[k]) > 0
}

// sameAnchor reports whether two places, one or both relative ("70 km
// west of X"), are placed from one point: the same entity or name.
func (p *placeRelations) sameAnchor(a, b model.Value) bool {
	if a.Entity != "" && a.Entity == b.Entity {
		return true
	}
	na, nb := p.name(a.Text), p.name(b.Text)
	return (na != "" && na == nb) || p.sameCanonical(a.Text, b.Text)
}

// namedSite reports whether a site names itself or its town ("Manas
// airport", "the hospital in Chaek"), not only its kind ("his office").
func namedSite(v model.Value) bool {
	if rest, ok := strings.CutPrefix(v.Entity, "facility:"); ok {
		return strings.Contains(rest, "|")
	}
	return true
}

// scopesApart is the ratio from which two sums of one frame are read as
// sums of different measures: a division's revenue and the firm's, one
// model's price and another's, the cash part of a deal and its whole.
// Rival accounts of one sum (a price, a fine, a payment on record) differ
// by rounding or conversion, seldom threefold; a slipped digit (a power
// of ten) is still shown. Counts are left out: official and independent
// counts of one crowd or one group of detainees do differ that much, and
// that is a disagreement a fact-checker wants to see.
const scopesApart = 3

// powerOfTen reports whether two exact figures are a power of ten apart
// (150,000 and 1.5 million): a slipped digit or unit, a disagreement worth
// showing, not two scopes.
func powerOfTen(x, y span) bool {
	if x.lo != x.hi || y.lo != y.hi {
		return false
	}
	r := math.Log10(math.Max(x.lo, y.lo) / math.Min(x.lo, y.lo))
	return math.Abs(r-math.Round(r)) < 1e-9
}

// timesApart is how many times apart two positive spans are, rounded.
func timesApart(x, y span) string {
	r := x.lo / y.hi
	if y.lo > x.hi {
		r = y.lo / x.hi
	}
	return fmt.Sprintf("%.0f", r)
}

// magnitudeApart is the ratio beyond which two amounts are not read as
// rival figures for one measure ("41 people" and "tens of thousands of
// people"; "$143" and "$158 billion").
const magnitudeApart = 100

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// personalAttribute are attributes that belong to one person: without a
// subject two values may be two people's.
var personalAttribute = map[string]bool{"age": true}

// vagueText and exactText name the vague and the other value of a pair.
func vagueText(a, b model.FactValue) string {
	if vague(a.Value) {
		return a.Text
	}
	return b.Text
}

func exactText(a, b model.FactValue) string {
	if vague(a.Value) {
		return b.Text
	}
	return a.Text
}

// disputeReason is the one-line reason of a dispute: the first conflicting
// pair across sources, what both values are of, and when each was said.
func disputeReason(vs []model.FactValue, bad [][]bool, attr, subject string, names, outlet map[string]string) string {
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if !bad[i][j] || vs[i].Doc == vs[j].Doc {
				continue
			}
			return fmt.Sprintf("%s (%s) vs %s (%s): both %s, %s", describe(vs[i]), outletOf(outlet, vs[i].Doc), describe(vs[j]), outletOf(outlet, vs[j].Doc),
				aboutWhat(vs[i], attr, subject, names), whenSaid(vs[i], vs[j]))
		}
	}
	return "sources give incompatible values"
}

// agreedReason names how many sources agree and on what.
func agreedReason(vs []model.FactValue, canon, outlet map[string]string) string {
	return fmt.Sprintf("%d sources, every pair compatible (%s)", sourceCount(vs, canon), describe(vs[0]))
}

// aboutWhat says what a value is of: the attribute, the kind of value and
// the subject, or the story's event when no subject is named.
func aboutWhat(v model.FactValue, attr, subject string, names map[string]string) string {
	what := attr
	if k := string(v.Value.Kind); k != "" && k != attr {
		what += " (" + k
		if v.Value.Kind == model.KindCount && v.Value.Unit != "" {
			what += " of " + v.Value.Unit
		}
		what += ")"
	}
	switch {
	case subject == "":
		return what + " in the story's event"
	case names[subject] != "":
		return what + " of " + names[subject]
	}
	return what + " of " + strings.TrimPrefix(subject, "name:")
}

// whenSaid says when two values were said: on one day, on two, or undated.
func whenSaid(a, b model.FactValue) string {
	da, db := "", ""
	if a.Date != nil {
		da = day10(*a.Date)
	}
	if b.Date != nil {
		db = day10(*b.Date)
	}
	switch {
	case da == "" && db == "":
		return "neither source dated"
	case da == db:
		return "both reported on " + da
	case da == "" || db == "":
		return "one source undated"
	}
	return "reported on " + da + " and " + db
}

// setMeets reports whether one of two values belongs to a set one voice
// gave together ("between late January and early February") of which
// some member is compatible with the other value.
func (c *comparer) setMeets(vs []model.FactValue, sets sentenceSets, i, j int) bool {
	for _, pair := range [2][2]int{{i, j}, {j, i}} {
		x, other := pair[0], pair[1]
		members := sets.members[sets.of[x]]
		if len(members) < 2 {
			continue
		}
		for _, k := range members {
			if v, _ := c.compare(vs[k], vs[other]); v == compatible {
				return true
			}
		}
	}
	return false
}

// oneVoice reports whether every conflict across sources is between
// statements of one named voice, none of them dated apart (otherwise the
// change test would have read them): "Police said 12 people were injured"
// and "Police said 18 people had been injured" are a revised figure or
// two counts, not two sources disagreeing.
func oneVoice(vs []model.FactValue, bad [][]bool, names map[string]string) (string, bool) {
	voice := ""
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if !bad[i][j] || vs[i].Doc == vs[j].Doc {
				continue
			}
			a, b := speakerKey(vs[i], names), speakerKey(vs[j], names)
			if a != b || !strings.HasPrefix(a, "speaker:") || (voice != "" && a != voice) {
				return "", false
			}
			voice = a
		}
	}
	return strings.TrimPrefix(voice, "speaker:"), voice != ""
}

// cleanConflict reports whether some conflict across sources stands
// although a source gives incompatible values (mixed): a conflict whose
// value from the mixed source is a stray, because another value of that
// source agrees with the other side, does not stand ("Kazakhstan" and
// "Samara" in one report, "Tuzdysay" in another); one where the other
// side's value meets none of the mixed source's values does.
func cleanConflict(vs []model.FactValue, bad, good [][]bool, mixed []bool, canon map[string]string) bool {
	explained := func(x, other int) bool {
		if !mixed[x] {
			return false
		}
		for k := range vs {
			if k != x && canonOf(canon, vs[k].Doc) == canonOf(canon, vs[x].Doc) && vs[k].AttributedTo == vs[x].AttributedTo && good[k][other] {
				return true
			}
		}
		return false
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if bad[i][j] && canonOf(canon, vs[i].Doc) != canonOf(canon, vs[j].Doc) && !explained(i, j) && !explained(j, i) {
				return true
			}
		}
	}
	return false
}

// differentEvents reports whether two triggers of a generic class (see
// predicateClass.Generic) name different kinds of event.
func differentEvents(attr, a, b string) bool {
	if a == "" || b == "" || sameWordFamily(a, b) {
		return false
	}
	for _, pc := range predicateClasses {
		if pc.Name != attr || !pc.Generic {
			continue
		}
		for _, w := range pc.Cover {
			if a == lemma(w) || b == lemma(w) {
				return false
			}
		}
		return true
	}
	return false
}

// endBound reports whether a date value is the end of a period: the word
// before it is "until", "till", "through" (endWords).
// Kept per value: a group of n values asks each n times.
func (c *comparer) endBound(v model.FactValue) bool {
	k := valueKey(v)
	if b, ok := c.endBounds[k]; ok {
		return b
	}
	if c.endBounds == nil {
		c.endBounds = map[valueAt]bool{}
	}
	b := false
	if text := c.texts[v.Doc]; v.Start <= len(text) {
		before := strings.Fields(strings.ToLower(text[max(0, v.Start-24):v.Start]))
		b = len(before) > 0 && endWords[before[len(before)-1]]
	}
	c.endBounds[k] = b
	return b
}

// sameWordFamily reports whether two trigger lemmas are one word's forms
// that the stemmer leaves apart ("explos" for explosion, "explod" for
// exploded): one is a prefix of the other, or they share their first
// five letters.
func sameWordFamily(a, b string) bool {
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	return len(ra) >= 5 && len(rb) >= 5 && string(ra[:5]) == string(rb[:5])
}

// attributive reports whether a duration is written as a modifier
// ("28-year", "a 15-day"): hyphenated to its unit.
func attributive(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, u := range []string{"-year", "-month", "-week", "-day", "-hour", "-minute"} {
		if strings.HasSuffix(t, u) {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "no predicate"
	}
	return s
}

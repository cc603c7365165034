package compare

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// verdict is the outcome of comparing two values.
type verdict uint8

const (
	compatible verdict = iota
	incompatible
	notComparable
)

// comparer compares values of one kind, knowing the corpus's exchange rates
// and place relations.
type comparer struct {
	// names maps entity IDs to canonical names, to recognise one speaker
	// named by ID in one claim and by text in another.
	names  map[string]string
	tol    float64
	rates  *rateBook
	places *placeRelations
	// texts are the documents' cleaned texts by ID, to read the words
	// around a value.
	texts map[string]string
	// anchors are the parse words that tie each value no frame holds to
	// its clause (valueAnchors), by anchorKey.
	anchors map[string]anchor
	// events tells which event each value belongs to (Options.Events), or
	// is nil.
	events EventIdentity
	// docs and parse give the verdict the sentences' parses
	// (verdict_evidence.go); parses keeps those it read.
	docs   map[string]*model.Annotated
	parse  func([]model.Token) []model.Word
	parses map[sentenceAt][]model.Word
	// dayRanges and endBounds keep what the verdict reads of each value
	// (cost.go).
	dayRanges map[string]dayRangeRead
	endBounds map[valueAt]bool
}

// compareForVerdict is compare for a fact's verdict: two counts that
// cannot both be true but are of different scopes (another place, a part
// and its whole, another kind of the counted noun) are not comparable.
// Grouping asks compare itself: scopes say which values meet, not which
// belong together.
func (c *comparer) compareForVerdict(a, b model.FactValue) (verdict, string) {
	v, note := c.compare(a, b)
	if v == incompatible && a.Value.Kind == model.KindCount && b.Value.Kind == model.KindCount {
		if why, apart := c.places.scopesApart(a, b); apart {
			return notComparable, why
		}
	}
	return v, note
}

// compare says whether two claims can both be true, and explains how it
// decided when that took more than equality (a conversion, a containment).
func (c *comparer) compare(a, b model.FactValue) (verdict, string) {
	va, vb := a.Value, b.Value
	if va.Kind == model.KindEvent || vb.Kind == model.KindEvent {
		if a.Polarity == b.Polarity {
			return compatible, ""
		}
		return incompatible, ""
	}
	if a.Polarity != b.Polarity {
		return incompatible, ""
	}
	switch va.Kind {
	case model.KindMoney:
		return c.money(a, b)
	case model.KindCount:
		if overlaps(interval(va), interval(vb), 0) {
			return compatible, ""
		}
		if (vague(va) || vague(vb)) && overlaps(widen(va, interval(va)), widen(vb, interval(vb)), 0) {
			return compatible, fmt.Sprintf("%q is vague enough to include %q", vagueText(a, b), exactText(a, b))
		}
		return incompatible, ""
	case model.KindPercent:
		return percentsMeet(va, vb)
	case model.KindAge:
		if va.Amount == vb.Amount {
			return compatible, ""
		}
		return incompatible, ""
	case model.KindDuration:
		da, db := scaleDays(interval(va), va.Unit), scaleDays(interval(vb), vb.Unit)
		if overlaps(da, db, c.tol) {
			return compatible, ""
		}
		return incompatible, ""
	case model.KindDate:
		if sameWords(a.Text, b.Text) {
			// "last month" and "last month", "on Saturday" and "on
			// Saturday": the words agree; readings that differ come
			// from the documents' dates, not from the accounts.
			return compatible, ""
		}
		if wa, wb := weekdayOf(va.Date), weekdayOf(vb.Date); wa > 0 || wb > 0 {
			// "on Friday" in an undated document: only the weekday is
			// known, and it is all there is to compare.
			if wa == 0 {
				wa = weekdayOfDay(va.Date)
			}
			if wb == 0 {
				wb = weekdayOfDay(vb.Date)
			}
			if wa == 0 || wb == 0 {
				return notComparable, fmt.Sprintf("%s names only a weekday", describe(a))
			}
			if wa == wb {
				return compatible, ""
			}
			return incompatible, ""
		}
		// A date without a year ("XXXX-03-05", from an undated document)
		// is compared by what it has: month and day.
		if strings.HasPrefix(va.Date, "XXXX") || strings.HasPrefix(vb.Date, "XXXX") {
			return yearless(va.Date, vb.Date)
		}
		if w := sharedWeekday(a.Text, b.Text); w != "" {
			// "on Saturday" and "Saturday morning": one weekday; which
			// week each was read in comes from the documents' dates.
			return compatible, ""
		}
		ra, okA := c.dayRangeOf(va.Date)
		rb, okB := c.dayRangeOf(vb.Date)
		if !okA || !okB {
			return notComparable, fmt.Sprintf("cannot read date %q or %q", va.Date, vb.Date)
		}
		if ra.from.Before(rb.to) && rb.from.Before(ra.to) {
			return compatible, ""
		}
		if c.dayShifted(a, ra, b, rb) || c.dayShifted(b, rb, a, ra) {
			return notComparable, fmt.Sprintf("%q and %q are a day apart, as are their reports, and %q is dated from its writer's own day: a copy dated a day later, or in another time zone, moves it by that day", a.Text, b.Text, a.Text)
		}
		return incompatible, ""
	case model.KindPlace:
		return c.places.compare(va, vb)
	}
	if strings.EqualFold(va.Text, vb.Text) {
		return compatible, ""
	}
	return incompatible, ""
}

// dateWords are the date words of every language by kind
// (frames/<lang>-dates.txt): "deictic".
var dateWords = sync.OnceValue(func() map[string]map[string]bool { return frameKindSets("-dates.txt") })

// deicticDay reports whether a date is written from the writer's own day
// ("this morning", "yesterday", "tonight").
func deicticDay(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if dateWords()["deictic"][w] {
			return true
		}
	}
	return false
}

// sharedWeekday is the weekday both date texts name, or "".
func sharedWeekday(a, b string) string {
	word := func(w string) string {
		w = strings.Trim(w, ",.;:'’\"")
		return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	for _, x := range strings.Fields(strings.ToLower(a)) {
		x = word(x)
		if weekdayNumbers[x] == 0 || len(x) < 6 {
			continue // only full names: "sat" and "sun" are words too
		}
		for _, y := range strings.Fields(strings.ToLower(b)) {
			if word(y) == x {
				return x
			}
		}
	}
	return ""
}

// dayShifted reports whether date value x, written from its writer's own
// day ("this morning", "yesterday"), is one day off value y exactly as
// x's report is dated one day off y's: the same day read from a copy
// dated a day later, or in a time zone a day ahead (a wire story's
// "Monday" is a later paper's "this morning").
func (c *comparer) dayShifted(x model.FactValue, rx dayRange, y model.FactValue, ry dayRange) bool {
	day := 24 * time.Hour
	if !deicticDay(x.Text) || rx.to.Sub(rx.from) != day || ry.to.Sub(ry.from) != day {
		return false
	}
	shift := rx.from.Sub(ry.from)
	if shift != day && shift != -day {
		return false
	}
	if x.Date == nil || y.Date == nil {
		return false
	}
	dx, okX := c.dayRangeOf(day10(*x.Date))
	dy, okY := c.dayRangeOf(day10(*y.Date))
	return okX && okY && dx.from.Sub(dy.from) == shift
}

// yearless compares two dates on the month and day both state; two times
// of day of which one has no date ("10 pm" in an undated document) are
// compared as times.
func yearless(a, b string) (verdict, string) {
	_, ta, okA := strings.Cut(a, "T")
	_, tb, okB := strings.Cut(b, "T")
	if okA && okB && ta != "" && tb != "" {
		if ta == tb {
			return compatible, ""
		}
		return incompatible, ""
	}
	md := func(s string) string {
		if len(s) < 7 {
			return ""
		}
		s = s[5:]
		if i := strings.IndexAny(s, "T/"); i >= 0 {
			s = s[:i]
		}
		return s
	}
	x, y := md(a), md(b)
	if x == "" || y == "" || strings.ContainsAny(x+y, "WX") {
		return notComparable, fmt.Sprintf("cannot compare %q with %q", a, b)
	}
	n := min(len(x), len(y))
	if x[:n] == y[:n] {
		return compatible, ""
	}
	return incompatible, ""
}

// span is a closed numeric range; hi may be +Inf.
type span struct{ lo, hi float64 }

// interval reads a value's range: exact when Min and Max are zero, open
// upwards when only Min is set.
func interval(v model.Value) span {
	switch {
	case v.Min == 0 && v.Max == 0:
		return span{v.Amount, v.Amount}
	case v.Max == 0:
		return span{v.Min, math.Inf(1)}
	default:
		return span{v.Min, v.Max}
	}
}

func scaleDays(s span, unit string) span {
	f := quantity.DaysPer[unit]
	if f == 0 {
		f = 1
	}
	return span{s.lo * f, s.hi * f}
}

func (s span) scale(f float64) span { return span{s.lo * f, s.hi * f} }

// overlaps reports whether two ranges meet once each is widened by tol
// (a fraction of its bounds).
func overlaps(a, b span, tol float64) bool {
	alo, ahi := a.lo*(1-tol), a.hi*(1+tol)
	return alo <= b.hi && b.lo <= ahi
}

// money compares amounts, converting between currencies only with a rate
// found in the corpus (a parallel amount) or the user's rates file.
func (c *comparer) money(a, b model.FactValue) (verdict, string) {
	tol := c.tol
	if a.Value.Min != 0 || a.Value.Max != 0 || b.Value.Min != 0 || b.Value.Max != 0 {
		tol = math.Max(tol, 0.1) // "about $200" has its own slack
	}
	as := moneyForms(a.Value)
	bs := moneyForms(b.Value)
	for _, x := range as {
		for _, y := range bs {
			if x.Currency == y.Currency {
				if overlaps(interval(x), interval(y), tol) {
					return compatible, ""
				}
				return incompatible, ""
			}
		}
	}
	date := ""
	if b.Date != nil {
		date = *b.Date
	}
	for _, x := range as {
		for _, y := range bs {
			f, how, ok := c.rates.convert(1, x.Currency, y.Currency, date)
			if !ok {
				continue
			}
			note := fmt.Sprintf("%s vs %s converted with %s", moneyText(x), moneyText(y), how)
			if overlaps(interval(x).scale(f), interval(y), tol) {
				return compatible, note
			}
			return incompatible, note
		}
	}
	return notComparable, fmt.Sprintf("%s vs %s: not comparable, no %s–%s rate in the texts or the rates file",
		moneyText(as[0]), moneyText(bs[0]), as[0].Currency, bs[0].Currency)
}

func moneyForms(v model.Value) []model.Value {
	out := []model.Value{v}
	if v.Equivalent != nil {
		out = append(out, *v.Equivalent)
	}
	return out
}

func moneyText(v model.Value) string {
	return strconv.FormatFloat(v.Amount, 'f', -1, 64) + " " + v.Currency
}

// dayRange is a half-open range of days [from, to).
type dayRange struct{ from, to time.Time }

// isoDay reads a "YYYY-MM-DD" day as time.Parse with layout "2006-01-02"
// does, without the layout machinery: the verdict reads the same few dates
// for every pair of a group's values (a million pairs in a big one). It
// reports false for anything else, which then goes the general way.
func isoDay(v string) (time.Time, bool) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return time.Time{}, false
	}
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, okY := num(v[:4])
	m, okM := num(v[5:7])
	d, okD := num(v[8:])
	if !okY || !okM || !okD || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // past the month's end, as time.Parse refuses it
	}
	return t, true
}

// dateRange reads an ISO 8601 value from the time stage: a day, month,
// year, ISO week, date-time, or "start/end" range.
func dateRange(v string) (dayRange, bool) {
	if a, b, ok := strings.Cut(v, "/"); ok {
		ra, ok1 := dateRange(a)
		rb, ok2 := dateRange(b)
		if !ok1 || !ok2 {
			return dayRange{}, false
		}
		return dayRange{ra.from, rb.to}, true
	}
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	if t, ok := isoDay(v); ok {
		return dayRange{t, t.AddDate(0, 0, 1)}, true
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return dayRange{t, t.AddDate(0, 0, 1)}, true
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return dayRange{t, t.AddDate(0, 1, 0)}, true
	}
	if t, err := time.Parse("2006", v); err == nil {
		return dayRange{t, t.AddDate(1, 0, 0)}, true
	}
	var y, w int
	if n, err := fmt.Sscanf(v, "%4d-W%2d", &y, &w); err == nil && n == 2 && w >= 1 && w <= 53 {
		// ISO week 1 contains 4 January.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		start := monday.AddDate(0, 0, 7*(w-1))
		return dayRange{start, start.AddDate(0, 0, 7)}, true
	}
	return dayRange{}, false
}

// placeRelations are containment and proximity facts the texts state
// ("the village of Shabdan, Zhambyl district"; "Shabdan, about 70 km west
// of Almaty"), keyed by lower-cased place name.
type placeRelations struct {
	within map[string]map[string]bool
	near   map[string]map[string]bool
	// distant holds "X, 70 km west of Y": X is located by Y but is not in it.
	distant map[string]map[string]bool
	// countryOf maps a place key to the ISO country code a gazetteer gives
	// it; countryCode maps a country name's key to its code.
	countryOf   map[string]string
	countryCode map[string]string
	// keys memoises placeName: comparing every pair of values in a large
	// group would otherwise rebuild the same name keys quadratically often.
	keys map[string]string
	// canon memoises canonicalPlace for the same reason.
	canon map[string]string
}

// sameCanonical reports whether two place phrases name one GeoNames place
// under different names.
func (p *placeRelations) sameCanonical(a, b string) bool {
	ca := p.canonical(a)
	return ca != "" && ca == p.canonical(b)
}

// canonical is canonicalPlace, memoised.
func (p *placeRelations) canonical(s string) string { return memo(&p.canon, s, canonicalPlace) }

// name is placeName, memoised.
func (p *placeRelations) name(s string) string { return memo(&p.keys, s, placeName) }

// memo returns f(s), computing it once per s into *cache.
func memo(cache *map[string]string, s string, f func(string) string) string {
	if v, ok := (*cache)[s]; ok {
		return v
	}
	v := f(s)
	if *cache == nil {
		*cache = map[string]string{}
	}
	(*cache)[s] = v
	return v
}

// inCountry reports whether a place, or a place the texts put it in, lies
// in the country with that code.
func (p *placeRelations) inCountry(place, code string) bool {
	seen := map[string]bool{}
	var walk func(x string, depth int) bool
	walk = func(x string, depth int) bool {
		if depth > 4 || seen[x] {
			return false
		}
		seen[x] = true
		if p.countryOf[x] == code {
			return true
		}
		for y := range p.within[x] {
			if walk(y, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(place, 0)
}

// register looks a place name up in the gazetteer.
func (p *placeRelations) register(name string, g *gazetteer.Gazetteer) {
	if g == nil || name == "" {
		return
	}
	k := p.name(name)
	if _, done := p.countryOf[k]; done {
		return
	}
	if _, done := p.countryCode[k]; done {
		return
	}
	bare := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "the ")))
	if f := strings.Fields(bare); len(f) > 1 && adminWord(f[len(f)-1]) {
		bare = strings.Join(f[:len(f)-1], " ")
	}
	if code, ok := g.Country(bare); ok {
		p.countryCode[k] = code
		return
	}
	if code, ok := g.Place(bare); ok {
		p.countryOf[k] = code
	}
}

var (
	nameRe     = `(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)`
	withinRe   = regexp.MustCompile(`^,?\s+(?:(?:a|the)\s+)?(?:\p{L}+\s+)?(?:village|town|city|settlement|hamlet|aul|suburb|district|neighbourhood|neighborhood|mine|plant|factory|prison|checkpoint|camp|airport|station|base|colony|crossing|post|outpost|market|square)\s+(in|of|near|outside)\s+(?:the\s+)?` + nameRe + `(\s+(?:district|region|province|oblast|county))?`)
	inRe       = regexp.MustCompile(`^,?\s+in\s+(?:the\s+)?` + nameRe + `(\s+(?:district|region|province|oblast|county))?`)
	adminRe    = regexp.MustCompile(`^,?\s+(?:in\s+)?(?:the\s+)?` + nameRe + `\s+(district|region|province|oblast|county)\b`)
	nearRe     = regexp.MustCompile(`^,?\s+(?:\p{L}+,?\s+){0,2}?(?:near|outside|close\s+to|next\s+to)\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?` + nameRe)
	distanceRe = regexp.MustCompile(`^,?\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+)?\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\p{L}+\s+of|from|outside)\s+` + nameRe)
)

func newPlaceRelations() *placeRelations {
	return &placeRelations{within: map[string]map[string]bool{}, near: map[string]map[string]bool{}, distant: map[string]map[string]bool{},
		countryOf: map[string]string{}, countryCode: map[string]string{}}
}

func addRel(m map[string]map[string]bool, a, b string) {
	if a == b {
		return
	}
	if m[a] == nil {
		m[a] = map[string]bool{}
	}
	m[a][b] = true
}

// learn reads the text right after a place name for a stated relation.
// A name that itself locates a place ("Jumgal district of Naryn region")
// teaches its own containment.
func (p *placeRelations) learn(name, after string) {
	a := p.name(name)
	lower := strings.ToLower(name)
	for _, sep := range []string{" of ", " in ", ", "} {
		if i := strings.Index(lower, sep); i > 0 && i+len(sep) < len(name) {
			rest := name[i+len(sep):]
			if isUpperStart(rest) {
				addRel(p.within, a, p.name(rest))
			}
			break
		}
	}
	if m := withinRe.FindStringSubmatch(after); m != nil {
		b := p.name(m[2])
		if m[1] == "near" || m[1] == "outside" {
			addRel(p.near, a, b)
			return
		}
		addRel(p.within, a, b)
		if m[3] != "" {
			addRel(p.within, a, p.name(m[2]+m[3]))
		}
		return
	}
	if m := adminRe.FindStringSubmatch(after); m != nil {
		addRel(p.within, a, p.name(m[1]+" "+m[2]))
		addRel(p.within, a, p.name(m[1]))
		return
	}
	if m := distanceRe.FindStringSubmatch(after); m != nil {
		addRel(p.distant, a, p.name(m[1]))
		return
	}
	if m := inRe.FindStringSubmatch(after); m != nil {
		// "the Tash-Bulak coal mine in Jumgal district", "Osh in Kyrgyzstan".
		addRel(p.within, a, p.name(m[1]))
		return
	}
	if m := nearRe.FindStringSubmatch(after); m != nil {
		addRel(p.near, a, p.name(m[1]))
		return
	}
	if m := commaRe.FindStringSubmatchIndex(after); m != nil && !listGoesOn(after[m[1]:]) {
		// "a home in Millom, Cumbria, on Saturday": the place after the
		// comma holds the one before it, unless the names are a list
		// ("Osh, Naryn and Talas").
		addRel(p.within, a, p.name(after[m[2]:m[3]]))
	}
}

// commaRe is a name right after a place name and a comma, ended by a
// full stop or comma (an abbreviation's dot included) or by lower-case
// text.
var commaRe = regexp.MustCompile(`^,\s+` + nameRe + `\.?`)

// listGoesOn reports whether the text after "X, Y" continues a list of
// names ("… and Z", "…, Z") or the name itself, rather than ending it
// (a full stop, a comma and lower-case words, lower-case words).
func listGoesOn(rest string) bool {
	if rest == "" || strings.ContainsRune(".;:)", rune(rest[0])) {
		return false
	}
	if rest[0] != ',' && rest[0] != ' ' {
		return true
	}
	rest = strings.TrimLeft(rest, " ,")
	for _, w := range []string{"and ", "or "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return rest != "" && !unicode.IsLower([]rune(rest)[0])
}

// placeName is a place's comparison key: lower case, no article, no
// administrative suffix ("Naryn region" is filed under "naryn"), and
// spelled by namematch's skeleton so "Kök-Jar", "Kok-Jar" and "Kok-Dzhar"
// meet, and without word breaks.
func placeName(s string) string {
	// The name is the run of capitalised words: "the village of Shabdan"
	// → Shabdan, "Tash-Bulak coal mine" → Tash-Bulak, "Jumgal district of
	// Naryn region" → Jumgal.
	if w := placeWords(s); w != "" {
		s = w
	} else {
		s = strings.ToLower(s)
	}
	s = strings.TrimPrefix(s, "the ")
	f := strings.Fields(s)
	for len(f) > 1 && adminWord(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	return placeKey(strings.Join(f, " "))
}

// placeWords is the name part of a place phrase, lower case, without the
// admin word: "the Aktyubinsk region" → "aktyubinsk".
func placeWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if isUpperStart(w) && !(i == 0 && len(words) > 1 && strings.EqualFold(w, "the")) {
			end := i + 1
			for end < len(words) && isUpperStart(words[end]) && !adminWord(strings.ToLower(words[end])) {
				end++
			}
			return strings.ToLower(strings.Join(words[i:end], " "))
		}
	}
	return ""
}

// canonicalPlace is the GeoNames canonical name of a place phrase's name
// part, or "": "Aktyubinsk region" and "Aktobe region" both give "aktobe"
// (the region takes the city's name, which was Aktyubinsk), "Frunze" gives
// "bishkek".
// sameCountry reports whether two place names name one country ("Russia",
// "the Russian Federation").
func sameCountry(a, b string) bool {
	g := gaz()
	if g == nil {
		return false
	}
	ca, okA := g.Country(placeWords(a))
	cb, okB := g.Country(placeWords(b))
	return okA && okB && ca == cb
}

func canonicalPlace(s string) string {
	g := gaz()
	if g == nil {
		return ""
	}
	w := placeWords(s)
	if w == "" {
		return ""
	}
	c, _ := g.CanonicalPlace(w)
	return c
}

// placeKey folds a place name for comparison.
func placeKey(s string) string {
	// Word breaks are spelling, not identity: "Ayteke Bi" is Aitekebi.
	if k := namematch.Key(s); k != "" {
		return strings.ReplaceAll(k, " ", "")
	}
	return strings.ReplaceAll(s, " ", "")
}

// placeKinds are the place words of every language by kind
// (frames/<lang>-places.txt): "region", "admin", "container", "linear".
var placeKinds = sync.OnceValue(func() map[string]map[string]bool { return frameKindSets("-places.txt") })

// frameKindSets reads the "kind word" lists frames/<lang><suffix>, where
// a word may be of several kinds: each kind's set of lower-cased words.
func frameKindSets(suffix string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, f := range frameLines(suffix) {
		if len(f) != 2 {
			continue
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]bool{}
		}
		out[f[0]][strings.ToLower(f[1])] = true
	}
	return out
}

// adminWord reports whether w, lower case, is a kind of place written
// after a name ("Naryn region", "Manas airport") rather than part of it.
func adminWord(w string) bool { return placeKinds()["admin"][w] }

func (p *placeRelations) contains(outer, inner string) bool {
	if p.countryOf != nil {
		if code, ok := p.countryCode[outer]; ok && p.inCountry(inner, code) {
			return true
		}
	}
	seen := map[string]bool{}
	var walk func(x string, depth int) bool
	walk = func(x string, depth int) bool {
		if depth > 4 || seen[x] {
			return false
		}
		seen[x] = true
		for y := range p.within[x] {
			if y == outer || walk(y, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(inner, 0)
}

// compare decides same / contained-in / different for two places.
func (p *placeRelations) compare(a, b model.Value) (verdict, string) {
	if a.Facility != "" || b.Facility != "" {
		if v, why, decided := p.compareFacilities(a, b); decided {
			return v, why
		}
	}
	na, nb := p.name(a.Text), p.name(b.Text)
	same := (a.Entity != "" && a.Entity == b.Entity) || (na != "" && na == nb) || p.sameCanonical(a.Text, b.Text) || sameCountry(a.Text, b.Text)
	switch {
	case a.Relation != "" && b.Relation != "":
		// "12 km south of Isfara" and "12 kilometres from Isfara" agree; a
		// different direction or distance does not.
		da, db := relationDirection(a.Relation), relationDirection(b.Relation)
		if same && (da == db || da == "from" || db == "from" || da == "outside" || db == "outside") && sameDistance(a.Relation, b.Relation) {
			return compatible, ""
		}
		return incompatible, ""
	case a.Relation != "" || b.Relation != "":
		rel, plain := a, b
		if b.Relation != "" {
			rel, plain = b, a
		}
		pn, rn := p.name(plain.Text), p.name(rel.Text)
		if p.distant[pn][rn] || p.near[pn][rn] {
			return compatible, fmt.Sprintf("the texts place %s %s", plain.Text, rel.Relation+" "+rel.Text)
		}
		return incompatible, ""
	}
	if same {
		return compatible, ""
	}
	if p.near[na][nb] || p.near[nb][na] {
		return compatible, fmt.Sprintf("the texts place %s near %s", a.Text, b.Text)
	}
	if p.contains(nb, na) {
		return compatible, fmt.Sprintf("%s is in %s", a.Text, b.Text)
	}
	if p.contains(na, nb) {
		return compatible, fmt.Sprintf("%s is in %s", b.Text, a.Text)
	}
	if ok, why := p.otherLevels(a, b); ok && a.Facility == "" && b.Facility == "" {
		return notComparable, why
	}
	return incompatible, ""
}

// compareFacilities compares places of which at least one is a site in a
// town ("his home in Bishkek", "the Naryn regional hospital"). Two sites
// of different kinds differ; two of one kind are the same unless both are
// named and the names differ. A site is compared with a plain place by
// the town it names; a site that names none fits any place, since the
// text does not say where it is. decided is false when the names alone
// decide, as for two plain places.
func (p *placeRelations) compareFacilities(a, b model.Value) (v verdict, why string, decided bool) {
	named := namedSite // a site read by placeAt ("Manas airport") names itself
	if a.Facility != "" && b.Facility != "" {
		if a.Facility != b.Facility {
			// "the scene" is wherever it happened, a building holds
			// offices, flats and wards, and a street or road holds the
			// buildings along it.
			kinds := placeKinds()
			if kinds["container"][a.Facility] || kinds["container"][b.Facility] || kinds["linear"][a.Facility] != kinds["linear"][b.Facility] {
				return compatible, "", true
			}
			return incompatible, "", true
		}
		if !named(a) || !named(b) {
			return compatible, "", true
		}
		if a.Entity == b.Entity {
			return compatible, "", true
		}
		ownA, townA := siteNames(a)
		ownB, townB := siteNames(b)
		if ownA != "" && ownA == ownB {
			// "Beaumont Hospital" is "Beaumont Hospital in Royal Oak".
			return compatible, "", true
		}
		// A site named after its town ("the Taraz regional hospital")
		// is known by its town.
		if townA == "" && ownA != "" && p.townName(a.Text) {
			ownA, townA = "", ownA
		}
		if townB == "" && ownB != "" && p.townName(b.Text) {
			ownB, townB = "", ownB
		}
		switch {
		case ownA != "" && ownB != "":
		case townA != "" && townB != "":
			na, nb := p.name(a.Text), p.name(b.Text)
			if (na != "" && na == nb) || p.sameCanonical(a.Text, b.Text) {
				return compatible, "", true
			}
		default:
			// One site known by its name, the other by its town: the
			// named one may well be in that town.
			return compatible, "", true
		}
		return incompatible, "", true
	}
	site := a
	if b.Facility != "" {
		site = b
	}
	// A road's or street's name is no town ("the Samara–Shymkent
	// highway"), and a site with no name could be anywhere.
	if !named(site) || linearFacility(site.Facility) {
		return compatible, "", true
	}
	if own, town := siteNames(site); town == "" && own != "" && !p.townName(site.Text) {
		// "the Kraft plant", "Pagliarelli prison": the site's own name
		// is no town, so the text does not say which town it is in.
		return compatible, "", true
	}
	return 0, "", false
}

// townName reports whether a name is a country or populated place the
// gazetteer knows, or a place the texts locate.
func (p *placeRelations) townName(s string) bool {
	k := p.name(s)
	if _, ok := p.countryOf[k]; ok {
		return true
	}
	if _, ok := p.countryCode[k]; ok {
		return true
	}
	if len(p.within[k]) > 0 {
		return true
	}
	if g := gaz(); g != nil {
		if _, ok := g.Place(placeWords(s)); ok {
			return true
		}
	}
	return false
}

// otherLevels reports whether two places that neither equal nor contain
// each other are of different levels, so that one may lie in the other
// although neither the gazetteer nor the texts say so: a region written
// as one ("Fulton County", "Central Aceh district") and a place. A
// country against a town the gazetteer puts elsewhere stays a conflict:
// a source that contradicts itself that way shows its values are about
// more than one thing.
func (p *placeRelations) otherLevels(a, b model.Value) (bool, string) {
	if ra, rb := regionName(a.Text), regionName(b.Text); ra != rb {
		region, other := a.Text, b.Text
		if rb {
			region, other = b.Text, a.Text
		}
		return true, fmt.Sprintf("%s is a region, and %s may lie in it", region, other)
	}
	return false, ""
}

// regionName reports whether a place is written as a region ("Fulton
// County", "the Naryn region").
func regionName(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if placeKinds()["region"][w] {
			return true
		}
	}
	return false
}

// linearFacility reports whether a site kind's name is a route, not a
// town.
func linearFacility(kind string) bool { return placeKinds()["linear"][kind] }

func isUpperStart(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// sameDistance compares the first numbers of two relative locations,
// within 10%; a relation without a number matches any.
func sameDistance(a, b string) bool {
	x, okA := firstNumber(a)
	y, okB := firstNumber(b)
	if !okA || !okB {
		return true
	}
	return math.Abs(x-y) <= 0.1*math.Max(x, y)
}

func firstNumber(s string) (float64, bool) {
	for _, f := range strings.Fields(s) {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(f, ",", ""), 64); err == nil {
			return v, true
		}
	}
	return 0, false
}

func relationDirection(rel string) string {
	for _, w := range strings.Fields(strings.ToLower(rel)) {
		if relativeDirections[w] {
			return w
		}
	}
	return ""
}

// weekdayOf is the weekday (1–7) of a date: of "XXXX-WXX-5", or of a full
// day ("2008-12-19"); 0 when the date does not say. A full date counts
// only against a weekday-only value.
func weekdayOf(v string) int {
	if rest, ok := strings.CutPrefix(v, "XXXX-WXX-"); ok && len(rest) >= 1 && rest[0] >= '1' && rest[0] <= '7' {
		return int(rest[0] - '0')
	}
	return 0
}

// weekdayOfDay is the ISO weekday (1–7) of a "YYYY-MM-DD…" date, or 0.
func weekdayOfDay(v string) int {
	if len(v) < 10 {
		return 0
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return 0
	}
	return (int(t.Weekday())+6)%7 + 1
}

// sameWords reports whether two value texts are the same words.
// Word by word, so that the pairs of a big group allocate nothing.
func sameWords(a, b string) bool {
	for {
		x, restA := nextField(a)
		y, restB := nextField(b)
		if x == "" || y == "" {
			return x == y
		}
		if !strings.EqualFold(x, y) {
			return false
		}
		a, b = restA, restB
	}
}

// nextField is the first of strings.Fields(s) ("" when none) and what
// follows it.
func nextField(s string) (string, string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}

// percentsMeet compares two percentages: a level never meets a change,
// nor percent a percentage point; two figures agree when they overlap
// once each is widened by the precision it is written to ("65%" is
// 64.5–65.5, "3.9%" 3.85–3.95), and a bound or hedge by its range.
func percentsMeet(a, b model.Value) (verdict, string) {
	if a.Change != b.Change || a.Unit != b.Unit {
		return notComparable, "a level and a change, or percent and percentage points"
	}
	if overlaps(writtenPrecision(a), writtenPrecision(b), 0) {
		return compatible, ""
	}
	return incompatible, ""
}

// writtenPrecision is a percentage's interval widened by half the last
// digit it is written to.
func writtenPrecision(v model.Value) span {
	r := interval(v)
	half := 0.5
	if v.Amount != math.Trunc(v.Amount) {
		half = 0.05
	}
	return span{lo: r.lo - half, hi: r.hi + half}
}

// Package compare turns the annotated documents of one story into facts:
// what each source says about each (subject, attribute), and whether the
// sources agree.
//
// In: []*model.Annotated (cleaned text, sentences, mentions with resolved
// entity IDs, dates, quantities, quotes) and the story's entities. Out:
// []model.Fact, one per (subject, attribute, value type), each with every
// source's value, span, polarity, hedging, attribution and date, and a
// status: agreed, disputed, single-source or changed.
//
// Steps: Extract finds claims sentence by sentence (a predicate class such
// as "detained" or "paid" plus the typed values nearest it); Compare groups
// them by subject and attribute, compares the values (money across
// currencies only with a rate from the corpus or the user's rates file;
// counts and dates as ranges; places as same, contained-in or different)
// and assigns the status. Syndicated copies (Document.DuplicateOf, see
// MarkDuplicates) count as one source.
package compare

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/model"
)

// Options configure comparison. The zero value means the defaults.
type Options struct {
	// MoneyTolerance is the relative difference under which two amounts
	// agree, after conversion. Zero means 0.05 (5%).
	MoneyTolerance float64
	// Rates are user-supplied exchange rates (see LoadRates); nil means
	// only rates implied by parallel amounts in the texts are used.
	Rates *Rates
	// Parse, when set, parses one sentence's tokens; compare parses only
	// the sentences where a rule needs to know which verb governs a value
	// (a sum beside a trigger, a journey's end, a request verb), when the
	// document carries no parse of its own (model.Annotated.Syntax).
	Parse func([]model.Token) []model.Word `json:"-"`
	// Events, when set, says which event of the story each value belongs
	// to (cross-document event coreference, resolve/events): values it
	// shows to be of two different events are never disputed against
	// each other, and a verdict names the event its values share.
	Events EventIdentity `json:"-"`
	// lemmas keeps the lemmas of one run's words (set by Compare).
	lemmas lemmaMemo
}

func (o Options) tolerance() float64 {
	if o.MoneyTolerance > 0 {
		return o.MoneyTolerance
	}
	return 0.05
}

// Compare extracts the claims of every document and groups and compares
// them across documents. entities supply subject names; which event each
// value belongs to comes from opts.Events.
func Compare(ctx context.Context, docs []*model.Annotated, entities []model.Entity, opts Options) ([]model.Fact, error) {
	if argumentDocs(docs) >= 2 {
		// The argument matcher reads again sentences the claim rules
		// parsed; alone, a document has nothing to match, and keeping
		// every parse of a long one until the end cost more memory than
		// its annotation (10 MB: about 400 MB).
		opts.Parse = onceParse(opts.Parse)
	}
	opts.lemmas = lemmaMemo{}
	var claims []Claim
	for _, a := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("compare: %w", err)
		}
		if a == nil || a.Doc == nil {
			continue
		}
		claims = extractInto(claims, a, opts)
	}
	return compareClaims(ctx, docs, claims, entities, opts)
}

// CompareClaims groups and compares claims already extracted from docs;
// claims is left as it was.
func CompareClaims(ctx context.Context, docs []*model.Annotated, claims []Claim, entities []model.Entity, opts Options) ([]model.Fact, error) {
	return compareClaims(ctx, docs, slices.Clone(claims), entities, opts)
}

// compareClaims is CompareClaims on claims it may change and reorder:
// Compare's own, which are held once (a copy of a 10 MB document's claims
// was 160 MB).
func compareClaims(ctx context.Context, docs []*model.Annotated, claims []Claim, entities []model.Entity, opts Options) ([]model.Fact, error) {
	c := &comparer{tol: opts.tolerance(), rates: newRateBook(docs, opts.Rates), places: learnPlaces(docs), events: opts.Events, parse: opts.Parse}
	canon := canonicalDocs(docs)
	outlet := map[string]string{}
	c.texts = map[string]string{}
	for _, a := range docs {
		if a != nil && a.Doc != nil {
			outlet[a.Doc.ID] = docLabel(a.Doc)
			c.texts[a.Doc.ID] = a.Doc.Text
			if c.docs == nil {
				c.docs = map[string]*model.Annotated{}
			}
			c.docs[a.Doc.ID] = a
		}
	}
	names := map[string]string{}
	for _, e := range entities {
		names[e.ID] = e.Name
	}
	c.names = names

	claims = dropLoneCountries(claims)
	claims = alignOpenClaims(ctx, c, claims, newStoryIDF(docs), canon)
	claims = pairStatements(claims, names, canon)
	claims = nameSubjectsToEntities(claims, entities)
	claims = describedSubjects(claims, entities)
	c.anchors = map[string]anchor{}
	for _, cl := range claims {
		if cl.Open {
			c.anchors[anchorKey(cl.FactValue)] = cl.anchor
		}
	}
	groups, order := groupClaims(claims)
	order = mergeRouteEnds(c, groups, order)
	order = mergeGenericCounts(groups, order)
	order = mergePeopleCounts(groups, order)
	order = attachOrphans(c, groups, order)
	order = reconcileMoney(c, groups, order)
	order = c.splitByAnchor(groups, order)
	facts := make([]model.Fact, 0, len(groups))
	for _, k := range order {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("compare: %w", err)
		}
		g := groups[k]
		f := model.Fact{
			Subject:   g[0].Subject,
			Attribute: attributeName(g[0]),
		}
		typeFact(&f, g)
		f.SubjectName = names[f.Subject]
		if f.SubjectName == "" {
			for _, cl := range g {
				if cl.SubjectName != "" {
					f.SubjectName = cl.SubjectName
					break
				}
			}
		}
		f.Values = make([]model.FactValue, 0, len(g))
		for _, cl := range g {
			v := cl.FactValue
			v.Modality = modalityOf(v)
			f.Values = append(f.Values, v)
		}
		frameless := f.Frame == ""
		f.Status, f.Note, f.Reason = c.status(f.Values, g[0].Attribute, f.Subject, frameless, canon, outlet)
		if frameless && (f.Status == model.Disputed || f.Status == model.Changed) {
			// Only values the parse ties to one predicate get here
			// (sameAnchor): that predicate is the fact's frame.
			if a := c.groupAnchor(f.Values, canon); a != "" {
				f.Attribute, f.Frame = a, model.FrameName(a)
			} else if c.anyParsed(f.Values) {
				why := "no frame holds these values and no two sources' values share a predicate"
				f.Status, f.Note, f.Reason = model.Related, why, "no verdict: "+why
			}
		}
		facts = append(facts, f)
	}
	args, err := argumentFacts(ctx, docs, opts, canon, names)
	if err != nil {
		return nil, err
	}
	facts = append(facts, args...)
	uniqueIDs(facts)
	sort.SliceStable(facts, func(i, j int) bool {
		ri, rj := statusRank[facts[i].Status], statusRank[facts[j].Status]
		if ri != rj {
			return ri < rj
		}
		si, sj := sourceCount(facts[i].Values, canon), sourceCount(facts[j].Values, canon)
		if si != sj {
			return si > sj
		}
		return facts[i].ID < facts[j].ID
	})
	return facts, nil
}

// maxOneSourceValues bounds the group of one source whose values are
// compared with each other.
const maxOneSourceValues = 256

// maxGroupValues bounds the group whose values are compared pair by pair
// (a million pairs): a story of a thousand reports giving one toll twice
// each stays under it.
const maxGroupValues = 1500

var statusRank = map[model.Status]int{model.Disputed: 0, model.Changed: 1, model.Agreed: 2, model.SingleSource: 3}

// groupClaims splits claims by groupKey: each group keeps the claims'
// order, and order lists the keys by first appearance. The claims are
// moved into group order in place and each group is its part of the one
// array, capped so that a group that grows gets an array of its own: a
// copy per group held a long document's claims twice.
func groupClaims(claims []Claim) (map[string][]Claim, []string) {
	index := map[string]int32{}
	var order []string
	var starts []int
	group := make([]int32, len(claims))
	for i, cl := range claims {
		k := groupKey(cl)
		g, ok := index[k]
		if !ok {
			g = int32(len(order))
			index[k] = g
			order = append(order, k)
			starts = append(starts, 0)
		}
		group[i] = g
		starts[g]++
	}
	// starts[g] becomes where group g begins, dest[i] where claim i goes.
	at := 0
	for g, n := range starts {
		starts[g], at = at, at+n
	}
	starts = append(starts, at)
	next := slices.Clone(starts)
	dest := group // each claim's group is read once, then its place is kept
	for i, g := range group {
		dest[i] = int32(next[g])
		next[g]++
	}
	for i := range claims {
		for j := dest[i]; int(j) != i; j = dest[i] {
			claims[i], claims[j] = claims[j], claims[i]
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
	groups := make(map[string][]Claim, len(order))
	for g, k := range order {
		groups[k] = claims[starts[g]:starts[g+1]:starts[g+1]]
	}
	return groups, order
}

// groupKey is (subject, attribute, value family). A negated event claim of
// a money predicate ("nobody paid me") joins the money group it disputes;
// counts are grouped by what they count.
func groupKey(cl Claim) string {
	k := cl.Subject + "\x00" + cl.Attribute + "\x00" + family(cl)
	if cl.Lone != "" {
		return k + "\x00" + cl.Lone
	}
	return k
}

func family(cl Claim) string {
	v := cl.Value
	switch v.Kind {
	case model.KindEvent:
		for _, pc := range predicateClasses {
			if pc.Name == cl.Attribute && len(pc.Kinds) > 0 && !pc.Event {
				return string(pc.Kinds[0])
			}
		}
		return string(model.KindEvent)
	case model.KindCount:
		u := unitKey(v.Unit)
		if cl.Attribute != "count" && securityUnits[u] {
			u = "security"
		}
		if cl.Qualifier != "" {
			return "count:" + u + "@" + cl.Qualifier
		}
		return "count:" + u
	case model.KindMoney:
		if cl.Qualifier != "" {
			return "money:" + cl.Qualifier
		}
	case model.KindDate:
		if v.Granularity == model.GranTime {
			return "time" // "at 11:40" is its own fact beside "on Thursday"
		}
	case model.KindPercent:
		// Always qualified ("traffic@IN", "stock@"): an unscoped share
		// is not an orphan of a scoped one.
		return "percent:" + cl.Qualifier
	}
	return string(v.Kind)
}

// nameSubjectsToEntities gives a claim whose subject is only a name
// ("name:isakov", a person the tagger missed in that sentence) the ID of
// the one person entity with that last name, when there is exactly one.
func nameSubjectsToEntities(claims []Claim, entities []model.Entity) []Claim {
	byLast := map[string][]string{}
	for _, e := range entities {
		if e.Type != model.Person {
			continue
		}
		seen := map[string]bool{}
		for _, v := range append([]model.Variant{{Text: e.Name}}, e.Variants...) {
			f := strings.Fields(strings.ToLower(v.Text))
			if len(f) == 0 {
				continue
			}
			last := f[len(f)-1]
			if !seen[last] {
				seen[last] = true
				byLast[last] = append(byLast[last], e.ID)
			}
		}
	}
	for i, cl := range claims {
		if last, ok := strings.CutPrefix(cl.Subject, "name:"); ok {
			if ids := byLast[last]; len(ids) == 1 {
				claims[i].Subject = ids[0]
			}
		}
	}
	return claims
}

// dropLoneCountries removes the country from count qualifiers when the
// claims of an attribute name only one country: it then tells nothing apart
// and would only split "13 Kyrgyz miners" from "13 miners".
func dropLoneCountries(claims []Claim) []Claim {
	countries := map[string]map[string]bool{}
	key := func(cl Claim) string { return cl.Subject + "\x00" + cl.Attribute }
	hasCountry := func(cl Claim) bool { return cl.Value.Kind == model.KindCount || cl.Value.Kind == model.KindMoney }
	for _, cl := range claims {
		if !hasCountry(cl) {
			continue
		}
		for _, f := range strings.Fields(cl.Qualifier) {
			if isCountryCode(f) {
				if countries[key(cl)] == nil {
					countries[key(cl)] = map[string]bool{}
				}
				countries[key(cl)][f] = true
			}
		}
	}
	for i, cl := range claims {
		if hasCountry(cl) && len(countries[key(cl)]) < 2 {
			var keep []string
			for _, f := range strings.Fields(cl.Qualifier) {
				if !isCountryCode(f) {
					keep = append(keep, f)
				}
			}
			claims[i].Qualifier = strings.TrimSpace(strings.TrimSuffix(strings.Join(keep, " "), "@"))
		}
	}
	return claims
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// mergeGenericCounts joins a count of "people" (or a bare number) to the
// one group of the same subject and attribute that counts a kind of people
// ("11 people" killed and "13 miners" killed), when their magnitudes are
// within a factor of two: "9,800 people" detained and "38 citizens"
// detained are different facts.
// mergeRouteEnds puts each end of a journey told without its vehicle ("we
// left from Samara") into the route of that end the story names a vehicle
// for ("the bus left Samara"): the only one, or the only one whose every
// value it agrees with.
func mergeRouteEnds(c *comparer, groups map[string][]Claim, order []string) []string {
	for _, k := range order {
		parts := strings.Split(k, "\x00")
		if len(parts) != 3 || (parts[1] != "origin" && parts[1] != "destination") {
			continue
		}
		var routes []string
		for _, o := range order {
			op := strings.Split(o, "\x00")
			if len(op) == 3 && op[0] == parts[0] && op[2] == parts[2] && strings.HasSuffix(op[1], " "+parts[1]) {
				routes = append(routes, o)
			}
		}
		c.distribute(groups, k, routes, true, nil)
	}
	return dropEmpty(groups, order)
}

// distribute moves each claim of group k into the one group of targets
// whose every value it agrees with; a claim that fits none or several
// stays. With onlyTarget set, a single target takes every claim. moved, if
// not nil, is told each target that took a claim.
func (c *comparer) distribute(groups map[string][]Claim, k string, targets []string, onlyTarget bool, moved func(target string)) {
	var keep []Claim
	for _, cl := range groups[k] {
		fit, n := "", 0
		for _, o := range targets {
			if (onlyTarget && len(targets) == 1) || c.agreesWithAll(cl, groups[o]) {
				fit, n = o, n+1
			}
		}
		if n != 1 {
			keep = append(keep, cl)
			continue
		}
		groups[fit] = append(groups[fit], cl)
		if moved != nil {
			moved(fit)
		}
	}
	groups[k] = keep
}

func mergeGenericCounts(groups map[string][]Claim, order []string) []string {
	median := func(cs []Claim) float64 {
		xs := make([]float64, 0, len(cs))
		for _, c := range cs {
			xs = append(xs, c.Value.Amount)
		}
		sort.Float64s(xs)
		return xs[len(xs)/2]
	}
	out := order[:0:0]
	for _, k := range order {
		parts := strings.Split(k, "\x00")
		if len(parts) != 3 || !strings.HasPrefix(parts[2], "count:people") {
			out = append(out, k)
			continue
		}
		_, country, _ := strings.Cut(parts[2], "@")
		prefix := parts[0] + "\x00" + parts[1] + "\x00count:"
		target := ""
		n := 0
		for _, o := range order {
			u, oc, _ := strings.Cut(strings.TrimPrefix(o, prefix), "@")
			if o == k || !strings.HasPrefix(o, prefix) || thingUnits[u] || u == "security" || oc != country {
				continue
			}
			a, b := median(groups[k]), median(groups[o])
			if a > 0 && b > 0 && a/b <= 2 && b/a <= 2 {
				target = o
				n++
			}
		}
		if n != 1 {
			out = append(out, k)
			continue
		}
		groups[target] = append(groups[target], groups[k]...)
		delete(groups, k)
	}
	return out
}

// mergePeopleCounts joins a count of one kind of people told by one
// document ("Five of our men are still held") to the one group of the same
// subject and attribute that counts another kind of people ("detained four
// citizens of Kyrgyzstan"), with compatible qualifiers and a magnitude
// within a factor of three: outlets name the same people differently.
// Security forces and things stay apart, and two groups that several
// documents each support are left as they are.
func mergePeopleCounts(groups map[string][]Claim, order []string) []string {
	type countGroup struct {
		key, prefix, unit, qual string
		docs                    int
		median                  float64
	}
	var cgs []countGroup
	for _, k := range order {
		parts := strings.Split(k, "\x00")
		if len(parts) != 3 || !strings.HasPrefix(parts[2], "count:") {
			continue
		}
		u, q, _ := strings.Cut(strings.TrimPrefix(parts[2], "count:"), "@")
		if thingUnits[u] || u == "security" || securityUnits[u] || measureUnit[u] {
			continue
		}
		docs := map[string]bool{}
		xs := make([]float64, 0, len(groups[k]))
		for _, cl := range groups[k] {
			docs[cl.Doc] = true
			xs = append(xs, cl.Value.Amount)
		}
		sort.Float64s(xs)
		cgs = append(cgs, countGroup{key: k, prefix: parts[0] + "\x00" + parts[1], unit: u, qual: q, docs: len(docs), median: xs[len(xs)/2]})
	}
	sort.SliceStable(cgs, func(i, j int) bool { return cgs[i].docs < cgs[j].docs })
	for i, g := range cgs {
		if g.docs > 1 || len(groups[g.key]) == 0 {
			continue
		}
		target, n := "", 0
		for j, o := range cgs {
			if j == i || o.prefix != g.prefix || o.unit == g.unit || len(groups[o.key]) == 0 {
				continue
			}
			if g.qual != "" && o.qual != "" && g.qual != o.qual {
				continue
			}
			if a, b := g.median, o.median; a > 0 && b > 0 && a/b <= 3 && b/a <= 3 {
				target, n = o.key, n+1
			}
		}
		if n == 1 {
			groups[target] = append(groups[target], groups[g.key]...)
			groups[g.key] = nil
		}
	}
	return dropEmpty(groups, order)
}

// attachOrphans moves each claim of an unqualified group ("23 were
// injured", no nationality said) into the one qualified sibling group
// ("injured, Tajik") whose every value it agrees with. A claim that fits
// no sibling, or several, stays where it is.
func attachOrphans(c *comparer, groups map[string][]Claim, order []string) []string {
	for _, k := range order {
		base := k
		if strings.Contains(k, "@") {
			continue
		}
		var siblings []string
		for _, o := range order {
			if b, _, ok := strings.Cut(o, "@"); ok && b == base {
				siblings = append(siblings, o)
			}
		}
		if len(siblings) == 0 {
			continue
		}
		c.distribute(groups, k, siblings, false, nil)
	}
	return dropEmpty(groups, order)
}

// unitClass folds the counted nouns of a predicate's count: the people
// killed are people whether a source says "miners" or "people"; security
// forces stay apart from civilians, and things from people.
func unitClass(u string) string {
	switch {
	case securityUnits[u]:
		return "security"
	case thingUnits[u]:
		return u
	}
	return "people"
}

var securityUnits = map[string]bool{
	"soldier": true, "troop": true, "serviceman": true, "servicemen": true, "officer": true,
	"guard": true, "policeman": true, "policemen": true, "militant": true, "fighter": true,
	"security": true, "member": false, "military": true, "personnel": true, "border": true, "army": true,
}

var thingUnits = map[string]bool{
	"house": true, "home": true, "building": true, "vehicle": true, "car": true, "shop": true,
	"store": true, "village": true, "school": true, "truck": true, "unit": true, "tank": true,
	"weapon": true, "round": true, "shell": true, "hectare": true, "animal": true, "head": true,
	"livestock": true, "cattle": true, "sheep": true, "apartment": true, "flat": true, "bridge": true,
	"road": true, "hospital": true, "mosque": true, "church": true, "plane": true, "aircraft": true,
	"ship": true, "boat": true, "complaint": true, "case": true, "document": true, "kilometre": true,
	"metre": true, "meter": true, "tonne": true, "ton": true, "dollar": true, "family": true,
}

// unitKey folds counted nouns: "people", "persons", "" are one unit;
// plurals fold to singular; the last word of "Kyrgyz citizens" is the unit;
// a model designation stays ("ak-47 rifle").
func unitKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if d := designation(u); d != "" && d != u {
		// "ak-47 rifles": a kind of rifle, counted apart from all rifles.
		return d + " " + unitKey(strings.TrimPrefix(u, d))
	}
	if f := strings.Fields(u); len(f) > 0 {
		u = f[len(f)-1]
	}
	switch u {
	case "", "people", "persons", "person", "individuals", "civilians", "residents", "human", "lives", "dead", "человек", "людей":
		return "people"
	case "police":
		return "officer"
	}
	switch {
	case strings.HasSuffix(u, "ies"):
		return u[:len(u)-3] + "y"
	case strings.HasSuffix(u, "men"):
		return u[:len(u)-3] + "man"
	case strings.HasSuffix(u, "s"):
		return u[:len(u)-1]
	}
	return u
}

func attributeName(cl Claim) string {
	f := family(cl)
	if strings.HasPrefix(f, "count:") {
		unit, qual, _ := strings.Cut(strings.TrimPrefix(f, "count:"), "@")
		if qual != "" {
			unit += ", " + qual
		}
		return cl.Attribute + "/count (" + unit + ")"
	}
	if strings.HasPrefix(f, "money:") {
		per, payer, _ := strings.Cut(strings.TrimPrefix(f, "money:"), "@")
		payer = strings.TrimSpace(payer)
		var parts []string
		if per != "" {
			parts = append(parts, "per "+per)
		}
		if payer != "" {
			parts = append(parts, "from "+payer)
		}
		return cl.Attribute + "/money (" + strings.Join(parts, ", ") + ")"
	}
	return cl.Attribute + "/" + f
}

// canonicalDocs maps each document to the original of its syndication
// chain.
func canonicalDocs(docs []*model.Annotated) map[string]string {
	dup := map[string]string{}
	for _, a := range docs {
		if a != nil && a.Doc != nil && a.Doc.DuplicateOf != nil && *a.Doc.DuplicateOf != "" {
			dup[a.Doc.ID] = *a.Doc.DuplicateOf
		}
	}
	canon := map[string]string{}
	for _, a := range docs {
		if a == nil || a.Doc == nil {
			continue
		}
		id := a.Doc.ID
		for n := 0; n < 16; n++ {
			next, ok := dup[id]
			if !ok {
				break
			}
			id = next
		}
		canon[a.Doc.ID] = id
	}
	return canon
}

func canonOf(canon map[string]string, doc string) string {
	if c, ok := canon[doc]; ok {
		return c
	}
	return doc
}

func sourceCount(vs []model.FactValue, canon map[string]string) int {
	seen := map[string]bool{}
	for _, v := range vs {
		seen[canonOf(canon, v.Doc)] = true
	}
	return len(seen)
}

// status compares every pair of values from different sources. No conflict
// means agreed (or single-source); conflicts that split cleanly into an
// earlier and a later account by the same speaker, or an event claim
// reversed over time, mean changed; a conflict about one thing (see
// decidable) means disputed. Conflicts that are not decidably about one
// thing, a source contradicting itself in one voice (the group holds more
// than one fact), and values that could not be compared at all make the
// group related: no verdict. reason is the one-line explanation.
func (c *comparer) status(vs []model.FactValue, attr, subject string, frameless bool, canon map[string]string, outlet map[string]string) (model.Status, string, string) {
	if len(vs) > maxOneSourceValues && sourceCount(vs, canon) < 2 {
		// One source can only have changed its own account; past a few
		// hundred values (a list of ten thousand figures, a hundred
		// million comparisons) that reading is not attempted.
		return model.SingleSource, "", "one source"
	}
	if len(vs) > maxGroupValues {
		// Thousands of values in one group are a list or a table, not
		// accounts of one fact: every pair would cost minutes.
		why := fmt.Sprintf("%d values from %d sources: a list, not accounts of one fact; not compared pair by pair", len(vs), sourceCount(vs, canon))
		return model.Related, why, "no verdict: " + why
	}
	n := len(vs)
	bad := make([][]bool, n)
	for i := range bad {
		bad[i] = make([]bool, n)
	}
	var notes, undecided []string
	noteSeen := map[string]bool{}
	addNote := func(list *[]string, s string) {
		if s != "" && !noteSeen[s] && len(*list) < 4 {
			noteSeen[s] = true
			*list = append(*list, s)
		}
	}
	conflicts, unknown, cross, agreeing := 0, 0, 0, 0
	selfConflict := -1
	var moving [][2]int
	mixed := make([]bool, n)
	good := make([][]bool, n)
	for i := range good {
		good[i] = make([]bool, n)
	}
	sets := c.sentenceSets(vs)
	twoReadings := c.sourcesWithTwoReadings(attr, vs, sets, canon)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			sameSource := canonOf(canon, vs[i].Doc) == canonOf(canon, vs[j].Doc)
			v, note := c.compareForVerdict(vs[i], vs[j])
			if v == incompatible && (sets.of[i] == sets.of[j] || (!sameSource && (sets.match(i, j) || c.setMeets(vs, sets, i, j)))) {
				// "from 22:00 to 06:00" is one account, not two, and
				// "from 10 pm to 6 am" agrees with it end by end; "in
				// January" meets "between late January and early February".
				v = compatible
			}
			if v == compatible && countsOfOtherThings(vs[i], vs[j]) {
				// "several police stations" and "two countries" do not
				// agree because the numbers meet.
				v, note = notComparable, fmt.Sprintf("%q and %q count different things", vs[i].Text, vs[j].Text)
			}
			if !sameSource {
				cross++
			}
			if v == incompatible && sameSource && vs[i].AttributedTo == vs[j].AttributedTo {
				// One voice giving both values is not contradicting
				// itself: the values are about two things.
				mixed[i], mixed[j] = true, true
				if selfConflict < 0 {
					selfConflict = i*n + j
				}
			}
			if v == incompatible && frameless {
				if ok, why := c.sameAnchor(vs[i], vs[j]); !ok {
					addNote(&undecided, why)
					continue
				}
			}
			if v == incompatible {
				if ok, why := c.decidable(attr, vs[i], vs[j]); !ok {
					addNote(&undecided, why)
					continue
				}
				if x := firstTrue(twoReadings); !sameSource && x >= 0 {
					addNote(&undecided, fmt.Sprintf("%s gives more than one value here (%s among them): the values answer more than one question", outletOf(outlet, vs[x].Doc), describe(vs[x])))
					continue
				}
				if ok, why := c.sameQuestion(vs[i], vs[j]); !ok && !sameSource {
					addNote(&undecided, why)
					continue
				}
			}
			switch v {
			case incompatible:
				bad[i][j], bad[j][i] = true, true
				switch {
				case sameSource:
				case vs[i].Running || vs[j].Running || movingLevels(vs[i], vs[j]) || undatedLevels(attr, vs[i], vs[j]):
					// Two levels of a running tally: no conflict
					// unless no dated account explains them
					// (changedSplit, then tallyStatus, below).
					moving = append(moving, [2]int{i, j})
				default:
					conflicts++
				}
			case notComparable:
				if !sameSource {
					unknown++
				}
				addNote(&notes, note)
			case compatible:
				good[i][j], good[j][i] = true, true
				if !sameSource {
					agreeing++
				}
				addNote(&notes, note)
			}
		}
	}
	sources := sourceCount(vs, canon)
	join := func(xs ...[]string) string {
		var all []string
		for _, x := range xs {
			all = append(all, x...)
		}
		return strings.Join(all, "; ")
	}
	if conflicts == 0 && !anyTrue(bad) {
		switch {
		case sources < 2:
			return model.SingleSource, join(notes), "one source"
		case len(undecided) > 0 && agreeing == 0:
			return model.Related, join(undecided, notes), "no verdict: " + undecided[0]
		case unknown == cross:
			return model.Related, join([]string{"values could not be compared"}, notes), "no verdict: values could not be compared (" + firstOr(notes, "no common measure") + ")"
		}
		markAside(vs, good, canon)
		return model.Agreed, join(notes, undecided), agreedReason(vs, canon, outlet)
	}
	if split, ok := changedSplit(vs, bad, subject, c.names); ok {
		return model.Changed, "account changed: " + split, "changed: " + split
	}
	if conflicts == 0 && sources >= 2 {
		if st, why, ok := tallyStatus(vs, moving); ok {
			if st == model.Changed {
				return st, join([]string{why}, notes), "changed: " + why
			}
			return st, join([]string{why}, undecided, notes), "no verdict: " + why
		}
	}
	if sources < 2 {
		return model.SingleSource, join([]string{"the one source gives differing values"}, notes), "one source"
	}
	if conflicts == 0 && len(moving) == 0 {
		// Only values of one source conflict: no two sources disagree.
		why := "no two sources give incompatible values"
		if len(undecided) > 0 {
			why = undecided[0]
		}
		return model.Related, join([]string{why}, undecided, notes), "no verdict: " + why
	}
	if voice, ok := oneVoice(vs, bad, c.names); ok {
		why := fmt.Sprintf("%s gave both figures and the order is unknown: a revised account, or two things", voice)
		return model.Related, join([]string{why}, notes), "no verdict: " + why
	}
	if selfConflict >= 0 && !cleanConflict(vs, bad, good, mixed, canon) {
		i, j := selfConflict/n, selfConflict%n
		why := fmt.Sprintf("%s gives both %s and %s: the values are about more than one thing", outletOf(outlet, vs[i].Doc), describe(vs[i]), describe(vs[j]))
		return model.Related, join([]string{why}, undecided, notes), "no verdict: " + why
	}
	if subject == "" && personalAttribute[attr] {
		why := "no person is named, so the values may be different people's"
		return model.Related, join([]string{why}, notes), "no verdict: " + why
	}
	what := attr
	if a := c.groupAnchor(vs, canon); frameless && a != "" {
		what = a
	}
	return model.Disputed, disputeNote(vs, bad, outlet, notes), disputeReason(vs, bad, what, subject, c.names, outlet)
}

// countsOfOtherThings reports whether two counts name different counted
// nouns (both named, neither a kind of the other's people).
func countsOfOtherThings(a, b model.FactValue) bool {
	return a.Value.Kind == model.KindCount && b.Value.Kind == model.KindCount &&
		a.Value.Unit != "" && b.Value.Unit != "" && !sameCounted(a.Value.Unit, b.Value.Unit)
}

func firstOr(xs []string, def string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return def
}

func outletOf(outlet map[string]string, doc string) string {
	if o := outlet[doc]; o != "" {
		return o
	}
	return doc
}

// sentenceSets holds, for values one voice gives together in one sentence
// (a range "from 22:00 to 06:00", a list "on 14 and 15 April"), whether
// each such set matches another sentence's set value for value.
type sentenceSets struct {
	of      []int // set index of each value
	members [][]int
	same    map[[2]int]bool
}

func (c *comparer) sentenceSets(vs []model.FactValue) sentenceSets {
	ss := sentenceSets{of: make([]int, len(vs)), same: map[[2]int]bool{}}
	index := map[[3]string]int{}
	for i, v := range vs {
		k := [3]string{v.Doc, fmt.Sprint(v.Sentence.Start), v.AttributedTo}
		x, ok := index[k]
		if !ok {
			x = len(ss.members)
			index[k] = x
			ss.members = append(ss.members, nil)
		}
		ss.of[i] = x
		ss.members[x] = append(ss.members[x], i)
	}
	covers := func(a, b []int) bool {
		for _, i := range a {
			ok := false
			for _, j := range b {
				if v, _ := c.compare(vs[i], vs[j]); v == compatible {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	for x := range ss.members {
		for y := x + 1; y < len(ss.members); y++ {
			a, b := ss.members[x], ss.members[y]
			if len(a) >= 2 && len(a) == len(b) && covers(a, b) && covers(b, a) {
				ss.same[[2]int{x, y}] = true
			}
		}
	}
	return ss
}

// match reports whether values i and j belong to two matching sets.
func (ss sentenceSets) match(i, j int) bool {
	x, y := ss.of[i], ss.of[j]
	if x > y {
		x, y = y, x
	}
	return ss.same[[2]int{x, y}]
}

func anyTrue(m [][]bool) bool {
	for _, r := range m {
		for _, x := range r {
			if x {
				return true
			}
		}
	}
	return false
}

// changedSplit looks for a date t such that all values before t agree with
// each other, all values from t on agree with each other, every conflict
// crosses t, and the two accounts share a speaker or are an event claim
// whose polarity flipped.
func changedSplit(vs []model.FactValue, bad [][]bool, subject string, names map[string]string) (string, bool) {
	// Undated claims can be neither earlier nor later; they are left out.
	var idx []int
	for i := range vs {
		if vs[i].Date != nil && len(*vs[i].Date) >= 7 {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 {
		return "", false
	}
	day := func(i int) string { return day10(*vs[i].Date) }
	sort.SliceStable(idx, func(a, b int) bool { return day(idx[a]) < day(idx[b]) })
	for cut := 1; cut < len(idx); cut++ {
		if day(idx[cut-1]) == day(idx[cut]) {
			continue
		}
		early, late := idx[:cut], idx[cut:]
		if !consistent(early, bad) || !consistent(late, bad) {
			continue
		}
		shared := false
		flipped := false
		crossing := false
		// The change must be a conflict within one voice, or a reversed
		// polarity: two outlets that merely differ, one of them repeated
		// later by a syndicated copy, have not changed anything.
		for _, i := range early {
			for _, j := range late {
				if !bad[i][j] {
					continue
				}
				crossing = true
				if speakerKey(vs[i], names) == speakerKey(vs[j], names) {
					shared = true
				}
				if vs[i].Polarity != vs[j].Polarity && (vs[i].Value.Kind == model.KindEvent || vs[j].Value.Kind == model.KindEvent) {
					flipped = true
				}
			}
		}
		if !crossing || (!shared && !flipped) {
			continue
		}
		// Name a conflicting pair, not just the first of each side.
		ei, lj := early[0], late[0]
		for _, i := range early {
			for _, j := range late {
				if bad[i][j] {
					ei, lj = i, j
				}
			}
		}
		return fmt.Sprintf("%s until %s, %s from %s", describe(vs[ei]), day(early[len(early)-1]), describe(vs[lj]), day(late[0])), true
	}
	// A later account, given after a gap, that contradicts a consistent
	// earlier one is a change even when the later sources also repeat the
	// earlier version (an interview recalling what was said at the time).
	for cut := 1; cut < len(idx); cut++ {
		gap := daysBetween(day(idx[cut-1]), day(idx[cut]))
		if gap < changeGapDays {
			continue
		}
		early, late := idx[:cut], idx[cut:]
		// A reversed claim between different voices is a change only when
		// the earlier account was undisputed; the same voice, or the
		// subject later speaking for themselves, changed their account
		// whatever others said at the time.
		earlyAgreed := consistent(early, bad)
		// Try the later consensus first, against the earlier consensus,
		// so the note names the accounts most sources gave, not a stray
		// recollection.
		late, early = byConsensus(late, bad), byConsensus(early, bad)
		for _, j := range late {
			for _, i := range early {
				if !bad[i][j] {
					continue
				}
				sameVoice := speakerKey(vs[i], names) == speakerKey(vs[j], names)
				selfAccount := subject != "" && strings.EqualFold(vs[j].AttributedTo, subject)
				if sameVoice || selfAccount || (earlyAgreed && vs[i].Polarity != vs[j].Polarity && (vs[i].Value.Kind == model.KindEvent || vs[j].Value.Kind == model.KindEvent)) {
					return fmt.Sprintf("%s until %s, %s from %s", describe(vs[i]), day(idx[cut-1]), describe(vs[j]), day(j)), true
				}
			}
		}
	}
	return "", false
}

// byConsensus orders values by how many of the others agree with them,
// most agreed first; the input is not changed.
func byConsensus(idx []int, bad [][]bool) []int {
	agree := make(map[int]int, len(idx))
	for _, i := range idx {
		for _, k := range idx {
			if i != k && !bad[i][k] {
				agree[i]++
			}
		}
	}
	out := append([]int(nil), idx...)
	sort.SliceStable(out, func(a, b int) bool { return agree[out[a]] > agree[out[b]] })
	return out
}

// changeGapDays is the pause after which a contradicting account counts
// as a change over time rather than a contemporaneous dispute.
const changeGapDays = 14

// day10 is the day of a date or date-time; a month orders as its first day.
func day10(s string) string {
	switch {
	case len(s) >= 10:
		return s[:10]
	case len(s) >= 7:
		return s[:7] + "-01"
	}
	return s
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func consistent(ix []int, bad [][]bool) bool {
	for _, i := range ix {
		for _, j := range ix {
			if bad[i][j] {
				return false
			}
		}
	}
	return true
}

// speakerKey is who makes a claim: the quoted speaker, by entity name when
// it is an entity ID so that "ent_…" and "the Ministry of Emergency
// Situations" meet, or the outlet's own voice.
func speakerKey(v model.FactValue, names map[string]string) string {
	if v.AttributedTo == "" {
		return "doc:" + v.Doc
	}
	s := v.AttributedTo
	if n := names[s]; n != "" {
		s = n
	}
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "the ")
	return "speaker:" + strings.TrimPrefix(s, "name:")
}

// describe renders a value briefly for notes: "not tortured", "$150",
// "2025-03-05".
func describe(v model.FactValue) string {
	val := v.Value
	var s string
	switch val.Kind {
	case model.KindEvent:
		s = val.Text
		// A statement's text carries its own negation ("never went to
		// the square"); a class's event is named by the class ("tortured").
		if v.Polarity == "negated" && val.Text != v.Text {
			s = "not " + s
		}
		return s
	case model.KindDate:
		s = val.Date
		if strings.Contains(s, "X") {
			// "XXXX-WXX-7" is a value for machines; "Sunday" is what
			// the source wrote and all that is known.
			s = v.Text
		}
	case model.KindPlace:
		s = strings.TrimSpace(val.Relation + " " + val.Text)
	default:
		s = v.Text
	}
	if v.Polarity == "negated" {
		s = "not " + s
	}
	return s
}

// disputeNote lists the rival values with their sources.
func disputeNote(vs []model.FactValue, bad [][]bool, outlet map[string]string, notes []string) string {
	// Cluster values by compatibility with a cluster's first value.
	var clusters [][]int
	for i := range vs {
		placed := false
		for k, cl := range clusters {
			ok := true
			for _, j := range cl {
				if bad[i][j] {
					ok = false
					break
				}
			}
			if ok {
				clusters[k] = append(clusters[k], i)
				placed = true
				break
			}
		}
		if !placed {
			clusters = append(clusters, []int{i})
		}
	}
	var parts []string
	for _, cl := range clusters {
		seen := map[string]bool{}
		var who []string
		for _, i := range cl {
			o := outlet[vs[i].Doc]
			if o == "" {
				o = vs[i].Doc
			}
			if !seen[o] {
				seen[o] = true
				who = append(who, o)
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", describe(vs[cl[0]]), strings.Join(who, ", ")))
	}
	s := strings.Join(parts, " vs ")
	if len(notes) > 0 {
		s += "; " + strings.Join(notes, "; ")
	}
	return s
}

// learnPlaces reads containment and proximity statements after every place
// name in the corpus.
func learnPlaces(docs []*model.Annotated) *placeRelations {
	p := newPlaceRelations()
	g := gaz() // nil: containment then rests on the texts alone
	for _, a := range docs {
		if a == nil || a.Doc == nil {
			continue
		}
		text := a.Doc.Text
		learnAt := func(name string, end int) {
			stop := min(end+120, len(text))
			p.learn(name, text[end:stop])
		}
		for _, m := range a.Mentions {
			if m.End > len(text) {
				continue
			}
			// Facilities are often tagged as organisations or even persons
			// ("the Tash-Bulak coal mine in Jumgal district"); a relation
			// learnt for a real person's name is never consulted.
			learnAt(m.Text, m.End)
			if m.Type == model.Place {
				p.register(m.Text, g)
			}
		}
		// Names the tagger missed: every capitalised run ("the Tash-Bulak
		// coal mine in Jumgal district").
		for _, loc := range capitalisedRun.FindAllStringIndex(text, -1) {
			learnAt(text[loc[0]:loc[1]], loc[1])
		}
		// Unlisted villages: "the village of X".
		lower := strings.ToLower(text)
		for _, cue := range []string{"village of ", "town of ", "settlement of "} {
			for off := 0; ; {
				i := strings.Index(lower[off:], cue)
				if i < 0 {
					break
				}
				at := off + i + len(cue)
				end := at
				for end < len(text) && (isNameByte(text[end]) || (text[end] == ' ' && end+1 < len(text) && text[end+1] >= 'A' && text[end+1] <= 'Z')) {
					end++
				}
				if end > at {
					learnAt(text[at:end], end)
				}
				off = at
			}
		}
	}
	return p
}

var capitalisedRun = regexp.MustCompile(`\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)*`)

func isNameByte(b byte) bool {
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80 || b == '-' || b == '\''
}

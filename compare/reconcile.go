package compare

import (
	"sort"
	"strings"
)

// moneyQualifier is what a money group's key says about an amount besides
// its attribute: whom it is per ("family"), who pays (a kind such as
// "state" or "insurer", or "org:<key>" for a named organisation) and the
// payer's country. Outlets say different parts of it: one names the
// recipient, another the payer, a third only the currency's country.
type moneyQualifier struct {
	per, payer, country string
}

// parseMoneyFamily reads a money family ("money:family@ state TJ") back
// into its parts; ok is false for other families and for rates.
func parseMoneyFamily(f string) (moneyQualifier, bool) {
	if f == "money" {
		return moneyQualifier{}, true
	}
	q, ok := strings.CutPrefix(f, "money:")
	if !ok {
		return moneyQualifier{}, false
	}
	per, who, hasWho := strings.Cut(q, "@")
	if !hasWho && timeUnitWords[per] {
		return moneyQualifier{}, false // a rate: "per month" is not a recipient
	}
	mq := moneyQualifier{per: strings.TrimSpace(per)}
	for _, w := range strings.Fields(who) {
		if isCountryCode(w) {
			mq.country = w
		} else if mq.payer == "" {
			mq.payer = w
		}
	}
	return mq, true
}

func (q moneyQualifier) specificity() int {
	n := 0
	for _, s := range []string{q.per, q.payer, q.country} {
		if s != "" {
			n++
		}
	}
	return n
}

// refinedBy reports whether o says everything q says, and maybe more.
func (q moneyQualifier) refinedBy(o moneyQualifier) bool {
	part := func(a, b string) bool { return a == "" || a == b || a == "person" && b != "" }
	return part(q.per, o.per) && part(q.payer, o.payer) && part(q.country, o.country)
}

// union is what two compatible qualifiers say together, so that a group
// that took in "@ RU" no longer fits an amount paid from "TJ". A generic
// "person" recipient gives way to a specific one.
func (q moneyQualifier) union(o moneyQualifier) moneyQualifier {
	pick := func(a, b string) string {
		if a == "" || a == "person" || strings.HasPrefix(a, "org:") && b != "" {
			if b != "" {
				return b
			}
		}
		return a
	}
	return moneyQualifier{per: pick(q.per, o.per), payer: pick(q.payer, o.payer), country: pick(q.country, o.country)}
}

// compatible reports whether two qualifiers can describe the same amount:
// every part either unsaid on one side or the same on both. "person" as a
// recipient is any person ("$1,900 each" to the injured), not a family or
// a house; a named organisation can be the company or insurer another
// outlet names by kind, never the state.
func (q moneyQualifier) compatible(o moneyQualifier) bool {
	return compatibleRecipient(q.per, o.per) && compatiblePayer(q.payer, o.payer) &&
		(q.country == "" || o.country == "" || q.country == o.country)
}

func compatibleRecipient(a, b string) bool {
	switch {
	case a == "" || b == "" || a == b:
		return true
	case a == "person":
		return !unitRecipients[b]
	case b == "person":
		return !unitRecipients[a]
	}
	return false
}

// unitRecipients are recipients that are not single people.
var unitRecipients = map[string]bool{
	"family": true, "household": true, "house": true, "home": true, "flat": true, "apartment": true,
	"village": true, "school": true, "region": true, "district": true, "business": true, "company": true,
}

func compatiblePayer(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	orgA, orgB := strings.HasPrefix(a, "org:"), strings.HasPrefix(b, "org:")
	switch {
	case orgA && orgB:
		return false
	case orgA:
		return b != "state" && b != "un"
	case orgB:
		return a != "state" && a != "un"
	}
	return false
}

// reconcileMoney merges money groups of one subject and attribute whose
// qualifiers are compatible, so that "15,000 somoni to each bereaved
// family" (recipient said), "the government has paid 15,000 somoni"
// (payer said) and "$1,600 each" meet. Less specific groups go first,
// each into the one compatible group at least as specific; when several
// fit, a claim goes to the one whose every value it agrees with, as
// attachOrphans does.
func reconcileMoney(c *comparer, groups map[string][]Claim, order []string) []string {
	type moneyGroup struct {
		key  string
		base string
		q    moneyQualifier
	}
	var mgs []moneyGroup
	for _, k := range order {
		parts := strings.Split(k, "\x00")
		if len(parts) != 3 {
			continue
		}
		if q, ok := parseMoneyFamily(parts[2]); ok {
			mgs = append(mgs, moneyGroup{key: k, base: parts[0] + "\x00" + parts[1], q: q})
		}
	}
	sort.SliceStable(mgs, func(i, j int) bool { return mgs[i].q.specificity() < mgs[j].q.specificity() })
	index := make(map[string]int, len(mgs))
	for i, g := range mgs {
		index[g.key] = i
	}
	for i, g := range mgs {
		if len(groups[g.key]) == 0 {
			continue
		}
		var fits []string
		for j, o := range mgs {
			if j == i || o.base != g.base || len(groups[o.key]) == 0 ||
				o.q.specificity() < g.q.specificity() || !g.q.compatible(o.q) {
				continue
			}
			fits = append(fits, o.key)
		}
		// A group that says less in every part is refined by one that says
		// more, and goes to it when it is the only one; groups that each say
		// something the other does not ("per person" vs "from the
		// insurer") meet only on agreeing values.
		var refining []string
		for _, o := range fits {
			if g.q.refinedBy(mgs[index[o]].q) {
				refining = append(refining, o)
			}
		}
		switch {
		case len(fits) == 0:
			continue
		case len(refining) == 1:
			fits = refining
			target := &mgs[index[fits[0]]]
			target.q = target.q.union(g.q)
			groups[fits[0]] = append(groups[fits[0]], groups[g.key]...)
			groups[g.key] = nil
			continue
		}
		c.distribute(groups, g.key, fits, false, func(fit string) {
			target := &mgs[index[fit]]
			target.q = target.q.union(g.q)
		})
	}
	return dropEmpty(groups, order)
}

// agreesWithAll reports whether cl's value is compatible with every value
// of group.
func (c *comparer) agreesWithAll(cl Claim, group []Claim) bool {
	for _, x := range group {
		if v, _ := c.compare(cl.FactValue, x.FactValue); v != compatible {
			return false
		}
	}
	return true
}

// dropEmpty removes the keys of groups that merging emptied, keeping order.
func dropEmpty(groups map[string][]Claim, order []string) []string {
	out := order[:0:0]
	for _, k := range order {
		if len(groups[k]) > 0 {
			out = append(out, k)
		} else {
			delete(groups, k)
		}
	}
	return out
}

package compare

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// typeFact fills a fact's typed fields (frame, event, role, measure,
// topic) from its group of claims, and its ID from them.
func typeFact(f *model.Fact, g []Claim) {
	cl := g[0]
	open := true
	for _, c := range g {
		open = open && c.Open
	}
	fam := family(cl)
	f.Role = roleOf(cl, fam)
	f.Measure, f.Event = measureOf(cl, fam)
	if _, m := splitModality(cl.Attribute); m != "" {
		f.Measure = strings.TrimPrefix(f.Measure+", "+m, ", ")
	}
	switch {
	case open:
		f.Topic = cl.Attribute
	case cl.Attribute == statementAttribute || strings.HasPrefix(cl.Attribute, "account"):
		f.Frame = "account"
	case frameOf(cl.Attribute) != "":
		f.Frame = frameOf(cl.Attribute)
	default:
		// Measurements ("depth"), journey ends ("flight destination"),
		// sites ("hospital"): the attribute names the frame.
		f.Frame = model.FrameName(cl.Attribute)
	}
	key := strings.Join([]string{string(f.Frame), f.Event, string(f.Role), f.Subject, f.Measure}, "\x00")
	if open || cl.Lone != "" || f.Frame == "account" {
		// A value no frame claims has no frame to name it by: its first
		// value's place in its document identifies it; an account is
		// identified by its first statement.
		key += "\x00" + fmt.Sprintf("%s@%d", cl.Doc, cl.Start)
	}
	f.ID = factID(key)
}

// roleOf is the frame element a group's values fill.
func roleOf(cl Claim, fam string) model.Role {
	switch {
	case fam == "time":
		return model.RoleClockTime
	case strings.HasPrefix(fam, "count:"):
		return model.RoleCount
	case strings.HasPrefix(fam, "money"):
		return model.RoleAmount
	}
	switch cl.Value.Kind {
	case model.KindDate:
		return model.RoleTime
	case model.KindPlace:
		return model.RolePlace
	case model.KindDuration:
		return model.RoleDuration
	case model.KindAge:
		return model.RoleAge
	case model.KindEvent:
		return model.RoleOccurred
	case model.KindMoney:
		return model.RoleAmount
	case model.KindCount:
		return model.RoleCount
	case model.KindPercent:
		return model.RolePercent
	}
	return model.Role(cl.Value.Kind)
}

// measureOf reads the measure of a count or amount from its family
// ("count:people@KG 2019" → "people, KG"; event "then:2019") and names
// the story's own event "story".
func measureOf(cl Claim, fam string) (measure, event string) {
	event = "story"
	var parts []string
	switch {
	case strings.HasPrefix(fam, "count:"):
		unit, qual, _ := strings.Cut(strings.TrimPrefix(fam, "count:"), "@")
		parts = append(parts, unit)
		for _, q := range strings.Fields(qual) {
			if len(q) == 4 && q >= "1000" && q <= "9999" {
				event = "then:" + q // "In 2019 three miners died"
				continue
			}
			parts = append(parts, q)
		}
	case strings.HasPrefix(fam, "percent:"):
		// "traffic@IN": of what, of where.
		of, scope, _ := strings.Cut(strings.TrimPrefix(fam, "percent:"), "@")
		for _, p := range []string{of, scope} {
			if p != "" {
				parts = append(parts, p)
			}
		}
	case strings.HasPrefix(fam, "money:"):
		per, payer, _ := strings.Cut(strings.TrimPrefix(fam, "money:"), "@")
		if per != "" {
			parts = append(parts, "per "+per)
		}
		if payer = strings.TrimSpace(payer); payer != "" {
			parts = append(parts, "from "+payer)
		}
	}
	return strings.Join(parts, ", "), event
}

// modalityOf is how a source puts a value.
func modalityOf(v model.FactValue) model.Modality {
	switch {
	case v.Polarity == "negated":
		return model.Denied
	case v.Hedged:
		return model.Hedged
	case v.AttributedTo != "":
		return model.Reported
	}
	return model.Asserted
}

// factID hashes a fact's identifying fields.
func factID(key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	return fmt.Sprintf("fact-%016x", h.Sum64())
}

// uniqueIDs gives facts that share identifying fields (groups the rules
// keep apart for other reasons) distinct IDs, in their stable order.
func uniqueIDs(facts []model.Fact) {
	seen := map[string]int{}
	for i := range facts {
		id := facts[i].ID
		if n := seen[id]; n > 0 {
			facts[i].ID = fmt.Sprintf("%s-%d", id, n+1)
		}
		seen[id]++
	}
}

// frameOf is the frame name of a predicate class, or "".
func frameOf(class string) model.FrameName {
	class, _ = splitModality(class)
	for _, pc := range predicateClasses {
		if pc.Name == class {
			return pc.Frame
		}
	}
	switch class {
	case "age", "rate", "location":
		return model.FrameName(class)
	}
	return ""
}

package compare

import (
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// Facilities are the sites inside a town that news reports place people
// and events at: "detained at his home in Bishkek", "taken to the district
// hospital in Chaek", "a shell fell near the central market". No gazetteer
// lists them; the head noun says what kind of site it is, and a name
// before it ("the Naryn regional hospital") or a place after it ("in
// Chaek") says which one.

// facilityNouns map a site's head noun to the facility kind it names.
var facilityNouns = map[string]string{
	"hospital": "hospital", "hospitals": "hospital", "clinic": "hospital", "polyclinic": "hospital", "infirmary": "hospital",
	"morgue": "morgue", "home": "home", "house": "home", "flat": "home", "apartment": "home",
	"office": "office", "headquarters": "headquarters", "station": "station", "airport": "airport",
	"market": "market", "bazaar": "market", "school": "school", "mosque": "mosque", "church": "church",
	"court": "court", "courthouse": "court", "courtroom": "court", "prison": "prison", "jail": "prison",
	"colony": "prison", "centre": "centre", "center": "centre", "checkpoint": "checkpoint",
	"hotel": "hotel", "cafe": "cafe", "café": "cafe", "restaurant": "restaurant", "terminal": "terminal",
	"warehouse": "warehouse", "factory": "factory", "plant": "plant", "scene": "scene", "square": "square",
	"street": "street", "avenue": "street", "highway": "highway", "motorway": "highway", "bridge": "bridge",
	"camp": "camp", "base": "base", "hostel": "hostel", "dormitory": "hostel", "canteen": "canteen",
	"stadium": "stadium", "port": "port", "embassy": "embassy", "consulate": "consulate", "building": "building",
	"university": "university", "kindergarten": "school", "ward": "hospital",
}

// compoundFacilities take the noun before them into the kind: a bus
// station is not a police station.
var compoundFacilities = map[string]bool{"station": true, "centre": true, "office": true, "terminal": true, "building": true, "headquarters": true, "camp": true, "base": true}

// facilityDeterminers may open a facility phrase.
var facilityDeterminers = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true, "this": true, "that": true}

// medicalFacility reports whether a facility kind is where the sick and
// injured are taken.
func medicalFacility(kind string) bool { return kind == "hospital" || kind == "morgue" }

// facilityAt reads a facility phrase starting at token j: an optional
// determiner, up to four modifiers and a facility noun, then optionally
// the place it is in ("in Chaek") or what it was the scene of ("of the
// accident"). It returns the value and the phrase's end offset.
func (d *docView) facilityAt(j, t1 int) (model.Value, int, bool) {
	k := j
	if k < t1 && facilityDeterminers[d.lower[k]] {
		k++
	}
	var name []string
	head := -1
	for ; k < t1 && k-j <= 5; k++ {
		t := d.toks[k]
		if t.Kind != model.TokenWord {
			// "Samara–Shymkent" is split at the dash; a hyphen or dash inside a name is part of it.
			if (t.Text == "-" || t.Text == "–") && len(name) > 0 && k+1 < t1 && isCapitalised(d.toks[k+1].Text) {
				continue
			}
			break
		}
		w := d.lower[k]
		// The last of several facility nouns is the head: "the bus
		// station", "the hospital ward".
		if facilityNouns[w] != "" && !(k+1 < t1 && facilityNouns[d.lower[k+1]] != "" && !isCapitalised(d.toks[k+1].Text)) {
			head = k
			break
		}
		if locativePrepositions[w] || placeLeadIns[w] || w == "and" || w == "or" || w == "of" || facilityDeterminers[w] || pastVerb(w) && !isCapitalised(t.Text) {
			break
		}
		if isCapitalised(t.Text) {
			name = append(name, t.Text)
		}
	}
	if head < 0 {
		return model.Value{}, 0, false
	}
	kind := facilityNouns[d.lower[head]]
	if compoundFacilities[kind] && head > j && d.toks[head-1].Kind == model.TokenWord && !isCapitalised(d.toks[head-1].Text) && !facilityDeterminers[d.lower[head-1]] {
		kind = d.lower[head-1] + " " + kind // "bus station", "detention centre"
	}
	// A bare noun with no determiner and no name reads as a place only for
	// the few said that way: "at home", "in hospital".
	if head == j && kind != "home" && kind != "hospital" && kind != "prison" && kind != "court" {
		return model.Value{}, 0, false
	}
	end := d.toks[head].End
	n := strings.Join(name, " ")
	// The key keeps the site's own name and its town apart ("Beaumont
	// Hospital in Royal Oak": own name beaumont, town royaloak), so a
	// site named by one meets the same site named by the other. A road's
	// town ("a highway in Kazakhstan") does not tell roads apart.
	own, town := n, ""
	if k := head + 1; k+1 < t1 && (d.lower[k] == "in" || d.lower[k] == "of") {
		if _, pname, pend, ok := d.placeAt(k+1, t1); ok {
			n, end = pname, pend
			if !linearFacility(kind) {
				town = n
			}
		} else if kind == "scene" && d.lower[k] == "of" {
			// "the scene of the accident"
			e := k + 1
			if e < t1 && d.lower[e] == "the" {
				e++
			}
			if e < t1 && d.toks[e].Kind == model.TokenWord && !isCapitalised(d.toks[e].Text) {
				end = d.toks[e].End
			}
		}
	}
	key := "facility:" + kind
	if own != "" || town != "" {
		key += "|" + siteKey(own, town)
	}
	text := n
	if text == "" {
		text = d.text[d.toks[j].Start:end]
	}
	return model.Value{Kind: model.KindPlace, Entity: key, Text: text, Facility: kind}, end, true
}

// siteKey is the name part of a site's key: its own name's key, and
// "@" and its town's key when the text names the town.
func siteKey(own, town string) string {
	k := ""
	if own != "" {
		k = placeKey(strings.ToLower(own))
	}
	if town != "" {
		k += "@" + placeKey(strings.ToLower(town))
	}
	return k
}

// siteNames splits a site's key into its own name's and its town's keys
// ("" where the text names none).
func siteNames(v model.Value) (own, town string) {
	rest, ok := strings.CutPrefix(v.Entity, "facility:")
	if !ok {
		return "", ""
	}
	_, names, _ := strings.Cut(rest, "|")
	own, town, _ = strings.Cut(names, "@")
	return own, town
}

package compare

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"

	"github.com/parallaxnews/parallax/model"
)

// frameFiles are the frames of every language, one JSON file each
// (compare/frames/en.json): a newcomer adds a frame by adding an entry
// with its triggers, value kinds and an example sentence.
//
//go:embed frames/*.json
var frameFiles embed.FS

// loadFrames reads every frames/*.json file, in name order.
func loadFrames(files fs.FS) ([]predicateClass, error) {
	names, err := fs.Glob(files, "frames/*.json")
	if err != nil {
		return nil, fmt.Errorf("frames: %w", err)
	}
	var all []predicateClass
	seen := map[string]string{}
	for _, n := range names {
		raw, err := fs.ReadFile(files, n)
		if err != nil {
			return nil, fmt.Errorf("frames: %w", err)
		}
		var cs []predicateClass
		if err := json.Unmarshal(raw, &cs); err != nil {
			return nil, fmt.Errorf("frames %s: %w", path.Base(n), err)
		}
		for _, c := range cs {
			if c.Name == "" || c.Frame == "" {
				return nil, fmt.Errorf("frames %s: a frame needs a name and a frame", path.Base(n))
			}
			if prev, dup := seen[c.Name]; dup {
				return nil, fmt.Errorf("frames %s: %q is already defined in %s", path.Base(n), c.Name, prev)
			}
			seen[c.Name] = path.Base(n)
		}
		all = append(all, cs...)
	}
	for _, c := range all {
		for _, to := range []string{c.ThingCountsTo, c.PersonCountsTo} {
			if _, ok := seen[to]; to != "" && !ok {
				return nil, fmt.Errorf("frames: %q sends counts to %q, which no file defines", c.Name, to)
			}
		}
	}
	return all, nil
}

// frameIndex is the index in predicateClasses of the frame named name, or
// -1.
func frameIndex(name string) int {
	for i, c := range predicateClasses {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// mustLoadFrames loads the embedded frames; they are part of the
// program, so a broken file stops it at start (and fails every test).
func mustLoadFrames() []predicateClass {
	cs, err := loadFrames(frameFiles)
	if err != nil {
		panic(err)
	}
	return cs
}

// predicateClass is one attribute facts are grouped under: every trigger
// word of a class means the same thing for comparison, so "detained",
// "arrested", "held" and "apprehended" land in one fact group.
type predicateClass struct {
	// Name is the attribute written into facts.
	Name string `json:"name"`
	// Kinds are the value kinds a trigger of this class takes from its
	// sentence.
	Kinds []model.ValueKind `json:"kinds"`
	// Event makes every trigger occurrence an event claim with polarity
	// ("tortured" / "not tortured") even when no typed value is nearby.
	Event bool `json:"event,omitempty"`
	// NegatedEvent makes a negated trigger an event claim even when the
	// class takes no event values: "nobody paid me anything" disputes an
	// amount without naming one.
	NegatedEvent bool `json:"negated_event,omitempty"`
	// Personal classes are about a person (the detainee, the sentenced);
	// their facts are keyed by that person. Other classes describe the
	// story's events and are keyed by attribute alone.
	Personal bool `json:"personal,omitempty"`
	// Triggers are lower-case word forms; Phrases are multi-word triggers.
	Triggers []string   `json:"triggers,omitempty"`
	Phrases  [][]string `json:"phrases,omitempty"`
	// InherentlyNegated phrases assert the opposite of the class ("treated
	// well" denies mistreatment).
	InherentlyNegated [][]string `json:"inherently_negated,omitempty"`
	// PersonObject triggers count only when a person follows them: "a
	// policeman hit me" is a beating, "the shell hit the market" is not.
	PersonObject []string `json:"person_object,omitempty"`
	// Generic classes gather triggers of different kinds of event (a fire,
	// a clash, a crash): two values told of different triggers may be two
	// events of one story, so they are not rivals. Cover words name
	// whichever event the text is about ("the incident").
	Generic bool     `json:"generic,omitempty"`
	Cover   []string `json:"cover,omitempty"`
	// ThingCountsTo names the frame a count of things under this frame's
	// triggers belongs to ("captured three boats" is a seizure, not a
	// detention); PersonCountsTo the frame of a count of people ("seized
	// 12 crew" is a detention). The counted noun decides, not the verb.
	ThingCountsTo  string `json:"thing_counts_to,omitempty"`
	PersonCountsTo string `json:"person_counts_to,omitempty"`
	// Frame is the name a reader sees ("detention" for the class
	// "detained"); Note explains a choice; Examples are sentences the
	// frame must read (checked by TestFrameExamples).
	Frame    model.FrameName `json:"frame"`
	Note     string          `json:"note,omitempty"`
	Examples []frameExample  `json:"examples"`
}

// frameExample is a test sentence of a frame and the value it must yield.
type frameExample struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// predicateClasses are the frames, read once from the per-language data
// files in compare/frames (see loadFrames). Order matters only when a word
// belongs to two frames (none does).
var predicateClasses = mustLoadFrames()

// negationCues flip a trigger's polarity when they come shortly before it.
var negationCues = map[string]bool{
	"not": true, "never": true, "no": true, "nobody": true, "none": true, "neither": true,
	"nor": true, "without": true, "denied": true, "deny": true, "denies": true, "denying": true,
	"rejected": true, "refuted": true, "dismissed": true, "не": true, "нет": true, "никто": true,
	"ни": true, "отрицает": true, "отрицали": true,
}

// hedgeCues mark a sentence's claims as hedged.
var hedgeCues = map[string]bool{
	"allegedly": true, "reportedly": true, "alleged": true, "purportedly": true,
	"apparently": true, "supposedly": true, "claimed": true, "claims": true, "claiming": true,
	"unconfirmed": true, "rumoured": true, "rumored": true, "allegations": true, "allegation": true,
	"якобы": true, "предположительно": true, "по": false,
}

// hedgePhrases are multi-word hedges. "According to" is attribution, not
// hedging: it names who says, and the claim's AttributedTo records it.
var hedgePhrases = [][]string{
	{"is", "said", "to"}, {"was", "said", "to"}, {"are", "said", "to"},
	{"believed", "to"}, {"may", "have"}, {"might", "have"}, {"is", "thought", "to"},
}

// speechVerbs claim a nearby date as the date of a statement, not of the
// fact stated ("told reporters on Monday that he was detained on 5 March").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "announced": true, "stated": true, "reported": true,
	"wrote": true, "tweeted": true, "posted": true, "added": true, "confirmed": true, "denied": true,
	"claimed": true, "explained": true, "interview": true, "statement": true, "published": true,
}

// passiveAux before a verb trigger means the grammatical subject before it
// is the patient ("he was detained").
var passiveAux = map[string]bool{
	"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true,
	"got": true, "get": true, "gets": true, "getting": true,
}

// skipBeforeTrigger are words passed over when looking for the subject
// before a trigger: auxiliaries, negation and adverbs.
var skipBeforeTrigger = map[string]bool{
	"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true,
	"had": true, "has": true, "have": true, "not": true, "never": true, "also": true, "later": true,
	"allegedly": true, "reportedly": true, "badly": true, "severely": true, "brutally": true,
	"repeatedly": true, "then": true, "first": true, "reportedly,": true, "wasn't": true,
	"weren't": true, "hadn't": true, "hasn't": true, "got": true, "get": true, "say": true,
}

// personPronouns stand for the document's main person.
var personPronouns = map[string]bool{
	"he": true, "him": true, "his": true, "she": true, "her": true, "i": true, "me": true, "my": true,
	"он": true, "его": true, "она": true, "её": true, "ее": true, "я": true, "меня": true,
}

// peopleTriggers name the people a class counts ("19 survivors", "2,500
// troops"); they take only counts: "by 12 December only four survivors had
// been paid" dates a payment, not a rescue.
var peopleTriggers = map[string]bool{
	"survivors": true, "evacuees": true, "protesters": true, "protestors": true, "demonstrators": true,
	"troops": true, "peacekeepers": true, "soldiers": true, "employees": true, "staff": true, "workforce": true,
	"marchers": true, "strikers": true,
}

// firstPerson pronouns inside a quote stand for its speaker.
var firstPerson = map[string]bool{"i": true, "me": true, "my": true, "я": true, "меня": true, "мне": true,
	"we": true, "us": true, "our": true, "мы": true, "нас": true}

// groupSubjects are words that make a claim about a group, not a person
// ("denied that any had been mistreated", "detainees were beaten").
var groupSubjects = map[string]bool{
	"any": true, "all": true, "none": true, "they": true, "them": true, "detainees": true,
	"people": true, "protesters": true, "prisoners": true, "citizens": true, "those": true,
	"others": true, "many": true, "some": true, "most": true, "foreigners": true,
}

// fromClasses are the classes whose place may be where something came from
// ("released from prison", "arrived from Osh", "evacuated from the
// village"); for the others "from X" names an origin, not the place.
var fromClasses = map[string]bool{"arrived": true, "crossed": true, "released": true, "evacuated": true, "rescued": true}

// locativePrepositions introduce a place a fact happened at.
var locativePrepositions = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "on": true,
	"from": true, "into": true, "в": true, "на": true, "под": true,
}

// placeNouns let the comparison see small places no gazetteer lists: "the
// village of Shabdan", "Kordai checkpoint".
var placeNounsBefore = map[string]bool{"village": true, "town": true, "city": true, "settlement": true, "district": true, "region": true, "province": true, "aul": true, "hamlet": true}
var placeNounsAfter = map[string]bool{"checkpoint": true, "village": true, "district": true, "region": true, "province": true, "crossing": true, "airport": true, "station": true, "square": true, "prison": true, "colony": true}

// relativeDirections appear in "70 km west of Almaty".
var relativeDirections = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true,
	"south-west": true, "outside": true, "from": true,
}

var distanceUnits = map[string]bool{"km": true, "kilometres": true, "kilometers": true, "miles": true, "mi": true, "kilometre": true, "kilometer": true}

// classIndex maps each single-word trigger to its class.
type classIndex struct {
	words   map[string]int
	phrases []phraseTrigger
	// personObject are words that trigger only before a person.
	personObject map[string]bool
}

type phraseTrigger struct {
	words   []string
	class   int
	negated bool
}

func buildClassIndex() classIndex {
	ix := classIndex{words: map[string]int{}, personObject: map[string]bool{}}
	for ci, c := range predicateClasses {
		for _, w := range c.PersonObject {
			ix.words[w] = ci
			ix.personObject[w] = true
		}
		for _, w := range c.Triggers {
			ix.words[w] = ci
		}
		for _, p := range c.Phrases {
			ix.phrases = append(ix.phrases, phraseTrigger{words: p, class: ci})
		}
		for _, p := range c.InherentlyNegated {
			ix.phrases = append(ix.phrases, phraseTrigger{words: p, class: ci, negated: true})
		}
	}
	return ix
}

func (c predicateClass) takes(k model.ValueKind) bool {
	for _, x := range c.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// valueLeadIns are words passed over between a money amount and the noun
// that names it ("a relief fund of about $19,000").
var valueLeadIns = map[string]bool{
	"about": true, "some": true, "approximately": true, "nearly": true, "almost": true, "around": true,
	"roughly": true, "a": true, "an": true, "the": true, "only": true, "just": true, "over": true,
	"more": true, "than": true, "up": true, "to": true, "least": true, "at": true, "total": true,
}

// countAux are words passed over between a count and the verb that says
// what happened to it ("27 miners were reportedly trapped").
var countAux = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true,
	"been": true, "being": true, "be": true, "remain": true, "remained": true, "remains": true,
	"still": true, "reportedly": true, "allegedly": true, "later": true, "also": true, "all": true,
	"who": true, "that": true, "now": true, "already": true, "officially": true,
}

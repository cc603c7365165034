package compare

import "github.com/parallaxnews/parallax/model"

// predicateClass is one attribute facts are grouped under: every trigger
// word of a class means the same thing for comparison, so "detained",
// "arrested", "held" and "apprehended" land in one fact group.
type predicateClass struct {
	// Name is the attribute written into facts.
	Name string
	// Kinds are the value kinds a trigger of this class takes from its
	// sentence.
	Kinds []model.ValueKind
	// Event makes every trigger occurrence an event claim with polarity
	// ("tortured" / "not tortured") even when no typed value is nearby.
	Event bool
	// NegatedEvent makes a negated trigger an event claim even when the
	// class takes no event values: "nobody paid me anything" disputes an
	// amount without naming one.
	NegatedEvent bool
	// Personal classes are about a person (the detainee, the sentenced);
	// their facts are keyed by that person. Other classes describe the
	// story's events and are keyed by attribute alone.
	Personal bool
	// Triggers are lower-case word forms; Phrases are multi-word triggers.
	Triggers []string
	Phrases  [][]string
	// InherentlyNegated phrases assert the opposite of the class ("treated
	// well" denies mistreatment).
	InherentlyNegated [][]string
	// PersonObject triggers count only when a person follows them: "a
	// policeman hit me" is a beating, "the shell hit the market" is not.
	PersonObject []string
	// Generic classes gather triggers of different kinds of event (a fire,
	// a clash, a crash): two values told of different triggers may be two
	// events of one story, so they are not rivals. Cover words name
	// whichever event the text is about ("the incident").
	Generic bool
	Cover   []string
}

// predicateClasses is the table of attributes. Order matters only when a
// word belongs to two classes (it does not).
var predicateClasses = []predicateClass{
	{
		Name:     "detained",
		Personal: true,
		Event:    true,
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace, model.KindCount, model.KindDuration},
		Triggers: []string{"detain", "detained", "detains", "detaining", "detention", "arrest", "arrested", "arrests", "arresting", "held", "apprehended", "apprehend", "captured", "seized", "nabbed", "abducted", "kidnapped", "задержан", "задержали", "арестован", "арестовали"},
		Phrases:  [][]string{{"taken", "into", "custody"}, {"picked", "up"}},
	},
	{
		// A court ordering someone held before trial is its own fact: it
		// follows the arrest by days and is dated and timed separately.
		Name:     "remanded",
		Personal: true,
		Kinds:    []model.ValueKind{model.KindDate, model.KindDuration, model.KindPlace},
		Triggers: []string{"remanded", "remand", "remands", "remanding"},
		Phrases:  [][]string{{"pre-trial", "detention"}, {"pretrial", "detention"}, {"house", "arrest"}},
	},
	{
		Name:         "paid",
		Kinds:        []model.ValueKind{model.KindMoney},
		NegatedEvent: true,
		Triggers:     []string{"paid", "pay", "pays", "paying", "payment", "payments", "offered", "offer", "offering", "promised", "promise", "promising", "hired", "bribe", "bribed", "bribes", "reward", "rewarded", "receive", "received", "receives", "receiving", "pledged", "pledge", "pledges", "vowed", "earmarked", "allocated", "allocate", "give", "gave", "given", "gives", "giving", "disbursed", "disburse", "handed", "entitled"},
	},
	{
		Name:     "fined",
		Kinds:    []model.ValueKind{model.KindMoney},
		Triggers: []string{"fined", "fine", "fines", "penalty"},
	},
	{
		Name:     "bail",
		Kinds:    []model.ValueKind{model.KindMoney},
		Triggers: []string{"bail"},
	},
	{
		Name:     "damage",
		Kinds:    []model.ValueKind{model.KindMoney},
		Triggers: []string{"damage", "damages", "losses", "loss"},
	},
	{
		Name:     "killed",
		Kinds:    []model.ValueKind{model.KindCount, model.KindDate, model.KindPlace},
		Triggers: []string{"killed", "kill", "killing", "died", "die", "dies", "dead", "deaths", "death", "toll", "fatalities", "perished", "погибли", "погибших", "убиты"},
		Phrases:  [][]string{{"lost", "their", "lives"}},
	},
	{
		Name:     "injured",
		Kinds:    []model.ValueKind{model.KindCount},
		Triggers: []string{"injured", "wounded", "hurt", "injuries", "hospitalised", "hospitalized", "ранены", "пострадали"},
	},
	{
		Name:     "released",
		Personal: true,
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace, model.KindCount},
		Triggers: []string{"released", "release", "freed", "releasing", "освобожден", "освобождены"},
		Phrases:  [][]string{{"let", "go"}},
	},
	{
		Name:              "tortured",
		Personal:          true,
		Kinds:             nil,
		Event:             true,
		Triggers:          []string{"tortured", "torture", "torturing", "beaten", "beat", "beating", "beatings", "abused", "kicked", "punched", "clubbed", "mistreated", "mistreatment", "ill-treated", "ill-treatment", "maltreated", "пытали", "пытки", "избили"},
		InherentlyNegated: [][]string{{"treated", "well"}, {"treated", "properly"}, {"treated", "humanely"}, {"treated", "normally"}},
		PersonObject:      []string{"hit", "hitting", "struck", "slapped", "kicking", "punching", "choked", "strangled"},
	},
	{
		Name:     "sentenced",
		Personal: true,
		Kinds:    []model.ValueKind{model.KindDuration, model.KindDate},
		Triggers: []string{"sentenced", "sentence", "jailed", "imprisoned", "convicted", "prison", "imprisonment", "jail"},
	},
	{
		Name:     "compensation",
		Kinds:    []model.ValueKind{model.KindMoney},
		Triggers: []string{"compensation", "compensate", "compensated", "payout", "payouts", "indemnity"},
	},
	{
		Name:     "aid",
		Kinds:    []model.ValueKind{model.KindMoney, model.KindCount},
		Triggers: []string{"fund", "aid", "relief", "assistance", "donation", "donations", "donated", "grant", "humanitarian"},
	},
	{
		Name:     "wage",
		Kinds:    []model.ValueKind{model.KindMoney},
		Triggers: []string{"wage", "wages", "salary", "salaries", "earn", "earned", "earns", "earning", "income"},
	},
	{
		Name:     "price",
		Kinds:    []model.ValueKind{model.KindMoney, model.KindDate},
		Triggers: []string{"price", "acquired", "bought", "sold", "purchase", "purchased", "deal", "stake", "worth", "valued", "cost", "costs"},
	},
	{
		Name:     "rescued",
		Kinds:    []model.ValueKind{model.KindCount, model.KindDate},
		Triggers: []string{"rescued", "rescue", "saved", "survived", "survivors", "alive", "evacuees"},
	},
	{
		Name:     "missing",
		Kinds:    []model.ValueKind{model.KindCount},
		Triggers: []string{"missing", "trapped", "unaccounted"},
	},
	{
		Name:     "incident",
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace},
		Generic:  true,
		Cover:    []string{"incident", "accident", "disaster", "tragedy"},
		Triggers: []string{"collapse", "collapsed", "explosion", "exploded", "blast", "fire", "crash", "crashed", "overturned", "overturns", "overturn", "rolled", "skidded", "collided", "collision", "derailed", "capsized", "sank", "landslide", "mudslide", "avalanche", "earthquake", "quake", "flood", "flooding", "attack", "attacked", "clash", "clashes", "fighting", "shelling", "shelled", "shooting", "incident", "accident", "disaster", "tragedy"},
	},
	{
		Name:     "ceasefire",
		Kinds:    []model.ValueKind{model.KindDate, model.KindDuration},
		Triggers: []string{"ceasefire", "truce", "cease-fire", "armistice"},
	},
	{
		Name:     "talks",
		Kinds:    []model.ValueKind{model.KindDate, model.KindDuration, model.KindPlace},
		Triggers: []string{"talks", "negotiations", "negotiated", "summit", "meeting", "met"},
	},
	{
		Name:     "employed",
		Kinds:    []model.ValueKind{model.KindCount},
		Triggers: []string{"employs", "employ", "employed", "employees", "workforce", "staff", "employing"},
	},
	{
		Name:     "mourning",
		Kinds:    []model.ValueKind{model.KindDate},
		Triggers: []string{"mourning", "funeral", "funerals", "burial", "buried", "memorial"},
	},
	{
		Name:     "investigation",
		Kinds:    []model.ValueKind{model.KindDate},
		Triggers: []string{"investigation", "investigating", "probe", "charged", "charges", "case"},
	},
	{
		Name:     "trial",
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace},
		Triggers: []string{"trial", "hearing", "verdict"},
	},
	{
		Name:     "protested",
		Kinds:    []model.ValueKind{model.KindCount, model.KindDate},
		Triggers: []string{"protest", "protests", "protested", "protesters", "protestors", "demonstrators", "rally", "rallied", "rallies", "marched", "gathered", "streets", "demonstration", "demonstrations", "blocked", "picketed", "picket", "blockade"},
	},
	{
		Name:     "deployed",
		Kinds:    []model.ValueKind{model.KindCount, model.KindDate},
		Triggers: []string{"deployed", "troops", "peacekeepers", "soldiers", "deployment"},
	},
	{
		Name:     "evacuated",
		Kinds:    []model.ValueKind{model.KindCount},
		Triggers: []string{"evacuated", "evacuation", "displaced", "fled"},
	},
	{
		Name:     "began",
		Kinds:    []model.ValueKind{model.KindDate},
		Triggers: []string{"began", "begun", "started", "erupted", "broke"},
	},
	{
		Name:     "arrived",
		Personal: true,
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace},
		Triggers: []string{"arrived", "arrival", "came"},
	},
	{
		Name:     "crossed",
		Personal: true,
		Kinds:    []model.ValueKind{model.KindDate, model.KindPlace},
		Triggers: []string{"crossed", "crossing"},
	},
	{
		// Going home: migrants flown home, refugees returned, bodies
		// repatriated. Collective, like the other story events.
		Name:     "returned home",
		Kinds:    []model.ValueKind{model.KindDate, model.KindCount},
		Triggers: []string{"repatriated", "repatriation", "repatriate"},
		Phrases: [][]string{{"flown", "home"}, {"flew", "home"}, {"returned", "home"}, {"sent", "home"},
			{"went", "home"}, {"brought", "home"}, {"taken", "home"}, {"came", "home"}},
	},
	{
		Name:     "aired",
		Kinds:    []model.ValueKind{model.KindDate},
		Triggers: []string{"aired", "broadcast", "televised", "shown"},
	},
}

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

// frameNames name the frame of each predicate class (the class name is
// the comparison's key; the frame name is what a reader sees).
var frameNames = map[string]model.FrameName{
	"detained": "detention", "remanded": "remand", "paid": "payment", "fined": "fine", "bail": "bail",
	"damage": "damage", "killed": "death toll", "injured": "injury count", "released": "release",
	"tortured": "mistreatment", "sentenced": "sentence", "compensation": "compensation", "aid": "aid",
	"wage": "wage", "price": "price", "rescued": "rescue", "missing": "missing persons",
	"incident": "incident", "ceasefire": "ceasefire", "talks": "talks", "employed": "employment",
	"mourning": "mourning", "investigation": "investigation", "trial": "trial", "protested": "protest",
	"deployed": "deployment", "evacuated": "evacuation", "began": "start", "arrived": "arrival",
	"crossed": "crossing", "returned home": "return home", "aired": "broadcast", "age": "age",
	"rate": "rate", "location": "location", "account": "account",
}

package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word lists the resolver reads. They are heuristics kept as data.

var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "any", "another", "both", "each", "every", "all", "no")

// personPronouns and the others map a pronoun to what it can refer to.
var (
	singularPerson = set("he", "him", "his", "himself", "she", "her", "hers", "herself")
	malePronouns   = set("he", "him", "his", "himself")
	femalePronouns = set("she", "her", "hers", "herself")
	firstPerson    = set("i", "me", "my", "mine", "myself")
	pluralPronouns = set("they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves")
	thingPronouns  = set("it", "its", "itself")
	relPronouns    = set("who", "whom", "whose", "which", "that")
	placePronouns  = set("there", "here", "where")
	otherPronouns  = set("you", "your", "yours", "yourself", "one", "someone", "somebody", "anyone", "everyone", "everybody", "nobody", "none", "each other",
		"он", "его", "ему", "им", "нем", "нём", "она", "ее", "её", "ей", "ней", "они", "их", "им", "ими", "них", "оно", "я", "мы", "нас", "нам")
)

// isPronoun reports whether a mention text is a pronoun.
func isPronoun(lower string) bool {
	return singularPerson[lower] || firstPerson[lower] || pluralPronouns[lower] || thingPronouns[lower] ||
		relPronouns[lower] || placePronouns[lower] || otherPronouns[lower]
}

// titles are words that precede a name as a title; they are kept as the
// entity's descriptions, not as part of its name.
var titles = set("president", "vice", "prime", "minister", "premier", "chancellor", "king", "queen", "prince", "princess",
	"senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "judge", "justice",
	"attorney", "general", "gen", "lt", "col", "colonel", "major", "maj", "captain", "capt", "sgt", "sergeant", "lieutenant",
	"admiral", "commander", "chief", "officer", "detective", "inspector", "secretary", "chairman", "chairwoman", "chair",
	"director", "ambassador", "deputy", "speaker", "pope", "cardinal", "bishop", "rev", "reverend", "father", "sister",
	"sheikh", "emir", "sultan", "coach", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "lord", "lady",
	"saint", "st", "former", "acting", "interim", "late", "head", "leader", "mp", "ceo", "founder", "spokesman", "spokeswoman",
	"президент", "премьер", "министр", "глава", "депутат", "генерал", "председатель", "посол", "мэр", "аким")

// roleSuffixes mark a lower-case word as an agent or role noun: pianist,
// leader, director, politician, assistant, spokesman, actress.
var roleSuffixes = []string{"ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ess", "ee", "ive", "ar", "ier", "eur"}

// roleNouns are role words without such a suffix.
var roleNouns = set("head", "chief", "president", "minister", "king", "queen", "judge", "mayor", "governor", "senator",
	"general", "colonel", "captain", "actress", "actor", "star", "singer", "coach", "pilot", "doctor", "lawyer", "activist",
	"journalist", "official", "officer", "spokesperson", "envoy", "diplomat", "deputy", "chairman", "boss", "rapper",
	"witness", "victim", "suspect", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "widow",
	"friend", "colleague", "aide", "adviser", "advisor", "analyst", "expert", "economist", "prosecutor", "police", "guard",
	"soldier", "student", "teacher", "priest", "imam", "monk", "nun", "athlete", "player", "champion", "defender", "striker",
	"goalkeeper", "midfielder", "quarterback", "pitcher", "celebrity", "model", "designer", "chef", "businessman",
	"billionaire", "millionaire", "tycoon", "oligarch", "ceo", "founder", "co-founder", "candidate", "nominee", "mp",
	"lawmaker", "legislator", "ruler", "dictator", "opposition", "dissident", "refugee", "migrant", "resident", "citizen",
	"native", "veteran", "leader", "commander", "director", "manager", "editor", "reporter", "writer", "author", "poet",
	"novelist", "artist", "musician", "pianist", "guitarist", "drummer", "composer", "producer", "filmmaker", "photographer")

// notRoles are frequent words that end like role nouns but are not.
var notRoles = set("after", "over", "under", "never", "other", "whether", "either", "neither", "rather", "further",
	"later", "earlier", "former", "latter", "order", "water", "number", "member", "december", "november", "september",
	"october", "ever", "however", "whatever", "wherever", "together", "another", "per", "for", "or", "nor", "her", "their",
	"our", "your", "major", "minor", "prior", "superior", "inferior", "interior", "exterior", "recent", "current", "different",
	"present", "absent", "percent", "moment", "statement", "government", "event", "parent", "apparent", "urgent", "agent",
	"silent", "violent", "ancient", "sufficient", "frequent", "independent", "man", "woman", "german", "roman", "human",
	"ocean", "mean", "clean", "korean", "european", "american", "russian", "asian", "indian", "canadian", "australian",
	"russian", "iranian", "syrian", "tee", "free", "three", "see", "fee", "tree", "committee", "guarantee", "decree", "degree",
	"active", "alive", "five", "give", "live", "native", "positive", "negative", "relative", "massive", "effective", "executive",
	"year", "near", "dear", "clear", "nuclear", "war", "car", "bar", "far", "star", "regular", "similar", "particular", "popular",
	"color", "floor", "door", "poor", "error", "mirror", "terror", "horror", "honor", "labor", "favor", "harbor", "neighbor", "motor",
	"power", "tower", "flower", "shower", "paper", "letter", "matter", "better", "winter", "summer", "center", "centre", "border",
	"murder", "danger", "hunger", "anger", "finger", "river", "silver", "cover", "corner", "dinner", "manner", "banner", "answer",
	"wonder", "thunder", "weather", "leather", "feather", "gather", "mother", "father", "brother", "sister", "daughter")

// prepositions end the head phrase of a nominal: "the head of the service".
var prepositions = set("of", "in", "at", "from", "with", "for", "on", "by", "to", "about", "against", "near", "inside", "outside",
	"who", "that", "which", "whose", "where", "when", ",", "(", "-", "--")

// genericDesignators may be dropped from a place or organisation name
// without changing what it names: "Osh Region" = "Osh".
var genericDesignators = set("region", "province", "oblast", "district", "city", "town", "village", "county", "state",
	"republic", "inc", "ltd", "llc", "corp", "corporation", "company", "co", "group", "plc", "ag", "gmbh", "sa", "party",
	"movement", "river", "lake", "mountains", "mountain", "island", "islands", "area", "airport", "область", "район", "город",
	"село", "республика")

// isRoleWord reports whether a lower-case word reads as a role or agent noun.
func isRoleWord(w string) bool {
	if roleNouns[w] || titles[w] {
		return true
	}
	if notRoles[w] || len(w) < 4 {
		return false
	}
	for _, s := range roleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isWord reports whether w has a letter or digit.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

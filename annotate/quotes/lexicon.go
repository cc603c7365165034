package quotes

// Heuristics kept as data: the word lists the extractor reads. All keys are
// lower case.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cueVerbs are the verb forms that introduce a statement. The form found in
// the text is what Quote.Cue keeps.
var cueVerbs = set(
	"said", "says", "say", "saying",
	"told", "tells", "tell", "telling",
	"claimed", "claims", "claiming",
	"insisted", "insists", "insisting",
	"denied", "denies", "denying",
	"noted", "notes", "noting",
	"wrote", "writes", "writing",
	"tweeted", "tweets", "posted", "posts",
	"added", "adds", "adding",
	"warned", "warns", "warning",
	"admitted", "admits", "admitting",
	"announced", "announces",
	"explained", "explains", "explaining",
	"confirmed", "confirms",
	"stressed", "stresses", "stressing",
	"reported", "reports",
	"argued", "argues", "arguing",
	"suggested", "suggests",
	"acknowledged", "acknowledges",
	"alleged", "alleges",
	"stated", "states",
	"declared", "declares",
	"asserted", "asserts",
	"replied", "replies",
	"responded", "responds",
	"answered", "answers",
	"asked", "asks",
	"complained", "complains",
	"recalled", "recalls",
	"emphasised", "emphasized", "emphasises", "emphasizes",
	"predicted", "predicts",
	"promised", "promises",
	"maintained", "maintains",
	"contended", "contends",
	"conceded", "concedes",
	"revealed", "reveals",
	"vowed", "vows",
	"remarked", "remarks",
	"observed", "observes",
	"testified", "testifies",
	"screamed", "shouted", "yelled", "cried",
	"commented", "comments",
	"continued", "concluded",
	"read", "reads",
	"quipped", "joked", "urged", "pleaded",
	"informed", "assured", "reminded",
	"claim", "deny", "insist", "warn", "admit", "note", "add", "explain", "confirm", "argue",
	"suggest", "allege", "state", "stress", "announce", "acknowledge", "maintain",
	// Russian, past and present forms of the common reporting verbs.
	"сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "заявляет", "заявляют",
	"сообщил", "сообщила", "сообщили", "сообщает", "сообщают", "отметил", "отметила", "отметили",
	"добавил", "добавила", "добавили", "подчеркнул", "подчеркнула", "рассказал", "рассказала",
	"рассказали", "рассказывает", "написал", "написала", "написали", "пишет", "пояснил", "пояснила",
	"признал", "признала", "признался", "призналась", "отрицал", "отрицала", "отрицает",
	"утверждает", "утверждал", "утверждала", "говорит", "говорил", "говорила", "говорят",
	"уточнил", "уточнила", "заверил", "заверила", "предупредил", "предупредила", "ответил",
	"ответила", "настаивает", "настаивал", "подтвердил", "подтвердила", "подтвердили",
)

// baseCues are cue verbs that are also nouns ("claim", "note"); they count
// only as "X claim that …".
var baseCues = set("claim", "claims", "note", "notes", "state", "states", "report", "reports", "answer", "answers", "stress", "read", "reads", "comments", "remarks", "promises", "posts")

// objectCues take the addressee as object before the reported clause:
// "told the judge he …".
var objectCues = set("told", "tells", "tell", "telling", "informed", "assured", "reminded", "warned", "warns", "asked", "asks", "promised", "urged")

// strictCues often take a plain noun object ("denied his role",
// "announced the deal"); reported speech after them needs "that" or a clear
// clause start.
var strictCues = set(
	"claim", "deny", "insist", "warn", "admit", "note", "add", "explain", "confirm", "argue",
	"suggest", "allege", "state", "stress", "announce", "acknowledge", "maintain",
	"denied", "denies", "denying", "confirmed", "confirms", "announced", "announces",
	"reported", "reports", "admitted", "admits", "admitting", "acknowledged", "acknowledges",
	"noted", "notes", "noting", "warned", "warns", "warning", "stressed", "stresses", "stressing",
	"suggested", "suggests", "claimed", "claims", "claiming", "revealed", "reveals",
	"alleged", "alleges", "stated", "states", "declared", "declares", "predicted", "predicts",
	"promised", "promises", "asked", "asks", "explained", "explains", "explaining",
	"posted", "posts", "read", "reads", "screamed", "shouted", "yelled", "cried",
	"continued", "concluded", "commented", "comments", "remarked", "remarks", "observed",
	"observes", "recalled", "recalls", "answered", "answers", "replied", "replies",
	"responded", "responds", "urged", "pleaded", "informed", "assured", "reminded", "vowed",
	"vows", "testified", "testifies", "complained", "complains", "maintained", "maintains",
	"conceded", "concedes", "tweeted", "tweets", "writing", "writes", "wrote",
	"emphasised", "emphasized", "emphasises", "emphasizes", "asserted", "asserts",
	"contended", "contends", "quipped", "joked",
)

// nonClauseCues only introduce direct quotes, never reported clauses.
var directOnlyCues = set("read", "reads", "screamed", "shouted", "yelled", "cried", "quipped", "joked", "continued", "concluded", "asked", "asks", "pleaded")

// participleCues attach a statement to the subject of the main clause:
// "…, saying …", "…, adding that …".
var participleCues = set("saying", "adding", "noting", "warning", "insisting", "claiming", "denying", "admitting", "explaining", "stressing", "arguing", "telling")

// quotedAsVerbs introduce the speaker as an object before "(as) saying":
// "quoted the governor as saying", "showed Abenov saying".
var quotedAsVerbs = set("quoted", "quotes", "quoting", "showed", "shows", "showing", "cited", "cites", "heard", "filmed", "recorded", "aired", "broadcast")

var pronouns = set("he", "she", "they", "we", "i", "it", "он", "она", "они", "мы", "я")

var subjectWords = set("он", "она", "они", "мы", "я", "это", "he", "she", "they", "we", "i", "it", "there", "this", "that", "someone", "somebody", "nobody", "no-one", "everyone", "everybody", "nothing", "everything", "none", "all", "both", "many", "some", "most", "few", "several")

var determiners = set("его", "её", "ее", "их", "мой", "моя", "наш", "наша", "этот", "эта", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "one", "two", "three", "another", "each", "every", "some", "any", "no")

var possessives = set("его", "её", "ее", "их", "his", "her", "their", "its", "our", "my", "your")

// auxiliaries mark a finite clause.
var auxiliaries = set(
	"is", "was", "are", "were", "be", "been", "am", "has", "had", "have", "will", "would",
	"could", "can", "may", "might", "must", "should", "shall", "did", "does", "do",
	"isn't", "wasn't", "aren't", "weren't", "hasn't", "hadn't", "haven't", "won't",
	"wouldn't", "couldn't", "can't", "cannot", "didn't", "doesn't", "don't", "shouldn't",
	"'s", "'re", "'d", "'ll", "'ve", "’s", "’re", "’d", "’ll", "’ve",
)

// adverbs that sit between a speaker and the cue, or the cue and its clause.
var skipAdverbs = set("also", "later", "then", "again", "quickly", "reportedly", "repeatedly", "previously", "further", "once", "earlier", "recently", "subsequently", "simply", "only", "firmly", "flatly", "publicly", "privately", "separately", "afterwards", "still", "already", "now", "has", "had", "have", "would", "will", "was", "is", "had", "often", "never", "not", "allegedly", "first", "initially", "last", "however", "yesterday", "today", "tonight")

// temporalWords may follow a cue before the clause: "said Friday he …".
var temporalWords = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "earlier", "later", "afterwards", "then",
	"morning", "evening", "afternoon", "night", "week", "month", "year", "this", "last",
)

// prepositions end a noun phrase (except the ones in npPrepositions).
var prepositions = set(
	"в", "во", "на", "по", "с", "со", "для", "о", "об", "от", "до", "из", "у", "к", "при", "после", "перед", "через", "за",
	"in", "on", "at", "to", "from", "with", "by", "about", "after", "before", "during",
	"into", "over", "under", "through", "amid", "against", "near", "since", "until",
	"via", "without", "within", "outside", "inside", "across", "as", "while", "when",
	"because", "if", "than", "like", "upon", "among", "toward", "towards", "despite",
)

// npPrepositions may sit inside a speaker noun phrase: "a friend of the
// actress", "a spokesperson for Interoute".
var npPrepositions = set("of", "for", "at", "from")

// clauseBreakers end a noun phrase when scanning.
var clauseBreakers = set("что", "чтобы", "который", "которая", "которые", "и", "но", "а", "that", "which", "who", "whom", "whose", "where", "but", "and", "or", "so", "yet", "because", "although", "though", "whether", "if", "not", "no", "nor")

// parentheticalStarts open a comma-bounded aside between speaker and cue:
// "Jackson, in a statement released through the team, said".
var parentheticalStarts = set("in", "on", "at", "during", "after", "before", "speaking", "who", "which", "whose", "when", "while", "according", "writing", "asked", "interviewed", "reached", "contacted", "however", "though", "meanwhile", "too", "for", "with", "by", "citing", "quoting", "referring", "addressing", "standing", "sitting", "looking")

// titles precede a name and are not part of it ("President", "Insp").
var titles = set(
	"mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "professor", "sir", "lord", "lady", "rev",
	"president", "vice", "prime", "minister", "deputy", "secretary", "general", "governor", "gov",
	"mayor", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
	"councilman", "councilwoman", "councillor", "judge", "justice", "prosecutor", "attorney",
	"atty", "dist", "district", "sheriff", "sheriff's", "deputy", "officer", "chief", "head",
	"coach", "captain", "capt", "col", "colonel", "gen", "lt", "lieutenant", "sgt", "sergeant",
	"major", "maj", "commander", "cmdr", "inspector", "insp", "detective", "det", "constable",
	"superintendent", "supt", "ambassador", "consul", "chairman", "chairwoman", "chair", "ceo",
	"director", "spokesman", "spokeswoman", "spokesperson", "pastor", "father", "bishop",
	"imam", "rabbi", "king", "queen", "prince", "princess", "sheikh", "emir", "akim", "hakim",
	"marshal", "admiral", "private", "corporal", "cpl", "pte", "sister", "brother", "nurse",
	"assistant", "acting", "interim", "former", "ex", "late", "founder", "manager", "editor",
	"executive", "leader", "lawyer", "chancellor", "premier", "speaker", "chief's",
	"президент", "министр", "глава", "представитель", "пресс-секретарь", "депутат", "губернатор",
	"аким", "мэр", "директор", "председатель", "генерал", "полковник", "адвокат", "юрист", "судья",
	"прокурор", "посол", "консул", "замминистра", "вице-премьер", "премьер-министр", "спикер",
	"st", "gm", "mp", "mep", "auditor", "treasurer", "envoy", "commissioner", "mufti", "ombudsman",
)

// femaleWords and maleWords give a gender to role nouns and titles.
var femaleWords = set("она", "жена", "мать", "дочь", "сестра", "вдова", "женщина", "she", "her", "hers", "herself", "woman", "women", "mrs", "ms", "miss", "mother", "mum", "mom", "daughter", "sister", "wife", "widow", "girl", "girlfriend", "actress", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "businesswoman", "policewoman", "grandmother", "aunt", "niece", "queen", "princess", "lady", "madam", "waitress", "heiress", "bride", "fiancée", "fiancee", "stewardess")
var maleWords = set("он", "муж", "отец", "сын", "брат", "мужчина", "he", "him", "his", "himself", "man", "men", "mr", "father", "dad", "son", "brother", "husband", "widower", "boy", "boyfriend", "actor", "spokesman", "chairman", "congressman", "councilman", "businessman", "policeman", "grandfather", "uncle", "nephew", "king", "prince", "sir", "lord", "groom", "fiancé", "monk")

// orgHeads are role nouns for organisations and media.
var orgHeads = set(
	"ministry", "ministries", "police", "court", "office", "government", "agency", "company",
	"newspaper", "paper", "department", "committee", "embassy", "consulate", "service",
	"council", "parliament", "senate", "army", "military", "prosecutors", "prosecution",
	"firm", "group", "party", "organisation", "organization", "union", "administration",
	"authorities", "authority", "channel", "television", "broadcaster", "station",
	"website", "outlet", "magazine", "daily", "network", "commission", "bureau", "centre",
	"center", "board", "cabinet", "presidency", "kremlin", "team", "club", "university",
	"hospital", "media", "press", "statement", "report", "foundation", "institute", "bank",
	"corporation", "airline", "club", "league", "federation", "watchdog", "regulator",
)

// notNames are capitalised words that start sentences or headlines and are
// not names.
var notNames = set(
	"the", "a", "an", "he", "she", "they", "we", "i", "it", "his", "her", "their", "its", "our",
	"my", "this", "that", "these", "those", "there", "but", "and", "or", "so", "yet", "if",
	"when", "while", "after", "before", "as", "in", "on", "at", "for", "from", "with", "by",
	"according", "speaking", "asked", "meanwhile", "however", "although", "though", "because",
	"since", "until", "last", "next", "one", "two", "some", "many", "most", "all", "both",
	"no", "not", "nobody", "everyone", "what", "why", "how", "who", "where", "which", "yes",
	"mr", "mrs", "ms", "miss", "dr", "q", "a", "also", "then", "now", "today", "yesterday",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "photo", "read", "related", "update", "updated",
	"police", "officials", "sources", "witnesses", "residents",
	"three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousands", "dozens",
	"overnight", "instead", "earlier", "later", "finally", "still", "even", "only",
)

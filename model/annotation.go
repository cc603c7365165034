package model

// Token is one word, number or punctuation mark of a document's cleaned text.
type Token struct {
	Start int       `json:"start"`
	End   int       `json:"end"`
	Text  string    `json:"text"`
	Kind  TokenKind `json:"kind"`
}

// TokenKind tells words from numbers from punctuation.
type TokenKind uint8

const (
	TokenWord TokenKind = iota
	TokenNumber
	TokenPunct
	TokenSymbol
)

// EntityType is the type of a named mention.
type EntityType string

const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	Group        EntityType = "group" // nationalities, religious or political groups: "Kyrgyz", "Tajik citizens"
)

// Mention is one occurrence of a named entity in one document.
type Mention struct {
	Span
	Type EntityType `json:"type"`
	// Sentence is the sentence that contains the mention.
	Sentence Range `json:"sentence"`
	// Entity is the ID of the resolved entity; empty until resolution.
	Entity string `json:"entity,omitempty"`
	// Role is a title or description attached in the text ("President",
	// "jazz pianist"), when the tagger saw one.
	Role string `json:"role,omitempty"`
}

// Granularity is how precise a date value is.
type Granularity string

const (
	GranTime  Granularity = "time"
	GranDay   Granularity = "day"
	GranWeek  Granularity = "week"
	GranMonth Granularity = "month"
	GranYear  Granularity = "year"
	GranRange Granularity = "range"
)

// Timex is one temporal expression, normalised.
type Timex struct {
	Span
	Sentence Range `json:"sentence"`
	// Value is an ISO 8601 value: "2022-01-09", "2022-01", "2022-W02",
	// "2022-01-09T16:00", or for a range "2022-01-04/2022-01-06".
	Value       string      `json:"value"`
	Granularity Granularity `json:"granularity"`
	// Anchor says what a relative expression was resolved against:
	// "published 2022-01-11", "inferred reference 2022-01-10", "previous
	// date 2022-01-03", or "" for an absolute date.
	Anchor string `json:"anchor,omitempty"`
	// Modifier is "early", "mid", "late", "approx" or "".
	Modifier string `json:"modifier,omitempty"`
}

// ValueKind is the type of a normalised fact value.
type ValueKind string

const (
	KindMoney    ValueKind = "money"
	KindCount    ValueKind = "count"
	KindDate     ValueKind = "date"
	KindPlace    ValueKind = "place"
	KindAge      ValueKind = "age"
	KindDuration ValueKind = "duration"
	KindEvent    ValueKind = "event" // an event claim with polarity: tortured / not tortured
	KindText     ValueKind = "text"
	// KindPercent is a share, rate or change given in percent: a level
	// ("65% of traffic", "turnout was 61%") or a change ("rose 3%",
	// "fell 2 percentage points"), see Quantity.Change.
	KindPercent ValueKind = "percent"
)

// Percentage units (Quantity.Unit and Value.Unit of KindPercent).
const (
	UnitPercent    = "percent"          // "65%", "65 per cent"
	UnitPercentage = "percentage point" // "3 percentage points": a difference of two levels
)

// Phase is where a moving level stands in its day's sequence, as the
// sentence puts it: "" when it does not say.
type Phase string

const (
	// PhaseEarlier is a level reached before the report: "at one point",
	// "initially".
	PhaseEarlier Phase = "earlier"
	// PhaseFinal is a level at the end of a session: "closed down 3.9%".
	PhaseFinal Phase = "final"
)

// Quantity is a money amount, count, age or duration found in text.
type Quantity struct {
	Span
	Sentence Range     `json:"sentence"`
	Kind     ValueKind `json:"kind"`
	// Amount is the value; for a vague count ("dozens") Min and Max bound it.
	Amount float64 `json:"amount"`
	Min    float64 `json:"min,omitempty"`
	Max    float64 `json:"max,omitempty"`
	// Approx is true for hedged values ("about 30", "nearly 100,000").
	Approx bool `json:"approx,omitempty"`
	// Unit is an ISO 4217 code for money ("USD", "KZT", "EUR", "KGS",
	// "RUB"), the counted noun for counts ("troops"), or a time unit for
	// durations and ages ("year", "day").
	Unit string `json:"unit,omitempty"`
	// Parallel points to another quantity in the same text that restates this
	// one in another currency ("90,000 tenge [$207]"): its index in the
	// document's quantity list, or -1.
	Parallel int `json:"parallel"`
	// Of is what a percentage is a share of, as the text names it after
	// "of" ("voice traffic" of "55% of voice traffic in Saudi Arabia"),
	// lower case, also for a list item that leaves it out ("52% in
	// Egypt"); "" when the text does not say.
	Of string `json:"of,omitempty"`
	// Change marks a percentage that is a change ("rose 3%", "down by
	// 80%", "a 5% rise", percentage points) rather than a level.
	Change bool `json:"change,omitempty"`
}

// Quote is one statement attributed to a speaker. Its Span covers the
// statement's content (without the quotation marks for direct quotes).
type Quote struct {
	ID string `json:"id"`
	Span
	// Speaker is the resolved entity ID, or nil when no speaker was found.
	Speaker     *string `json:"speaker"`
	SpeakerText string  `json:"speaker_text"`
	// SpeakerSpan locates SpeakerText (a name, pronoun or role noun).
	SpeakerSpan *Span `json:"speaker_span,omitempty"`
	// SpeakerRef is the named mention the speaker resolves to within the
	// document (a pronoun's or role noun's antecedent, or the name itself);
	// resolution maps it to the entity ID in Speaker.
	SpeakerRef *Span `json:"speaker_ref,omitempty"`
	// Addressee is whom the statement was made to, where the text says:
	// "told the judge", "told RFE/RL", "said to AFP", the outlet asking the
	// questions of an interview. Empty when unknown.
	Addressee     string `json:"addressee,omitempty"`
	AddresseeSpan *Span  `json:"addressee_span,omitempty"`
	// Cue is the verb or phrase that introduces the statement: "said",
	// "denied", "according to", "interview".
	Cue    string `json:"cue"`
	Direct bool   `json:"direct"`
	// Channel is how the statement reached the reporter: "interview",
	// "broadcast", "social media", "statement", or "" when unknown.
	Channel string `json:"channel"`
	// Date is when the statement was made, where the text says, otherwise the
	// document date; null when neither is known.
	Date     *string `json:"date"`
	Sentence Range   `json:"sentence"`
}

// Annotated is one document with everything the per-document annotation
// stages found in it. Cross-document stages (resolve, compare) take a slice
// of these.
type Annotated struct {
	Doc        *Document  `json:"doc"`
	Tokens     []Token    `json:"tokens,omitempty"`
	Mentions   []Mention  `json:"mentions"`
	Timexes    []Timex    `json:"timexes"`
	Quantities []Quantity `json:"quantities"`
	Quotes     []Quote    `json:"quotes"`
	// Reference is the date relative expressions are resolved against.
	Reference Reference `json:"reference"`
	// Syntax holds the parse of each sentence: Syntax[i] are the words of
	// Doc.Sentences[i] (annotate/syntax), nil when not parsed.
	Syntax [][]Word `json:"syntax,omitempty"`
}

// Word is one syntactic word of a sentence: a token, or part of one ("do"
// and "n't" of "don't"), with its part of speech, lemma, morphology and
// dependency arc (Universal Dependencies).
type Word struct {
	Start int    `json:"start"` // byte offsets into the cleaned text
	End   int    `json:"end"`
	Text  string `json:"text"`
	UPOS  string `json:"upos"` // universal tag: NOUN, VERB, PROPN, …
	XPOS  string `json:"xpos"` // Penn Treebank tag: NN, VBD, NNP, …
	Lemma string `json:"lemma"`
	Feats Feats  `json:"feats"`
	// Head is the index of the head word in the same sentence, -1 for the
	// sentence's root.
	Head int `json:"head"`
	// Rel is the relation to the head: "nsubj", "obl:tmod", "root", ….
	Rel string `json:"rel"`
}

// Feats are a word's morphological features in Universal Dependencies terms;
// "" means not applicable or not known.
type Feats struct {
	Number   string `json:"number,omitempty"`    // Sing, Plur
	Person   string `json:"person,omitempty"`    // 1, 2, 3
	Tense    string `json:"tense,omitempty"`     // Past, Pres
	VerbForm string `json:"verb_form,omitempty"` // Fin, Inf, Part, Ger
	Mood     string `json:"mood,omitempty"`      // Ind, Imp
	Degree   string `json:"degree,omitempty"`    // Pos, Cmp, Sup
	PronType string `json:"pron_type,omitempty"` // Prs, Art, Dem, Rel, Int, …
	Polarity string `json:"polarity,omitempty"`  // Neg
}

// Reference is the reference date of a document: its published date or, when
// it has none, a date inferred from its own explicit dates.
type Reference struct {
	Date     string `json:"date,omitempty"` // "2006-01-02"; empty when unknown
	Inferred bool   `json:"inferred"`
	Reason   string `json:"reason,omitempty"`
}

package model

// Status is the comparison outcome of a fact group.
type Status string

const (
	Agreed       Status = "agreed"
	Disputed     Status = "disputed"
	SingleSource Status = "single-source"
	Changed      Status = "changed" // same speaker or subject, incompatible accounts at different dates
	// Related is no verdict: values the sources give that differ, but that
	// the comparison cannot tell are about one thing (values of different
	// events, of different counted nouns, places it cannot locate). They
	// are shown side by side for a reader to judge.
	Related Status = "related"
)

// Value is a typed, normalised fact value. Fields that do not apply to Kind
// are left zero.
type Value struct {
	Kind ValueKind `json:"kind"`
	// Money and counts.
	Amount   float64 `json:"amount,omitempty"`
	Min      float64 `json:"min,omitempty"`
	Max      float64 `json:"max,omitempty"`
	Currency string  `json:"currency,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	// Dates.
	Date        string      `json:"date,omitempty"`
	Granularity Granularity `json:"granularity,omitempty"`
	// Places: the entity ID and a relative location ("70 km west of").
	Entity   string `json:"entity,omitempty"`
	Relation string `json:"relation,omitempty"`
	// Facility is the kind of site a place names within a town, when it
	// names one: "hospital", "home", "scene", "bus station", "airport".
	Facility string `json:"facility,omitempty"`
	// Percentages: a change ("rose 3%") rather than a level; what the
	// level is a share of and where ("traffic", "IN") is the fact's
	// Measure.
	Change bool `json:"change,omitempty"`
	// Event claims and free text.
	Text string `json:"text,omitempty"`
	// Equivalent is the same money amount as the text restates it in another
	// currency ("90,000 tenge [$207]"), when it does.
	Equivalent *Value `json:"equivalent,omitempty"`
	// Scope is what part of the whole a count is narrowed to, when its
	// sentence narrows it (counts only).
	Scope Scope `json:"scope,omitzero"`
}

// Scope narrows a count to a part of the whole its frame counts: "10
// were killed in Velmar district" counts one district's dead, "12 of
// the 45 wounded" a part of the wounded, "17 unanswered points" points
// of one kind. Two counts of different scopes may be a part and its
// whole, or two parts, so they never dispute each other.
type Scope struct {
	// Place is the place the count is counted in, as its clause names it
	// ("Velmar district", "Thessaly"), or "".
	Place string `json:"place,omitempty"`
	// Partitive is "part" for the part of a set the sentence names ("12
	// of the 45", "of which four", "including six children"), "whole"
	// for the set a part is taken from ("the 45" of "12 of the 45"), or
	// "".
	Partitive string `json:"partitive,omitempty"`
	// Qualifier are the words that make the counted noun a kind of its
	// own ("unanswered" points, punches "thrown"), lemmas joined by
	// spaces in sentence order, or "".
	Qualifier string `json:"qualifier,omitempty"`
}

// FactValue is what one source says about a fact.
type FactValue struct {
	Span
	Sentence Range `json:"sentence"`
	Value    Value `json:"value"`
	// Polarity is "asserted" or "negated".
	Polarity string `json:"polarity"`
	Hedged   bool   `json:"hedged"`
	// AttributedTo is the quoted speaker's entity ID or name, or "" when the
	// outlet says it in its own voice.
	AttributedTo string `json:"attributed_to"`
	// Date is when the claim was made (quote or document date).
	Date *string `json:"date"`
	// Trigger is the word that ties the value to its frame ("arrested",
	// "fire"), lower case, or "" for a value no frame claims.
	Trigger string `json:"trigger,omitempty"`
	// Modality is how the source puts it: asserted in its own voice,
	// reported (attributed to a speaker), hedged ("reportedly", "may
	// have"), or denied (negated).
	Modality Modality `json:"modality,omitempty"`
	// Running marks a count that is the level a running tally had reached
	// when the source wrote ("the toll rose to N"): sources writing at
	// different times give different levels without disagreeing.
	Running bool `json:"running,omitempty"`
	// Aside marks a value of an agreed fact that agrees with no other
	// source's value and could not be compared with them (another event
	// or measure, a bare weekday): shown apart from the agreement, which
	// it does not join.
	Aside bool `json:"aside,omitempty"`
	// Phase is where a moving level (a percentage) stands in the day's
	// sequence, as the sentence puts it ("at one point", "closed at").
	Phase Phase `json:"phase,omitempty"`
	// Agent is the person who did the event the value is of ("Brown" of
	// "Brown's press conference began at 5 pm"), entity ID or name key, or
	// "" when the parse names none: two agents' events are two events.
	Agent string `json:"agent,omitempty"`
}

// Modality is how a source puts a statement.
type Modality string

const (
	Asserted Modality = "asserted"
	Reported Modality = "reported"
	Hedged   Modality = "hedged"
	Denied   Modality = "denied"
)

// FrameName names what happened: "detention", "death toll", "payment".
type FrameName string

// Role is the part of a frame a value fills.
type Role string

const (
	RoleTime      Role = "time"        // the day (or month, year)
	RoleClockTime Role = "time of day" // "at 11:40"
	RolePlace     Role = "place"
	RoleCount     Role = "count"    // how many (of Measure)
	RoleAmount    Role = "amount"   // money (paid per/by Measure)
	RoleDuration  Role = "duration" // how long
	RoleAge       Role = "age"
	RoleOccurred  Role = "occurred" // whether it happened (event claims)
	RolePercent   Role = "percent"  // a share's level or a change, in percent (of Measure)
)

// Fact is what the sources say about one thing: a frame (what happened:
// a detention, a death toll, a payment), the event it belongs to, a role
// in that frame (its time, place, count, amount, duration), the subject
// it is about and, for counts and amounts, the measure (what is counted,
// per whom, paid by whom). Each source's statement is a FactValue. Display
// names are made by present/, from these fields.
type Fact struct {
	// ID is derived from frame, event, role, subject and measure (for a
	// value no frame claims: from role, measure and its first value's
	// place in its document), never from a display string, so it stays
	// when wording rules change.
	ID string `json:"id"`
	// Frame is what happened, "" for values no frame claims (aligned by
	// the words around them; see Topic).
	Frame FrameName `json:"frame,omitempty"`
	// Event is the event the fact belongs to: "story" for the story's own
	// event, "then:2019" for an earlier event the story recalls with a
	// year ("In 2019 three miners died").
	Event string `json:"event,omitempty"`
	// Role is the frame element the values fill.
	Role Role `json:"role,omitempty"`
	// Measure narrows a count or an amount: the counted noun ("people",
	// "house"), the nationality ("KG"), per whom ("family") and who pays
	// ("state"); a place's part in a journey ("destination").
	Measure string `json:"measure,omitempty"`
	// Topic is the word values no frame claims share ("built"), "" when a
	// frame holds the fact.
	Topic       string `json:"topic,omitempty"`
	Subject     string `json:"subject"` // entity ID, "name:…", "group:…", or "" for the story's event
	SubjectName string `json:"subject_name,omitempty"`
	// Attribute is the comparison's grouping key written out
	// ("killed/count (people, KG)"). Kept for fixtures and older readers;
	// present/ names facts from the typed fields above.
	Attribute string      `json:"attribute"`
	Status    Status      `json:"status"`
	Values    []FactValue `json:"values"`
	// Note explains the status in words ("$200 vs 90,000 tenge ($207): within 5%").
	Note string `json:"note,omitempty"`
	// Reason is one line a journalist can check, saying why the status
	// holds ("35 vs 38: both killed, count of people, in the same story,
	// both reported on 2025-11-25").
	Reason string `json:"reason,omitempty"`
	// Review is the user's confirmation or dismissal of Status, when one holds.
	Review *Review `json:"review,omitempty"`
}

// Event is one timeline entry: something that happened on a date, as told by
// one or more sources.
type Event struct {
	ID          string        `json:"id"`
	Date        string        `json:"date"`
	Granularity Granularity   `json:"granularity"`
	Summary     string        `json:"summary"`
	Entities    []string      `json:"entities"`
	Sources     []EventSource `json:"sources"`
	// Conflict is true when sources date this event differently; each
	// source's own date is in its EventSource.
	Conflict bool `json:"conflict"`
}

// EventSource is one document's account of a timeline event.
type EventSource struct {
	Span
	Sentence Range  `json:"sentence"`
	Date     string `json:"date"` // the date this source gives
}

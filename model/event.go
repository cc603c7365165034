package model

// EventRole says how one event stands to its story.
type EventRole string

const (
	// EventMain is the story's main event: the one most documents tell.
	EventMain EventRole = "main"
	// EventBackground is an event the story names that is anchored at a
	// clearly different time (an earlier clash, last year's tsunami).
	EventBackground EventRole = "background"
	// EventRelated is any other event: a sub-event, a reaction, a report,
	// or an event with no time of its own.
	EventRelated EventRole = "related"
)

// EventMention is one mention of an event in one document: its trigger,
// verbal or nominal ("exploded", "the explosion"), with what its sentence
// says about it. Its Span covers the trigger.
type EventMention struct {
	Span
	Sentence Range `json:"sentence"`
	// Head is the trigger's main word, lower-cased ("arrested" in "was
	// arrested"); Lemma is the form heads are compared by.
	Head  string `json:"head"`
	Lemma string `json:"lemma"`
	// Reporting is true for a verb or noun of saying ("said", "statement").
	Reporting bool `json:"reporting,omitempty"`
	// Time is the time expression of the sentence that anchors the
	// mention, when there is one.
	Time *Timex `json:"time,omitempty"`
	// Places and Participants are the IDs of the resolved entities named
	// with the mention (places; people, organisations, groups).
	Places       []string `json:"places,omitempty"`
	Participants []string `json:"participants,omitempty"`
	// Event is the ID of the EventInstance the mention belongs to; empty
	// until event coreference has run.
	Event string `json:"event,omitempty"`
}

// EventInstance is one real-world event, resolved across the documents of
// a story from its mentions.
type EventInstance struct {
	ID string `json:"id"`
	// Label is the trigger head most of its mentions use ("explosion").
	Label string    `json:"label"`
	Role  EventRole `json:"role"`
	// Reason says in one line why the event has its role ("anchored at
	// 2004-12-26, main event 2009-09-30").
	Reason string `json:"reason,omitempty"`
	// Date is the event's own time: the value most of its mentions'
	// sentences give ("2009-09-30"), counting only dates that are absolute
	// or resolved against a publication date; "" when none is.
	Date        string      `json:"date,omitempty"`
	Granularity Granularity `json:"granularity,omitempty"`
	// Docs are the IDs of the documents that mention it, in order.
	Docs []string `json:"docs"`
	// Mentions are the trigger spans, in document order.
	Mentions []Span `json:"mentions"`
}

package model

import "context"

// DecisionKind is what a user decided about a story.
type DecisionKind string

const (
	// DecisionConfirm and DecisionDismiss accept or reject a fact's verdict
	// (its status), by fact ID.
	DecisionConfirm DecisionKind = "confirm"
	DecisionDismiss DecisionKind = "dismiss"
	// DecisionMerge makes several entities one: Entities[0] is kept and the
	// others are folded into it.
	DecisionMerge DecisionKind = "merge"
	// DecisionSplit moves the mentions spelled as one of Names out of
	// Entities[0] into an entity of their own.
	DecisionSplit DecisionKind = "split"
	// DecisionCorrect sets a document's metadata Field to Value.
	DecisionCorrect DecisionKind = "correct"
	// DecisionReprint marks Document as a reprint of document Of.
	DecisionReprint DecisionKind = "reprint"
	// DecisionUndo withdraws decision Target.
	DecisionUndo DecisionKind = "undo"
)

// DecisionState is what became of a decision when it was applied to the
// current analysis of its story.
type DecisionState string

const (
	// DecisionApplied: the decision holds in this dossier.
	DecisionApplied DecisionState = "applied"
	// DecisionOrphaned: what it is about (a fact, an entity, a document) is
	// not in the current analysis; the decision is kept and applies again if
	// it comes back.
	DecisionOrphaned DecisionState = "orphaned"
	// DecisionSuperseded: a later decision on the same fact or field wins.
	DecisionSuperseded DecisionState = "superseded"
	// DecisionUndone: withdrawn by an undo decision.
	DecisionUndone DecisionState = "undone"
)

// CorrectableFields are the document metadata fields a user can correct.
var CorrectableFields = []string{"title", "outlet", "published"}

// Decision is one recorded act of a user on a story: who, when, what, and
// why (Note). Decisions are data kept beside the analysis, never folded into
// it, so every re-analysis applies them again and each can be undone.
type Decision struct {
	ID    int64        `json:"id"`
	Story string       `json:"story"`
	Kind  DecisionKind `json:"kind"`
	// Fact is the fact ID of a confirm or dismiss.
	Fact string `json:"fact,omitempty"`
	// Label describes the target as it was when the decision was made
	// ("Bakyt Zhumaliyev — detained: disputed"), so an orphaned decision
	// still says what it was about.
	Label string `json:"label,omitempty"`
	// Entities are the entity IDs of a merge (the kept one first) or split.
	Entities []string `json:"entities,omitempty"`
	// Names are the spellings a split moves into a new entity.
	Names []string `json:"names,omitempty"`
	// Document is the document ID of a correction or reprint link.
	Document string `json:"document,omitempty"`
	// Field and Value are the corrected metadata field and its new value.
	Field string `json:"field,omitempty"`
	Value string `json:"value,omitempty"`
	// Of is the document a reprint copies.
	Of string `json:"of,omitempty"`
	// Target is the decision an undo withdraws.
	Target int64  `json:"target,omitempty"`
	Note   string `json:"note,omitempty"`
	User   string `json:"user"`
	At     string `json:"at"` // RFC 3339, UTC

	// State and Reason are set when the decision is applied to a dossier.
	State  DecisionState `json:"state,omitempty"`
	Reason string        `json:"reason,omitempty"`
}

// Review is the user's verdict on a fact's status, attached to the fact by
// the decision that holds.
type Review struct {
	// Verdict is "confirmed" or "dismissed".
	Verdict  string `json:"verdict"`
	Decision int64  `json:"decision"`
	User     string `json:"user"`
	At       string `json:"at"`
	Note     string `json:"note,omitempty"`
	// Earlier are the decisions on this fact that this one superseded,
	// oldest first; Conflict is true when one of them, by another user,
	// says otherwise.
	Earlier  []Decision `json:"earlier,omitempty"`
	Conflict bool       `json:"conflict,omitempty"`
}

// Verdicts a Review can hold.
const (
	VerdictConfirmed = "confirmed"
	VerdictDismissed = "dismissed"
)

// DecisionStore keeps users' decisions. A Store that also implements it
// applies them to every dossier it returns.
type DecisionStore interface {
	// AddDecision records d (ID and, when empty, At are assigned) and
	// returns it as stored.
	AddDecision(ctx context.Context, d Decision) (Decision, error)
	// Decisions lists a story's decisions, oldest first, without State.
	Decisions(ctx context.Context, storyID string) ([]Decision, error)
}

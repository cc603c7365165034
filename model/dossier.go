package model

// DossierFormat identifies version 1 of the dossier format.
const DossierFormat = "parallax/dossier@1"

// Dossier is everything Parallax knows about a set of documents. Arrays are
// never nil when marshalled through NewDossier: a stage that has not run
// yields an empty array, not a missing one.
type Dossier struct {
	Format    string     `json:"format"`
	Documents []Document `json:"documents"`
	Stories   []Story    `json:"stories"`
	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Facts     []Fact     `json:"facts"`
	Timeline  []Event    `json:"timeline"`
	// Decisions are the users' decisions on this story, each with the state
	// it has in this analysis (see Decision).
	Decisions []Decision `json:"decisions"`
	// EntityDecisions are the IDs of the merges and splits the analysis
	// applied to the entities before comparison, so its facts already
	// reflect them and they are not applied again when it is read.
	EntityDecisions []int64 `json:"entity_decisions"`
}

// NewDossier returns an empty dossier with every array non-nil.
func NewDossier() *Dossier {
	return &Dossier{
		Format:    DossierFormat,
		Documents: []Document{},
		Stories:   []Story{},
		Entities:  []Entity{},
		Quotes:    []Quote{},
		Facts:     []Fact{},
		Timeline:  []Event{},
		Decisions: []Decision{},

		EntityDecisions: []int64{},
	}
}

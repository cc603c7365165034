package stories

import "context"

// Store persists clustering: each story's documents and summed profile,
// each document's own profile (so a split can take it out of its story
// without re-reading its text), the document frequencies, and the users'
// merges and splits. Every method is atomic.
type Store interface {
	// ClusterState loads every clustered story and the frequencies.
	ClusterState(ctx context.Context) (*State, error)
	// PutAssignment stores a document's profile in its story (the story
	// as it is after the document joined) and counts its features.
	PutAssignment(ctx context.Context, a Assignment) error
	// DocProfiles returns the stored profiles of documents.
	DocProfiles(ctx context.Context, docIDs []string) (map[string]*Profile, error)
	// PutChange stores a user's merge or split: the stories as they are
	// after it, the stories it emptied, and the decision itself. A stored
	// story's document list follows, and an emptied story's dossier is
	// dropped.
	PutChange(ctx context.Context, c Change) error
	// StoryDecisions lists the merges and splits, oldest first.
	StoryDecisions(ctx context.Context) ([]Decision, error)
}

// State is what a Store holds.
type State struct {
	Stories     []Stored
	Frequencies Frequencies
}

// Stored is one story's clustering record.
type Stored struct {
	ID string `json:"id"`
	// Topic names the group of related stories the story is in; it is
	// kept, so a story's topic is the same in every run until a merge.
	Topic   string   `json:"topic,omitempty"`
	Docs    []string `json:"docs"`
	Profile *Profile `json:"profile"`
}

// Assignment is one document placed in a story.
type Assignment struct {
	Doc     string
	Profile *Profile
	Story   Stored
}

// Change is a user's merge or split applied to the clustering.
type Change struct {
	Put      []Stored
	Delete   []string
	Decision Decision
}

// Decision is a user's merge or split, kept so that it is known who moved
// what, and so that later runs, which only ever add documents, keep it.
type Decision struct {
	Kind    string   `json:"kind"`    // Merged, Split, Forced or Reclustered
	Stories []string `json:"stories"` // merge: into, from…; split: the story split
	Docs    []string `json:"docs,omitempty"`
	// Result is the story the documents are in afterwards.
	Result string `json:"result"`
	User   string `json:"user,omitempty"`
	At     string `json:"at"`
}

// Load restores a Clusterer from a store.
func Load(ctx context.Context, st Store, opts Options) (*Clusterer, error) {
	state, err := st.ClusterState(ctx)
	if err != nil {
		return nil, err
	}
	c := New(opts, nil)
	c.SetFrequencies(state.Frequencies)
	for _, s := range state.Stories {
		c.Restore(s.ID, s.Topic, s.Docs, s.Profile)
	}
	decisions, err := st.StoryDecisions(ctx)
	if err != nil {
		return nil, err
	}
	c.PinDecided(decisions)
	return c, nil
}

// Kinds of decisions. A user's merge, split or forced membership pins the
// stories it names (Revisit never re-clusters them); Reclustered records
// what Revisit did.
const (
	Merged      = "merge"
	Split       = "split"
	Forced      = "force"
	Reclustered = "recluster"
)

// PinDecided pins the documents of every story a user's decision names
// (Pin), as the stories are now.
func (c *Clusterer) PinDecided(decisions []Decision) {
	for _, d := range decisions {
		if d.Kind != Merged && d.Kind != Split && d.Kind != Forced {
			continue
		}
		c.Pin(d.Docs...)
		for _, id := range append(append([]string(nil), d.Stories...), d.Result) {
			if s := c.stories[id]; s != nil {
				c.Pin(s.Docs...)
			}
		}
	}
}

// Snapshot is a story's record as stored.
func (c *Clusterer) Snapshot(id string) Stored {
	s := c.stories[id]
	if s == nil {
		return Stored{ID: id, Profile: NewProfile()}
	}
	return Stored{ID: id, Topic: s.Topic, Docs: append([]string(nil), s.Docs...), Profile: s.Profile}
}

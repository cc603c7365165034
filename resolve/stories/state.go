package stories

import (
	"context"
	"errors"
)

// ErrStale is a Store's refusal of a write based on clustering another
// writer has changed since it was read: the writer loads the clustering
// again and places its documents anew, so no writer's addition is
// overwritten by another's older copy of a story.
var ErrStale = errors.New("story clustering changed meanwhile")

// Store persists clustering: each story's documents and summed profile,
// each document's own profile (so a split can take it out of its story
// without re-reading its text), the document frequencies, and the users'
// merges and splits. Every method is atomic. The clustering has a
// version, one more with every stored assignment or change; a write names
// the version its writer read (Base) and is refused with ErrStale unless
// it is still the stored one, so a write never replaces a story record
// with one missing another writer's documents.
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
	// Version is the clustering's version when it was read.
	Version     int64
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
	// Base is the clustering version the writer read.
	Base int64
}

// Change is a user's merge or split applied to the clustering.
type Change struct {
	Put      []Stored
	Delete   []string
	Decision Decision
	// Base is the clustering version the writer read; a change with
	// nothing to Put or Delete (a decision alone) does not need it.
	Base int64
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
	c.version = state.Version
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

// StoreAssignment stores a placement made on this Clusterer (Store.
// PutAssignment), based on the version it was loaded at; ErrStale means
// another writer stored clustering since, and the Clusterer must be
// loaded again.
func (c *Clusterer) StoreAssignment(ctx context.Context, st Store, a Assignment) error {
	a.Base = c.version
	if err := st.PutAssignment(ctx, a); err != nil {
		return err
	}
	c.version++
	return nil
}

// StoreChange is StoreAssignment for a change (Store.PutChange).
func (c *Clusterer) StoreChange(ctx context.Context, st Store, ch Change) error {
	ch.Base = c.version
	if err := st.PutChange(ctx, ch); err != nil {
		return err
	}
	if len(ch.Put) > 0 || len(ch.Delete) > 0 {
		c.version++
	}
	return nil
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/stories"
)

// Analysed is one story a run analysed.
type Analysed struct {
	Story   model.Story
	Dossier *model.Dossier
	// New is true for a story this run started.
	New bool
}

// storyGroup is the taken documents that belong to one story.
type storyGroup struct {
	id   string
	docs []*model.Document
}

// finishStories assigns each taken document to a story (the stored story
// it belongs to, or a new one) when the store keeps story clustering, and
// analyses every story that gained a document; the others are untouched.
// ok is false when the store does not cluster, and the caller makes one
// story of everything as before.
func (p *Pipeline) finishStories(ctx context.Context, in *intake) (res *Result, ok bool, err error) {
	cs, ok := in.st.(stories.Store)
	if !ok || len(in.docs) == 0 {
		return nil, false, nil
	}
	groups, err := p.assignStories(ctx, in.st, cs, in.docs)
	if err != nil {
		return nil, true, err
	}
	res = in.res
	for _, g := range groups {
		sub := &intake{st: in.st, res: &Result{}, docs: g.docs, seen: map[string]bool{}, clustered: true}
		_, err := in.st.StoryDocuments(ctx, g.id)
		sub.newStory = errors.Is(err, model.ErrNotFound)
		if err != nil && !sub.newStory {
			return nil, true, err
		}
		one, err := p.finish(ctx, sub, g.id)
		if err != nil {
			return nil, true, fmt.Errorf("story %s: %w", g.id, err)
		}
		if one.Story.ID == "" {
			continue // its documents all moved to other stories meanwhile
		}
		res.Stories = append(res.Stories, Analysed{Story: one.Story, Dossier: one.Dossier, New: sub.newStory})
	}
	if len(res.Stories) > 0 {
		res.Story, res.Dossier = res.Stories[0].Story, res.Stories[0].Dossier
	}
	return res, true, nil
}

// storyBatch is how many of a run's documents are placed together at
// most: enough for a folder of one story's reports, few enough that their
// profiles are a small part of memory in a run of 100,000.
const storyBatch = 1000

// assignStories places each document in a story, in the order given, and
// stores each placement as it is made. A document placed by an earlier
// run keeps its story.
func (p *Pipeline) assignStories(ctx context.Context, st model.Store, cs stories.Store, docs []*model.Document) ([]storyGroup, error) {
	c, err := stories.Load(ctx, cs, stories.DefaultOptions())
	if err != nil {
		return nil, err
	}
	var fresh []*model.Document
	for _, d := range docs {
		if _, ok := c.StoryOf(d.ID); !ok {
			fresh = append(fresh, d)
		}
	}
	// The documents of a run are known all at once, so they are placed
	// together (Clusterer.AssignAll), a batch of up to storyBatch at a
	// time as soon as its documents are profiled: only a batch of profiles
	// is held, not one per document of the run.
	ready := make([]*stories.Profile, len(fresh))
	next, from := 0, 0
	var putErr error
	moved := map[string][]string{} // story → earlier runs' documents Revisit moved into it
	place := func() {
		ids := make([]string, next-from)
		for i := range ids {
			ids[i] = fresh[from+i].ID
		}
		putErr = p.placeBatch(ctx, &c, cs, ids, ready[from:next], moved)
		clear(ready[from:next])
		from = next
	}
	err = p.annotateStored(ctx, st, fresh, "reading for stories", func(i int, a *model.Annotated) {
		ready[i] = stories.Extract(a)
		for ; next < len(fresh) && ready[next] != nil && putErr == nil; next++ {
			if next-from == storyBatch {
				place()
			}
		}
	})
	if err != nil {
		return nil, err
	}
	if putErr == nil && next > from {
		place()
	}
	if putErr != nil {
		return nil, putErr
	}
	index := map[string]int{}
	var groups []storyGroup
	for _, d := range docs {
		id, _ := c.StoryOf(d.ID)
		i, seen := index[id]
		if !seen {
			i = len(groups)
			index[id] = i
			groups = append(groups, storyGroup{id: id})
		}
		groups[i].docs = append(groups[i].docs, d)
	}
	// Stories that gained or lost earlier documents are analysed again too.
	for _, id := range slices.Sorted(maps.Keys(moved)) {
		if c.Story(id) == nil {
			continue
		}
		i, seen := index[id]
		if !seen {
			i = len(groups)
			index[id] = i
			groups = append(groups, storyGroup{id: id})
		}
		for _, d := range moved[id] {
			if now, _ := c.StoryOf(d); now != id || slices.ContainsFunc(groups[i].docs, func(x *model.Document) bool { return x.ID == d }) {
				continue // moved on again, or one of this run's
			}
			doc, err := st.Document(ctx, d)
			if err != nil {
				return nil, err
			}
			doc.Raw = nil
			groups[i].docs = append(groups[i].docs, doc)
		}
	}
	return groups, nil
}

// staleRetries is how many times a write refused as stale (another run
// stored clustering meanwhile) is tried again on the clustering loaded
// anew; each refusal means another writer made progress.
const staleRetries = 1000

// placeBatch places a batch of documents (Clusterer.AssignAll), stores
// each placement, and clusters again the stories that gained documents.
// When another run stored clustering meanwhile (stories.ErrStale), the
// clustering is loaded again into *c and the batch's documents not yet
// stored are placed anew on it, so no run's placement overwrites
// another's.
func (p *Pipeline) placeBatch(ctx context.Context, c **stories.Clusterer, cs stories.Store, ids []string, profiles []*stories.Profile, moved map[string][]string) error {
	for attempt := 0; ; attempt++ {
		err := p.tryPlace(ctx, *c, cs, ids, profiles, moved)
		if !errors.Is(err, stories.ErrStale) || attempt == staleRetries {
			return err
		}
		if *c, err = stories.Load(ctx, cs, stories.DefaultOptions()); err != nil {
			return err
		}
	}
}

// tryPlace is one attempt of placeBatch.
func (p *Pipeline) tryPlace(ctx context.Context, c *stories.Clusterer, cs stories.Store, ids []string, profiles []*stories.Profile, moved map[string][]string) error {
	var pending, placed []string
	var pendingProfiles []*stories.Profile
	profileOf := map[string]*stories.Profile{}
	for i, id := range ids {
		if _, ok := c.StoryOf(id); !ok {
			pending = append(pending, id)
			pendingProfiles = append(pendingProfiles, profiles[i])
		} else {
			placed = append(placed, id)
			profileOf[id] = profiles[i]
		}
	}
	// A refused attempt may have stored a story listing documents of the
	// batch whose own assignments it never stored (each assignment stores
	// its story whole); they are placed, but their profiles and counts
	// are stored now.
	if len(placed) > 0 {
		have, err := cs.DocProfiles(ctx, placed)
		if err != nil {
			return err
		}
		for _, id := range placed {
			if have[id] != nil {
				continue
			}
			story, _ := c.StoryOf(id)
			if err := c.StoreAssignment(ctx, cs, stories.Assignment{Doc: id, Profile: profileOf[id], Story: c.Snapshot(story)}); err != nil {
				return err
			}
		}
	}
	c.AssignAll(pending, pendingProfiles)
	// Stored only once the batch is placed: a run stopped before
	// stores none of it, and the next run places it again.
	for i, id := range pending {
		story, _ := c.StoryOf(id)
		if err := c.StoreAssignment(ctx, cs, stories.Assignment{Doc: id, Profile: pendingProfiles[i], Story: c.Snapshot(story)}); err != nil {
			return err
		}
	}
	// A story all of whose documents came in this batch was placed
	// twice already; one that gained documents is clustered again.
	for _, story := range c.Joined(ids) {
		if err := p.revisit(ctx, c, cs, story, moved); err != nil {
			return err
		}
	}
	return nil
}

// revisit clusters a story that gained documents again (Clusterer.
// Revisit) and stores what moved: the stories as they are after it, in
// one change, so a run stopped at any point leaves every document in one
// story. moved gains, for each story, the documents it received and the
// stories they left (with no documents: analysed again for what they
// lost).
func (p *Pipeline) revisit(ctx context.Context, c *stories.Clusterer, cs stories.Store, storyID string, moved map[string][]string) error {
	moves, err := c.Revisit(storyID, func(ids []string) (map[string]*stories.Profile, error) { return cs.DocProfiles(ctx, ids) })
	if err != nil || len(moves) == 0 {
		return err
	}
	change := stories.Change{Decision: stories.Decision{Kind: stories.Reclustered, Stories: []string{moves[0].From}}}
	put := map[string]bool{}
	gained := map[string][]string{}
	for _, m := range moves {
		change.Decision.Docs = append(change.Decision.Docs, m.Doc)
		for _, id := range []string{m.From, m.To} {
			if put[id] {
				continue
			}
			put[id] = true
			if c.Story(id) == nil {
				change.Delete = append(change.Delete, id)
				continue
			}
			change.Put = append(change.Put, c.Snapshot(id))
			gained[id] = gained[id]
		}
		gained[m.To] = append(gained[m.To], m.Doc)
		change.Decision.Result = m.To
	}
	if err := c.StoreChange(ctx, cs, change); err != nil {
		return err
	}
	for id, docs := range gained {
		moved[id] = append(moved[id], docs...)
	}
	return nil
}

// profile annotates a copy of doc as far as clustering reads it.
func (p *Pipeline) profile(ctx context.Context, doc *model.Document) (*stories.Profile, error) {
	d := *doc
	d.Sentences = tokenize.Sentences(d.Text)
	mentions, err := p.tagger.Tag(ctx, &d)
	if err != nil {
		return nil, fmt.Errorf("%s: tag entities: %w", d.Source, err)
	}
	a := &model.Annotated{Doc: &d, Mentions: mentions, Reference: timex.Reference(&d)}
	a.Timexes = timex.Extract(&d, a.Reference)
	return stories.Extract(a), nil
}

// clusterer loads the stored clustering and makes sure each named story is
// in it: a story analysed before clustering existed (or forced with
// --story) is profiled from its stored documents.
func (p *Pipeline) clusterer(ctx context.Context, st model.Store, ids ...string) (*stories.Clusterer, stories.Store, error) {
	cs, ok := st.(stories.Store)
	if !ok {
		return nil, nil, errors.New("this store does not keep story clustering")
	}
	c, err := stories.Load(ctx, cs, stories.DefaultOptions())
	if err != nil {
		return nil, nil, err
	}
	for _, id := range ids {
		if c.Story(id) != nil {
			continue
		}
		docs, err := p.storyDocuments(ctx, st, id)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range docs {
			prof, err := p.docProfile(ctx, cs, d)
			if err != nil {
				return nil, nil, err
			}
			if prev, ok := c.StoryOf(d.ID); ok {
				c.Remove(prev, d.ID, prof)
			} else {
				c.Observe(prof)
			}
			c.AddTo(id, d.ID, prof)
			if err := c.StoreAssignment(ctx, cs, stories.Assignment{Doc: d.ID, Profile: prof, Story: c.Snapshot(id)}); err != nil {
				return nil, nil, err
			}
		}
	}
	return c, cs, nil
}

// docProfile returns a document's stored profile, or makes it.
func (p *Pipeline) docProfile(ctx context.Context, cs stories.Store, d *model.Document) (*stories.Profile, error) {
	got, err := cs.DocProfiles(ctx, []string{d.ID})
	if err != nil {
		return nil, err
	}
	if prof := got[d.ID]; prof != nil {
		return prof, nil
	}
	return p.profile(ctx, d)
}

// retryStale runs fn, which loads the clustering and stores a change to
// it, again while the store refuses the change as stale (another run
// stored clustering meanwhile; stories.ErrStale).
func retryStale(fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		if !errors.Is(err, stories.ErrStale) || attempt == staleRetries {
			return err
		}
	}
}

// MergeStories moves every document of the stories from into story into,
// records the user's decision, and re-analyses the merged story. Later
// runs only add documents, so the merge stays.
func (p *Pipeline) MergeStories(ctx context.Context, st model.Store, into string, from []string, user string) (*Analysed, error) {
	err := retryStale(func() error {
		c, cs, err := p.clusterer(ctx, st, append([]string{into}, from...)...)
		if err != nil {
			return err
		}
		for _, f := range from {
			if f == into {
				return fmt.Errorf("merge: story %s named twice", f)
			}
			if err := c.Merge(into, f); err != nil {
				return err
			}
		}
		return c.StoreChange(ctx, cs, stories.Change{Put: []stories.Stored{c.Snapshot(into)}, Delete: from,
			Decision: stories.Decision{Kind: stories.Merged, Stories: append([]string{into}, from...), Result: into, User: user}})
	})
	if err != nil {
		return nil, err
	}
	d, err := p.Reanalyze(ctx, st, into)
	if err != nil {
		return nil, err
	}
	return &Analysed{Story: d.Stories[0], Dossier: d}, nil
}

// SplitStory moves the named documents of a story into a new story,
// records the user's decision, and re-analyses both.
func (p *Pipeline) SplitStory(ctx context.Context, st model.Store, storyID string, docIDs []string, user string) ([]Analysed, error) {
	var newID string
	var moved []*model.Document
	err := retryStale(func() error {
		moved = nil
		c, cs, err := p.clusterer(ctx, st, storyID)
		if err != nil {
			return err
		}
		s := c.Story(storyID)
		members := map[string]bool{}
		for _, d := range s.Docs {
			members[d] = true
		}
		for _, d := range docIDs {
			if !members[d] {
				return fmt.Errorf("split: document %s is not in story %s", d, storyID)
			}
		}
		if len(docIDs) == 0 || len(docIDs) >= len(s.Docs) {
			return fmt.Errorf("split: name some, not all, of story %s's %d documents", storyID, len(s.Docs))
		}
		profs, err := cs.DocProfiles(ctx, docIDs)
		if err != nil {
			return err
		}
		newID = c.NewID(docIDs[0])
		for _, id := range docIDs {
			prof := profs[id]
			if prof == nil {
				return fmt.Errorf("split: document %s has no stored profile", id)
			}
			c.Remove(storyID, id, prof)
			c.AddTo(newID, id, prof)
			doc, err := st.Document(ctx, id)
			if err != nil {
				return err
			}
			doc.Raw = nil
			moved = append(moved, doc)
		}
		return c.StoreChange(ctx, cs, stories.Change{Put: []stories.Stored{c.Snapshot(storyID), c.Snapshot(newID)},
			Decision: stories.Decision{Kind: stories.Split, Stories: []string{storyID}, Docs: docIDs, Result: newID, User: user}})
	})
	if err != nil {
		return nil, err
	}
	kept, err := p.Reanalyze(ctx, st, storyID)
	if err != nil {
		return nil, err
	}
	sub := &intake{st: st, res: &Result{}, docs: moved, seen: map[string]bool{}, newStory: true}
	res, err := p.finish(ctx, sub, newID)
	if err != nil {
		return nil, err
	}
	return []Analysed{{Story: kept.Stories[0], Dossier: kept}, {Story: res.Story, Dossier: res.Dossier, New: true}}, nil
}

// finishRun is finish for a run of new inputs. Documents forced into a
// story with --story join that story's clustering record too, so later
// articles can find it.
func (p *Pipeline) finishRun(ctx context.Context, in *intake, storyID string) (*Result, error) {
	res, err := p.finish(ctx, in, storyID)
	if err != nil || storyID == "" || len(in.docs) == 0 {
		return res, err
	}
	if _, ok := in.st.(stories.Store); !ok {
		return res, nil
	}
	if err := retryStale(func() error { return p.forceInto(ctx, in, storyID) }); err != nil {
		return nil, err
	}
	return res, nil
}

// forceInto puts a run's documents in the clustering record of the story
// --story named, taking each out of any other story it was in.
func (p *Pipeline) forceInto(ctx context.Context, in *intake, storyID string) error {
	c, cs, err := p.clusterer(ctx, in.st, storyID)
	if err != nil {
		return err
	}
	var forced []string
	for _, d := range in.docs {
		if s, ok := c.StoryOf(d.ID); ok && s == storyID {
			continue
		}
		prof, err := p.docProfile(ctx, cs, d)
		if err != nil {
			return err
		}
		if prev, ok := c.StoryOf(d.ID); ok {
			c.Remove(prev, d.ID, prof)
			if err := c.StoreChange(ctx, cs, stories.Change{Put: []stories.Stored{c.Snapshot(prev)},
				Decision: stories.Decision{Kind: stories.Forced, Stories: []string{prev}, Docs: []string{d.ID}, Result: storyID}}); err != nil {
				return err
			}
		} else {
			c.Observe(prof)
			forced = append(forced, d.ID)
		}
		c.AddTo(storyID, d.ID, prof)
		if err := c.StoreAssignment(ctx, cs, stories.Assignment{Doc: d.ID, Profile: prof, Story: c.Snapshot(storyID)}); err != nil {
			return err
		}
	}
	if len(forced) > 0 { // recorded, so later runs never re-cluster the story (stories.Clusterer.PinDecided)
		return c.StoreChange(ctx, cs, stories.Change{
			Decision: stories.Decision{Kind: stories.Forced, Stories: []string{storyID}, Docs: forced, Result: storyID}})
	}
	return nil
}

// forEach runs fn on every document, Options.Workers at a time, and
// reports each one finished under stage.
func (p *Pipeline) forEach(ctx context.Context, docs []*model.Document, stage string, fn func(i int, doc *model.Document) error) error {
	var finished atomic.Int64
	return p.parallel(ctx, len(docs), func(i int) error {
		err := fn(i, docs[i])
		p.tick(stage, &finished, len(docs))
		return err
	})
}

// parallel runs fn(0) … fn(n-1), Options.Workers at a time. Cancellation is
// one error, not one per call.
func (p *Pipeline) parallel(ctx context.Context, n int, fn func(i int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	sem := make(chan struct{}, p.opts.Workers)
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// tick reports one more document of a stage finished.
func (p *Pipeline) tick(stage string, done *atomic.Int64, total int) {
	if p.opts.Progress != nil {
		p.opts.Progress(stage, int(done.Add(1)), total)
	}
}

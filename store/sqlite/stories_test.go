package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/stories"
	"github.com/parallaxnews/parallax/store/sqlite"
)

func profileOf(words ...string) *stories.Profile {
	p := stories.NewProfile()
	p.Docs = 1
	for _, w := range words {
		p.Features[stories.Terms][w] = 1
	}
	return p
}

// A story's topic is stored with it and read back; a store of schema 4,
// from before topics, gains the column and its stories read back with no
// topic (each its own when loaded).
func TestStoryTopicStored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "topics.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var version int64
	put := func(doc, story, topic string) {
		t.Helper()
		err := s.PutAssignment(ctx, stories.Assignment{Doc: doc, Profile: profileOf("quake"), Base: version,
			Story: stories.Stored{ID: story, Topic: topic, Docs: []string{doc}, Profile: profileOf("quake")}})
		if err != nil {
			t.Fatal(err)
		}
		version++
	}
	put("d1", "s-1", "s-1")
	put("d2", "s-2", "s-1")
	// A write based on an older copy of the clustering is refused, and
	// stores nothing.
	stale := stories.Assignment{Doc: "d3", Profile: profileOf("quake"), Base: version - 1,
		Story: stories.Stored{ID: "s-1", Topic: "s-1", Docs: []string{"d1", "d3"}, Profile: profileOf("quake")}}
	if err := s.PutAssignment(ctx, stale); !errors.Is(err, stories.ErrStale) {
		t.Fatalf("stale assignment: %v, want stories.ErrStale", err)
	}
	if err := s.PutChange(ctx, stories.Change{Put: []stories.Stored{stale.Story}, Base: version - 1}); !errors.Is(err, stories.ErrStale) {
		t.Fatalf("stale change: %v, want stories.ErrStale", err)
	}
	st, err := s.ClusterState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Version != version || st.Frequencies.Docs != 2 {
		t.Errorf("version %d, %d documents counted; want %d, 2", st.Version, st.Frequencies.Docs, version)
	}
	if len(st.Stories) != 2 || st.Stories[0].Topic != "s-1" || st.Stories[1].Topic != "s-1" {
		t.Fatalf("stored topics: %+v", st.Stories)
	}
	c, err := stories.Load(ctx, s, stories.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if tp, _ := c.TopicOf("s-2"); tp != "s-1" {
		t.Errorf("loaded topic of s-2 = %q, want s-1", tp)
	}
	s.Close()

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`ALTER TABLE story_clusters DROP COLUMN topic; PRAGMA user_version = 5`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate from schema 5: %v", err)
	}
	defer s.Close()
	c, err = stories.Load(ctx, s, stories.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if tp, _ := c.TopicOf("s-2"); tp != "s-2" {
		t.Errorf("after migration, topic of s-2 = %q, want its own", tp)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// A clustered story that lists a document the clustering has since placed
// in another story (another run's re-clustering moved it while this one
// analysed the story) is refused as stale and stores nothing; a document
// the clustering does not hold, or that is in the story's own record, is
// fine, and PutStory (a story forced with --story) does not check.
func TestPutClusteredStoryRefusesMovedDocument(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	var version int64
	place := func(story string, docs ...string) {
		t.Helper()
		if err := s.PutAssignment(ctx, stories.Assignment{Doc: docs[len(docs)-1], Profile: profileOf("flood"), Base: version,
			Story: stories.Stored{ID: story, Docs: docs, Profile: profileOf("flood")}}); err != nil {
			t.Fatal(err)
		}
		version++
	}
	place("s-a", "d1")
	place("s-a", "d1", "d2")
	place("s-b", "d3")
	d := &model.Dossier{}
	if err := s.PutClusteredStory(ctx, model.Story{ID: "s-a", Documents: []string{"d1", "d2", "d9"}}, d); err != nil {
		t.Fatalf("story agreeing with its record: %v", err)
	}
	// d2 moves to s-b, as a re-clustering stores it.
	if err := s.PutChange(ctx, stories.Change{Base: version, Decision: stories.Decision{Kind: stories.Reclustered},
		Put: []stories.Stored{{ID: "s-a", Docs: []string{"d1"}, Profile: profileOf("flood")}, {ID: "s-b", Docs: []string{"d3", "d2"}, Profile: profileOf("flood")}}}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ClusteredElsewhere(ctx, "s-a", []string{"d1", "d2", "d9"}); err != nil || len(got) != 1 || got[0] != "d2" {
		t.Errorf("clustered elsewhere: %v %v, want [d2]", got, err)
	}
	err := s.PutClusteredStory(ctx, model.Story{ID: "s-a", Documents: []string{"d1", "d2", "d9"}, Title: "late"}, d)
	if !errors.Is(err, model.ErrStale) {
		t.Fatalf("story listing a moved document: %v, want model.ErrStale", err)
	}
	stored, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stored {
		if st.Title == "late" {
			t.Errorf("the refused story was stored: %+v", st)
		}
	}
	if err := s.PutStory(ctx, model.Story{ID: "s-a", Documents: []string{"d1", "d2", "d9"}}, d); err != nil {
		t.Errorf("PutStory checks the clustering: %v", err)
	}
}

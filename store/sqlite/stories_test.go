package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

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

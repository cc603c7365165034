package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/store/sqlite"
)

// Problem 4 of issue 19: two `analyze --story S` at once lost a document
// (each read the story, added its own and wrote the list back). Writers
// here each have their own connection to one SQLite file, as separate
// processes would; every document must end up in the story.
func TestConcurrentAdditionsLoseNothing(t *testing.T) {
	ctx := context.Background()
	p, _ := newPipeline(t)
	path := filepath.Join(t.TempDir(), "shared.db")
	open := func() *sqlite.Store {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	first, err := p.AnalyzeInputs(ctx, open(), synthInputs(2, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	const writers = 8
	var wg sync.WaitGroup
	errs := make([]error, writers)
	want := map[string]bool{}
	for _, id := range first.Story.Documents {
		want[id] = true
	}
	for w := range writers {
		ins := synthInputs(2, uint64(100+w))
		for i := range ins {
			ins[i].Source = fmt.Sprintf("writer%d/%s", w, ins[i].Source)
		}
		st := open()
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := p.AnalyzeInputs(ctx, st, ins, first.Story.ID)
			if err != nil {
				errs[w] = err
				return
			}
			if res.Added != len(ins) {
				errs[w] = fmt.Errorf("writer %d added %d of %d", w, res.Added, len(ins))
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	st := open()
	docs, err := st.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		want[d.ID] = true
	}
	stories, err := st.Stories(ctx)
	if err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v %d", err, len(stories))
	}
	got := map[string]bool{}
	for _, id := range stories[0].Documents {
		got[id] = true
	}
	for id := range want {
		if !got[id] {
			t.Errorf("document %s was stored but is missing from the story", id)
		}
	}
	if len(stories[0].Documents) != len(want) {
		t.Errorf("story lists %d documents, %d distinct stored", len(stories[0].Documents), len(want))
	}
	d, err := st.StoryDossier(ctx, first.Story.ID)
	if err != nil || len(d.Documents) != len(want) {
		t.Errorf("dossier: %v, %d documents, want %d", err, len(d.Documents), len(want))
	}
}

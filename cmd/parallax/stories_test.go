package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/store/sqlite"
)

// copyStories copies the articles of story folders into one mixed folder,
// each under a sub-folder named after its story, and returns it.
func copyStories(t *testing.T, folders ...string) string {
	t.Helper()
	mixed := filepath.Join(t.TempDir(), "mixed")
	for _, f := range folders {
		entries, err := os.ReadDir(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "gold.json" || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(f, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(mixed, filepath.Base(f), e.Name()), b)
		}
	}
	return mixed
}

// storyFolders maps each stored story to the sorted sub-folders its
// documents came from.
func storyFolders(t *testing.T, db string) map[string][]string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, s := range list {
		docs, err := st.StoryDocuments(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, d := range docs {
			folder := filepath.Base(filepath.Dir(strings.SplitN(d.Source, "#", 2)[0]))
			if !seen[folder] {
				seen[folder] = true
				out[s.ID] = append(out[s.ID], folder)
			}
		}
		sort.Strings(out[s.ID])
	}
	return out
}

// The bundled example and two fictional stories analysed together become
// exactly those three stories; a split and a merge by the user are kept
// when more articles arrive later.
func TestAnalyzeMixedFolderYieldsItsStories(t *testing.T) {
	mixed := copyStories(t,
		filepath.Join("..", "..", "examples", "almaty-confession"),
		filepath.Join("..", "..", "testdata", "compare", "aktobe-bus-crash"),
		filepath.Join("..", "..", "testdata", "compare", "batken-border-clash"))
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errOut := run(t, "", "analyze", "--db", db, mixed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "3 stories (3 new)") {
		t.Errorf("summary: %s", errOut)
	}
	var dossiers []struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal([]byte(out), &dossiers); err != nil || len(dossiers) != 3 || dossiers[2].Format != "parallax/dossier@1" {
		t.Errorf("want a JSON array of 3 dossiers: %d read, err %v", len(dossiers), err)
	}
	got := storyFolders(t, db)
	if len(got) != 3 {
		t.Fatalf("%d stories, want 3: %v", len(got), got)
	}
	var aktobe string
	for id, folders := range got {
		if len(folders) != 1 {
			t.Errorf("story %s mixes %v", id, folders)
		}
		if folders[0] == "aktobe-bus-crash" {
			aktobe = id
		}
	}

	// Split two documents off the bus-crash story, then merge another story
	// into what remains.
	code, list, _ := run(t, "", "stories", "list", "--db", db)
	if code != 0 || strings.Count(list, "docs\t") != 3 || strings.Count(list, "\ttopic ") != 3 {
		t.Fatalf("list: %d\n%s", code, list)
	}
	topicLine := func(list, story string) string {
		for _, line := range strings.Split(list, "\n") {
			if f := strings.Split(line, "\t"); len(f) > 2 && f[0] == story {
				return f[2]
			}
		}
		return ""
	}
	aktobeTopic := topicLine(list, aktobe)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.StoryDocuments(ctx, aktobe)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "", "stories", "split", "--db", db, "--user", "ana", aktobe, docs[0].ID, docs[1].ID)
	if code != 0 {
		t.Fatalf("split: exit %d: %s", code, errOut)
	}
	got = storyFolders(t, db)
	if len(got) != 4 {
		t.Fatalf("after split: %d stories, want 4: %v", len(got), got)
	}
	var other string
	for id, folders := range got {
		if folders[0] != "aktobe-bus-crash" {
			other = id
		}
	}
	code, _, errOut = run(t, "", "stories", "merge", "--db", db, aktobe, other)
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	got = storyFolders(t, db)
	if len(got) != 3 || len(got[aktobe]) != 2 {
		t.Fatalf("after merge: %v", got)
	}

	// A new article of the bus crash arrives: it joins a bus-crash story,
	// and the user's split and merge stand.
	b, err := os.ReadFile(filepath.Join(mixed, "aktobe-bus-crash", "02-meridian-wire.txt"))
	if err != nil {
		t.Fatal(err)
	}
	update := filepath.Join(t.TempDir(), "later", "aktobe-bus-crash", "09-update.txt")
	writeFile(t, update, append(b, []byte("\n\nThis article was updated with a correction to the number of passengers.\n")...))
	if code, _, errOut := run(t, "", "analyze", "--db", db, update); code != 0 {
		t.Fatalf("later article: exit %d: %s", code, errOut)
	}
	got = storyFolders(t, db)
	if len(got) != 3 {
		t.Errorf("after a later article: %d stories, want 3: %v", len(got), got)
	}
	joined := 0
	for _, folders := range got {
		for _, f := range folders {
			if f == "aktobe-bus-crash" {
				joined++
			}
		}
	}
	if joined != 2 || len(got[aktobe]) != 2 {
		t.Errorf("after a later article the user's split and merge changed: %v", got)
	}
	code, list, _ = run(t, "", "stories", "list", "--db", db)
	if got := topicLine(list, aktobe); aktobeTopic == "" || got != aktobeTopic {
		t.Errorf("story %s: %q before, %q after the split, merge and a later run; want it kept", aktobe, aktobeTopic, got)
	}
	if code != 0 || !strings.Contains(list, "decision\t") || !strings.Contains(list, "split") || !strings.Contains(list, "merge") {
		t.Errorf("decisions not listed:\n%s", list)
	}
}

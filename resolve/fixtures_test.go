package resolve_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// fixtureDoc is one document of a testdata/resolve case. Each mention is
// [text, type]; it is located at the first occurrence of text after the
// previous mention's start.
type fixtureDoc struct {
	ID       string      `json:"id"`
	Lang     string      `json:"lang"`
	Authors  []string    `json:"authors"`
	Text     string      `json:"text"`
	Mentions [][2]string `json:"mentions"`
}

// fixtureExpect names mentions as "doc:text" (the first mention with that
// text in that document).
type fixtureExpect struct {
	Same       [][]string        `json:"same"`
	Different  [][]string        `json:"different"`
	Unresolved []string          `json:"unresolved"`
	Names      map[string]string `json:"names"`
}

func TestFixtures(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "testdata", "resolve", "*", "docs.json"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range cases {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var fdocs []fixtureDoc
			var exp fixtureExpect
			readJSON(t, path, &fdocs)
			readJSON(t, filepath.Join(dir, "expect.json"), &exp)
			var docs []*model.Annotated
			for _, fd := range fdocs {
				a := &model.Annotated{Doc: &model.Document{ID: fd.ID, Text: fd.Text, Language: model.Str(fd.Lang), Authors: fd.Authors}}
				pos := 0
				for _, m := range fd.Mentions {
					i := strings.Index(fd.Text[pos:], m[0])
					if i < 0 {
						t.Fatalf("%s: mention %q not found", fd.ID, m[0])
					}
					start := pos + i
					a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(fd.ID, fd.Text, start, start+len(m[0])), Type: model.EntityType(m[1])})
					pos = start + 1
				}
				docs = append(docs, a)
			}
			ents, err := resolve.Entities(context.Background(), docs, resolve.Options{})
			if err != nil {
				t.Fatal(err)
			}
			entityOfRef := func(ref string) string {
				doc, text, _ := strings.Cut(ref, ":")
				for _, d := range docs {
					if d.Doc.ID != doc {
						continue
					}
					for _, m := range d.Mentions {
						if m.Text == text {
							return m.Entity
						}
					}
				}
				t.Fatalf("no mention %q", ref)
				return ""
			}
			for _, group := range exp.Same {
				want := entityOfRef(group[0])
				for _, ref := range group[1:] {
					if got := entityOfRef(ref); got == "" || got != want {
						t.Errorf("%s and %s: want one entity, got %q and %q", group[0], ref, want, got)
					}
				}
			}
			for _, pair := range exp.Different {
				if a, b := entityOfRef(pair[0]), entityOfRef(pair[1]); a == b {
					t.Errorf("%s and %s: want two entities, both %q", pair[0], pair[1], a)
				}
			}
			for _, ref := range exp.Unresolved {
				if got := entityOfRef(ref); got != "" {
					t.Errorf("%s: want unresolved, got %q", ref, got)
				}
			}
			for ref, name := range exp.Names {
				id := entityOfRef(ref)
				for _, e := range ents {
					if e.ID == id && e.Name != name {
						t.Errorf("%s: canonical name %q, want %q", ref, e.Name, name)
					}
				}
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

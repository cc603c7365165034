package clean_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// expectation is testdata/clean/<case>/expected.json.
type expectation struct {
	Meta        map[string]any `json:"meta"` // every field listed; null means "must be null"
	Contains    []string       `json:"contains"`
	NotContains []string       `json:"not_contains"`
	Reasons     []string       `json:"reasons"` // each must be recorded at least once
}

func TestCleanCases(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/clean/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var want expectation
			data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
			if err != nil {
				t.Skip("no expected.json")
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("want one input.* file, got %v", inputs)
			}
			raw, err := os.ReadFile(inputs[0])
			if err != nil {
				t.Fatal(err)
			}
			ins, errs := ingest.FromBytes(t.Context(), inputs[0], inputs[0], raw, ingest.Options{})
			if len(errs) > 0 || len(ins) != 1 {
				t.Fatalf("ingest: %v, %d inputs", errs, len(ins))
			}
			doc, err := clean.Document(ins[0])
			if err != nil {
				t.Fatal(err)
			}
			if string(doc.Raw) != string(raw) || doc.ID != model.DocumentID(raw) {
				t.Error("raw input not kept byte for byte")
			}
			checkMeta(t, doc, want.Meta)
			for _, s := range want.Contains {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q\ntext: %q", s, doc.Text)
				}
			}
			for _, s := range want.NotContains {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text still has %q\ntext: %q", s, doc.Text)
				}
			}
			got := map[string]bool{}
			for _, r := range doc.Removed {
				got[r.Reason] = true
				if r.At < 0 || r.At > len(doc.Text) {
					t.Errorf("removed block %q: At %d outside text", r.Text, r.At)
				}
			}
			for _, r := range want.Reasons {
				if !got[r] {
					t.Errorf("no block removed for reason %q; removed: %+v", r, doc.Removed)
				}
			}
			if len(want.Reasons) == 0 && len(doc.Removed) > 0 {
				t.Errorf("clean text lost blocks: %+v", doc.Removed)
			}
		})
	}
}

func checkMeta(t *testing.T, doc *model.Document, want map[string]any) {
	t.Helper()
	fields := map[string]any{
		"title": doc.Title, "outlet": doc.Outlet, "published": doc.Published, "url": doc.URL,
		"language": doc.Language, "original_source": doc.OriginalSource, "credit": doc.Credit,
	}
	for name, ptr := range fields {
		w, listed := want[name]
		if !listed {
			t.Errorf("expected.json does not list %s", name)
			continue
		}
		p := ptr.(*string)
		switch {
		case w == nil && p != nil:
			t.Errorf("%s = %q, want null (the document does not say)", name, *p)
		case w != nil && p == nil:
			t.Errorf("%s = null, want %q", name, w)
		case w != nil && *p != w.(string):
			t.Errorf("%s = %q, want %q", name, *p, w)
		}
		if p != nil && doc.MetaSources[name] == "" {
			t.Errorf("%s has no recorded source", name)
		}
	}
	var wantAuthors []string
	for _, a := range want["authors"].([]any) {
		wantAuthors = append(wantAuthors, a.(string))
	}
	if len(wantAuthors) == 0 && len(doc.Authors) == 0 {
		return
	}
	if !reflect.DeepEqual(doc.Authors, wantAuthors) {
		t.Errorf("authors = %q, want %q", doc.Authors, wantAuthors)
	}
}

func TestJSONLRecords(t *testing.T) {
	raw, err := os.ReadFile("../testdata/clean/jsonl/input.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ins, errs := ingest.FromBytes(t.Context(), "feed.jsonl", "feed.jsonl", raw, ingest.Options{})
	if len(errs) > 0 || len(ins) != 2 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	first, err := clean.Document(ins[0])
	if err != nil {
		t.Fatal(err)
	}
	if *first.Title != "Talks resume" || *first.Outlet != "East Wire" || *first.Published != "2022-01-10T08:00:00Z" ||
		*first.URL != "https://eastwire.example/2022/01/10/talks" || !reflect.DeepEqual(first.Authors, []string{"Maria Chen"}) {
		t.Errorf("record metadata not taken: %+v", first)
	}
	if first.MetaSources["title"] != "JSON Lines field" || first.Format != "jsonl" || first.Source != "feed.jsonl#1" {
		t.Errorf("sources/format: %+v %s %s", first.MetaSources, first.Format, first.Source)
	}
	second, err := clean.Document(ins[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(second.Text, "A convoy of 40 trucks carrying flour") || strings.Contains(second.Text, "<p>") {
		t.Errorf("html record not extracted: %q", second.Text)
	}
	if second.Title == nil || *second.Title != "Convoy leaves" || !reflect.DeepEqual(second.Authors, []string{"Omar Haddad"}) {
		t.Errorf("html record metadata: title %v authors %v", second.Title, second.Authors)
	}
	if second.Published != nil || second.Outlet != nil {
		t.Errorf("invented metadata: published %v outlet %v", second.Published, second.Outlet)
	}
}

func TestHTMLWithoutArticle(t *testing.T) {
	page := `<html><head><title>Home</title></head><body><nav><a href="/">Home</a><a href="/news">News</a></nav><footer>© 2022</footer></body></html>`
	_, err := clean.Document(ingest.Input{Source: "empty.html", Format: ingest.FormatHTML, Raw: []byte(page)})
	if !errors.Is(err, clean.ErrNoArticle) {
		t.Errorf("err = %v, want ErrNoArticle", err)
	}
}

func TestBrokenHTMLDoesNotPanic(t *testing.T) {
	for _, page := range []string{
		"<html><body><p>Unclosed <b>bold <i>italic <p>Second paragraph about the flood in the valley, which killed 12 people, officials said on Monday.",
		"<<<>>><p><p></div></div></body>" + strings.Repeat("<div>", 5000),
		"<p>" + strings.Repeat("word ", 20) + "</p><script>alert(1)</script>",
	} {
		doc, err := clean.Document(ingest.Input{Source: "broken.html", Format: ingest.FormatHTML, Raw: []byte(page)})
		if err == nil && strings.Contains(doc.Text, "alert(1)") {
			t.Errorf("script text leaked into article: %q", doc.Text)
		}
	}
}

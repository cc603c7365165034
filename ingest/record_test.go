package ingest_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
)

// Exporters name a record's fields their own way; each common spelling
// fills the same field, and the key it came from is kept.
func TestRecordFieldNames(t *testing.T) {
	cases := []struct {
		name, line                        string
		title, url, published, outlet, in string
		authors                           []string
		keys                              map[string]string
	}{
		{
			name:  "schema.org",
			line:  `{"headline": "Ferry service resumes", "datePublished": "2023-04-02T10:00:00Z", "author": {"@type": "Person", "name": "Ada Ring"}, "publisher": {"@type": "Organization", "name": "Harbour Post"}, "url": "https://harbour.example/ferry", "articleBody": "The ferry to the islands ran again on Sunday after a week of storms."}`,
			title: "Ferry service resumes", published: "2023-04-02T10:00:00Z", outlet: "Harbour Post", url: "https://harbour.example/ferry",
			authors: []string{"Ada Ring"}, in: ingest.FormatText,
			keys: map[string]string{"title": "headline", "published": "datePublished", "authors": "author", "outlet": "publisher", "url": "url", "text": "articleBody"},
		},
		{
			name:  "crawler",
			line:  `{"Title": "Bridge closed", "published_at": 1680429600, "byline": "Tom Vale", "link": "https://river.example/bridge", "source": {"id": "rv", "name": "River News"}, "content": "The old bridge was closed to traffic on Sunday for repairs."}`,
			title: "Bridge closed", published: "2023-04-02T10:00:00Z", outlet: "River News", url: "https://river.example/bridge",
			authors: []string{"Tom Vale"}, in: ingest.FormatText,
		},
		{
			name:  "trafilatura's JSON: source is the address, body is HTML",
			line:  `{"name": "Dam inspected", "source": "https://dam.example/a", "sitename": "Dam Daily", "authors": [{"name": "Li Wen"}, "Sam Ode"], "content": "<div><p>Engineers inspected the dam on Monday.</p></div>", "date": "2023-04-03"}`,
			title: "Dam inspected", published: "2023-04-03", outlet: "Dam Daily", url: "https://dam.example/a",
			authors: []string{"Li Wen", "Sam Ode"}, in: ingest.FormatHTML,
		},
		{
			name:  "the field's own name wins over an alias; a number is no title",
			line:  `{"title": 7, "headline": "Port reopens", "url": "https://port.example/a", "link": "https://other.example/b", "text": "The port reopened on Monday after the strike ended."}`,
			title: "Port reopens", url: "https://port.example/a", in: ingest.FormatText,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ins, errs := ingest.FromBytes(context.Background(), "feed.jsonl", "feed.jsonl", []byte(c.line), ingest.Options{})
			if len(errs) != 0 || len(ins) != 1 {
				t.Fatalf("ingest: %v, %d inputs", errs, len(ins))
			}
			r := ins[0].Record
			if r.Title != c.title || r.URL != c.url || r.Published != c.published || r.Outlet != c.outlet || ins[0].Format != c.in {
				t.Errorf("got title %q url %q published %q outlet %q format %s", r.Title, r.URL, r.Published, r.Outlet, ins[0].Format)
			}
			if got := r.AuthorList(); !reflect.DeepEqual(got, c.authors) {
				t.Errorf("authors %q, want %q", got, c.authors)
			}
			for f, k := range c.keys {
				if r.Keys[f] != k {
					t.Errorf("key of %s = %q, want %q", f, r.Keys[f], k)
				}
			}
		})
	}
}

func TestRecordNotAnObject(t *testing.T) {
	for _, line := range []string{`["text"]`, `"text"`, `null`, `{"headline": "No body here"}`} {
		_, errs := ingest.FromBytes(context.Background(), "feed.jsonl", "feed.jsonl", []byte(line), ingest.Options{})
		if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrBadRecord) {
			t.Errorf("%s: want one bad-record error, got %v", line, errs)
		}
	}
}

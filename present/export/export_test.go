package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/export"
	"github.com/parallaxnews/parallax/store/sqlite"
)

var (
	exampleOnce sync.Once
	example     *model.Dossier
	exampleErr  error
)

// exampleDossier analyses the bundled example once and records a dismissal
// with a hostile note, a merge and a correction, as a user would.
func exampleDossier(t *testing.T) *model.Dossier {
	t.Helper()
	exampleOnce.Do(func() {
		ctx := context.Background()
		dir, err := tempDir()
		if err != nil {
			exampleErr = err
			return
		}
		st, err := sqlite.Open(ctx, filepath.Join(dir, "p.db"))
		if err != nil {
			exampleErr = err
			return
		}
		defer st.Close()
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			exampleErr = err
			return
		}
		res, err := p.AnalyzePaths(ctx, st, []string{"../../examples/almaty-confession"}, "")
		if err != nil {
			exampleErr = err
			return
		}
		d := res.Dossier
		var places []string
		for _, e := range d.Entities {
			if e.Type == model.Place && len(places) < 2 {
				places = append(places, e.ID)
			}
		}
		for _, x := range []model.Decision{
			{Kind: model.DecisionDismiss, Fact: d.Facts[0].ID, User: "ana", Note: `"=1+1" <script>alert(1)</script>`},
			{Kind: model.DecisionMerge, Entities: places, User: "ben"},
			{Kind: model.DecisionCorrect, Document: d.Documents[0].ID, Field: "title", Value: "Corrected, with \"quotes\"", User: "ana"},
		} {
			if _, err := curate.Record(ctx, st, res.Story.ID, x); err != nil {
				exampleErr = err
				return
			}
		}
		example, exampleErr = st.StoryDossier(ctx, res.Story.ID)
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return example
}

func TestFtMValidatesAndRoundTrips(t *testing.T) {
	d := exampleDossier(t)
	var buf bytes.Buffer
	if err := export.WriteFtM(&buf, d, "s-x"); err != nil {
		t.Fatal(err)
	}
	first := buf.String()
	es, err := export.ReadFtM(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.ValidateFtM(es); err != nil {
		t.Fatalf("export does not validate: %v", err)
	}
	// Re-import: every document, person and organisation, every statement
	// and every (entity, document) mention comes back.
	count := map[string]int{}
	byID := map[string]export.FtMEntity{}
	for _, e := range es {
		count[e.Schema]++
		byID[e.ID] = e
	}
	want := map[string]int{"Article": len(d.Documents)}
	statements, mentions := 0, 0
	for _, f := range d.Facts {
		statements += len(f.Values)
	}
	for _, e := range d.Entities {
		docs := map[string]bool{}
		for _, m := range e.Mentions {
			docs[m.Doc] = true
		}
		switch e.Type {
		case model.Person:
			want["Person"]++
			mentions += len(docs)
		case model.Organization:
			want["Organization"]++
			mentions += len(docs)
		case model.Place:
			want["Address"]++
		}
	}
	want["Note"], want["Mention"] = statements, mentions
	for schema, n := range want {
		if count[schema] != n {
			t.Errorf("%s: %d entities, want %d", schema, count[schema], n)
		}
	}
	// Names, titles and the user's decisions survive the trip.
	title := byID[export.FtMID("s-x", "document", d.Documents[0].ID)].Properties["title"]
	if len(title) != 1 || title[0] != "Corrected, with \"quotes\"" {
		t.Errorf("corrected title = %v", title)
	}
	for _, e := range d.Entities {
		if e.Type != model.Person {
			continue
		}
		got := byID[export.FtMID("s-x", "entity", e.ID)]
		aliases := 0
		for _, v := range e.Variants {
			if v.Text != e.Name {
				aliases++
			}
		}
		if got.Properties["name"][0] != e.Name || len(got.Properties["alias"]) != aliases {
			t.Errorf("person %s: %v", e.Name, got.Properties)
		}
	}
	note := byID[export.FtMID("s-x", "statement", d.Facts[0].ID+"\x000")]
	if !strings.Contains(strings.Join(note.Properties["notes"], " "), "dismissed by ana") {
		t.Errorf("statement does not carry the dismissal: %v", note.Properties["notes"])
	}
	// Same story, same IDs: Aleph updates instead of duplicating.
	var again bytes.Buffer
	export.WriteFtM(&again, d, "s-x")
	if again.String() != first {
		t.Error("second export differs")
	}
}

func TestValidateFtMCatchesMistakes(t *testing.T) {
	good := export.FtMEntity{ID: "a", Schema: "Article", Properties: map[string][]string{"name": {"x"}, "title": {"x"}}}
	for name, bad := range map[string]export.FtMEntity{
		"unknown schema":   {ID: "b", Schema: "Statement", Properties: map[string][]string{}},
		"abstract":         {ID: "b", Schema: "Thing", Properties: map[string][]string{"name": {"x"}}},
		"unknown property": {ID: "b", Schema: "Person", Properties: map[string][]string{"name": {"x"}, "birthday": {"1990"}}},
		"missing name":     {ID: "b", Schema: "Person", Properties: map[string][]string{"alias": {"x"}}},
		"bad date":         {ID: "b", Schema: "Article", Properties: map[string][]string{"name": {"x"}, "publishedAt": {"10 March 2025"}}},
		"bad language":     {ID: "b", Schema: "Article", Properties: map[string][]string{"name": {"x"}, "language": {"en"}}},
		"bad url":          {ID: "b", Schema: "Article", Properties: map[string][]string{"name": {"x"}, "sourceUrl": {"javascript:alert(1)"}}},
		"dangling entity":  {ID: "b", Schema: "Mention", Properties: map[string][]string{"name": {"x"}, "document": {"zzz"}}},
		"wrong range":      {ID: "b", Schema: "Mention", Properties: map[string][]string{"name": {"x"}, "document": {"a"}, "resolved": {"a"}}},
		"duplicate id":     {ID: "a", Schema: "Article", Properties: map[string][]string{"name": {"x"}}},
	} {
		if err := export.ValidateFtM([]export.FtMEntity{good, bad}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := export.ValidateFtM([]export.FtMEntity{good}); err != nil {
		t.Errorf("good entity refused: %v", err)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	d := exampleDossier(t)
	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := export.WriteCSV(&buf, d, "s-x", excel); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if excel != bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Fatalf("excel=%v: byte-order mark wrong", excel)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		i := 1
		for _, f := range d.Facts {
			for _, v := range f.Values {
				r := rows[i]
				i++
				unq := func(s string) string {
					if excel {
						return strings.TrimPrefix(s, "'")
					}
					return s
				}
				start, _ := strconv.Atoi(r[col["start"]])
				if r[col["fact"]] != f.ID || unq(r[col["value"]]) != v.Text || start != v.Start || r[col["status"]] != string(f.Status) {
					t.Fatalf("row %d: %v; want fact %s value %q", i-1, r, f.ID, v.Text)
				}
				doc := docByID(d, v.Doc)
				if unq(r[col["sentence"]]) != doc.Text[v.Sentence.Start:v.Sentence.End] {
					t.Fatalf("row %d: sentence differs", i-1)
				}
				if f.Review != nil && r[col["review"]] != f.Review.Verdict {
					t.Fatalf("row %d: review %q, want %q", i-1, r[col["review"]], f.Review.Verdict)
				}
				if excel && strings.HasPrefix(r[col["review_note"]], "=") {
					t.Fatalf("row %d: a note starting with = reaches Excel as a formula", i-1)
				}
			}
		}
		if i != len(rows) {
			t.Errorf("%d rows, want %d", len(rows), i)
		}
	}
}

func docByID(d *model.Dossier, id string) *model.Document {
	for i := range d.Documents {
		if d.Documents[i].ID == id {
			return &d.Documents[i]
		}
	}
	return nil
}

// peakWriter samples the live heap while the export is written.
type peakWriter struct {
	n, writes int
	peak      uint64
}

func (w *peakWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.writes++
	if w.writes%16 == 0 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		w.peak = max(w.peak, ms.HeapAlloc)
	}
	return len(p), nil
}

// A story with 10,000 statements streams: the heap never grows by more
// than a small fraction of the output while it is written.
func TestCSVOf10000StatementsStreams(t *testing.T) {
	d := model.NewDossier()
	var text strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&text, "Officials said that %d people were detained in the north on day %d of the protests. ", i, i)
	}
	d.Documents = []model.Document{{ID: "doc", Source: "synthetic.txt", Title: model.Str("Synthetic"), Text: text.String()}}
	sentence := model.Range{Start: 0, End: 90}
	for f := 0; f < 1000; f++ {
		fact := model.Fact{ID: fmt.Sprintf("fact-%04d", f), Subject: "e", SubjectName: "Officials", Attribute: "detained/count", Status: model.Disputed}
		for v := 0; v < 10; v++ {
			fact.Values = append(fact.Values, model.FactValue{Span: model.Span{Doc: "doc", Start: 20, End: 22, Text: strconv.Itoa(v)},
				Sentence: sentence, Value: model.Value{Kind: model.KindCount, Amount: float64(v)}, Polarity: "asserted"})
		}
		d.Facts = append(d.Facts, fact)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	w := &peakWriter{}
	if err := export.WriteCSV(w, d, "s-big", true); err != nil {
		t.Fatal(err)
	}
	growth := int64(w.peak) - int64(before.HeapAlloc)
	t.Logf("10,000 statements: %d bytes of CSV in %d writes; live heap grew by at most %d bytes", w.n, w.writes, growth)
	if w.n < 1<<20 {
		t.Fatalf("output only %d bytes; the test needs a large export", w.n)
	}
	if growth > 1<<20 {
		t.Errorf("heap grew by %d bytes while writing %d bytes: the CSV is not streamed", growth, w.n)
	}
}

func TestFormats(t *testing.T) {
	for _, f := range export.Formats {
		got, err := export.ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%s) = %s, %v", f, got, err)
		}
	}
	if _, err := export.ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
	d := exampleDossier(t)
	for _, f := range []export.Format{export.JSON, export.Markdown} {
		var buf bytes.Buffer
		if err := export.Write(&buf, d, "s-x", f); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "dismiss") || !strings.Contains(buf.String(), "ben") {
			t.Errorf("%s export lacks the decisions", f)
		}
		if f == export.Markdown && strings.Contains(buf.String(), "<script>") {
			t.Errorf("markdown carries the note's markup unescaped")
		}
	}
	if err := export.Write(io.Discard, d, "s-x", export.HTML); err == nil {
		t.Error("export.Write claims to write html")
	}
}

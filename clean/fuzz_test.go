package clean_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
)

// FuzzDocument checks that cleaning never panics and that what it returns
// is consistent, whatever the input. Seeds are the test cases' inputs.
//
//	go test ./clean -run '^$' -fuzz FuzzDocument -fuzztime 60s
func FuzzDocument(f *testing.F) {
	inputs, _ := filepath.Glob("../testdata/clean/*/input.*")
	for _, p := range inputs {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, strings.HasSuffix(p, ".html"))
		}
	}
	f.Add([]byte("date 2022-01-11\nBy\n©\n|||\n"), false)
	f.Fuzz(func(t *testing.T, raw []byte, isHTML bool) {
		if !utf8.Valid(raw) {
			return // ingest rejects these before cleaning
		}
		format := ingest.FormatText
		if isHTML {
			format = ingest.FormatHTML
		}
		done := make(chan struct{})
		defer close(done)
		go func() { // a hang is a failure too: crash with the input so the fuzzer keeps it
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("clean.Document took over 10s on %d bytes (html=%v): %q", len(raw), isHTML, raw))
			}
		}()
		doc, err := clean.Document(ingest.Input{Source: "fuzz", Format: format, Raw: raw})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Errorf("cleaned text is not UTF-8")
		}
		for _, r := range doc.Removed {
			if r.At < 0 || r.At > len(doc.Text) {
				t.Errorf("removed block at %d outside text of %d bytes", r.At, len(doc.Text))
			}
		}
	})
}

package ingest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/ingest"
)

var fuzzNames = []string{"", "a.txt", "a.html", "a.jsonl", "a.json", "a.md", "noext"}

// FuzzFromBytes feeds any bytes under any extension through the checks,
// sniffing and the JSON and JSON Lines readers: no panic, every accepted
// input is valid UTF-8 text whose raw bytes are the file's own (the whole
// file, or one record's exact bytes inside it).
//
//	go test ./ingest -run '^$' -fuzz FuzzFromBytes -fuzztime 60s
func FuzzFromBytes(f *testing.F) {
	for _, s := range []string{
		"Plain article text.", "<html><body><p>Hi</p></body></html>",
		`{"text": "One."}` + "\n" + `{"html": "<p>Two.</p>"}`, `[{"text": "a"}, {"text": "b"}]`,
		"{\n  \"text\": \"pretty\"\n}", `{"text": 5}`, "[", "\x00\x01", "\xff\xfe", "\aBEL first", "%PDF-1.4",
		`{"authors": ["A", "B"], "text": "x"}`, "{\"text\": \"crlf\"}\r\n{\"text\": \"two\"}\r\n",
	} {
		for i := range fuzzNames {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, nameIdx uint8, data []byte) {
		name := fuzzNames[int(nameIdx)%len(fuzzNames)]
		ins, errs := ingest.FromBytes(context.Background(), "fuzz", name, data, ingest.Options{MaxBytes: 1 << 20})
		for _, in := range ins {
			if !utf8.Valid(in.Raw) || len(bytes.TrimSpace(in.Raw)) == 0 {
				t.Fatalf("accepted raw %q", in.Raw)
			}
			if !bytes.Contains(data, in.Raw) {
				t.Fatalf("raw %q is not part of the input", in.Raw)
			}
			if in.Format != ingest.FormatText && in.Format != ingest.FormatHTML && in.Format != ingest.FormatJSONL {
				t.Fatalf("format %q", in.Format)
			}
			if in.Record == nil && !bytes.Equal(in.Raw, data) {
				t.Fatalf("a whole-file input was changed")
			}
		}
		for _, e := range errs {
			if e.Error() == "" {
				t.Fatal("empty error")
			}
		}
	})
}

// FuzzWalk writes fuzzed bytes under a fuzzed name into a folder and walks
// it: no panic, and every printed source is free of control characters.
func FuzzWalk(f *testing.F) {
	f.Add("a.txt", []byte("Text."))
	f.Add("evil\x1b[2J\n.txt", []byte("Text."))
	f.Add(".hidden", []byte("x"))
	f.Add("README", []byte("x"))
	f.Add("d.jsonl", []byte(`{"text": "x"}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "/\x00") || name == "." || name == ".." || len(name) > 200 {
			return
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return
		}
		err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{MaxBytes: 1 << 20},
			func(ingest.Input) error { return nil },
			func(e *ingest.Error) {
				for _, r := range e.Error() {
					if unicode.IsControl(r) {
						t.Fatalf("control character in %q", e.Error())
					}
				}
			})
		if err != nil {
			t.Fatal(err)
		}
	})
}

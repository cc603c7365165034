package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
)

// Problem 7 of issue 19: the binary check read only the first 512 bytes,
// so a NUL later was stored, and one BEL early rejected a good text.
func TestBinaryJudgedOverWholeInput(t *testing.T) {
	text := strings.Repeat("Floods hit the southern villages on Monday, officials said. ", 40)
	cases := []struct {
		name, body string
		binary     bool
	}{
		{"late-nul.txt", text + "\x00" + text, true},
		{"early-bel.txt", "\aBreaking: " + text, false},
		{"few-controls.txt", text[:600] + "\x1b[1m" + text[600:] + "\x0b\x0c", false},
		{"many-controls.txt", strings.Repeat("ab\x01\x02\x03\x04\x05\x06", 200), true},
		{"png.txt", "\x89PNG\r\n\x1a\n" + text, true},
		{"pdf.txt", "%PDF-1.7\n" + text, true},
	}
	dir := t.TempDir()
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		ins, errs := walk(t, []string{path}, ingest.Options{})
		gotBinary := len(errs) == 1 && errors.Is(errs[0], ingest.ErrBinary)
		if gotBinary != c.binary || len(ins)+len(errs) != 1 {
			t.Errorf("%s: binary = %v (inputs %d, errors %v), want %v", c.name, gotBinary, len(ins), errs, c.binary)
		}
	}
}

// Problem 7 of issue 19: .json inputs were stored re-compacted, so their
// raw bytes and ID were not the file's. A single record keeps the file's
// bytes; each record of an array keeps its own bytes exactly.
func TestJSONKeptByteForByte(t *testing.T) {
	dir := t.TempDir()
	single := "{\n  \"title\": \"Floods\",\n  \"text\":   \"Floods hit the south.\"\n}\n"
	array := "[\n  {\"text\":  \"First record.\"},\n  { \"text\" : \"Second record.\" }\n]"
	if err := os.WriteFile(filepath.Join(dir, "one.json"), []byte(single), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "two.json"), []byte(array), 0o644); err != nil {
		t.Fatal(err)
	}
	ins, errs := walk(t, []string{dir}, ingest.Options{})
	if len(errs) != 0 || len(ins) != 3 {
		t.Fatalf("inputs %d, errors %v", len(ins), errs)
	}
	want := []string{single, `{"text":  "First record."}`, `{ "text" : "Second record." }`}
	for i, in := range ins {
		if string(in.Raw) != want[i] {
			t.Errorf("%s: raw %q, want %q", in.Source, in.Raw, want[i])
		}
		if in.Record == nil || in.Record.Text == "" {
			t.Errorf("%s: record not read", in.Source)
		}
	}
}

// Names with terminal escapes or line breaks are printed escaped.
func TestErrorNamesEscaped(t *testing.T) {
	e := &ingest.Error{Source: "evil\x1b[2J\nparallax: 0 failed\u202e.txt", Err: ingest.ErrEmpty}
	msg := e.Error()
	if strings.ContainsAny(msg, "\x1b\n\u202e") || !strings.Contains(msg, `\x1b[2J\nparallax`) || !strings.Contains(msg, `\u202e`) {
		t.Errorf("unescaped: %q", msg)
	}
	if got := ingest.Printable("plain/Қазақ файл.txt"); got != "plain/Қазақ файл.txt" {
		t.Errorf("Printable changed a clean name: %q", got)
	}
	if got := ingest.Printable("bad\xffname"); got != `bad\xffname` {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

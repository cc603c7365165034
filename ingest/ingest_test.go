package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
)

func walk(t *testing.T, paths []string, opts ingest.Options) ([]ingest.Input, []*ingest.Error) {
	t.Helper()
	var ins []ingest.Input
	var errs []*ingest.Error
	err := ingest.Walk(context.Background(), paths, opts,
		func(in ingest.Input) error { ins = append(ins, in); return nil },
		func(e *ingest.Error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	return ins, errs
}

func TestWalkFolderOrderFormatsAndSkips(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/two.html":     "<html><body><p>Second.</p></body></html>",
		"a.txt":          "First article text.",
		"c.md":           "# Heading\n\nThird.",
		"d.jsonl":        `{"text": "Fourth."}` + "\n\n" + `{"html": "<p>Fifth.</p>"}` + "\n",
		"e.json":         `[{"text": "Sixth."}, {"text": "Seventh."}]`,
		"noext":          "<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>",
		".hidden.txt":    "not an article",
		".git/HEAD":      "ref: refs/heads/main",
		"README.md":      "About this corpus.",
		"LICENSE":        "CC BY 4.0",
		"f.JSONL":        `{"text": "Upper-case extension."}`,
		"sub/deep/g.txt": "Deep.",
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ins, errs := walk(t, []string{dir}, ingest.Options{})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, in := range ins {
		got = append(got, strings.TrimPrefix(in.Source, dir+"/")+"="+in.Format)
	}
	want := []string{
		"a.txt=text", "b/two.html=html", "c.md=text", "d.jsonl#1=text", "d.jsonl#3=html",
		"e.json#1=text", "e.json#2=text", "f.JSONL#1=text", "noext=html", "sub/deep/g.txt=text",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("inputs:\n got %v\nwant %v", got, want)
	}
	for _, in := range ins {
		if strings.HasPrefix(in.Source, filepath.Join(dir, "a.txt")) && string(in.Raw) != files["a.txt"] {
			t.Errorf("raw bytes changed: %q", in.Raw)
		}
	}
}

func TestWalkRejections(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		path string
		want error
	}{
		{write("empty.txt", nil), ingest.ErrEmpty},
		{write("blank.txt", []byte(" \n\t\n")), ingest.ErrEmpty},
		{write("img.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")), ingest.ErrBinary},
		{write("pdf.html", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")), ingest.ErrBinary},
		{write("cp1251.txt", []byte("\xcc\xee\xf1\xea\xe2\xe0 news")), ingest.ErrInvalidUTF8},
		{write("big.txt", []byte(strings.Repeat("a", 2048))), ingest.ErrTooLarge},
		{write("bad.jsonl", []byte("{not json}\n")), ingest.ErrBadRecord},
		{write("bad.json", []byte(`{"title": "no body"`)), ingest.ErrBadRecord},
	}
	for _, c := range cases {
		ins, errs := walk(t, []string{c.path}, ingest.Options{MaxBytes: 1024})
		if len(ins) != 0 || len(errs) != 1 || !errors.Is(errs[0], c.want) || !strings.HasPrefix(errs[0].Source, c.path) {
			t.Errorf("%s: inputs %d, errors %v; want one %v naming the file", filepath.Base(c.path), len(ins), errs, c.want)
		}
	}
	_, errs := walk(t, []string{filepath.Join(dir, "missing.txt"), "-"}, ingest.Options{})
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "missing.txt: cannot read") || errs[1].Source != "-" {
		t.Errorf("missing file and absent stdin: %v", errs)
	}
}

func TestStdinAndFromBytes(t *testing.T) {
	ins, errs := walk(t, []string{"-"}, ingest.Options{Stdin: strings.NewReader("<p>Pasted page</p>")})
	if len(errs) != 0 || len(ins) != 1 || ins[0].Format != ingest.FormatHTML || ins[0].Source != "-" {
		t.Errorf("stdin: %+v %v", ins, errs)
	}
	ins, errs2 := ingest.FromBytes(context.Background(), "upload x.jsonl", "x.jsonl", []byte(`{"text":"a"}`+"\n"+`{"text":"b"}`), ingest.Options{})
	if len(errs2) != 0 || len(ins) != 2 || ins[1].Source != "upload x.jsonl#2" {
		t.Errorf("FromBytes: %+v %v", ins, errs2)
	}
	_, errs2 = ingest.FromBytes(context.Background(), "paste", "", []byte("xx"), ingest.Options{MaxBytes: 1})
	if len(errs2) != 1 || !errors.Is(errs2[0], ingest.ErrTooLarge) {
		t.Errorf("FromBytes over the limit: %v", errs2)
	}
}

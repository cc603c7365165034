package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

const goodArticle = `Flood waters recede in the valley

Rescue teams in the southern valley said on Tuesday that flood waters had begun to recede, allowing residents of three villages to return home. Officials said 12 people had died and dozens were injured.
`

// run executes the CLI in-process and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func decode(t *testing.T, s string) *model.Dossier {
	t.Helper()
	var d model.Dossier
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("dossier is not JSON: %v\n%s", err, s)
	}
	return &d
}

func TestAnalyzeBadInputsDoNotStopGoodOnes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	corpus := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(corpus, "good.txt"), []byte(goodArticle))
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	writeFile(t, filepath.Join(corpus, "photo.txt"), png)
	writeFile(t, filepath.Join(corpus, "archive.zip"), append([]byte("PK\x03\x04"), make([]byte, 64)...))
	writeFile(t, filepath.Join(corpus, "empty.txt"), nil)
	writeFile(t, filepath.Join(corpus, "latin1.txt"), []byte("Caf\xe9 owners said the square was closed."))
	writeFile(t, filepath.Join(corpus, "nav.html"), []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`))
	writeFile(t, filepath.Join(corpus, "big.txt"), bytes.Repeat([]byte("word "), 300))
	writeFile(t, filepath.Join(corpus, "feed.jsonl"), []byte("{\"text\": \"Officials in the capital said on Monday that the curfew would be lifted at midnight.\"}\nnot json\n{\"title\": \"no body\"}\n"))
	missing := filepath.Join(dir, "does-not-exist.txt")

	code, stdout, stderr := run(t, "", "analyze", "--db", db, "--max-size", "1KB", corpus, missing)
	if code != 1 {
		t.Errorf("exit = %d, want 1 when inputs failed\n%s", code, stderr)
	}
	d := decode(t, stdout)
	if len(d.Documents) != 2 {
		t.Errorf("got %d documents, want the good text and the good JSONL line", len(d.Documents))
	}
	wantLines := map[string]string{
		"photo.txt":          "binary",
		"archive.zip":        "binary",
		"empty.txt":          "empty",
		"latin1.txt":         "invalid UTF-8",
		"nav.html":           "no article text",
		"big.txt":            "size limit",
		"feed.jsonl#2":       "bad JSON Lines record",
		"feed.jsonl#3":       "no \"text\" or \"html\"",
		"does-not-exist.txt": "cannot read",
	}
	for name, reason := range wantLines {
		found := false
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, name+":") && strings.Contains(l, reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line naming %s with %q in:\n%s", name, reason, stderr)
		}
	}
}

func TestAnalyzeIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	art := filepath.Join(dir, "a.txt")
	writeFile(t, art, []byte(goodArticle))
	code, first, stderr := run(t, "", "analyze", "--db", db, art)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 new, 0 already stored") {
		t.Errorf("first run summary: %s", stderr)
	}
	code, second, stderr := run(t, "", "analyze", "--db", db, art, art)
	if code != 0 || !strings.Contains(stderr, "0 new, 2 already stored") {
		t.Errorf("second run: exit %d, %s", code, stderr)
	}
	if first != second {
		t.Error("re-running on the same input changed the dossier")
	}
}

func TestAnalyzeStdinAndOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "dossier.md")
	code, stdout, stderr := run(t, goodArticle, "analyze", "--db", filepath.Join(dir, "p.db"), "--format", "markdown", "--out", out, "-")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d stdout %q stderr %s", code, stdout, stderr)
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Flood waters recede in the valley") {
		t.Errorf("markdown lacks the title:\n%s", md)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestAnalyzeDossierShape(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	writeFile(t, art, []byte(goodArticle))
	_, stdout, _ := run(t, "", "analyze", "--db", filepath.Join(dir, "p.db"), art)
	var raw map[string]any
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	if raw["format"] != "parallax/dossier@1" {
		t.Errorf("format = %v", raw["format"])
	}
	for _, key := range []string{"documents", "stories", "entities", "quotes", "facts", "timeline"} {
		if _, ok := raw[key].([]any); !ok {
			t.Errorf("%s is %T, want an array (possibly empty)", key, raw[key])
		}
	}
	doc := raw["documents"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "source", "title", "outlet", "authors", "published", "url", "language", "text", "removed"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("document lacks %q", key)
		}
	}
	if doc["published"] != nil || doc["outlet"] != nil {
		t.Errorf("metadata invented for a document that states none: %v %v", doc["published"], doc["outlet"])
	}
}

func TestAnalyzeUsage(t *testing.T) {
	if code, _, _ := run(t, "", "analyze"); code != 2 {
		t.Errorf("no paths: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "analyze", "--format", "pdf", "x"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "nonsense"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

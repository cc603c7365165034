package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/export"
)

// The desk from the command line: decide, list, re-analyse, export.
func TestDecideReanalyzeExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	code, out, stderr := run(t, "", "analyze", "-q", "--db", db, "../../examples/almaty-confession")
	if code != 0 {
		t.Fatalf("analyze: %s", stderr)
	}
	var d model.Dossier
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	var fact, person string
	var places []string
	for _, f := range d.Facts {
		if f.Status == model.Disputed && fact == "" {
			fact = f.ID
		}
	}
	for _, e := range d.Entities {
		if e.Type == model.Place && len(places) < 2 {
			places = append(places, e.ID)
		}
		if e.Type == model.Person && person == "" && len(e.Variants) > 2 {
			person = e.ID
		}
	}
	doc := d.Documents[0].ID
	steps := [][]string{
		{"decide", "--db", db, "--user", "ana", "--note", `<img src=x onerror=alert(1)>`, "dismiss", fact[:12]},
		{"decide", "--db", db, "--user", "ben", "merge", places[0], places[1]},
		{"decide", "--db", db, "--user", "ana", "correct", doc[:10], "published", "2025-03-09"},
	}
	for _, args := range steps {
		if code, out, stderr := run(t, "", args...); code != 0 || !strings.Contains(out, "(applied)") {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, stderr)
		}
	}
	for _, bad := range [][]string{
		{"decide", "--db", db, "--user", "ana", "merge", places[0], places[0]},
		{"decide", "--db", db, "--user", "ana", "confirm", "fact-nope"},
		{"decide", "--db", db, "--user", "ana", "correct", doc, "published", "last week"},
		{"decide", "--db", db, "--user", "ana", "undo", "99"},
	} {
		if code, _, stderr := run(t, "", bad...); code != 1 || stderr == "" {
			t.Errorf("%v: exit %d, %q; want a refusal", bad, code, stderr)
		}
	}
	if code, _, _ := run(t, "", "decide", "--db", db, "frobnicate"); code != 2 {
		t.Errorf("unknown action: exit %d, want 2", code)
	}
	if code, out, stderr := run(t, "", "reanalyze", "--db", db); code != 0 || !strings.Contains(out, "decisions: 3 applied, 0 orphaned") {
		t.Fatalf("reanalyze: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = run(t, "", "decide", "--db", db, "list", "--json")
	var ds []model.Decision
	if code != 0 || json.Unmarshal([]byte(out), &ds) != nil || len(ds) != 3 || ds[0].User != "ana" || ds[1].User != "ben" {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	// Every export carries the decisions.
	for _, c := range []struct{ format, want string }{
		{"json", `"verdict": "dismissed"`},
		{"markdown", `\[dismissed disputed by ana\]`},
		{"csv", ",dismissed,ana,"},
		{"csv-excel", "\uFEFFstory,"},
		{"ftm", "was dismissed by ana"},
	} {
		code, out, stderr := run(t, "", "export", "--db", db, "--format", c.format)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("export %s: exit %d, %q not in output (%s)", c.format, code, c.want, stderr)
		}
		if c.format != "json" && c.format != "ftm" && c.format != "csv" && c.format != "csv-excel" && strings.Contains(out, "<img src=x") {
			t.Errorf("export %s: the note's markup came through unescaped", c.format)
		}
	}
	code, out, _ = run(t, "", "export", "--db", db, "--format", "ftm")
	es, err := export.ReadFtM(strings.NewReader(out))
	if code != 0 || err != nil {
		t.Fatal(err)
	}
	if err := export.ValidateFtM(es); err != nil {
		t.Errorf("ftm export does not validate: %v", err)
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "pdf"); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

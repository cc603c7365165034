package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
)

// judgedDir holds the hand judgments of the flags raised on real news and
// the figures they last gave (figures.json, rewritten with -update).
var judgedDir = filepath.Join("..", "..", "testdata", "facts", "judged")

// TestJudgedPrecision re-runs the product on the judged real corpora and
// fails when the hand-judged precision of disputed or changed falls more
// than 0.02 below its record, or more flags are judged false. Flags no
// one has judged yet are listed (judge them with `parallax eval facts
// -judged testdata/facts/judged`); they count in neither direction.
func TestJudgedPrecision(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline on the 43 ECB+ topics, the real pages and ecbplus-facts")
	}
	judged, err := LoadJudgments(judgedDir)
	if err != nil {
		t.Fatal(err)
	}
	o := JudgedOptions{
		Dir:      judgedDir,
		ECB:      filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus", "docs"),
		Pages:    filepath.Join("..", "..", "..", "pages-cache"),
		ECBFacts: filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus-facts"),
	}
	seen, ran, err := collectFlags(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	flags := make([]Flag, len(seen))
	for i, s := range seen {
		flags[i] = s.Flag
	}
	got := ScoreJudged(flags, judged, ran)
	for _, k := range got.Total.Unjudged {
		t.Logf("not judged yet: %s", k)
	}
	var want JudgedFigures
	if !recorded.Load(t, filepath.Join(judgedDir, JudgedFiguresFile), got, &want, *update) {
		return
	}
	rec := map[string]JudgedCorpus{}
	for _, c := range want.Corpora {
		rec[c.Corpus] = c
	}
	for _, g := range got.Corpora {
		w, ok := rec[g.Corpus]
		if !ok {
			continue
		}
		check := func(verdict string, now, was JudgedCount) {
			if now.Judged > 0 && was.Judged > 0 && now.Precision < was.Precision-recorded.Tolerance {
				t.Errorf("%s: judged precision %.3f, recorded %.3f", verdict, now.Precision, was.Precision)
			}
			if now.False > was.False {
				t.Errorf("%s: %d flags judged false, recorded %d", verdict, now.False, was.False)
			}
		}
		check(g.Corpus+" disputed", g.Disputed, w.Disputed)
		check(g.Corpus+" changed", g.Changed, w.Changed)
	}
	if t.Failed() && len(got.Total.Unjudged) > 0 {
		t.Logf("%d flags are not judged yet (a flag whose values changed is a new flag): judge them from `parallax eval facts -judged testdata/facts/judged` into testdata/facts/judged/<corpus>.json, then re-record with -update", len(got.Total.Unjudged))
	}
}

func TestScoreJudgedCountsOnlyJudgedFlags(t *testing.T) {
	a := Flag{Corpus: "c", Status: "disputed", Frame: "death toll", Role: "count",
		Values: []FlagValue{{Doc: "a.txt", Start: 1, End: 3, Value: "12"}, {Doc: "b.txt", Start: 5, End: 6, Value: "9"}}}
	// The same values in another order are the same flag.
	aSwapped := a
	aSwapped.Values = []FlagValue{a.Values[1], a.Values[0]}
	b := a
	b.Frame = "injury count"
	c := a
	c.Status = "changed"
	d := a
	d.Values = append([]FlagValue{{Doc: "c.txt", Start: 0, End: 2, Value: "10"}}, a.Values...)
	judged := map[string]*Judgment{
		a.Key(): {Flag: a, True: true},
		b.Key(): {Flag: b, Cause: "another-measure"},
		c.Key(): {Flag: c, Cause: "no-change"},
	}
	fig := ScoreJudged([]Flag{aSwapped, b, c, d, {Corpus: "other", Status: "disputed"}}, judged, []string{"c"})
	got := fig.Corpora[0]
	if got.Disputed.Flags != 3 || got.Disputed.Judged != 2 || got.Disputed.True != 1 || got.Disputed.Precision != 0.5 {
		t.Errorf("disputed %+v, want 3 flags, 2 judged, 1 true, precision 0.5", got.Disputed)
	}
	if got.Disputed.Causes["another-measure"] != 1 {
		t.Errorf("causes %v, want another-measure 1", got.Disputed.Causes)
	}
	if got.Changed.False != 1 || got.Changed.Precision != 0 {
		t.Errorf("changed %+v, want 1 false", got.Changed)
	}
	if len(got.Unjudged) != 1 || got.Unjudged[0] != d.Key() {
		t.Errorf("unjudged %q, want only the flag with an extra value", got.Unjudged)
	}
	if fig.Total.Disputed.Flags != 3 {
		t.Errorf("total counts a corpus not asked for: %+v", fig.Total.Disputed)
	}
}

func TestLoadJudgmentsRejectsBadFiles(t *testing.T) {
	f := `{"corpus":"c","status":"disputed","values":[{"doc":"a","start":1,"end":2,"value":"3"}]`
	for name, body := range map[string]string{
		"unknown cause": `[` + f + `,"true":false,"cause":"vibes"}]`,
		"judged twice":  `[` + f + `,"true":true},` + f + `,"true":false,"cause":"bounds"}]`,
		"not json":      `[{`,
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "x.json")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadJudgments(dir)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming %s", name, err, path)
		}
	}
	// The recorded figures beside the judgments are not judgments.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, JudgedFiguresFile), []byte(`{"corpora":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if js, err := LoadJudgments(dir); err != nil || len(js) != 0 {
		t.Errorf("figures file read as judgments: %v, %v", js, err)
	}
}

func TestStaleJudgmentsCountsOnlyCorporaThatRan(t *testing.T) {
	raised := Flag{Corpus: "c", Status: "disputed", Values: []FlagValue{{Doc: "a.txt", Start: 1, End: 2}}}
	gone := raised
	gone.Values = []FlagValue{{Doc: "a.txt", Start: 5, End: 6}}
	elsewhere := gone
	elsewhere.Corpus = "d"
	judged := map[string]*Judgment{}
	for _, f := range []Flag{raised, gone, elsewhere} {
		judged[f.Key()] = &Judgment{Flag: f, True: true}
	}
	if n := staleJudgments(judged, []Flag{raised}, []string{"c"}); n != 1 {
		t.Errorf("stale %d, want 1 (the judged flag no longer raised in the corpus that ran)", n)
	}
}

func TestReadPageGroupsRejectsBadGroups(t *testing.T) {
	for name, body := range map[string]string{
		"a path":      `[{"event":"e","docs":["../x.txt"]}]`,
		"page in two": `[{"event":"e","docs":["a.txt"]},{"event":"f","docs":["b.txt","a.txt"]}]`,
		"not json":    `[{`,
	} {
		path := filepath.Join(t.TempDir(), PageGroupsFile)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readPageGroups(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming %s", name, err, path)
		}
	}
	if gs, err := readPageGroups(filepath.Join(judgedDir, PageGroupsFile)); err != nil || len(gs) == 0 {
		t.Errorf("the recorded groups: %d groups, %v", len(gs), err)
	}
}

package eval

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
)

var update = flag.Bool("update", false, "rewrite testdata/clean/figures.json with the current figures")

// recordedPath holds the rates the fixture and ECB+ sets last reached; a
// rate more than 0.02 below its record fails the test. The check set of
// real pages is not here: its text is kept out of the repository (and CI).
var recordedPath = filepath.Join("..", "..", "testdata", "clean", "figures.json")

// rates flattens a report into "set/figure" → rate; DateFalse and
// BoilerplateNumbers are recorded as counts that must not rise.
func rates(r *Report) map[string]float64 {
	out := map[string]float64{}
	for _, s := range r.Sets {
		for name, sc := range map[string]Score{"date": s.Date, "outlet": s.Outlet, "title": s.Title, "credit": s.Credit,
			"boilerplate": s.Boilerplate, "lead": s.Lead, "reprints": s.Reprints} {
			if sc.Total > 0 {
				out[s.Name+"/"+name] = sc.Rate()
			}
		}
		out[s.Name+"/rejected"] = float64(s.Rejected)
	}
	return out
}

func TestRecordedFigures(t *testing.T) {
	// Eight ECB+ topics keep the test fast; "parallax eval clean" reads all.
	opts := Options{Fixtures: filepath.Join("..", "..", "testdata", "clean"), ECB: filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus", "docs"),
		Topics: []int{1, 2, 3, 4, 5, 6, 7, 8}}
	if testing.Short() {
		opts.ECB = "-"
	}
	rep, err := Run(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	got := rates(rep)
	var want map[string]float64
	if !recorded.Load(t, recordedPath, got, &want, *update) {
		return
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			if !strings.HasPrefix(k, "ecbplus") || opts.ECB != "-" {
				t.Errorf("%s: recorded but not measured", k)
			}
			continue
		}
		if strings.HasSuffix(k, "/rejected") {
			if g > w {
				t.Errorf("%s: %v documents rejected, recorded %v", k, g, w)
			}
			continue
		}
		recorded.AtLeast(t, k, g, w)
	}
}

// The check set's scorer: a page whose expected outlet is written as a
// site ("Lenta.ru") matches the host's readable name, agency forms match
// their canonical name, and short boilerplate lines are only "left" as
// whole lines.
func TestScorers(t *testing.T) {
	for _, c := range [][2]string{{"Lenta.ru", "lenta"}, {"The Irish Times", "irishtimes"}, {"City A.M.", "cityam"}, {"The Associated Press", "AP"}} {
		if !sameName(c[0], c[1]) {
			t.Errorf("sameName(%q, %q) = false", c[0], c[1])
		}
	}
	if sameName("Reuters", "AP") || sameName("NewsNation", "newsnationnow") {
		t.Error("different names matched")
	}
	rep := &SetReport{}
	p := pageExpect{URL: "u", Boilerplate: []string{lineHash("С"), lineHash("DMCA")}}
	scoreBoilerplate(rep, Options{}, p, "С\nСкорбь и отчаяние\nDMCA", "Скорбь и отчаяние\n\nDMCA")
	if rep.Boilerplate.Right != 1 || rep.Boilerplate.Total != 2 {
		t.Errorf("boilerplate %+v, want the drop capital removed and DMCA left", rep.Boilerplate)
	}
}

package eval

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/clean/figures.json with the current figures")

// recordedPath holds the rates the fixture, ECB+ and check sets last
// reached; a rate more than 0.02 below its record fails the test. The
// check set's page texts are kept out of the repository (and CI): its
// figures are checked where the cache is, $PARALLAX_PAGES_CACHE or
// pages-cache beside the repository.
var recordedPath = filepath.Join("..", "..", "testdata", "clean", "figures.json")

// pagesCache returns the check set's cache folder, or "" when there is none.
func pagesCache() string {
	dir := os.Getenv("PARALLAX_PAGES_CACHE")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "pages-cache")
	}
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// rates flattens a report into "set/figure" → rate; counts that must not
// rise (rejected pages, false joins, facts from boilerplate) are recorded
// as they are.
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
		if s.Reprints.Total > 0 {
			out[s.Name+"/false_joins"] = float64(s.FalseJoins)
		}
		if s.FactsMeasured {
			out[s.Name+"/boilerplate_facts"] = float64(s.BoilerplateFacts)
		}
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
	if opts.Pages = pagesCache(); opts.Pages != "" {
		opts.Expected = filepath.Join("..", "..", "testdata", "clean", "pages.jsonl")
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opts.Analyze = func(ctx context.Context, storyID string, docs []*model.Document) ([]model.Fact, error) {
			dossier, _, err := p.Analyze(ctx, storyID, docs)
			if err != nil {
				return nil, err
			}
			return dossier.Facts, nil
		}
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
			skipped := strings.HasPrefix(k, "ecbplus") && opts.ECB == "-" || strings.HasPrefix(k, "check-set") && opts.Pages == ""
			if !skipped {
				t.Errorf("%s: recorded but not measured", k)
			}
			continue
		}
		if strings.HasSuffix(k, "/rejected") || strings.HasSuffix(k, "/false_joins") || strings.HasSuffix(k, "/boilerplate_facts") {
			if g > w {
				t.Errorf("%s: %v, recorded %v", k, g, w)
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

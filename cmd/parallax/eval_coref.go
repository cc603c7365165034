package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"

	"github.com/parallaxnews/parallax/resolve/coref"
	"github.com/parallaxnews/parallax/resolve/evaluate"
)

// evalCoref scores cross-document entity coreference on ECB+ (gold entity
// mentions, within each topic) and prints it next to the published points.
func evalCoref(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("coref", stdout, stderr)
	corpus := f.String("corpus", filepath.Join("..", "shared", "corpora", "ecbplus"), "ECB+ corpus folder")
	split := f.String("split", "test", "topics to score: test (36–45), dev (23–25), train (1–22) or a comma-separated list")
	all := f.Bool("all-sentences", false, "score every annotated sentence, not only those in ECBplus_coreference_sentences.csv")
	scale := f.String("scale", "1000,2500,5000,10000", "synthetic story sizes (documents) to time resolution on; empty skips")
	if err := f.parse(args); err != nil {
		return err
	}
	topics, err := ecbTopics(*split)
	if err != nil {
		return err
	}
	rep, err := evaluate.ECBPlus(ctx, *corpus, evaluate.CorefOptions{Topics: topics, AllSentences: *all})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ECB+ cross-document entity coreference, gold mentions, topics %s (%s), %d documents, %d mentions, %d gold entities\n",
		*split, intsString(topics), rep.Documents, rep.Mentions, rep.GoldChain)
	tab := corefTable{stdout, 28}
	tab.header()
	tab.row("parallax resolve", rep.Resolver)
	tab.row("same-head-lemma (ours)", rep.Lemma)
	tab.published("same-head-lemma (published)", "≈59")
	tab.published("Held et al. 2021", "82.0")
	secs := rep.Elapsed.Seconds()
	if secs > 0 {
		fmt.Fprintf(stdout, "speed: %.0f docs/s, %.2f MB/s of CPU time on one core (resolution only); peak heap %.0f MB\n",
			float64(rep.Documents)/secs, float64(rep.Bytes)/1e6/secs, float64(rep.PeakHeap)/1e6)
	}
	if *scale == "" {
		return nil
	}
	sizes, err := commaInts(*scale)
	if err != nil || slices.ContainsFunc(sizes, func(n int) bool { return n <= 0 }) {
		return fmt.Errorf("-scale %q: want document counts", *scale)
	}
	fmt.Fprintln(stdout, "\nscaling on synthetic stories (one goroutine; CPU time of the process):")
	fmt.Fprintf(stdout, "%8s %9s %9s %10s %9s %10s %9s\n", "docs", "mentions", "entities", "CPU s", "docs/s", "MB/s", "heap MB")
	pts, err := evaluate.Scale(ctx, sizes)
	if err != nil {
		return err
	}
	for _, p := range pts {
		secs := p.Elapsed.Seconds()
		fmt.Fprintf(stdout, "%8d %9d %9d %10.2f %9.0f %10.2f %9.0f\n", p.Docs, p.Mentions, p.Entities, secs, float64(p.Docs)/secs, float64(p.Bytes)/1e6/secs, float64(p.PeakHeap)/1e6)
	}
	if len(pts) >= 2 {
		a, b := pts[0], pts[len(pts)-1]
		exp := math.Log(b.Elapsed.Seconds()/a.Elapsed.Seconds()) / math.Log(float64(b.Docs)/float64(a.Docs))
		fmt.Fprintf(stdout, "growth: time ∝ docs^%.2f between %d and %d documents\n", exp, a.Docs, b.Docs)
	}
	return nil
}

// corefTable prints MUC, B³, CEAF-e and CoNLL F1 as rows of one table
// whose first column is width wide.
type corefTable struct {
	w     io.Writer
	width int
}

func (t corefTable) header() {
	fmt.Fprintf(t.w, "%-*s %6s %6s %6s %6s %6s %6s %6s %6s %6s %8s\n", t.width, "system", "MUC R", "P", "F1", "B3 R", "P", "F1", "CEAF R", "P", "F1", "CoNLL F1")
}

func (t corefTable) row(name string, r coref.Report) {
	fmt.Fprintf(t.w, "%-*s %6.1f %6.1f %6.1f %6.1f %6.1f %6.1f %6.1f %6.1f %6.1f %8.1f\n", t.width, name,
		100*r.MUC.Recall, 100*r.MUC.Precision, 100*r.MUC.F1, 100*r.B3.Recall, 100*r.B3.Precision, 100*r.B3.F1,
		100*r.CEAFe.Recall, 100*r.CEAFe.Precision, 100*r.CEAFe.F1, 100*r.CoNLL)
}

// published prints a published CoNLL F1 under the table's last column.
func (t corefTable) published(name, conll string) {
	fmt.Fprintf(t.w, "%-*s %69s %8s\n", t.width, name, "", conll)
}

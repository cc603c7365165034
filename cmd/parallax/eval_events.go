package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/resolve/events"
	"github.com/parallaxnews/parallax/resolve/events/eventeval"
)

// evalEvents scores event detection and cross-document event coreference
// on ECB+ and prints it next to the published points.
func evalEvents(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("events", stdout, stderr)
	corpus := f.String("corpus", filepath.Join("..", "shared", "corpora", "ecbplus"), "ECB+ corpus folder")
	split := f.String("split", "test", "topics to score: test (36–45), dev (23–25), train (1–22) or a comma-separated list")
	threshold := f.Float64("threshold", 0, "clustering threshold (0: the model's, chosen on dev)")
	scale := f.Int("scale", 1000, "documents in a synthetic story (test documents repeated) to time resolution on; 0 skips")
	facts := f.String("facts", filepath.Join("..", "shared", "corpora", "ecbplus-facts"), "folder of real stories with fact gold, to check Background, Distinct and Same on; empty skips")
	asJSON := f.Bool("json", false, "print one JSON object")
	if err := f.parse(args); err != nil {
		return err
	}
	topics, err := ecbTopics(*split)
	if err != nil {
		return err
	}
	r, err := events.Load()
	if err != nil {
		return err
	}
	opts := events.Options{Threshold: *threshold}
	rep, err := r.Evaluate(ctx, *corpus, topics, opts)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	var sc *events.ScaleReport
	if *scale > 0 {
		if sc, err = r.Scale(ctx, *corpus, *scale, opts); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
	}
	var fr *eventeval.Report
	if *facts != "" {
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			return err
		}
		if fr, err = eventeval.Run(ctx, *facts, r, p); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(struct {
			*events.Report
			Scale *events.ScaleReport `json:"scale,omitempty"`
			Facts *eventeval.Report   `json:"facts,omitempty"`
		}{rep, sc, fr})
	}
	fmt.Fprintf(stdout, "ECB+ event detection and cross-document event coreference, topics %s (%s), %d documents, %d gold event mentions, %d gold events; threshold %.2f\n",
		*split, intsString(topics), rep.Documents, rep.GoldMentions, rep.GoldEvents, rep.Threshold)
	t, o := rep.Triggers, rep.HeadTriggers
	fmt.Fprintf(stdout, "triggers (exact span):  P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", t.Precision, t.Recall, t.F1, t.TP, t.FP, t.FN)
	fmt.Fprintf(stdout, "triggers (overlapping): P %.3f  R %.3f  F1 %.3f\n\n", o.Precision, o.Recall, o.F1)
	tab := corefTable{stdout, 38}
	tab.header()
	tab.row("gold mentions: parallax events", rep.Gold)
	tab.row("gold mentions: same-head-lemma (ours)", rep.GoldLemma)
	tab.published("gold mentions: same-head-lemma (publ.)", "≈60")
	tab.published("gold mentions: Held et al. 2021", "85.7")
	tab.row("detected mentions: parallax events", rep.Predicted)
	tab.row("detected mentions: same-head-lemma", rep.PredictedLemma)
	if secs := rep.Elapsed.Seconds(); secs > 0 {
		fmt.Fprintf(stdout, "\nspeed: %.0f docs/s, %.2f MB/s of CPU time on one core (detection and both clusterings); peak heap %.0f MB\n",
			float64(rep.Documents)/secs, float64(rep.Bytes)/1e6/secs, float64(rep.PeakHeap)/1e6)
	}
	if sc != nil {
		fmt.Fprintf(stdout, "one story of %d documents (test documents repeated): %d mentions, %d events, %d candidate pairs, %.2f s CPU, %.0f docs/s\n",
			sc.Documents, sc.Mentions, sc.Events, sc.Pairs, sc.Elapsed.Seconds(), float64(sc.Documents)/sc.Elapsed.Seconds())
	}
	if fr != nil {
		fmt.Fprintf(stdout, "\nfact gold (%s): every gold value belongs to its story's main event; values of one group are one fact\n", *facts)
		fmt.Fprintf(stdout, "%-10s %7s %9s %11s %7s %9s %6s %5s\n", "story", "values", "governed", "background", "pairs", "distinct", "same", "main")
		for _, c := range append(fr.Stories, fr.Total) {
			fmt.Fprintf(stdout, "%-10s %7d %9d %11d %7d %9d %6d %5d\n", c.Story, c.Values, c.Governed, c.Background, c.Pairs, c.Distinct, c.Same, c.MainFound)
		}
		t := fr.Total
		if t.Governed > 0 && t.Pairs > 0 {
			fmt.Fprintf(stdout, "wrongly background %.3f of governed values; wrongly distinct %.3f and same event %.3f of same-fact pairs\n",
				float64(t.Background)/float64(t.Governed), float64(t.Distinct)/float64(t.Pairs), float64(t.Same)/float64(t.Pairs))
		}
	}
	return nil
}

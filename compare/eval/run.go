package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/internal/measure"
)

// Options configure Run. Zero values mean the defaults.
type Options struct {
	// Stories is the folder holding story subfolders; "" means
	// testdata/compare.
	Stories string
	// ECB is the ECB+ docs folder; "" means ../shared/corpora/ecbplus/docs.
	// "-" skips the ECB+ run.
	ECB string
	// Topics are the ECB+ topics to run; nil means 36–45 (the test topics).
	Topics []int
	// Details prints every gold group's outcome and ECB+ examples.
	Details bool
	// JSON prints one JSON object (SetFigures) instead of text, and skips
	// the ECB+ counts.
	JSON bool
	// TopicsOnly runs only the ECB+ topic check (RunTopics), as text or
	// JSON.
	TopicsOnly bool
	// Scale, when positive, skips the stories and times the comparison of
	// one story made of the first Scale ECB+ documents (see RunScale).
	Scale int
	// Compare are the comparison options.
	Compare compare.Options
}

// Run scores every story and runs the ECB+ topics, printing figures to w.
func Run(ctx context.Context, w io.Writer, opts Options) error {
	if opts.Stories == "" {
		opts.Stories = filepath.Join("testdata", "compare")
	}
	an, err := NewAnalyzer(opts.Compare)
	if err != nil {
		return err
	}
	ecbDir := opts.ECB
	if ecbDir == "" || ecbDir == "-" {
		ecbDir = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	topics := opts.Topics
	if len(topics) == 0 {
		topics = []int{36, 37, 38, 39, 40, 41, 42, 43, 44, 45}
	}
	if opts.TopicsOnly {
		return RunTopics(ctx, w, ecbDir, topics, opts.JSON, opts.Details, opts.Compare)
	}
	if opts.Scale > 0 {
		return RunScale(ctx, w, an, ecbDir, opts.Scale, opts.JSON, opts.Compare)
	}
	set, scores, err := ScoreSet(ctx, an, opts.Stories)
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(set)
	}
	for _, sc := range scores[:len(scores)-1] {
		sc.Print(w, opts.Details)
	}
	total := scores[len(scores)-1]
	if len(scores) > 2 {
		total.Print(w, false)
	}
	secs := total.Elapsed.Seconds()
	fmt.Fprintf(w, "speed (all stages from raw file to facts, one goroutine): %.1f docs/s, %.3f MB/s; peak heap %.0f MB\n",
		float64(total.Docs)/secs, float64(total.Bytes)/1e6/secs, set.PeakHeapMB)

	if opts.ECB == "-" {
		return nil
	}
	if _, err := os.Stat(ecbDir); err != nil {
		fmt.Fprintf(w, "ECB+: skipped (%v)\n", err)
		return nil
	}
	return RunTopics(ctx, w, ecbDir, topics, false, opts.Details, opts.Compare)
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ",")
}

// ScoreSet scores every story folder (with a gold.json) under dir. It
// returns the figures and the scores of each story followed by the total.
func ScoreSet(ctx context.Context, an *Analyzer, dir string) (SetFigures, []StoryScore, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return SetFigures{}, nil, fmt.Errorf("eval facts: %w", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), "gold.json")); err == nil {
				dirs = append(dirs, filepath.Join(dir, e.Name()))
			}
		}
	}
	sort.Strings(dirs)
	if len(dirs) == 0 {
		return SetFigures{}, nil, fmt.Errorf("eval facts: no story with gold.json under %s", dir)
	}
	stopPeak := measure.WatchHeap(20 * time.Millisecond)
	var set SetFigures
	var scores []StoryScore
	total := StoryScore{Name: "all stories"}
	for _, d := range dirs {
		sc, _, err := RunStory(ctx, an, d)
		if err != nil {
			stopPeak()
			return SetFigures{}, nil, err
		}
		scores = append(scores, sc)
		set.Stories = append(set.Stories, sc.Figures())
		total.Add(sc)
	}
	set.PeakHeapMB = float64(stopPeak()) / (1 << 20)
	set.Total = total.Figures()
	return set, append(scores, total), nil
}

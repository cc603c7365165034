package eval

import (
	"context"
	"fmt"
	"github.com/parallaxnews/parallax/internal/measure"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/compare"
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
	entries, err := os.ReadDir(opts.Stories)
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(opts.Stories, e.Name(), "gold.json")); err == nil {
				dirs = append(dirs, filepath.Join(opts.Stories, e.Name()))
			}
		}
	}
	sort.Strings(dirs)
	if len(dirs) == 0 {
		return fmt.Errorf("eval facts: no story with gold.json under %s", opts.Stories)
	}
	stopPeak := measure.WatchHeap(20 * time.Millisecond)
	total := StoryScore{Name: "all stories"}
	for _, dir := range dirs {
		sc, _, err := RunStory(ctx, an, dir)
		if err != nil {
			return err
		}
		sc.Print(w, opts.Details)
		total.Add(sc)
	}
	if len(dirs) > 1 {
		total.Print(w, false)
	}
	peak := stopPeak()
	secs := total.Elapsed.Seconds()
	fmt.Fprintf(w, "speed (all stages from raw file to facts, one goroutine): %.1f docs/s, %.3f MB/s; peak heap %.0f MB\n",
		float64(total.Docs)/secs, float64(total.Bytes)/1e6/secs, float64(peak)/(1<<20))

	if opts.ECB == "-" {
		return nil
	}
	if opts.ECB == "" {
		opts.ECB = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if _, err := os.Stat(opts.ECB); err != nil {
		fmt.Fprintf(w, "ECB+: skipped (%v)\n", err)
		return nil
	}
	topics := opts.Topics
	if len(topics) == 0 {
		topics = []int{36, 37, 38, 39, 40, 41, 42, 43, 44, 45}
	}
	return RunECB(ctx, w, an, opts.ECB, topics, opts)
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ",")
}

package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/compare/timeline"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/syndication"
)

// TestScale times each stage on one synthetic story of each size listed in
// PARALLAX_SCALE (e.g. "100,1000,10000") and prints, per stage, the wall
// and CPU time, the peak Go heap while it ran and the growth exponent k of
// CPU time ≈ n^k between consecutive sizes (issue 19: every stage should grow at most as
// n·log n, k ≈ 1). PARALLAX_SCALE_MB (e.g. "1,3,10") does the same for
// one document of that many megabytes (issue 19: a 10 MB document through
// every stage in under a minute and 1 GB). Skipped unless one is set: the
// sizes that matter take minutes, beyond CI's budget.
// PARALLAX_SCALE_UNTIL=STAGE stops after that stage (e.g. timeline, to
// time it at sizes where the comparison would take too long).
//
//	PARALLAX_SCALE=100,1000 go test -run TestScale -v -timeout 0 ./pipeline/
//	PARALLAX_SCALE_MB=1,3,10 go test -run TestScale -v -timeout 0 ./pipeline/
func TestScale(t *testing.T) {
	spec, mbSpec := os.Getenv("PARALLAX_SCALE"), os.Getenv("PARALLAX_SCALE_MB")
	if spec == "" && mbSpec == "" {
		t.Skip("set PARALLAX_SCALE=100,1000,10000 (articles per story) or PARALLAX_SCALE_MB=1,3,10 (one document of that many MB) to run the scaling benchmark")
	}
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	until := os.Getenv("PARALLAX_SCALE_UNTIL")
	if until != "" && !slices.Contains(scaleStages, until) {
		t.Fatalf("PARALLAX_SCALE_UNTIL: %q is not one of %v", until, scaleStages)
	}
	if spec != "" {
		var runs []scaleRun
		for _, n := range scaleSizes(t, "PARALLAX_SCALE", spec) {
			runs = append(runs, runScale(t, p, fmt.Sprintf("n=%d", n), n, synth.Articles(n, 19), until))
		}
		printScale(runs)
	}
	if mbSpec != "" {
		var runs []scaleRun
		for _, mb := range scaleSizes(t, "PARALLAX_SCALE_MB", mbSpec) {
			runs = append(runs, runScale(t, p, fmt.Sprintf("%d MB", mb), mb, []synth.Article{oneDocument(mb << 20)}, until))
		}
		printScale(runs)
	}
}

// oneDocument is one synthetic document of size bytes: generated
// articles run together, as a long scraped page or a transcript would be.
func oneDocument(size int) synth.Article {
	var body []byte
	for seed := uint64(19); len(body) < size; seed++ {
		for _, a := range synth.Articles(100, seed) {
			body = append(body, a.Body...)
			body = append(body, '\n')
			if len(body) >= size {
				break
			}
		}
	}
	return synth.Article{Name: "one.txt", Body: body[:size]}
}

func scaleSizes(t *testing.T, name, spec string) []int {
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			t.Fatalf("%s: %q is not a positive whole number", name, f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// printScale prints one row per stage: time and peak heap per size, then
// the growth exponents.
func printScale(runs []scaleRun) {
	out := os.Stdout
	fmt.Fprintf(out, "%-12s", "stage")
	for _, r := range runs {
		fmt.Fprintf(out, " | %10s %8s %9s", r.label+" s", "cpu s", "heap MB")
	}
	for i := 1; i < len(runs); i++ {
		fmt.Fprintf(out, " | k %d→%d", runs[i-1].n, runs[i].n)
	}
	fmt.Fprintln(out)
	for s, name := range scaleStages {
		fmt.Fprintf(out, "%-12s", name)
		for _, r := range runs {
			fmt.Fprintf(out, " | %10.2f %8.2f %9.0f", r.secs[s], r.cpu[s], r.heapMB[s])
		}
		for i := 1; i < len(runs); i++ {
			fmt.Fprintf(out, " | %6.2f", growth(runs[i-1].n, runs[i].n, runs[i-1].cpu[s], runs[i].cpu[s]))
		}
		fmt.Fprintln(out)
	}
}

var scaleStages = []string{"clean", "annotate", "syndication", "resolve", "timeline", "compare", "total"}

type scaleRun struct {
	label  string
	n      int
	secs   []float64
	cpu    []float64 // process CPU seconds: on a shared machine, steadier than wall time
	heapMB []float64
}

// growth is the exponent k with t2/t1 = (n2/n1)^k; NaN when a time is too
// small to measure.
func growth(n1, n2 int, t1, t2 float64) float64 {
	if t1 < 0.001 || t2 < 0.001 {
		return math.NaN()
	}
	return math.Log(t2/t1) / math.Log(float64(n2)/float64(n1))
}

// runScale runs the stages of analyzeAnnotated one by one on arts, timing
// each and sampling the heap while it runs; n is the size growth is
// measured in.
func runScale(t *testing.T, p *Pipeline, label string, n int, arts []synth.Article, until string) scaleRun {
	ctx := context.Background()
	run := scaleRun{label: label, n: n, secs: make([]float64, len(scaleStages)), cpu: make([]float64, len(scaleStages)), heapMB: make([]float64, len(scaleStages))}
	var docs []*model.Document
	var annotated []*model.Annotated
	var ents []model.Entity
	var events []model.Event
	var facts []model.Fact
	steps := []func() error{
		func() error {
			for _, a := range arts {
				d, err := clean.Document(ingest.Input{Source: a.Name, Format: ingest.FormatText, Raw: a.Body})
				if err != nil {
					return err
				}
				d.Raw = nil
				docs = append(docs, d)
			}
			arts = nil
			return nil
		},
		func() (err error) { annotated, err = p.Annotate(ctx, docs); return err },
		func() error { syndication.Mark(docs); return nil },
		func() (err error) { ents, err = resolve.Entities(ctx, annotated, p.opts.Resolve); return err },
		func() (err error) { events, err = timeline.Build(ctx, annotated, ents); return err },
		func() (err error) {
			facts, _, err = p.compareStory(ctx, annotated, ents, false)
			return err
		},
	}
	var totalSecs, totalPeak float64
	for s, step := range steps {
		runtime.GC()
		stop := sampleHeap()
		start, startCPU := time.Now(), cpuSeconds()
		if err := step(); err != nil {
			t.Fatalf("%s, %s: %v", label, scaleStages[s], err)
		}
		run.secs[s] = time.Since(start).Seconds()
		run.cpu[s] = cpuSeconds() - startCPU
		run.cpu[len(steps)] += run.cpu[s]
		run.heapMB[s] = stop()
		t.Logf("%s, %s: %.2f s, %.2f s CPU, %.0f MB heap", label, scaleStages[s], run.secs[s], run.cpu[s], run.heapMB[s])
		totalSecs += run.secs[s]
		totalPeak = max(totalPeak, run.heapMB[s])
		if scaleStages[s] == until {
			break
		}
	}
	run.secs[len(steps)] = totalSecs
	run.heapMB[len(steps)] = totalPeak
	// The digests tell whether a change left the timeline and the facts as they were.
	evJSON, _ := json.Marshal(events)
	factJSON, _ := json.Marshal(facts)
	t.Logf("%s: %d documents, %d entities, %d events (digest %x), %d facts (digest %x) in %.1f s", label, len(docs), len(ents), len(events), sha256.Sum256(evJSON), len(facts), sha256.Sum256(factJSON), run.secs[len(steps)])
	return run
}

// cpuSeconds is the CPU time this process has used (user and system).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return math.NaN()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// sampleHeap samples the live heap every 20 ms until the returned function
// is called, which gives the peak in MB.
func sampleHeap() func() float64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() float64 {
		metrics.Read(sample)
		return float64(sample[0].Value.Uint64()) / (1 << 20)
	}
	var mu sync.Mutex
	peak := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				v := read()
				mu.Lock()
				peak = max(peak, v)
				mu.Unlock()
			}
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		return max(peak, read())
	}
}

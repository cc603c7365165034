package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// intakeRun stores inputs with workers cleaning at once and returns the
// stored documents' sources in storage order, and the failures' sources.
func intakeRun(t testing.TB, workers int, inputs []ingest.Input) (stored, failed []string, res *pipeline.Result) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	res, err = p.StoreInputs(ctx, st, inputs)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		stored = append(stored, d.Source)
	}
	for _, f := range res.Failed {
		failed = append(failed, f.Error())
	}
	return stored, failed, res
}

// Cleaning runs in parallel, but documents are stored, and failures and
// duplicates counted, exactly as when inputs are taken one at a time.
func TestParallelCleaningKeepsInputOrder(t *testing.T) {
	var inputs []ingest.Input
	for i, in := range synthInputs(60, 3) {
		inputs = append(inputs, in)
		switch i % 7 {
		case 2:
			inputs = append(inputs, ingest.Input{Source: fmt.Sprintf("blank%d.txt", i), Format: ingest.FormatText, Raw: []byte(" \n ")})
		case 5:
			dup := in
			dup.Source = fmt.Sprintf("again%d.txt", i)
			inputs = append(inputs, dup)
		}
	}
	wantStored, wantFailed, want := intakeRun(t, 1, inputs)
	if len(wantFailed) == 0 || want.Known == 0 || len(wantStored) != 60 {
		t.Fatalf("one at a time: %d stored, %d failed, %d known: the inputs test nothing", len(wantStored), len(wantFailed), want.Known)
	}
	for _, workers := range []int{2, 4} {
		stored, failed, res := intakeRun(t, workers, inputs)
		if !slices.Equal(stored, wantStored) {
			t.Errorf("%d workers: stored in another order or set", workers)
		}
		if !slices.Equal(failed, wantFailed) || res.Added != want.Added || res.Known != want.Known {
			t.Errorf("%d workers: failed %v, added %d, known %d; one at a time: %v, %d, %d",
				workers, failed, res.Added, res.Known, wantFailed, want.Added, want.Known)
		}
	}
}

// BenchmarkIntake times cleaning and storing 400 synthetic articles into a
// fresh store: one after the other in one goroutine (as before the
// intake was parallel), against the intake with one cleaning worker per
// core (which also overlaps cleaning with storing, and stores the
// documents ready together in one transaction): the wall speed-up, and
// the CPU seconds each takes (cpu-s/op, steadier on a shared machine).
func BenchmarkIntake(b *testing.B) {
	inputs := synthInputs(400, 11)
	var size int64
	for _, in := range inputs {
		size += int64(len(in.Raw))
	}
	run := func(b *testing.B, take func(st *sqlite.Store) int) {
		b.SetBytes(size)
		cpu := 0.0
		defer func() { b.ReportMetric(cpu/float64(b.N), "cpu-s/op") }()
		for b.Loop() {
			b.StopTimer()
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "p.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start := pipeline.CPUSeconds()
			if n := take(st); n != len(inputs) {
				b.Fatalf("stored %d of %d", n, len(inputs))
			}
			cpu += pipeline.CPUSeconds() - start
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
	}
	ctx := context.Background()
	// Loaded for both: its models are most of the live heap, which every
	// garbage collection marks.
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("serial", func(b *testing.B) {
		run(b, func(st *sqlite.Store) int {
			n := 0
			for _, in := range inputs {
				doc, err := clean.Document(in)
				if err != nil {
					b.Fatal(err)
				}
				if ok, err := st.PutDocument(ctx, doc); err != nil || !ok {
					b.Fatal(err)
				}
				n++
			}
			return n
		})
	})
	b.Run("parallel", func(b *testing.B) {
		run(b, func(st *sqlite.Store) int {
			res, err := p.StoreInputs(ctx, st, inputs)
			if err != nil {
				b.Fatal(err)
			}
			return res.Added
		})
	})
}

package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/ecbplus"
)

// ecbplusDocs is the ECB+ docs folder the evaluations read by default,
// relative to the repository root.
const ecbplusDocs = "../shared/corpora/ecbplus/docs"

// evalFlags is the command line of one "parallax eval NAME": a flag set
// that prints usage and flag errors to stderr, the flags several
// evaluations share, and the printing of a harness report.
type evalFlags struct {
	*flag.FlagSet
	name   string
	stdout io.Writer
	// verbose is -v; when it is set, parse points *mismatchesTo at stdout.
	verbose      *bool
	mismatchesTo *io.Writer
}

// newEvalFlags starts the flags of "parallax eval name".
func newEvalFlags(name string, stdout, stderr io.Writer) *evalFlags {
	fs := flag.NewFlagSet("eval "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return &evalFlags{FlagSet: fs, name: name, stdout: stdout}
}

// speedCorpus adds -corpus, the ECB+ folder whose text a speed run reads;
// "" leaves the harness its default, ecbplusDocs.
func (f *evalFlags) speedCorpus(dir *string) {
	f.StringVar(dir, "corpus", "", "ECB+ docs folder for the speed run (default "+ecbplusDocs+")")
}

// mismatches adds -v, which has the harness print every mismatch to
// stdout: after parse, *w is stdout with -v and left alone without.
func (f *evalFlags) mismatches(w *io.Writer) {
	f.verbose = f.Bool("v", false, "print every mismatch")
	f.mismatchesTo = w
}

// parse reads args. A bad flag, or -h, has printed usage and is errUsage.
func (f *evalFlags) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		return errUsage
	}
	if f.verbose != nil && *f.verbose {
		*f.mismatchesTo = f.stdout
	}
	return nil
}

// evalReport is what an evaluation harness returns: figures that print
// themselves.
type evalReport interface{ Print(w io.Writer) }

// printReport prints rep to stdout, or returns err named after the
// evaluation; it takes a harness's results as they are returned:
// f.printReport(eval.Run(ctx, opts)).
func (f *evalFlags) printReport(rep evalReport, err error) error {
	if err != nil {
		return fmt.Errorf("eval %s: %w", f.name, err)
	}
	rep.Print(f.stdout)
	return nil
}

// defaultECBDocs returns dir, or the default ECB+ docs folder when dir is "".
func defaultECBDocs(dir string) string {
	if dir == "" {
		return filepath.FromSlash(ecbplusDocs)
	}
	return dir
}

// commaInts parses a comma-separated list of integers ("36, 37,38"); an
// empty field is an error.
func commaInts(s string) ([]int, error) {
	var out []int
	for _, field := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// intsString is the inverse of commaInts, without spaces.
func intsString(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// ecbTopics reads an ECB+ -split value: test (36–45), dev (23–25), train
// (1–22 but 15 and 17) or a comma-separated list of topics.
func ecbTopics(split string) ([]int, error) {
	switch split {
	case "test":
		return ecbplus.TestTopics, nil
	case "dev":
		return ecbplus.DevTopics, nil
	case "train":
		return ecbplus.TrainTopics, nil
	}
	topics, err := commaInts(split)
	if err != nil {
		return nil, fmt.Errorf("-split %q: %w", split, err)
	}
	return topics, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// evalFunc runs one evaluation and prints its figures to stdout.
type evalFunc func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// evaluations maps "parallax eval NAME" to its implementation; each lives in
// its own eval_NAME.go file.
func evaluations() map[string]evalFunc {
	return map[string]evalFunc{
		"ner":     evalNER,
		"names":   evalNames,
		"coref":   evalCoref,
		"timex":   evalTimex,
		"quotes":  evalQuotes,
		"facts":   evalFacts,
		"events":  evalEvents,
		"clean":   evalClean,
		"search":  evalSearch,
		"stories": evalStories,
		"syntax":  evalSyntax,
	}
}

func (m *Main) runEval(ctx context.Context, args []string) error {
	evals := evaluations()
	if len(args) == 0 || evals[args[0]] == nil {
		names := make([]string, 0, len(evals))
		for n := range evals {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(m.Stderr, "usage: parallax eval {%s} [flags]\n", strings.Join(names, "|"))
		return errUsage
	}
	return evals[args[0]](ctx, args[1:], m.Stdout, m.Stderr)
}

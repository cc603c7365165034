// Command parallax reads many news reports of the same events and shows,
// fact by fact, what each source says.
//
// Subcommands: analyze, serve, report, eval, train. Run "parallax help" for usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// errUsage marks a bad command line; Run prints usage and exits 2.
var errUsage = errors.New("usage")

// errFailedInputs means the run finished but some inputs were rejected; the
// per-input errors were already printed.
var errFailedInputs = errors.New("some inputs failed")

// stopGrace is how long an interrupted command has to return on its own
// before the process exits anyway. Every write is one SQLite transaction,
// so exiting mid-stage leaves the store as a kill would: consistent.
const stopGrace = 1500 * time.Millisecond

// exitInterrupted is the exit status after Ctrl-C or SIGTERM (128+SIGINT).
const exitInterrupted = 130

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		fmt.Fprintln(os.Stderr, "parallax: interrupted; what was stored stays stored, and running the command again completes the work")
		select {
		case <-sigs:
		case <-time.After(stopGrace):
		}
		os.Exit(exitInterrupted)
	}()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Main holds the command's standard streams so tests can run it in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Run executes one command line and returns the process exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		m.usage()
		return 2
	}
	var err error
	switch args[0] {
	case "analyze":
		err = m.runAnalyze(ctx, args[1:])
	case "serve":
		err = m.runServe(ctx, args[1:])
	case "report":
		err = m.runReport(ctx, args[1:])
	case "decide":
		err = m.runDecide(ctx, args[1:])
	case "add":
		err = m.runAdd(ctx, args[1:])
	case "watch":
		err = m.runWatch(ctx, args[1:])
	case "stories":
		err = m.runStories(ctx, args[1:])
	case "reanalyze":
		err = m.runReanalyze(ctx, args[1:])
	case "export":
		err = m.runExport(ctx, args[1:])
	case "eval":
		err = m.runEval(ctx, args[1:])
	case "train":
		err = m.runTrain(ctx, args[1:])
	case "help", "-h", "--help":
		m.usage()
		return 0
	default:
		fmt.Fprintf(m.Stderr, "parallax: unknown command %q\n", args[0])
		m.usage()
		return 2
	}
	switch {
	case err == nil:
		return 0
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return exitInterrupted // main has said so in one line
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errFailedInputs):
		return 1
	default:
		fmt.Fprintf(m.Stderr, "parallax %s: %v\n", args[0], err)
		return 1
	}
}

func (m *Main) usage() {
	fmt.Fprint(m.Stderr, `usage: parallax <command> [flags] [args]

commands:
  analyze PATH...   ingest articles (files, folders, "-" for stdin), store them, write a dossier
  serve             web interface and JSON API over the database
  report            write one story as self-contained HTML or Markdown
  decide ACTION     confirm or dismiss a fact, merge or split entities, correct metadata, mark a reprint, undo, list
  add URL...        fetch the pages named (politely) and analyse them as analyze does
  watch URL...      follow RSS/Atom feeds and sitemaps: fetch new articles on an interval and analyse them
  stories ACTION    list stories, merge them, split documents off into a new story
  reanalyze         recompute stored stories (decisions are applied again)
  export            write a story as FtM entities, CSV, Excel CSV, JSON, Markdown or HTML
  eval NAME         print quality and speed figures (ner, names, coref, timex, quotes, facts)
  train NAME        rebuild shipped models from ../shared (ner, gazetteer)
`)
}

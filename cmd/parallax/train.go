package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/resolve/events"
)

// runTrain rebuilds shipped models (NER tagger, gazetteer) from ../shared.
func (m *Main) runTrain(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "ner" && args[0] != "gazetteer" && args[0] != "clusters" && args[0] != "events" && args[0] != "syntax") {
		fmt.Fprint(m.Stderr, `usage: parallax train {ner|gazetteer|clusters|events|syntax} [flags]

  gazetteer   compile ../shared/gazetteers into annotate/gazetteer/gazetteer.bin.gz
  clusters    learn Brown word clusters from the English text under ../shared
              into annotate/wordclusters/clusters.txt.gz (a tagger feature:
              run it before "train ner")
  ner         train the entity tagger on ../shared/corpora/ner-en into
              annotate/entities/model.bin.gz (run "train gazetteer" first:
              the tagger's features read the compiled gazetteer)
  events      train event detection and cross-document event coreference
              on ../shared/corpora/ecbplus into
              resolve/events/model.bin.gz (reads the shipped clusters and
              entity tagger)
  syntax      train the part-of-speech tagger, lemmatiser and dependency
              parser on UD English EWT train and GUM (all but its test
              documents) into annotate/syntax/model.bin.gz (reads the
              word clusters: run "train clusters" first if they change)

flags:
  --shared DIR   shared data folder (default ../shared)
  --out FILE     output file (default: the embedded file in the source tree)
  --seed N       shuffling seed for "ner" and "syntax" (default 1)
  --epochs N     training passes for "ner", parser passes for "syntax"
                 (default 0: the trainer's default)
  --choose-pass  "syntax": after each parser pass from the middle on, parse
                 EWT dev and keep the pass with the best UAS + LAS
                 (--epochs is then the most passes made)
  --gazetteer-dropout F  share of tokens whose gazetteer features "ner"
                 hides in each pass (default 0.3; negative: none)
  --corpora LIST comma-separated corpora for "ner": uner, uner-dev, gum,
                 wikigold, re3d (default uner,uner-dev,gum,wikigold)
  --lowercase-copies F  share of training documents "ner" adds again in
                 lower case (default 0.3; negative: none)
  --ensemble N   models "ner" trains with seeds seed, seed+1, … and averages
                 into one (default 3)
  --classes N    active classes for "clusters" (default 256)
  --min-count N  rarest word "clusters" keeps (default 3)
`)
		return errUsage
	}
	what := args[0]
	fs := flag.NewFlagSet("train "+what, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	shared := fs.String("shared", "../shared", "shared data folder")
	out := fs.String("out", "", "output file")
	seed := fs.Int64("seed", 1, "shuffling seed")
	epochs := fs.Int("epochs", 0, "training passes (0: default)")
	choosePass := fs.Bool("choose-pass", false, "syntax: score each parser pass from the middle on on EWT dev and keep the best")
	dropout := fs.Float64("gazetteer-dropout", 0, "share of tokens whose gazetteer features are hidden per pass (0: default 0.3; negative: none)")
	corpora := fs.String("corpora", "", "comma-separated corpora for ner, of "+strings.Join(entities.Corpora, ",")+" (default "+strings.Join(entities.DefaultCorpora, ",")+")")
	lowerCopies := fs.Float64("lowercase-copies", 0, "share of training documents \"ner\" adds again in lower case (0: default 0.3; negative: none)")
	ensemble := fs.Int("ensemble", 0, "models \"ner\" trains with seeds seed, seed+1, … and averages (0: default 3)")
	classes := fs.Int("classes", 0, "active classes for clusters (0: default 256)")
	minCount := fs.Int("min-count", 0, "rarest word clusters keeps (0: default 3)")
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	start := time.Now()
	var buf bytes.Buffer
	switch what {
	case "gazetteer":
		if *out == "" {
			*out = filepath.Join("annotate", "gazetteer", "gazetteer.bin.gz")
		}
		if err := gazetteer.Build(ctx, *shared, &buf, gazetteer.BuildOptions{}); err != nil {
			return fmt.Errorf("build gazetteer: %w", err)
		}
	case "clusters":
		if *out == "" {
			*out = filepath.Join("annotate", "wordclusters", "clusters.txt.gz")
		}
		g, err := gazetteer.Load()
		if err != nil {
			return err
		}
		text, err := entities.UnlabeledText(*shared, g)
		if err != nil {
			return fmt.Errorf("train clusters: %w", err)
		}
		c, err := wordclusters.Train(ctx, text, wordclusters.Options{Clusters: *classes, MinCount: *minCount, Log: m.Stderr})
		if err != nil {
			return fmt.Errorf("train clusters: %w", err)
		}
		if err := c.Write(&buf); err != nil {
			return err
		}
	case "events":
		if *out == "" {
			*out = filepath.Join("resolve", "events", "model.bin.gz")
		}
		rep, err := events.Train(ctx, filepath.Join(*shared, "corpora", "ecbplus"), &buf, events.TrainOptions{TriggerEpochs: *epochs, Log: m.Stderr})
		if err != nil {
			return fmt.Errorf("train events: %w", err)
		}
		fmt.Fprintf(m.Stderr, "events: threshold %.2f (held-out CoNLL F1 %.1f, dev %.1f), dev trigger F1 %.3f, %d pair examples, %d lemma pairs, %d trigger features\n",
			rep.Threshold, 100*rep.HeldOutCoNLL, 100*rep.DevCoNLL, rep.DevTriggerF1, rep.TrainPairs, rep.TablePairs, rep.TriggerFeatures)
	case "syntax":
		if *out == "" {
			*out = filepath.Join("annotate", "syntax", "model.bin.gz")
		}
		cl, err := wordclusters.Load()
		if err != nil {
			return err
		}
		opt := syntax.TrainOptions{Seed: *seed, ParseEpochs: *epochs, ChoosePass: *choosePass, Log: m.Stderr}
		if err := syntax.TrainFromShared(ctx, *shared, &buf, cl, opt); err != nil {
			return fmt.Errorf("train syntax: %w", err)
		}
	case "ner":
		if *out == "" {
			*out = filepath.Join("annotate", "entities", "model.bin.gz")
		}
		opt := entities.TrainOptions{Seed: *seed, Epochs: *epochs, GazetteerDropout: *dropout, LowerCaseCopies: *lowerCopies, Ensemble: *ensemble, Log: m.Stderr}
		if *corpora != "" {
			opt.Corpora = strings.Split(*corpora, ",")
		}
		if err := entities.TrainFromShared(ctx, *shared, &buf, opt); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Fprintf(m.Stdout, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

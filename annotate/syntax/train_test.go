package syntax_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// TestTrainIsDeterministic trains twice on a few treebank sentences with
// the same seed and gets the same bytes, which a model that reads back and
// parses.
func TestTrainIsDeterministic(t *testing.T) {
	sents := readSentences(t, "../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")[:80]
	cl, err := wordclusters.Load()
	if err != nil {
		t.Fatal(err)
	}
	opt := syntax.TrainOptions{Seed: 7, TagEpochs: 2, ParseEpochs: 2}
	var a, b bytes.Buffer
	if err := syntax.Train(context.Background(), sents, &a, cl, opt); err != nil {
		t.Fatal(err)
	}
	if err := syntax.Train(context.Background(), sents, &b, cl, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with the same seed wrote different models")
	}
	m, err := syntax.Read(bytes.NewReader(a.Bytes()), cl)
	if err != nil {
		t.Fatal(err)
	}
	words := m.ParseWords([]string{"The", "report", "was", "published", "."})
	checkTree(t, words)
	if _, err := syntax.Read(bytes.NewReader([]byte("not a model")), cl); err == nil {
		t.Error("Read accepted garbage")
	}
	// A model cut short anywhere is an error, not a panic.
	zr, err := gzip.NewReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	content, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{3, 20, len(content) / 3, len(content) / 2, len(content) - 1} {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(content[:cut])
		zw.Close()
		if _, err := syntax.Read(&z, cl); !errors.Is(err, syntax.ErrBadModel) {
			t.Errorf("model cut at %d of %d bytes: error %v, want ErrBadModel", cut, len(content), err)
		}
	}
}

// TestTrainKeepsBestDevPass gives training development sentences: the
// parser passes from the middle on are scored on them and one is kept,
// deterministically.
func TestTrainKeepsBestDevPass(t *testing.T) {
	sents := readSentences(t, "../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")
	cl, err := wordclusters.Load()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	opt := syntax.TrainOptions{Seed: 3, TagEpochs: 1, ParseEpochs: 4, Dev: sents[80:120], Log: &log}
	var a, b bytes.Buffer
	if err := syntax.Train(context.Background(), sents[:80], &a, cl, opt); err != nil {
		t.Fatal(err)
	}
	scored := strings.Count(log.String(), "dev UAS")
	if scored != 3 || !strings.Contains(log.String(), "kept") {
		t.Errorf("scored %d passes on dev (want passes 2–4) and kept none:\n%s", scored, log.String())
	}
	opt.Log = nil
	if err := syntax.Train(context.Background(), sents[:80], &b, cl, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with the same seed and dev sentences wrote different models")
	}
	m, err := syntax.Read(bytes.NewReader(a.Bytes()), cl)
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, m.ParseWords([]string{"Officials", "said", "the", "bridge", "had", "closed", "."}))
}

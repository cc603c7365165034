package syntax_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
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

package entities_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

func load(t testing.TB) *entities.Tagger {
	t.Helper()
	tg, err := entities.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkMentions verifies what every caller relies on: offsets slice the
// text to the mention, the mention lies in its sentence, types are known.
func checkMentions(t *testing.T, doc *model.Document, ms []model.Mention) {
	t.Helper()
	prev := -1
	for _, m := range ms {
		if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
			t.Fatalf("mention %q has bad range [%d,%d)", m.Text, m.Start, m.End)
		}
		if got := doc.Text[m.Start:m.End]; got != m.Text {
			t.Errorf("text[%d:%d] = %q, mention says %q", m.Start, m.End, got, m.Text)
		}
		if strings.ContainsRune(m.Text, '\n') {
			t.Errorf("mention %q runs across a line break", m.Text)
		}
		if m.Doc != doc.ID {
			t.Errorf("mention %q: doc %q, want %q", m.Text, m.Doc, doc.ID)
		}
		if !m.Sentence.Contains(m.Range()) {
			t.Errorf("mention %q %v outside its sentence %v", m.Text, m.Range(), m.Sentence)
		}
		switch m.Type {
		case model.Person, model.Organization, model.Place, model.Group:
		default:
			t.Errorf("mention %q: unknown type %q", m.Text, m.Type)
		}
		if m.Start < prev {
			t.Errorf("mention %q out of order", m.Text)
		}
		prev = m.Start
	}
}

// TestUnseenNames runs the fixture in testdata/entities/unseen-names: every
// expected mention must be found with its type (and role when given).
// Names marked absent must be in no gazetteer, so the tagger found them from
// context alone.
func TestUnseenNames(t *testing.T) {
	dir := "../../testdata/entities/unseen-names"
	text := readFile(t, filepath.Join(dir, "input.txt"))
	doc := &model.Document{ID: "unseen", Text: text}
	ms, err := load(t).Tag(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, doc, ms)
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(readFile(t, filepath.Join(dir, "expected.tsv")), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("bad expected line %q", line)
		}
		typ, name, role, absent := model.EntityType(f[0]), f[1], f[2], f[3] == "yes"
		if absent {
			if c, ok := g.Place(name); ok {
				t.Fatalf("fixture name %q is a gazetteer place (%s); pick another", name, c)
			}
			if _, ok := g.IsGivenName(name); ok || g.IsSurname(name) {
				t.Fatalf("fixture name %q is a gazetteer name; pick another", name)
			}
		}
		found := false
		for _, m := range ms {
			if m.Text == name && m.Type == typ {
				found = true
				if role != "" && m.Role != role {
					t.Errorf("%s %q: role %q, want %q", typ, name, m.Role, role)
				}
			}
		}
		if !found {
			t.Errorf("missing %s %q; got %v", typ, name, summary(ms))
		}
	}
}

func summary(ms []model.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m.Type)+":"+m.Text)
	}
	return out
}

func TestUsesGivenSentences(t *testing.T) {
	text := "Mr. Altayev left Taraz.\n\nHe met Vladimir Putin in Moscow.\nAlmaty\nKyrgyz officials said so."
	doc := &model.Document{ID: "d", Text: text, Sentences: tokenize.Sentences(text)}
	ms, err := load(t).Tag(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, doc, ms)
	want := map[string]model.EntityType{"Vladimir Putin": model.Person, "Moscow": model.Place}
	for _, m := range ms {
		if typ, ok := want[m.Text]; ok && typ == m.Type {
			delete(want, m.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v in %v", want, summary(ms))
	}
}

func TestTagTokensReadsGivenTokens(t *testing.T) {
	text := "Mr. Altayev left Taraz.\n\nHe met Vladimir Putin in Moscow."
	toks, sents := tokenize.Split(text)
	tg := load(t)
	want, err := tg.Tag(context.Background(), &model.Document{ID: "d", Text: text, Sentences: sents})
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{ID: "d", Text: text, Sentences: sents}
	got, err := tg.TagTokens(context.Background(), doc, toks)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(summary(got)) != fmt.Sprint(summary(want)) {
		t.Errorf("TagTokens gave %v, Tag %v", summary(got), summary(want))
	}
	// The tokens given are the ones read: without "Moscow" no place is found there.
	got, err = tg.TagTokens(context.Background(), doc, toks[:len(toks)-2])
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range got {
		if m.Text == "Moscow" {
			t.Errorf("TagTokens tagged %q from a token it was not given", m.Text)
		}
	}
}

func TestCyrillicText(t *testing.T) {
	text := "Президент Касым-Жомарт Токаев прилетел в Алматы. «Мы не стреляли», — сказали жители села Жаркулак."
	doc := &model.Document{ID: "ru", Text: text}
	ms, err := load(t).Tag(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, doc, ms)
	if g, _ := gazetteer.Load(); g != nil {
		if _, ok := g.Place("Жаркулак"); ok {
			t.Fatal("fixture village is in the gazetteer; pick another name")
		}
	}
	found := false
	for _, m := range ms {
		found = found || (m.Text == "Жаркулак" && m.Type == model.Place)
	}
	if !found {
		t.Errorf("village after «села» not tagged as a place: %v", summary(ms))
	}
}

func TestBadInput(t *testing.T) {
	tg := load(t)
	if _, err := tg.Tag(context.Background(), nil); err == nil {
		t.Error("Tag(nil) returned no error")
	}
	_, err := tg.Tag(context.Background(), &model.Document{ID: "bad", Text: "Almaty \xff\xfe"})
	if err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("Tag(invalid UTF-8) error = %v, want one naming the document", err)
	}
	for _, text := range []string{"", " ", "\n\n\n", ".", "«»", strings.Repeat("A ", 3000)} {
		doc := &model.Document{ID: "odd", Text: text}
		ms, err := tg.Tag(context.Background(), doc)
		if err != nil {
			t.Errorf("Tag(%.20q): %v", text, err)
		}
		checkMentions(t, doc, ms)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	long := strings.Repeat("Tokayev met Putin in Moscow. ", 200)
	if _, err := tg.Tag(ctx, &model.Document{ID: "c", Text: long}); !errors.Is(err, context.Canceled) {
		t.Errorf("Tag with cancelled context: %v, want context.Canceled", err)
	}
}

func TestConcurrentTagging(t *testing.T) {
	tg := load(t)
	text := readFile(t, "../../testdata/entities/news/input.txt")
	want, err := tg.Tag(context.Background(), &model.Document{ID: "n", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := tg.Tag(context.Background(), &model.Document{ID: "n", Text: text})
			if err != nil || len(got) != len(want) {
				t.Errorf("concurrent Tag: %d mentions, %v; want %d", len(got), err, len(want))
			}
		})
	}
	wg.Wait()
}

// TestTrainTiny trains a model on a handful of sentences and checks that it
// loads and reproduces its training labels: the trainer end to end, without
// the corpora.
func TestTrainTiny(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	sent := func(text string, spans ...entities.Span) entities.Sentence {
		return entities.Sentence{Words: strings.Fields(text), Spans: spans}
	}
	docs := []entities.CorpusDoc{{ID: "tiny", Sentences: []entities.Sentence{
		sent("Qorlan Bekzat visited Zhelmaya yesterday .", entities.Span{Start: 0, End: 2, Label: "PER"}, entities.Span{Start: 3, End: 4, Label: "LOC"}),
		sent("The Ministry of Roads said Bekzat lied .", entities.Span{Start: 1, End: 4, Label: "ORG"}, entities.Span{Start: 5, End: 6, Label: "PER"}),
		sent("Farmers in Zhelmaya protested .", entities.Span{Start: 2, End: 3, Label: "LOC"}),
	}}}
	var a, b bytes.Buffer
	opt := entities.TrainOptions{Seed: 7, Epochs: 10, MinFeatureCount: 1, GazetteerDropout: -1, MinWeight: 1e-9}
	if err := entities.Train(context.Background(), docs, g, &a, opt); err != nil {
		t.Fatal(err)
	}
	if err := entities.Train(context.Background(), docs, g, &b, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training twice with the same seed gave different models")
	}
	tg, err := entities.New(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	words := make([][]string, len(docs[0].Sentences))
	for i, s := range docs[0].Sentences {
		words[i] = s.Words
	}
	got, err := tg.WithoutConsistency().TagWords(context.Background(), words)
	if err != nil {
		t.Fatal(err)
	}
	var gold [][]entities.Span
	for _, s := range docs[0].Sentences {
		gold = append(gold, s.Spans)
	}
	sc := entities.Score(gold, got, []string{"PER", "ORG", "LOC"})
	if sc.Overall.F1() < 0.99 {
		t.Errorf("tiny model F1 on its own training data = %.2f (%+v)", sc.Overall.F1(), sc.Overall)
	}
}

func TestNewRejectsGarbage(t *testing.T) {
	if _, err := entities.New([]byte("not a model")); !errors.Is(err, entities.ErrBadModel) {
		t.Errorf("New(garbage) error = %v, want ErrBadModel", err)
	}
}

func TestScore(t *testing.T) {
	gold := [][]entities.Span{{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 4, Label: "LOC"}}}
	pred := [][]entities.Span{{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 5, Label: "LOC"}, {Start: 6, End: 7, Label: "GRP"}}}
	s := entities.Score(gold, pred, []string{"PER", "LOC"})
	if got, want := s.Overall, (entities.Counts{TP: 1, FP: 1, FN: 1}); got != want {
		t.Errorf("overall = %+v, want %+v", got, want)
	}
	if p := s.ByLabel["LOC"].Precision(); p != 0 {
		t.Errorf("LOC precision = %v, want 0 (boundary mismatch counts as wrong)", p)
	}
}

// TestBundledExample tags the plain-text articles of the bundled example
// and checks every mention's offsets by slicing the text.
func TestBundledExample(t *testing.T) {
	files, err := filepath.Glob("../../examples/almaty-confession/*.txt")
	if err != nil || len(files) == 0 {
		t.Skip("bundled example not present")
	}
	tg := load(t)
	types := map[model.EntityType]int{}
	for _, f := range files {
		doc := &model.Document{ID: filepath.Base(f), Text: readFile(t, f)}
		ms, err := tg.Tag(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		checkMentions(t, doc, ms)
		for _, m := range ms {
			types[m.Type]++
		}
	}
	for _, typ := range []model.EntityType{model.Person, model.Organization, model.Place, model.Group} {
		if types[typ] == 0 {
			t.Errorf("no %s mentions in the bundled example", typ)
		}
	}
}

func TestRoles(t *testing.T) {
	tg := load(t)
	cases := []struct{ text, name, role string }{
		{"The head of the security service Karim Massimov was arrested.", "Karim Massimov", "head of the security service"},
		{"Human rights lawyer Aina Shormanbayeva said so.", "Aina Shormanbayeva", "Human rights lawyer"},
		{"Tokayev told reporters on Monday that Vladimir Putin called.", "Vladimir Putin", ""},
	}
	for _, c := range cases {
		doc := &model.Document{ID: "r", Text: c.text}
		ms, err := tg.Tag(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		checkMentions(t, doc, ms)
		found := false
		for _, m := range ms {
			if m.Text == c.name && m.Type == model.Person {
				found = true
				if m.Role != c.role {
					t.Errorf("%q: role %q, want %q", c.text, m.Role, c.role)
				}
			}
		}
		if !found {
			t.Errorf("%q: person %q not found in %v", c.text, c.name, summary(ms))
		}
	}
}

func TestDateline(t *testing.T) {
	text := "ALMATY, March 10 (Meridian) - Police detained 40 people.\n\nASTANA. March 11. The ministry said so."
	doc := &model.Document{ID: "dl", Text: text}
	ms, err := load(t).Tag(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, doc, ms)
	want := map[string]bool{"ALMATY": true, "ASTANA": true}
	for _, m := range ms {
		if want[m.Text] && m.Type == model.Place {
			delete(want, m.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("dateline places not found: %v in %v", want, summary(ms))
	}
}

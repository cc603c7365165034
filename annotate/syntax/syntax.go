// Package syntax tags, lemmatises and parses English sentences: universal
// and Penn Treebank part-of-speech tags, lemmas, cheap morphological features
// and a Universal Dependencies tree (heads and relations).
//
// In: the tokens and sentences of annotate/tokenize (ParseTokens,
// ParseText) or a sentence already split into words (ParseWords). Out: one
// Word per syntactic word, with byte offsets into the text.
//
// The tagger is a greedy averaged perceptron; the parser is a greedy
// arc-hybrid transition parser trained with a dynamic oracle; lemmas and
// features come from tables learned from the treebank. All are trained by
// "parallax train syntax" on UD English EWT and GUM; docs/syntax.md has the
// design and the figures.
package syntax

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/model"
)

//go:embed model.bin.gz
var embedded []byte

// Model is the trained tagger, lemmatiser and parser. It is immutable and
// safe for concurrent use.
type Model struct {
	tagger   *weights
	moves    *weights
	labels   *weights
	classes  []tagClass
	rels     []string
	morph    *morphology
	clusters *wordclusters.Clusters
	types    wordTypes
}

// wordTypes keeps, for the most frequent word forms, what annotating a word
// computes from its form alone: its features' hashes and the summed tagger
// weights of tagOwnFeatures. Frequent words are most of running text, so
// this saves about half the tagger's lookups; the results are the same as
// computing them each time.
type wordTypes struct {
	index map[string]int32
	info  []wordInfo
	own   []int32 // nClasses weights per form
	nc    int
}

// frequentWords is how many of the clusters' most frequent words (each in
// lower case and capitalised) wordTypes keeps: 2.4 MB, and 79 % of the
// words of EWT dev.
const frequentWords = 2000

func newWordTypes(tagger *weights, cl *wordclusters.Clusters) wordTypes {
	t := wordTypes{index: map[string]int32{}, nc: tagger.nClasses}
	var buf lookupBuf
	var feats []uint64
	for _, key := range cl.MostFrequent(frequentWords) {
		for _, form := range []string{key, capitalised(key)} {
			if _, ok := t.index[form]; ok {
				continue
			}
			w := analyseWord(form, cl)
			clear(buf.sum[:t.nc])
			tagger.addTo(&buf.sum, tagOwnFeatures(&w, feats[:0]), &buf)
			t.index[form] = int32(len(t.info))
			t.info = append(t.info, w)
			t.own = append(t.own, buf.sum[:t.nc]...)
		}
	}
	return t
}

// capitalised returns s with its first letter in upper case.
func capitalised(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// lookup returns the kept analysis of form, or ok false.
func (t *wordTypes) lookup(form string) (info *wordInfo, own []int32, ok bool) {
	i, ok := t.index[form]
	if !ok {
		return nil, nil, false
	}
	return &t.info[i], t.own[int(i)*t.nc : int(i+1)*t.nc], true
}

type tagClass struct{ upos, xpos string }

// Word is one syntactic word of a parsed sentence (model.Word). ParseWords
// leaves its byte offsets 0; ParseTokens and ParseText give offsets into
// the text.
type Word = model.Word

// Features are a word's morphological features (model.Feats).
type Features = model.Feats

// FeatsString returns f in CoNLL-U form ("Number=Plur|Person=3"), or "_"
// when there are none.
func FeatsString(f Features) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("Degree", f.Degree)
	add("Mood", f.Mood)
	add("Number", f.Number)
	add("Person", f.Person)
	add("Polarity", f.Polarity)
	add("PronType", f.PronType)
	add("Tense", f.Tense)
	add("VerbForm", f.VerbForm)
	if len(parts) == 0 {
		return "_"
	}
	return strings.Join(parts, "|")
}

// ParseFeatures reads the features it knows from a CoNLL-U FEATS column.
func ParseFeatures(s string) Features {
	var f Features
	for _, kv := range strings.Split(s, "|") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "Number":
			f.Number = v
		case "Person":
			f.Person = v
		case "Tense":
			f.Tense = v
		case "VerbForm":
			f.VerbForm = v
		case "Mood":
			f.Mood = v
		case "Degree":
			f.Degree = v
		case "PronType":
			f.PronType = v
		case "Polarity":
			f.Polarity = v
		}
	}
	return f
}

// ErrBadModel means a model file could not be read.
var ErrBadModel = errors.New("syntax: bad model file")

const modelMagic = "PXSYN3\n"

// Load reads the embedded model and the word clusters it uses. Call it once
// and pass the model to whatever needs it.
func Load() (*Model, error) {
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, err
	}
	m, err := Read(bytes.NewReader(embedded), cl)
	if err != nil {
		return nil, fmt.Errorf("load embedded syntax model: %w", err)
	}
	return m, nil
}

// Read reads a model written by Train; cl must be the clusters it was
// trained with.
func Read(r io.Reader, cl *wordclusters.Clusters) (*Model, error) {
	f, err := readModelFile(r, readWeights, func(w *weights) int { return w.nClasses })
	if err != nil {
		return nil, err
	}
	m := &Model{tagger: f.tagger, moves: f.moves, labels: f.labels, classes: f.classes, rels: f.rels, morph: f.morph, clusters: cl}
	m.types = newWordTypes(m.tagger, cl)
	return m, nil
}

func readCount(r *bufio.Reader, limit int) (int, error) {
	var n uint64
	n, err := readUvarint(r)
	if err != nil {
		return 0, err
	}
	if n == 0 || n > uint64(limit) {
		return 0, fmt.Errorf("count %d out of range", n)
	}
	return int(n), nil
}

// maxParseWords bounds the words parsed as one unit: a longer "sentence"
// (a table, a list without punctuation) is parsed in pieces, so time stays
// linear in its length.
const maxParseWords = 150

// ParseWords tags and parses one sentence given as words.
func (m *Model) ParseWords(forms []string) []Word {
	words := make([]Word, len(forms))
	for i, f := range forms {
		words[i] = Word{Text: f}
	}
	m.annotate(words)
	return words
}

// ParseTokens tags and parses one sentence given as tokens of text (from
// annotate/tokenize). A token that holds two syntactic words, "don't" or
// "we'll", becomes two Words with their own byte ranges.
func (m *Model) ParseTokens(toks []model.Token) []Word {
	words := make([]Word, 0, len(toks)+2)
	for _, t := range toks {
		if k := cliticSplit(t.Text); k > 0 {
			words = append(words, Word{Start: t.Start, End: t.Start + k, Text: t.Text[:k]},
				Word{Start: t.Start + k, End: t.End, Text: t.Text[k:]})
			continue
		}
		words = append(words, Word{Start: t.Start, End: t.End, Text: t.Text})
	}
	m.annotate(words)
	return words
}

// ParseText splits text into sentences and tokens and parses each sentence.
func (m *Model) ParseText(text string) [][]Word {
	toks, sents := tokenize.Split(text)
	out := m.ParseSentences(toks, sents)
	kept := out[:0]
	for _, s := range out {
		if len(s) > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

// cliticSplit returns where a contracted token splits into two words
// ("don't" → "do" + "n't", "they're" → "they" + "'re"), or 0.
func cliticSplit(s string) int {
	lower := strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	if len(lower) != len(s) {
		// Curly apostrophes are 3 bytes: find the split on s itself.
		for _, suf := range []string{"n’t", "’re", "’ve", "’ll", "’m", "’d"} {
			if k := len(s) - len(suf); k > 0 && strings.EqualFold(s[k:], suf) {
				return k
			}
		}
		return 0
	}
	for _, suf := range []string{"n't", "'re", "'ve", "'ll", "'m", "'d"} {
		if k := len(s) - len(suf); k > 0 && lower[k:] == suf {
			return k
		}
	}
	if lower == "cannot" {
		return 3
	}
	return 0
}

// annotate fills in the tags, lemmas, features and tree of words.
func (m *Model) annotate(words []Word) {
	for start := 0; start < len(words); start += maxParseWords {
		end := min(start+maxParseWords, len(words))
		m.annotateChunk(words[start:end])
		if start > 0 {
			// Later pieces of an over-long sentence hang from the first
			// piece's root, so the sentence stays one tree.
			for i := start; i < end; i++ {
				if words[i].Head == -1 {
					words[i].Head, words[i].Rel = rootOf(words[:maxParseWords]), "dep"
				} else {
					words[i].Head += start
				}
			}
		}
	}
}

func rootOf(words []Word) int {
	for i, w := range words {
		if w.Head == -1 {
			return i
		}
	}
	return 0
}

func (m *Model) annotateChunk(words []Word) {
	if len(words) == 0 {
		return
	}
	info := make([]wordInfo, len(words)+1)
	own := make([][]int32, len(words))
	info[0] = rootInfo()
	for i, w := range words {
		if known, sum, ok := m.types.lookup(w.Text); ok {
			info[i+1], own[i] = *known, sum
			continue
		}
		info[i+1] = analyseWord(w.Text, m.clusters)
	}
	classes := tag(m.tagger, info[1:], own)
	tags := make([]uint64, len(words)+1)
	tags[0] = hRoot
	for i, c := range classes {
		tags[i+1] = tagHash(c)
	}
	heads, rels := parse(m.moves, m.labels, info, tags)
	for i := range words {
		w := &words[i]
		c := m.classes[classes[i]]
		w.UPOS, w.XPOS = c.upos, c.xpos
		lemma, feats := m.morph.analyse(w.Text, c.xpos, classes[i])
		w.Lemma, w.Feats = lemma, ParseFeatures(feats)
		w.Head = heads[i+1] - 1
		w.Rel = m.rels[rels[i+1]]
		switch {
		case w.Head < 0:
			w.Head, w.Rel = -1, "root"
		case w.Rel == "root":
			w.Rel = "dep"
		}
	}
}

func rootInfo() wordInfo {
	w := wordInfo{lower: "", hLower: hRoot, hShape: hRoot, hFlags: hRoot}
	for k := range w.hClus {
		w.hClus[k] = hRoot
	}
	return w
}

func tagHash(class int) uint64 { return mix(uint64(class) + 0x5bd1e995) }

// ParseSentences parses every sentence of a document: toks and sents as
// tokenize.Split returns them. out[i] holds the words of sents[i] (nil for
// a sentence without tokens).
func (m *Model) ParseSentences(toks []model.Token, sents []model.Range) [][]Word {
	out := make([][]Word, len(sents))
	for i, st := range tokenize.SentenceTokens(toks, sents) {
		if len(st) > 0 {
			out[i] = m.ParseTokens(st)
		}
	}
	return out
}

// Package entities finds named mentions — people, organisations, places and
// groups (nationalities, religious and political groups) — in a document.
//
// In: a model.Document (its cleaned Text and, if already split, its
// Sentences). Out: []model.Mention with byte offsets into Text, the
// containing sentence, and the title or role written before a person's name
// ("President", "jazz pianist", "head of the security service").
//
// The tagger is an averaged perceptron with greedy BILOU decoding, trained
// by this project ("parallax train ner") on UNER EWT, GUM, wikigold and
// re3d. Its features are word forms, shapes, affixes, neighbouring words,
// gazetteer hits (package gazetteer), title, role and place-noun cues, and
// document-level flags (is the word written lower case elsewhere in the
// document? capitalised mid-sentence elsewhere?). After tagging, a
// document-level pass makes repeated names consistent: a string tagged as a
// name in one place is tagged the same way where the tagger missed it, and
// a person's surname alone is linked to the full name's type.
//
// The model is embedded (model.bin.gz) and loaded once by Load. A Tagger is
// immutable and safe for concurrent use.
package entities

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

//go:embed model.bin.gz
var embeddedModel []byte

// Tagger tags named mentions. It is safe for concurrent use.
type Tagger struct {
	w   *weights
	gaz *gazetteer.Gazetteer
	// Consistency turns the document-level consistency pass on; Load sets it.
	consistency bool
}

var loadEmbedded = sync.OnceValues(func() (*Tagger, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	w, err := readModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded tagger model: %w", err)
	}
	return &Tagger{w: w, gaz: g, consistency: true}, nil
})

// Load returns the tagger with the embedded model and gazetteer, loading
// them on first use.
func Load() (*Tagger, error) { return loadEmbedded() }

// New builds a tagger from a model file written by Train, with the embedded
// gazetteer.
func New(modelFile []byte) (*Tagger, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	w, err := readModel(bytes.NewReader(modelFile))
	if err != nil {
		return nil, err
	}
	return &Tagger{w: w, gaz: g, consistency: true}, nil
}

// WithoutConsistency returns a copy of t that skips the document-level
// consistency pass (for evaluation).
func (t *Tagger) WithoutConsistency() *Tagger {
	c := *t
	c.consistency = false
	return &c
}

// entityTypes maps labels to model types.
var entityTypes = map[string]model.EntityType{
	labelPER: model.Person, labelORG: model.Organization, labelLOC: model.Place, labelGRP: model.Group,
}

// Tag returns the named mentions of doc, in text order. It uses
// doc.Sentences when set and splits doc.Text otherwise.
func (t *Tagger) Tag(ctx context.Context, doc *model.Document) ([]model.Mention, error) {
	if doc == nil {
		return nil, fmt.Errorf("tag entities: nil document")
	}
	if !utf8.ValidString(doc.Text) {
		return nil, fmt.Errorf("tag entities in %s: text is not valid UTF-8", doc.ID)
	}
	toks := tokenize.Tokens(doc.Text)
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	groups := groupTokens(toks, sents)
	words := make([][]string, len(groups))
	for i, g := range groups {
		words[i] = make([]string, len(g))
		for k, tok := range g {
			words[i][k] = tok.Text
		}
	}
	spans, err := t.TagWords(ctx, words)
	if err != nil {
		return nil, fmt.Errorf("tag entities in %s: %w", doc.ID, err)
	}
	var out []model.Mention
	for si, ss := range spans {
		g := groups[si]
		for _, s := range ss {
			start, end := g[s.Start].Start, g[s.End-1].End
			m := model.Mention{
				Span:     model.SpanOf(doc.ID, doc.Text, start, end),
				Type:     entityTypes[s.Label],
				Sentence: sents[si],
			}
			if s.Label == labelPER {
				m.Role = findRole(doc.Text, g, s.Start)
			}
			out = append(out, m)
		}
	}
	return out, nil
}

// groupTokens assigns tokens to the sentences that contain them; tokens
// outside every sentence are left out.
func groupTokens(toks []model.Token, sents []model.Range) [][]model.Token {
	out := make([][]model.Token, len(sents))
	j := 0
	for i, s := range sents {
		for j < len(toks) && toks[j].Start < s.Start {
			j++
		}
		k := j
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		out[i] = toks[j:k:k]
		j = k
	}
	return out
}

// TagWords tags a document given as tokenised sentences and returns the
// spans of each sentence (token indices).
func (t *Tagger) TagWords(ctx context.Context, doc [][]string) ([][]Span, error) {
	infos := analyse(doc, t.gaz)
	out := make([][]Span, len(doc))
	var feats []uint64
	var gaz []uint64
	for si, s := range infos {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		static := make([][nTags]float32, len(s))
		for k := range s {
			feats, gaz = staticFeatures(s, k, feats[:0], gaz[:0])
			feats = append(feats, gaz...)
			t.w.addScores(feats, &static[k])
		}
		base := make([][2]uint64, len(s))
		for k := range s {
			base[k] = dynamicBase(s, k)
		}
		tags := viterbi(len(s), func(k int, sc *[nTags]float32) { *sc = static[k] },
			func(k int, tr *[nTags + 1][nTags]float32) {
				t.w.addTransitions([]uint64{fPrevTag, base[k][0], base[k][1]}, tr)
			})
		out[si] = tagsToSpans(tags)
	}
	if t.consistency {
		makeConsistent(doc, infos, out)
	}
	return out, nil
}

// makeConsistent is the document-level pass: the type a name gets most
// often wins for all its occurrences, and capitalised, non-initial
// occurrences of a tagged name (or of a person's surname) that the tagger
// missed are tagged too.
func makeConsistent(doc [][]string, infos [][]tokenInfo, spans [][]Span) {
	votes := map[string]map[string]int{}
	vote := func(key, label string, n int) {
		if votes[key] == nil {
			votes[key] = map[string]int{}
		}
		votes[key][label] += n
	}
	for si, ss := range spans {
		for _, s := range ss {
			key := strings.Join(doc[si][s.Start:s.End], " ")
			vote(key, s.Label, 2)
			if s.Label == labelPER && s.End-s.Start >= 2 {
				last := doc[si][s.End-1]
				if startsUpper(last) && utf8.RuneCountInString(last) > 2 {
					vote(last, labelPER, 1)
				}
			}
		}
	}
	if len(votes) == 0 {
		return
	}
	winner := func(key string) (string, bool) {
		v := votes[key]
		best, bestN := "", 0
		for _, l := range labels {
			if v[l] > bestN {
				best, bestN = l, v[l]
			}
		}
		return best, bestN > 0
	}
	maxLen := 0
	for k := range votes {
		if n := strings.Count(k, " ") + 1; n > maxLen {
			maxLen = n
		}
	}
	for si, ss := range spans {
		// Relabel to the document-wide majority.
		for i := range ss {
			key := strings.Join(doc[si][ss[i].Start:ss[i].End], " ")
			if l, ok := winner(key); ok {
				ss[i].Label = l
			}
		}
		// Add missed occurrences: untagged capitalised token runs that
		// equal a tagged name.
		tagged := make([]bool, len(doc[si]))
		for _, s := range ss {
			for k := s.Start; k < s.End; k++ {
				tagged[k] = true
			}
		}
		added := false
		for i := 0; i < len(doc[si]); i++ {
			if tagged[i] || infos[si][i].flags&flagCap == 0 {
				continue
			}
			for n := min(maxLen, len(doc[si])-i); n >= 1; n-- {
				ok := true
				for k := i; k < i+n; k++ {
					ok = ok && !tagged[k]
				}
				if !ok {
					continue
				}
				key := strings.Join(doc[si][i:i+n], " ")
				l, found := winner(key)
				if !found {
					continue
				}
				// A sentence-initial single word needs evidence it is a name
				// here too: it must not be written lower case elsewhere.
				if n == 1 && infos[si][i].docFlags&docLowerElsewhere != 0 {
					continue
				}
				ss = append(ss, Span{i, i + n, l})
				for k := i; k < i+n; k++ {
					tagged[k] = true
				}
				added = true
				i += n - 1
				break
			}
		}
		if added {
			sort.Slice(ss, func(a, b int) bool { return ss[a].Start < ss[b].Start })
		}
		spans[si] = ss
	}
}

// findRole returns the title or role words written right before the name
// at token index start: "President", "jazz pianist", "head of the security
// service", or "".
func findRole(text string, toks []model.Token, start int) string {
	// The window: up to six word tokens directly before the name.
	from := start
	for from > 0 && start-from < 6 && toks[from-1].Kind == model.TokenWord && !strings.HasPrefix(toks[from-1].Text, "'") && !strings.HasPrefix(toks[from-1].Text, "’") {
		from--
	}
	if from == start {
		return ""
	}
	lastLower := strings.ToLower(toks[start-1].Text)
	lastIsRole := titleWords[lastLower] || roleNouns[lastLower]
	for k := from; k < start; k++ {
		lw := strings.ToLower(toks[k].Text)
		if !titleWords[lw] && !roleNouns[lw] {
			continue
		}
		// "head of the security service X": a role noun followed by an
		// "of" phrase; otherwise the role word must touch the name.
		if lastIsRole || (k+1 < start && strings.EqualFold(toks[k+1].Text, "of")) {
			return text[toks[k].Start:toks[start-1].End]
		}
	}
	return ""
}

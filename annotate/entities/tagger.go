// Package entities finds named mentions — people, organisations, places and
// groups (nationalities, religious and political groups) — in a document.
//
// In: a model.Document (its cleaned Text and, if already split, its
// Sentences). Out: []model.Mention with byte offsets into Text, the
// containing sentence, and the title or role written before a person's name
// ("President", "jazz pianist", "head of the security service").
//
// The tagger is a first-order structured perceptron with averaged weights
// and Viterbi decoding over BILOU tags, trained by this project ("parallax
// train ner") on UNER EWT, GUM and wikigold. Its features are word forms,
// shapes, affixes, neighbouring words, Brown word clusters of the word and
// its neighbours and how often the word is capitalised in unlabeled text
// (package wordclusters), gazetteer hits (package gazetteer), title, role
// and place-noun cues, a lexicon of words usually written in lower case,
// and document-level flags (is the word written lower case
// elsewhere in the document? capitalised mid-sentence elsewhere?). After
// tagging, document-level passes make repeated names consistent (a string
// tagged as a name in one place is tagged the same way where the tagger
// missed it; a person's surname alone gets the full name's type), mark
// places cued by "village of", "X district", "X checkpoint", mark lone
// demonyms as groups and move leading titles from names into Role.
//
// Cross-document caches (gazetteer facts per word, history matrices) live
// in the Tagger, are bounded, and are safe for concurrent use.
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
	"sync/atomic"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
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
	// words caches gazetteer facts about words across documents.
	words *wordCache
	// clusters are the word clusters the model was trained with.
	clusters *wordclusters.Clusters
	// scores caches the summed weights of each word's own features.
	scores *scoreCache
}

// scoreCache maps a wordKey to the quantised weight sums of its
// wordFeatures, shared by all documents. Most tokens are frequent words, so
// most lookups replace some twenty feature lookups. It is safe for
// concurrent use and stops growing at maxCachedWords entries.
type scoreCache struct {
	m sync.Map // wordKey → *[nTags]int32
	n atomic.Int64
}

// wordScores returns the summed quantised weights of t's word features.
func (t *Tagger) wordScores(ti *tokenInfo, buf *[]uint64) *[nTags]int32 {
	key := wordKey{ti.word, ti.flags}
	if v, ok := t.scores.m.Load(key); ok {
		return v.(*[nTags]int32)
	}
	feats, gaz := wordFeatures(ti, (*buf)[:0], nil)
	feats = append(feats, gaz...)
	*buf = feats
	sum := new([nTags]int32)
	t.w.sumQuantised(feats, sum)
	if t.scores.n.Load() < maxCachedWords {
		key.word = strings.Clone(key.word)
		if _, loaded := t.scores.m.LoadOrStore(key, sum); !loaded {
			t.scores.n.Add(1)
		}
	}
	return sum
}

var loadEmbedded = sync.OnceValues(func() (*Tagger, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, err
	}
	w, err := readModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded tagger model: %w", err)
	}
	return &Tagger{w: w, gaz: g, consistency: true, words: &wordCache{}, clusters: cl, scores: &scoreCache{}}, nil
})

// Load returns the tagger with the embedded model and gazetteer, loading
// them on first use.
func Load() (*Tagger, error) { return loadEmbedded() }

// New builds a tagger from a model file written by Train, with the embedded
// gazetteer and word clusters.
func New(modelFile []byte) (*Tagger, error) {
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, err
	}
	return NewWithClusters(modelFile, cl)
}

// NewWithClusters builds a tagger from a model file written by Train with
// the word clusters it was trained with (TrainOptions.Clusters), and the
// embedded gazetteer.
func NewWithClusters(modelFile []byte, clusters *wordclusters.Clusters) (*Tagger, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	w, err := readModel(bytes.NewReader(modelFile))
	if err != nil {
		return nil, err
	}
	return &Tagger{w: w, gaz: g, consistency: true, words: &wordCache{}, clusters: clusters, scores: &scoreCache{}}, nil
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
	return t.TagTokens(ctx, doc, nil)
}

// TagTokens is Tag over the document's tokens as annotate/tokenize made
// them (model.Annotated.Tokens), so the pipeline tokenises a document once;
// when toks is nil the text is tokenised here.
func (t *Tagger) TagTokens(ctx context.Context, doc *model.Document, toks []model.Token) ([]model.Mention, error) {
	if doc == nil {
		return nil, fmt.Errorf("tag entities: nil document")
	}
	if !utf8.ValidString(doc.Text) {
		return nil, fmt.Errorf("tag entities in %s: text is not valid UTF-8", doc.ID)
	}
	sents := doc.Sentences
	switch {
	case len(sents) == 0:
		toks, sents = tokenize.Split(doc.Text)
	case toks == nil:
		toks = tokenize.Tokens(doc.Text)
	}
	// Lines are tagged separately: a name never runs across a line break,
	// and a headline or menu line glued to a sentence must not join it.
	var groups [][]model.Token
	var sentOf []int // groups[i] lies in sents[sentOf[i]]
	for si, g := range tokenize.SentenceTokens(toks, sents) {
		from := 0
		for k := 1; k <= len(g); k++ {
			if k == len(g) || strings.ContainsRune(doc.Text[g[k-1].End:g[k].Start], '\n') {
				groups = append(groups, g[from:k:k])
				sentOf = append(sentOf, si)
				from = k
			}
		}
	}
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
				Sentence: sents[sentOf[si]],
			}
			if s.Label == labelPER {
				m.Role = findRole(doc.Text, g, s.Start)
			}
			out = append(out, m)
		}
	}
	return out, nil
}

// TagWords tags a document given as tokenised sentences and returns the
// spans of each sentence (token indices).
func (t *Tagger) TagWords(ctx context.Context, doc [][]string) ([][]Span, error) {
	infos := analyse(doc, t.gaz, t.w.lexicon, t.words, t.clusters)
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
			sum := *t.wordScores(&s[k], &feats)
			feats, gaz = contextFeatures(s, k, feats[:0], gaz[:0])
			feats = append(feats, gaz...)
			t.w.sumQuantised(feats, &sum)
			for tag, v := range sum {
				static[k][tag] = float32(v) * t.w.step
			}
		}
		tags := viterbi(len(s), func(k int) *[nTags]float32 { return &static[k] },
			func(k int) *[nTags + 1][nTags]float32 { return t.w.transitionsFor(s, k) })
		out[si] = tagsToSpans(tags)
	}
	if t.consistency {
		makeConsistent(doc, infos, out)
	}
	applyPlaceCues(infos, out)
	markDatelines(infos, out)
	markDemonyms(infos, out)
	trimTitles(infos, out)
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

// applyPlaceCues tags the names that settlement and area nouns mark as
// places, whatever the tagger made of them: "the village of Zharkulak",
// "the Torgaily checkpoint", "Kemerbay district". Small places are missing
// from every gazetteer and rare in training text, and these cues are
// unambiguous.
func applyPlaceCues(infos [][]tokenInfo, spans [][]Span) {
	for si, s := range infos {
		var cued []Span
		for i := range s {
			lw := s[i].lower
			if !settlementNouns[lw] || s[i].flags&flagCap != 0 {
				continue
			}
			// "village of X Y"
			if i+2 < len(s) && s[i+1].lower == "of" {
				if end := capRun(s, i+2); end > i+2 {
					cued = append(cued, Span{i + 2, end, labelLOC})
				}
			}
			// Russian puts the name right after the noun: "жители села Самсы".
			if s[i].flags&flagCyrillic != 0 && i+1 < len(s) {
				if end := capRun(s, i+1); end > i+1 {
					cued = append(cued, Span{i + 1, end, labelLOC})
					continue
				}
			}
			// "X Y village": a capitalised run ending right before the noun.
			start := i
			for start > 0 && i-start < 3 && s[start-1].flags&flagCap != 0 && s[start-1].flags&flagInitial == 0 && s[start-1].gaz&gazDemonym == 0 {
				start--
			}
			if start < i {
				cued = append(cued, Span{start, i, labelLOC})
			}
		}
		if len(cued) == 0 {
			continue
		}
		for _, c := range cued {
			// Replace what the tagger found inside the cued name; leave it
			// alone when a longer name covers it ("Alatau District Court").
			keep := spans[si][:0]
			covered := false
			for _, sp := range spans[si] {
				switch {
				case sp.End <= c.Start || sp.Start >= c.End:
					keep = append(keep, sp)
				case sp.Start < c.Start || sp.End > c.End:
					covered = true
					keep = append(keep, sp)
				}
			}
			spans[si] = keep
			if !covered {
				spans[si] = append(spans[si], c)
			}
		}
		sort.Slice(spans[si], func(a, b int) bool { return spans[si][a].Start < spans[si][b].Start })
	}
}

// markDatelines tags the place of a news dateline: a known place in capitals
// opening a line and followed by a comma, dash or full stop ("ALMATY, March
// 10 (Reuters) -", "ASTANA. March 10."). Capitals hide the usual cues, so
// the tagger alone misses them.
func markDatelines(infos [][]tokenInfo, spans [][]Span) {
	for si, s := range infos {
		if len(s) < 2 || s[0].flags&flagAllCaps == 0 || s[0].placePos == 0 {
			continue
		}
		end := 1
		for end < len(s) && s[end].placePos != 0 && s[end].placePos != 'B' && s[end].placePos != 'U' {
			end++ // a multi-word place: "NEW YORK"
		}
		if end >= len(s) {
			continue
		}
		switch s[end].word {
		case ",", "—", "–", "-", ".", "(":
		default:
			continue
		}
		if len(spans[si]) > 0 && spans[si][0].Start < end {
			if first := &spans[si][0]; first.Start == 0 && first.End == end {
				first.Label = labelLOC // "ASTANA." read as an organisation
			}
			continue
		}
		spans[si] = append([]Span{{0, end, labelLOC}}, spans[si]...)
	}
}

// capRun returns the end of the run of up to three capitalised words
// starting at i (i itself when there is none).
func capRun(s []tokenInfo, i int) int {
	j := i
	for j < len(s) && j-i < 3 && s[j].flags&flagCap != 0 && s[j].gaz&gazDemonym == 0 {
		j++
	}
	return j
}

// settlementNouns mark the name next to them as a place.
var settlementNouns = wordSet(`village villages town city hamlet settlement district districts region oblast province raion rayon county
	municipality checkpoint aul kishlak
	село села селе селом деревня деревни деревне поселок посёлок поселка посёлка поселке посёлке аул аула ауле
	кишлак кишлака район района районе области город города городе`)

// markDemonyms makes every capitalised demonym from the gazetteer that
// stands alone a group ("Kyrgyz and Tajik citizens", "the Afghans"):
// nationality words are a closed class, so the list is more reliable than
// the tagger here. A demonym inside a longer name ("Kazakh Interior
// Ministry", "Russian Federation") or followed by another capitalised word
// is left to the tagger.
func markDemonyms(infos [][]tokenInfo, spans [][]Span) {
	for si, s := range infos {
		changed := false
		for i := range s {
			if s[i].gaz&gazDemonym == 0 || s[i].flags&flagCap == 0 {
				continue
			}
			if i+1 < len(s) && s[i+1].flags&flagCap != 0 {
				continue
			}
			found := false
			for j := range spans[si] {
				sp := &spans[si][j]
				if sp.Start <= i && i < sp.End {
					found = true
					// "Kyrgyz citizens" tagged as one name: the demonym
					// followed by lower-case words is the group.
					rest := sp.Start == i
					for k := i + 1; k < sp.End && rest; k++ {
						rest = s[k].flags&flagCap == 0
					}
					if rest {
						sp.End = i + 1
						sp.Label = labelGRP
					}
					break
				}
			}
			if !found {
				spans[si] = append(spans[si], Span{i, i + 1, labelGRP})
				changed = true
			}
		}
		if changed {
			sort.Slice(spans[si], func(a, b int) bool { return spans[si][a].Start < spans[si][b].Start })
		}
	}
}

// trimTitles drops a leading title or role word from person names
// ("Singer Dimash Kudaibergen" → "Dimash Kudaibergen"): the corpora do not
// count titles as part of the name, and findRole reports them as the role.
func trimTitles(infos [][]tokenInfo, spans [][]Span) {
	for si := range spans {
		for j := range spans[si] {
			sp := &spans[si][j]
			for sp.Label == labelPER && sp.End-sp.Start >= 2 {
				lw := infos[si][sp.Start].lower
				if !titleWords[lw] && !roleNouns[lw] {
					break
				}
				sp.Start++
			}
		}
	}
}

// findRole returns the title or role words written right before the name
// at token index start: "President", "jazz pianist", "head of the security
// service", or "".
func findRole(text string, toks []model.Token, start int) string {
	// The window: up to six word tokens directly before the name, stopping
	// at punctuation, conjunctions and capitalised words that are not
	// titles (another name: "Singer X and pianist Y").
	from := start
	for from > 0 && start-from < 6 {
		tok := toks[from-1]
		lw := strings.ToLower(tok.Text)
		if tok.Kind != model.TokenWord || roleStop[lw] || strings.HasPrefix(lw, "'") || strings.HasPrefix(lw, "’") {
			break
		}
		if startsUpper(tok.Text) && !titleWords[lw] && !roleNouns[lw] && !(from-2 >= 0 && strings.EqualFold(toks[from-2].Text, "of")) && from-1 != 0 {
			break
		}
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
		if !lastIsRole && !(k+1 < start && strings.EqualFold(toks[k+1].Text, "of")) {
			continue
		}
		// Take modifiers before the role word: "jazz pianist",
		// "opposition politician".
		for k > from && (!startsUpper(toks[k-1].Text) || k-1 == 0) && !roleArticle[strings.ToLower(toks[k-1].Text)] {
			k--
		}
		return text[toks[k].Start:toks[start-1].End]
	}
	return ""
}

// roleArticle words may sit inside a role ("head of the service") but
// never start one.
var roleArticle = wordSet(`the of for`)

// roleStop ends the search for a role: verbs of saying, conjunctions,
// articles and prepositions that cannot be inside a role before a name.
var roleStop = wordSet(`and or but nor said says say told tells asked according to by with from for in on at as that
	when while after before a an this these those his her their its our my your was were is are be been has have had
	who whom which whose also then than if`)

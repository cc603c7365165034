// Package resolve finds who is who across the documents of a story: it
// clusters every entity mention of every document into entities.
//
// In: the annotated documents of one story ([]*model.Annotated) with their
// Mentions (names from the entity tagger; nominals such as "the head of the
// security service" and pronouns are handled too when a caller supplies
// them). Out: []model.Entity, each with a stable ID, a canonical name (the
// most complete, most common spelling), its spelling variants with counts
// and documents, the descriptions the texts attach to it and its mentions;
// and every input mention's Entity field set to its entity's ID.
//
// Within a document, a surname-only or first-name-only mention joins the
// full name introduced before it, a nominal joins the entity its words
// describe or the latest entity with the same head noun, and a pronoun its
// latest compatible antecedent. Across documents, names join when
// namematch says they are spellings of one name (transliteration schemes,
// typing errors, look-alike letters, initials, acronyms defined in the text
// or matching by initials) and no evidence speaks against it: conflicting
// given names and gendered surname forms block a merge, and a partial name
// that fits two different people joins neither unless one clearly
// dominates. Names in a document's byline (Document.Authors) are the
// authors, not entities of the story: their mentions are left unresolved.
package resolve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// Options tunes Entities. The zero value means the defaults.
type Options struct {
	// PronounWindow is how many sentences back a pronoun looks for its
	// antecedent; 0 means 3.
	PronounWindow int
	// KeepAuthors resolves byline names like any other mention instead of
	// leaving them out.
	KeepAuthors bool
	// SeparateNominals keeps nominal-only entities ("the facility") of
	// different documents apart instead of joining them by head noun.
	SeparateNominals bool
	// DominanceRatio is how many times more mentions the largest of several
	// people a partial name ("Zhaparov") fits must have for the partial
	// name to join it; 0 means 3. Below it the partial name stays apart.
	DominanceRatio float64
}

func (o Options) pronounWindow() int {
	if o.PronounWindow <= 0 {
		return 3
	}
	return o.PronounWindow
}

func (o Options) dominance() float64 {
	if o.DominanceRatio <= 0 {
		return 3
	}
	return o.DominanceRatio
}

// resolver holds the work state of one Entities call.
type resolver struct {
	lx       *lexicon
	opts     Options
	docs     []*model.Annotated
	texts    []docText
	mentions []mention
	chains   []*chain
	// chainOf maps a mention index to its chain, -1 when excluded.
	chainOf []int
	// docClusters lists, per document, the named clusters it mentions.
	docClusters [][]int
	cmpCache    map[string]namematch.Result
	partsCache  map[string][]namematch.Part
	// gaz knows given names and their usual gender; nil when it cannot be
	// loaded, and resolution then goes on without it.
	gaz *gazetteer.Gazetteer
}

// parts is namematch.Parts with a cache.
func (r *resolver) parts(name string) []namematch.Part {
	if p, ok := r.partsCache[name]; ok {
		return p
	}
	p := namematch.Parts(name)
	if r.partsCache == nil {
		r.partsCache = map[string][]namematch.Part{}
	}
	r.partsCache[name] = p
	return p
}

// Entities clusters the mentions of docs into entities and sets each
// mention's Entity field. Documents must belong to one story; a nil
// document or a mention whose span lies outside its document's text is an
// error naming it.
func Entities(ctx context.Context, docs []*model.Annotated, opts Options) ([]model.Entity, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	r := &resolver{lx: lx, opts: opts, docs: docs}
	if g, err := gazetteer.Load(); err == nil {
		r.gaz = g
	}
	if err := r.load(); err != nil {
		return nil, err
	}
	for d := range docs {
		if d%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("resolve: %w", err)
			}
		}
		r.localChains(d)
	}
	clusters, err := r.cluster(ctx)
	if err != nil {
		return nil, err
	}
	return r.build(clusters), nil
}

// load checks the input and analyses every mention.
func (r *resolver) load() error {
	r.texts = make([]docText, len(r.docs))
	total := 0
	for i, a := range r.docs {
		if a == nil || a.Doc == nil {
			return fmt.Errorf("resolve: document %d is nil", i)
		}
		total += len(a.Mentions)
	}
	r.mentions = make([]mention, 0, total)
	for i, a := range r.docs {
		text := a.Doc.Text
		for j := range a.Mentions {
			m := &a.Mentions[j]
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				return fmt.Errorf("resolve: document %s: mention %d [%d,%d) outside text of %d bytes", a.Doc.ID, j, m.Start, m.End, len(text))
			}
			if m.Text == "" {
				m.Text = text[m.Start:m.End]
			}
			m.Entity = ""
			mi := analyse(m, r.parts, r.lx)
			mi.doc, mi.idx = i, j
			r.mentions = append(r.mentions, mi)
		}
		toks := a.Tokens
		if len(toks) == 0 && len(a.Mentions) > 0 {
			toks = tokenize.Tokens(text)
		}
		r.texts[i] = docText{lx: r.lx, id: a.Doc.ID, text: text, toks: toks}
	}
	r.chainOf = make([]int, len(r.mentions))
	return nil
}

// docMentions returns the indices of document d's mentions in text order.
func (r *resolver) docMentions(d int, from int) []int {
	var idx []int
	for k := from; k < len(r.mentions) && r.mentions[k].doc == d; k++ {
		idx = append(idx, k)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ma, mb := r.mentions[idx[a]].m, r.mentions[idx[b]].m
		if ma.Start != mb.Start {
			return ma.Start < mb.Start
		}
		return ma.End > mb.End
	})
	return idx
}

// sentenceIndex numbers the sentences of document d for distance checks.
func (r *resolver) sentenceIndex(d int) func(off int) int {
	a := r.docs[d]
	sents := a.Doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(a.Doc.Text)
	}
	return func(off int) int {
		return sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	}
}

// acronymDefinitions finds "Expansion (ACR)" and "ACR (Expansion)" in a
// document, keyed by the acronym.
func acronymDefinitions(dt *docText, ms []mention, idx []int) map[string]string {
	defs := map[string]string{}
	for _, k := range idx {
		mi := &ms[k]
		if mi.kind != kindName {
			continue
		}
		end := mi.m.End
		rest := dt.text[end:min(len(dt.text), end+24)]
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, "(") {
			if close := strings.IndexByte(rest, ')'); close > 1 {
				inner := strings.TrimSpace(rest[1:close])
				switch {
				case namematch.IsAcronym(inner) && !mi.acronym && namematch.AcronymOf(inner, mi.name):
					defs[normAcronym(inner)] = mi.name
				case mi.acronym && !namematch.IsAcronym(inner) && namematch.AcronymOf(mi.name, inner):
					defs[normAcronym(mi.name)] = inner
				case namematch.IsAcronym(inner) && !mi.acronym && len(strings.Fields(mi.name)) >= 2:
					// Defined in the text even when the letters do not follow
					// the words (translated names: "Collective Security Treaty
					// Organization (ODKB)").
					defs[normAcronym(inner)] = mi.name
				}
			}
		}
	}
	return defs
}

func normAcronym(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), ".", ""))
}

// isAuthor reports whether a mention names one of the document's authors.
func (r *resolver) isAuthor(mi *mention, authors []string) bool {
	if mi.kind != kindName || len(authors) == 0 {
		return false
	}
	for _, a := range authors {
		ap := r.parts(a)
		if len(ap) == 0 {
			continue
		}
		res := r.compare(mi.parts, ap, model.Person)
		if res.Match && (!res.Partial || len(mi.parts) >= len(ap)) {
			return true
		}
	}
	return false
}

// entityID derives a stable ID from the entity's type and canonical name.
func entityID(t model.EntityType, name string) string {
	key := namematch.Key(name)
	if key == "" {
		key = strings.ToLower(name)
	}
	sum := sha256.Sum256([]byte(string(t) + "|" + key))
	return "ent_" + hex.EncodeToString(sum[:6])
}

// givenNameGender reads a person's gender off a known given name: the first
// word of a name of two words or more.
func (r *resolver) givenNameGender(parts []namematch.Part) byte {
	return givenNameGender(r.gaz, parts)
}

func givenNameGender(g *gazetteer.Gazetteer, parts []namematch.Part) byte {
	if g == nil || len(parts) < 2 || parts[0].Initial {
		return 0
	}
	gender, ok := g.IsGivenName(parts[0].Text)
	switch {
	case !ok:
		return 0
	case gender == "male":
		return 'm'
	case gender == "female":
		return 'f'
	}
	return 0
}

// NameGender reads a person's gender off their name the way resolution
// does: a known given name first ("Aigul Sarsenova"), else the form of a
// Slavic or Central Asian surname ("Turdaliev"). It returns 'm', 'f', or 0
// when the name does not tell. g may be nil (surname forms only).
func NameGender(g *gazetteer.Gazetteer, name string) byte {
	parts := namematch.Parts(name)
	if gender := givenNameGender(g, parts); gender != 0 {
		return gender
	}
	return surnameGender(parts)
}

package events

import "github.com/parallaxnews/parallax/model"

// parse returns the parse of sentence si: the document's own
// (model.Annotated.Syntax) when it has one for the sentence (stored
// parses may cover some sentences only), else parsed with parse and kept;
// nil when there is no parser.
func (v *docView) parse(si int, parse func([]model.Token) []model.Word) []model.Word {
	if si < 0 || si >= len(v.sents) {
		return nil
	}
	if len(v.a.Syntax) == len(v.sents) && (len(v.a.Syntax[si]) > 0 || parse == nil) {
		return v.a.Syntax[si]
	}
	if parse == nil {
		return nil
	}
	if v.parsed == nil {
		v.parsed = map[int][]model.Word{}
	}
	ws, ok := v.parsed[si]
	if !ok {
		ws = parse(v.toks[si])
		v.parsed[si] = ws
	}
	return ws
}

// headIn returns the index of the word that heads the byte range r: the
// word inside r whose head lies outside it (the first such, preferring a
// verb or noun), or -1.
func headIn(ws []model.Word, r model.Range) int {
	best := -1
	for i, w := range ws {
		if w.Start < r.Start || w.End > r.End {
			continue
		}
		h := w.Head
		outside := h < 0 || ws[h].Start < r.Start || ws[h].End > r.End
		if !outside {
			continue
		}
		if best < 0 || (!contentTag(ws[best].UPOS) && contentTag(w.UPOS)) {
			best = i
		}
	}
	return best
}

func contentTag(upos string) bool {
	return upos == "VERB" || upos == "NOUN" || upos == "PROPN" || upos == "ADJ"
}

// argumentRels are the relations by which a trigger's participants,
// places and times hang from it (Universal Dependencies, subtypes
// stripped).
var argumentRels = map[string]bool{
	"nsubj": true, "obj": true, "iobj": true, "obl": true, "nmod": true, "csubj": true,
	"compound": true, "appos": true, "flat": true, "amod": true, "nummod": true, "advmod": true,
	"xcomp": false, "acl": true,
}

func baseRel(rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}

// argumentRegion marks the words that belong to trigger h's arguments: its
// dependents by an argument relation and their subtrees (three levels
// deep), and, for a passive or nominal trigger that is itself the subject
// or object of a verb, nothing more: each trigger keeps to its own words.
func argumentRegion(ws []model.Word, h int) []bool {
	in := make([]bool, len(ws))
	in[h] = true
	frontier := []int{h}
	for depth := 0; depth < 3 && len(frontier) > 0; depth++ {
		var next []int
		for i, w := range ws {
			if w.Head < 0 || in[i] {
				continue
			}
			for _, f := range frontier {
				if w.Head == f && (depth > 0 || argumentRels[baseRel(w.Rel)]) {
					in[i] = true
					next = append(next, i)
					break
				}
			}
		}
		frontier = next
	}
	return in
}

// regionCovers reports whether a word of the region overlaps r.
func regionCovers(ws []model.Word, in []bool, r model.Range) bool {
	for i, w := range ws {
		if in[i] && w.Start < r.End && r.Start < w.End {
			return true
		}
	}
	return false
}

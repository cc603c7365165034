package resolve

import (
	"sort"
	"strconv"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// build turns clusters into entities and writes entity IDs into the input
// mentions.
func (r *resolver) build(clusters []*cluster) []model.Entity {
	ents := make([]model.Entity, 0, len(clusters))
	used := map[string]int{}
	for _, cl := range clusters {
		var ms []int
		for _, ci := range cl.chains {
			ms = append(ms, r.chains[ci].mentions...)
		}
		sort.Slice(ms, func(a, b int) bool {
			x, y := r.mentions[ms[a]], r.mentions[ms[b]]
			if x.doc != y.doc {
				return x.doc < y.doc
			}
			return x.m.Start < y.m.Start
		})
		e := model.Entity{Type: cl.typ, Variants: []model.Variant{}, Descriptions: []model.Description{}}
		e.Name = r.canonicalName(ms)
		e.Type = majorityType(r, ms, cl.typ)
		id := entityID(e.Type, e.Name)
		used[id]++
		if n := used[id]; n > 1 {
			id = id + "-" + itoa(n)
		}
		e.ID = id
		e.Variants = r.variants(ms)
		seenDesc := map[string]bool{}
		for _, ci := range cl.chains {
			for _, d := range r.chains[ci].descs {
				k := d.span.Doc + "|" + itoa(d.span.Start) + "|" + d.key
				if seenDesc[k] {
					continue
				}
				seenDesc[k] = true
				e.Descriptions = append(e.Descriptions, model.Description{Text: d.text, Span: d.span})
			}
		}
		e.Mentions = make([]model.Mention, 0, len(ms))
		for _, k := range ms {
			mi := r.mentions[k]
			mi.m.Entity = id
			e.Mentions = append(e.Mentions, *mi.m)
		}
		ents = append(ents, e)
	}
	sort.SliceStable(ents, func(a, b int) bool {
		if len(ents[a].Mentions) != len(ents[b].Mentions) {
			return len(ents[a].Mentions) > len(ents[b].Mentions)
		}
		return ents[a].ID < ents[b].ID
	})
	return ents
}

// canonicalName picks the most complete, most common spelling among the
// names; nominal-only entities take their most common phrase.
func (r *resolver) canonicalName(ms []int) string {
	type cand struct {
		text  string
		comp  int
		count int
		latin bool
		ascii bool
		first int
	}
	byText := map[string]*cand{}
	var order []string
	for i, k := range ms {
		mi := r.mentions[k]
		var text string
		comp := 0
		switch mi.kind {
		case kindName:
			if mi.acronym {
				text, comp = mi.name, 1
			} else {
				text, comp = mi.name, completeness(mi.parts)*100
			}
		case kindNominal:
			text = r.lx.keyText(mi.m.Text)
		default:
			text, comp = mi.m.Text, -1
		}
		c, ok := byText[text]
		if !ok {
			c = &cand{text: text, comp: comp, latin: !namematch.HasCyrillic(text), ascii: isASCII(text), first: i}
			byText[text] = c
			order = append(order, text)
		}
		c.count++
	}
	// Count every spelling of the same full name together, so the most
	// common spelling wins among equally complete ones.
	sort.SliceStable(order, func(a, b int) bool {
		x, y := byText[order[a]], byText[order[b]]
		if x.comp != y.comp {
			return x.comp > y.comp
		}
		if x.latin != y.latin {
			return x.latin
		}
		if x.count != y.count {
			return x.count > y.count
		}
		if x.ascii != y.ascii {
			return x.ascii // the press spelling over a scholarly one on a tie
		}
		return x.first < y.first
	})
	if len(order) == 0 {
		return ""
	}
	return order[0]
}

// variants lists each spelling as written, with its count and documents.
func (r *resolver) variants(ms []int) []model.Variant {
	idx := map[string]int{}
	var out []model.Variant
	anyName := false
	for _, k := range ms {
		if r.mentions[k].kind == kindName {
			anyName = true
			break
		}
	}
	for _, k := range ms {
		mi := r.mentions[k]
		if anyName && mi.kind != kindName {
			continue
		}
		if mi.kind == kindPronoun {
			continue
		}
		text := mi.name
		if mi.kind != kindName {
			text = r.lx.keyText(mi.m.Text)
		}
		docID := r.docs[mi.doc].Doc.ID
		j, ok := idx[text]
		if !ok {
			j = len(out)
			idx[text] = j
			out = append(out, model.Variant{Text: text})
		}
		v := &out[j]
		v.Count++
		if len(v.Docs) == 0 || v.Docs[len(v.Docs)-1] != docID {
			v.Docs = append(v.Docs, docID)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Count > out[b].Count })
	if out == nil {
		out = []model.Variant{}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// Index maps mention spans to entity IDs, for stages that hold a span and
// need its entity (the quote stage's Quote.SpeakerRef).
type Index struct {
	byDoc map[string][]spanID
}

type spanID struct {
	start, end int
	id         string
}

// NewIndex indexes every mention of entities.
func NewIndex(entities []model.Entity) *Index {
	ix := &Index{byDoc: map[string][]spanID{}}
	for _, e := range entities {
		for _, m := range e.Mentions {
			ix.byDoc[m.Doc] = append(ix.byDoc[m.Doc], spanID{m.Start, m.End, e.ID})
		}
	}
	for _, l := range ix.byDoc {
		sort.Slice(l, func(a, b int) bool { return l[a].start < l[b].start })
	}
	return ix
}

// At returns the entity of the mention at span: the mention with exactly
// that span, else the mention that contains it, else the one it contains
// ("President Tashiev" around the mention "Tashiev"). ok is false when no
// mention of that document overlaps the span.
func (ix *Index) At(span model.Span) (id string, ok bool) {
	l := ix.byDoc[span.Doc]
	i := sort.Search(len(l), func(i int) bool { return l[i].start >= span.End })
	bestOverlap := 0
	for j := i - 1; j >= 0; j-- {
		m := l[j]
		if m.start == span.Start && m.end == span.End {
			return m.id, true
		}
		if m.end <= span.Start {
			// Earlier mentions may still be long enough to overlap; keep
			// scanning a little in case of nesting.
			if span.Start-m.end > 200 {
				break
			}
			continue
		}
		ov := min(m.end, span.End) - max(m.start, span.Start)
		if ov > bestOverlap {
			bestOverlap, id, ok = ov, m.id, true
		}
	}
	return id, ok
}

// EntityAt returns the ID of the entity whose mention lies at span, by the
// rules of Index.At. It scans every mention without allocating; for many
// look-ups build an Index once.
func EntityAt(entities []model.Entity, span model.Span) (id string, ok bool) {
	bestOverlap := 0
	for i := range entities {
		for _, m := range entities[i].Mentions {
			if m.Doc != span.Doc || m.End <= span.Start || m.Start >= span.End {
				continue
			}
			if m.Start == span.Start && m.End == span.End {
				return entities[i].ID, true
			}
			if ov := min(m.End, span.End) - max(m.Start, span.Start); ov > bestOverlap {
				bestOverlap, id, ok = ov, entities[i].ID, true
			}
		}
	}
	return id, ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// majorityType is the type most of an entity's mentions carry, so one
// mistyped mention does not retype a person; ties keep the cluster's type.
func majorityType(r *resolver, ms []int, def model.EntityType) model.EntityType {
	count := map[model.EntityType]int{}
	for _, k := range ms {
		count[r.mentions[k].m.Type]++
	}
	best, n := def, count[def]
	for t, c := range count {
		if c > n || (c == n && t < best && best != def) {
			best, n = t, c
		}
	}
	if best == "" && len(ms) > 0 {
		best = r.mentions[ms[0]].m.Type
	}
	return best
}

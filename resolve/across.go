package resolve

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// cluster is a cross-document entity under construction.
type cluster struct {
	typ      model.EntityType
	chains   []int
	best     []namematch.Part
	bestName string
	names    [][]namematch.Part
	nameKeys map[string]bool
	acronyms map[string]bool
	heads    map[string]int
	descKeys map[string]int
	// descHeads counts the head nouns of the descriptions.
	descHeads map[string]int
	size      int // mentions
	named     bool
	docs      map[int]bool
}

// nameIndex finds clusters by the keys of their name words, tolerating one
// deleted letter (a symmetric-deletion index) so that typing errors meet.
type nameIndex map[string][]int

func deletions(key string) []string {
	if len(key) < 5 {
		return []string{key}
	}
	out := make([]string, 0, len(key)+1)
	out = append(out, key)
	for i := 0; i < len(key); i++ {
		out = append(out, "\x00"+key[:i]+key[i+1:])
	}
	return out
}

func (ix nameIndex) add(parts []namematch.Part, c int) {
	for _, p := range parts {
		if p.Initial || p.Particle {
			continue
		}
		for _, k := range deletions(p.Key) {
			l := ix[k]
			if len(l) == 0 || l[len(l)-1] != c {
				ix[k] = append(l, c)
			}
		}
	}
}

func (ix nameIndex) candidates(parts []namematch.Part, seen map[int]bool) []int {
	var out []int
	for _, p := range parts {
		if p.Initial || p.Particle {
			continue
		}
		keys := deletions(p.Key)
		for i, k := range keys {
			// A full key meets full keys and the index's deletions; a
			// deletion meets full keys and other deletions.
			look := []string{k}
			if i == 0 {
				look = append(look, "\x00"+k)
			} else {
				look = append(look, k[1:])
			}
			for _, l := range look {
				for _, c := range ix[l] {
					if !seen[c] {
						seen[c] = true
						out = append(out, c)
					}
				}
			}
		}
	}
	for _, c := range out {
		delete(seen, c)
	}
	return out
}

// cluster joins the chains of all documents into entities.
func (r *resolver) cluster(ctx context.Context) ([]*cluster, error) {
	order := make([]int, len(r.chains))
	for i := range order {
		order[i] = i
	}
	// Most complete names first, so full names seed the clusters that
	// partial names then join.
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := r.chains[order[a]], r.chains[order[b]]
		if ca.named != cb.named {
			return ca.named
		}
		if x, y := completeness(ca.best), completeness(cb.best); x != y {
			return x > y
		}
		return len(ca.mentions) > len(cb.mentions)
	})
	var clusters []*cluster
	r.docClusters = make([][]int, len(r.docs))
	names := nameIndex{}
	acronymIx := map[string][]int{}
	headIx := map[string][]int{} // description key or head → named clusters
	nominalIx := map[string]int{}
	seen := map[int]bool{}

	newCluster := func(c *chain) int {
		cl := &cluster{typ: c.typ, nameKeys: map[string]bool{}, acronyms: map[string]bool{}, heads: map[string]int{}, descKeys: map[string]int{}, descHeads: map[string]int{}, docs: map[int]bool{}}
		clusters = append(clusters, cl)
		return len(clusters) - 1
	}
	join := func(ci, k int) {
		c, cl := r.chains[ci], clusters[k]
		cl.chains = append(cl.chains, ci)
		cl.size += len(c.mentions)
		cl.docs[c.doc] = true
		if c.named {
			r.docClusters[c.doc] = appendUniqueInt(r.docClusters[c.doc], k)
		}
		if c.named {
			cl.named = true
			for _, n := range c.names {
				key := partsKey(n)
				if !cl.nameKeys[key] {
					cl.nameKeys[key] = true
					if len(cl.names) < 24 {
						cl.names = append(cl.names, n)
					}
					names.add(n, k)
				}
			}
			if completeness(c.best) > completeness(cl.best) {
				cl.best, cl.bestName = c.best, c.bestName
			}
			for _, a := range c.acronyms {
				if a = acronymKey(a); !cl.acronyms[a] {
					cl.acronyms[a] = true
					acronymIx[a] = append(acronymIx[a], k)
				}
			}
			if cl.typ == model.Organization || cl.typ == model.Place {
				for _, ini := range namematch.Initials(c.bestName) {
					if ini = acronymKey(ini); len(ini) >= 2 && !cl.acronyms[ini] {
						cl.acronyms[ini] = true
						acronymIx[ini] = append(acronymIx[ini], k)
					}
				}
			}
		}
		for h, n := range c.heads {
			if cl.heads[h] == 0 && cl.named {
				headIx[h] = append(headIx[h], k)
			}
			cl.heads[h] += n
		}
		for _, d := range c.descs {
			if cl.descKeys[d.key] == 0 && cl.named {
				headIx["="+d.key] = append(headIx["="+d.key], k)
			}
			cl.descKeys[d.key]++
			cl.descHeads[d.head]++
		}
	}

	for n, ci := range order {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("resolve: %w", err)
			}
		}
		c := r.chains[ci]
		k := -1
		switch {
		case c.named && len(c.best) == 1 && namematch.IsAcronym(c.best[0].Text) && fullWords(c.best) == 1:
			k = r.pickAcronym(c, clusters, acronymIx)
			if k < 0 {
				k = r.pickName(c, clusters, names.candidates(c.best, seen))
			}
		case c.named:
			cands := names.candidates(c.best, seen)
			for _, a := range c.acronyms {
				cands = append(cands, acronymIx[acronymKey(a)]...)
			}
			k = r.pickName(c, clusters, cands)
		default:
			k = r.pickNominal(c, clusters, headIx)
			if k < 0 && !r.opts.SeparateNominals && len(c.phrases) > 0 {
				key := string(c.typ) + "|" + dominantHead(c.heads)
				if c.plural {
					key += "|pl"
				}
				if j, ok := nominalIx[key]; ok {
					k = j
				} else {
					k = newCluster(c)
					nominalIx[key] = k
				}
			}
		}
		if k < 0 {
			k = newCluster(c)
		}
		join(ci, k)
	}
	out := make([]*cluster, 0, len(clusters))
	for _, cl := range clusters {
		if len(cl.chains) > 0 {
			out = append(out, cl)
		}
	}
	return out, nil
}

// pickName chooses the cluster a named chain joins, or -1.
func (r *resolver) pickName(c *chain, clusters []*cluster, cands []int) int {
	type fit struct {
		k     int
		score float64
	}
	var fits []fit
	tried := make(map[int]bool, len(cands))
	for _, k := range cands {
		if tried[k] {
			continue
		}
		tried[k] = true
		cl := clusters[k]
		exact := cl.nameKeys[partsKey(c.best)]
		if !compatibleTypes(cl.typ, c.typ, exact) && !r.sameFullName(c.best, cl.best) {
			continue
		}
		ok, s := r.nameFits(c.best, cl.best, cl.names, cl.typ)
		if !ok {
			continue
		}
		// Every name of the chain must fit too (a chain may hold "Tashiev"
		// and "Kamchybek Tashiev").
		for _, n := range c.names {
			if len(n) == 1 && namematch.IsAcronym(n[0].Text) {
				continue // acronyms are matched through the acronym index
			}
			if ok2, _ := r.nameFits(n, cl.best, cl.names, cl.typ); !ok2 {
				ok = false
				break
			}
		}
		if ok {
			fits = append(fits, fit{k, s})
		}
	}
	switch len(fits) {
	case 0:
		return -1
	case 1:
		return fits[0].k
	}
	// Several clusters fit. A full name takes the best-scoring one; a
	// partial name joins the one the rest of its document points to, or
	// else only a clearly dominant one.
	sort.SliceStable(fits, func(a, b int) bool {
		if fits[a].score != fits[b].score {
			return fits[a].score > fits[b].score
		}
		return clusters[fits[a].k].size > clusters[fits[b].k].size
	})
	if fullWords(c.best) >= 2 && fits[0].score > fits[1].score {
		return fits[0].k
	}
	ks := make([]int, len(fits))
	for i, f := range fits {
		ks[i] = f.k
	}
	if k := byDescription(c, ks, clusters); k >= 0 {
		return k
	}
	if k := r.byContext(c.doc, ks, clusters); k >= 0 {
		return k
	}
	// Are the fitting clusters different people, or one person split by
	// spelling? If the two largest conflict, require dominance.
	sort.SliceStable(fits, func(a, b int) bool { return clusters[fits[a].k].size > clusters[fits[b].k].size })
	first, second := clusters[fits[0].k], clusters[fits[1].k]
	if float64(first.size) >= r.opts.dominance()*float64(second.size) {
		return fits[0].k
	}
	return -1
}

// pickAcronym chooses the organisation an undefined acronym stands for.
func (r *resolver) pickAcronym(c *chain, clusters []*cluster, ix map[string][]int) int {
	acr := acronymKey(c.best[0].Text)
	var fits []int
	for _, k := range ix[acr] {
		cl := clusters[k]
		if compatibleTypes(cl.typ, c.typ, true) && (len(fits) == 0 || fits[len(fits)-1] != k) {
			fits = append(fits, k)
		}
	}
	if len(fits) == 1 {
		return fits[0]
	}
	return -1
}

// pickNominal links a chain of nominals to the named entity its words
// describe, when exactly one entity fits.
func (r *resolver) pickNominal(c *chain, clusters []*cluster, headIx map[string][]int) int {
	unique := func(ks []int) int {
		k := -1
		for _, j := range ks {
			if clusters[j].typ != c.typ {
				continue
			}
			if k >= 0 && j != k {
				return -2
			}
			k = j
		}
		return k
	}
	phrases := make([]string, 0, len(c.phrases))
	for p := range c.phrases {
		phrases = append(phrases, p)
	}
	sort.Strings(phrases) // map order must not decide the outcome
	for _, p := range phrases {
		if k := unique(headIx["="+p]); k >= 0 {
			return k
		}
	}
	h := dominantHead(c.heads)
	if h == "" || c.plural {
		return -1
	}
	cands := headIx[h]
	switch k := unique(cands); {
	case k >= 0:
		return k
	case k == -1:
		return -1
	}
	var same []int
	for _, j := range cands {
		if clusters[j].typ == c.typ {
			same = append(same, j)
		}
	}
	return r.byContext(c.doc, same, clusters)
}

// maxContextCandidates bounds the candidates byContext weighs, largest
// first, so that a frequent head noun costs little in a large story.
const maxContextCandidates = 32

// byContext picks, among candidate clusters, the one the document's other
// entities point to: a candidate already named in the document wins;
// otherwise each candidate scores the number of documents it shares with
// the document's other named entities. The best must beat the runner-up by
// half again, else -1.
func (r *resolver) byContext(doc int, cands []int, clusters []*cluster) int {
	if len(cands) == 0 {
		return -1
	}
	if len(cands) > maxContextCandidates {
		cands = append([]int(nil), cands...)
		sort.SliceStable(cands, func(a, b int) bool { return clusters[cands[a]].size > clusters[cands[b]].size })
		cands = cands[:maxContextCandidates]
	}
	var inDoc []int
	for _, k := range cands {
		if clusters[k].docs[doc] {
			inDoc = append(inDoc, k)
		}
	}
	if len(inDoc) == 1 {
		return inDoc[0]
	}
	if len(inDoc) > 1 {
		cands = inDoc
	}
	best, second, bestK := 0.0, 0.0, -1
	for _, k := range cands {
		score := 0.0
		for _, x := range r.docClusters[doc] {
			if x == k {
				continue
			}
			score += float64(sharedDocs(clusters[x].docs, clusters[k].docs))
		}
		switch {
		case score > best:
			second, best, bestK = best, score, k
		case score > second:
			second = score
		}
	}
	if bestK >= 0 && best >= 1.5*second && best > second {
		return bestK
	}
	return -1
}

func sharedDocs(a, b map[int]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for d := range a {
		if b[d] {
			n++
		}
	}
	return n
}

func appendUniqueInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// dominantHead is the most frequent head lemma, ties broken by name.
func dominantHead(h map[string]int) string {
	best, n := "", 0
	for k, v := range h {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}

// keyText is a lower-cased, determiner-free form used in tests and IDs.
func (lx *lexicon) keyText(s string) string {
	w := strings.Fields(strings.ToLower(s))
	for len(w) > 1 && lx.determiners[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// acronymKey romanises an acronym so that ГКНБ and GKNB meet.
func acronymKey(a string) string {
	return strings.ToUpper(namematch.Transliterate(normAcronym(a), namematch.Russian, namematch.ICAO))
}

// byDescription picks the one candidate whose descriptions share a head
// noun with the chain's ("Japarov, the prime minister" and "Prime Minister
// Akylbek Japarov"), or -1.
func byDescription(c *chain, cands []int, clusters []*cluster) int {
	if len(c.descs) == 0 {
		return -1
	}
	found := -1
	for _, k := range cands {
		cl := clusters[k]
		shared := false
		for _, d := range c.descs {
			if d.head != "" && cl.descHeads[d.head] > 0 {
				shared = true
				break
			}
		}
		if !shared {
			continue
		}
		if found >= 0 && found != k {
			return -1
		}
		found = k
	}
	return found
}

package syndication

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Two reports quoting the same six statements in the same order, with a
// line of their own between them, are not rewrites of one another; the
// same texts without quotation marks would be.
func TestIsRewriteIgnoresQuotations(t *testing.T) {
	quotes := []string{
		`"We evacuated every resident of the four villages before the water reached them," the head of the emergencies office said.`,
		`"Two shepherds are still missing and the search goes on through the night," he added.`,
		`"The road to the upper pasture is gone and the bridge below it too," he said.`,
		`"We need more helicopters and more boats from the neighbouring regions," he said.`,
		`"Rain is expected to continue over the valley until Sunday morning," he said.`,
		`"Every family will receive compensation for a damaged house," the governor said.`,
	}
	a := strings.Join(quotes, " Our reporter at the shelter listened. ")
	b := strings.Join(quotes, " A second outlet's team noted this down. ")
	n := newStemNumbers()
	if isRewrite(n.text(sentenceStems(a, nil)), n.text(sentenceStems(b, nil))) {
		t.Error("reports sharing only quotations taken for a rewrite")
	}
	unquote := strings.NewReplacer(`"`, "")
	if !isRewrite(n.text(sentenceStems(unquote.Replace(a), nil)), n.text(sentenceStems(unquote.Replace(b), nil))) {
		t.Error("the same sentences unquoted not taken for a rewrite")
	}
}

// TestIndexedRewriteMatchesWalk checks the stem-index isRewrite against
// the walk it replaced (each sentence against every sentence of the
// other text by Jaccard index) on generated texts that share sentences,
// reword them, reorder them and quote some.
func TestIndexedRewriteMatchesWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	vocab := make([]string, 60)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("word%cx%c", 'a'+rune(i%26), 'a'+rune(i/26))
	}
	sentence := func() string {
		ws := make([]string, 5+rng.IntN(10))
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:] // the splitter ends a sentence before a capital
		s := strings.Join(ws, " ") + "."
		if rng.IntN(8) == 0 {
			s = `"` + s + `"`
		}
		return s
	}
	agree := 0
	n := newStemNumbers() // one numbering and its scratch for every pair, as in Mark
	for trial := 0; trial < 400; trial++ {
		base := make([]string, 4+rng.IntN(12))
		for i := range base {
			base[i] = sentence()
		}
		other := make([]string, 0, len(base)+4)
		for _, s := range base {
			switch rng.IntN(5) {
			case 0:
				other = append(other, sentence()) // replaced
			case 1:
				ws := strings.Fields(s)
				ws[1+rng.IntN(len(ws)-1)] = vocab[rng.IntN(len(vocab))]
				other = append(other, strings.Join(ws, " ")) // reworded
			default:
				other = append(other, s)
			}
			if rng.IntN(6) == 0 {
				other = append(other, sentence())
			}
		}
		if rng.IntN(4) == 0 {
			rng.Shuffle(len(other), func(i, j int) { other[i], other[j] = other[j], other[i] })
		}
		a, b := sentenceStems(strings.Join(base, " "), nil), sentenceStems(strings.Join(other, " "), nil)
		want := walkRewrite(a, b)
		ta, tb := n.text(a), n.text(b)
		if got := isRewrite(ta, tb); got != want {
			t.Fatalf("trial %d: isRewrite %v, the walk %v\n%s\n%s", trial, got, want, strings.Join(base, " "), strings.Join(other, " "))
		}
		if again := isRewrite(ta, tb); again != want {
			t.Fatalf("trial %d: isRewrite against the text indexed last %v, the walk %v", trial, again, want)
		}
		if got, want := possibleRewrite(ta, tb), possibleByHash(a, b); got != want {
			t.Fatalf("trial %d: possibleRewrite %v, by hash set %v", trial, got, want)
		}
		if want {
			agree++
		}
	}
	if agree == 0 || agree == 400 {
		t.Fatalf("%d of 400 generated pairs are rewrites: the test does not tell the cases apart", agree)
	}
}

// walkRewrite is isRewrite as a walk over every pair of sentences.
func walkRewrite(a, b []stemSentence) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < rewriteMinSentences {
		return false
	}
	need := max(float64(rewriteMinSentences), rewriteShare*float64(len(a)))
	matched, last := 0, -1
	for _, s := range a {
		if s.quoted {
			continue
		}
		best, at := 0.0, -1
		for j, u := range b {
			if u.quoted {
				continue
			}
			if jac := sortedJaccard(s.sorted, u.sorted); jac > best {
				best, at = jac, j
			}
		}
		if best >= rewriteSentenceMatch && at > last {
			matched++
			last = at
		}
	}
	return float64(matched) >= need
}

// sortedJaccard is the Jaccard index of two sorted sets of hashes.
func sortedJaccard(a, b []uint64) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// possibleByHash is possibleRewrite over a hash set of the other text's
// stems, as it was before the stems were numbered.
func possibleByHash(a, b []stemSentence) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	in := map[uint64]bool{}
	for _, s := range b {
		for _, h := range s.sorted {
			in[h] = true
		}
	}
	enough := 0
	for _, s := range a {
		if s.quoted || len(s.sorted) == 0 {
			continue
		}
		shared := 0
		for _, h := range s.sorted {
			if in[h] {
				shared++
			}
		}
		if float64(shared) >= rewriteSentenceMatch*float64(len(s.sorted)) {
			enough++
		}
	}
	return float64(enough) >= max(float64(rewriteMinSentences), rewriteShare*float64(len(a)))
}

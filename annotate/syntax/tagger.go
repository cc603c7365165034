package syntax

// The tagger predicts one class per word: the pair of its universal tag and
// its Penn Treebank tag ("VERB VBD"), greedily from left to right, each word
// seeing the two classes chosen before it.

// Tagger feature templates.
const (
	tBias uint64 = iota + 1
	tLower
	tShape
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tFlags
	tPrev1
	tPrev2
	tPrev12
	tPrev1Lower
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tPrevSuf3
	tNextSuf3
	tClus0
	tClus1
	tClus2
	tClus3
	tPrevClus
	tNextClus
	tNext2Clus
	tPrevLowerLower
	tLowerNextLower
	tNextShape
	tPrev1Suf3
	tFirstShape
	tPrev1NextLower
)

// tagFeatures appends the features of word i given the classes of the two
// words before it (-1 for none).
func tagFeatures(s []wordInfo, i, prev1, prev2 int, out []uint64) []uint64 {
	for role := range tagRoles {
		out = tagRoleFeatures(s, i, role, out)
	}
	return tagContextFeatures(s, i, prev1, prev2, out)
}

// A word's tagger features fall in groups by what they read. Those of one
// word alone, in one role towards the word being tagged (itself, the word
// before it, two before, after, two after), depend on that word's form
// only, so their summed weights can be kept per word form (wordTypes); the
// rest read two words or the classes chosen before.
const (
	roleOwn = iota
	rolePrev
	rolePrev2
	roleNext
	roleNext2
	tagRoles
)

// roleWord returns the word in role towards word i, or nil when the
// sentence has none there.
func roleWord(s []wordInfo, i, role int) *wordInfo {
	j := i + [tagRoles]int{0, -1, -2, 1, 2}[role]
	if j < 0 || j >= len(s) {
		return nil
	}
	return &s[j]
}

// tagRoleFeatures appends the features of the word in role towards word i.
func tagRoleFeatures(s []wordInfo, i, role int, out []uint64) []uint64 {
	return tagWordFeatures(roleWord(s, i, role), role, out)
}

// tagWordFeatures appends the features of w in role (w nil: no word
// there, before the sentence's start or after its end).
func tagWordFeatures(w *wordInfo, role int, out []uint64) []uint64 {
	switch role {
	case roleOwn:
		return append(out,
			f1(tBias, 0),
			f1(tLower, w.hLower),
			f1(tShape, w.hShape),
			f1(tPre1, w.hPre[0]),
			f1(tPre2, w.hPre[1]),
			f1(tPre3, w.hPre[2]),
			f1(tSuf1, w.hSuf[0]),
			f1(tSuf2, w.hSuf[1]),
			f1(tSuf3, w.hSuf[2]),
			f1(tSuf4, w.hSuf[3]),
			f1(tFlags, w.hFlags),
			f1(tClus0, w.hClus[0]),
			f1(tClus1, w.hClus[1]),
			f1(tClus2, w.hClus[2]),
			f1(tClus3, w.hClus[3]),
		)
	case rolePrev:
		lower, suf, clus := hStart, hStart, hStart
		if w != nil {
			lower, suf, clus = w.hLower, w.hSuf[2], w.hClus[1]
		}
		return append(out, f1(tPrevLower, lower), f1(tPrevSuf3, suf), f1(tPrevClus, clus))
	case rolePrev2:
		lower := hStart
		if w != nil {
			lower = w.hLower
		}
		return append(out, f1(tPrev2Lower, lower))
	case roleNext:
		lower, suf, clus, shape := hEnd, hEnd, hEnd, hEnd
		if w != nil {
			lower, suf, clus, shape = w.hLower, w.hSuf[2], w.hClus[1], w.hShape
		}
		return append(out, f1(tNextLower, lower), f1(tNextSuf3, suf), f1(tNextClus, clus), f1(tNextShape, shape))
	default:
		lower, clus := hEnd, hEnd
		if w != nil {
			lower, clus = w.hLower, w.hClus[1]
		}
		return append(out, f1(tNext2Lower, lower), f1(tNext2Clus, clus))
	}
}

// tagContextFeatures appends the features of word i that read two words
// or the classes chosen before it.
func tagContextFeatures(s []wordInfo, i, prev1, prev2 int, out []uint64) []uint64 {
	w := &s[i]
	hp1, hp2 := hStart, hStart
	if prev1 >= 0 {
		hp1 = uint64(prev1) + 1
	}
	if prev2 >= 0 {
		hp2 = uint64(prev2) + 1
	}
	prevLower, nextLower := hStart, hEnd
	if i > 0 {
		prevLower = s[i-1].hLower
	}
	if i+1 < len(s) {
		nextLower = s[i+1].hLower
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(out,
		f1(tPrev1, hp1),
		f1(tPrev2, hp2),
		f2(tPrev12, hp1, hp2),
		f2(tPrev1Lower, hp1, w.hLower),
		f2(tPrevLowerLower, prevLower, w.hLower),
		f2(tLowerNextLower, w.hLower, nextLower),
		f2(tPrev1Suf3, hp1, w.hSuf[2]),
		f2(tFirstShape, first, w.hShape),
		f2(tPrev1NextLower, hp1, nextLower),
	)
}

// tag returns the class of every word. When types is not nil, kind[i] is
// word i's form in types (-1: none), whose kept sums replace the lookups of
// its features in each role.
func tag(m *weights, s []wordInfo, types *wordTypes, kind []int32) []int {
	out := make([]int, len(s))
	scores := make([]float32, m.nClasses)
	feats := make([]uint64, 0, 64)
	var buf lookupBuf
	sum := buf.sum[:m.nClasses]
	for i := range s {
		p1, p2 := -1, -1
		if i > 0 {
			p1 = out[i-1]
		}
		if i > 1 {
			p2 = out[i-2]
		}
		feats = feats[:0]
		clear(sum)
		for role := range tagRoles {
			if kept := types.roleSums(kind, i, role); kept != nil {
				for c, v := range kept {
					sum[c] += v
				}
				continue
			}
			feats = tagRoleFeatures(s, i, role, feats)
		}
		feats = tagContextFeatures(s, i, p1, p2, feats)
		m.addTo(&buf.sum, feats, &buf)
		m.scale(sum, scores)
		out[i] = argmax(scores)
	}
	return out
}

func argmax(s []float32) int {
	best := 0
	for c := 1; c < len(s); c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return best
}

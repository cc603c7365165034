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
	return tagContextFeatures(s, i, prev1, prev2, tagOwnFeatures(&s[i], out))
}

// tagOwnFeatures appends the features that read only the word itself, so
// their summed weights can be kept per word form (wordTypes).
func tagOwnFeatures(w *wordInfo, out []uint64) []uint64 {
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
}

// tagContextFeatures appends the features of word i that read its
// neighbours or the classes chosen before it.
func tagContextFeatures(s []wordInfo, i, prev1, prev2 int, out []uint64) []uint64 {
	w := &s[i]
	hp1, hp2 := hStart, hStart
	if prev1 >= 0 {
		hp1 = uint64(prev1) + 1
	}
	if prev2 >= 0 {
		hp2 = uint64(prev2) + 1
	}
	prevLower, prev2Lower, nextLower, next2Lower := hStart, hStart, hEnd, hEnd
	prevSuf, nextSuf, prevClus, nextClus, next2Clus, nextShape := hStart, hEnd, hStart, hEnd, hEnd, hEnd
	if i > 0 {
		prevLower, prevSuf, prevClus = s[i-1].hLower, s[i-1].hSuf[2], s[i-1].hClus[1]
	}
	if i > 1 {
		prev2Lower = s[i-2].hLower
	}
	if i+1 < len(s) {
		nextLower, nextSuf, nextClus, nextShape = s[i+1].hLower, s[i+1].hSuf[2], s[i+1].hClus[1], s[i+1].hShape
	}
	if i+2 < len(s) {
		next2Lower, next2Clus = s[i+2].hLower, s[i+2].hClus[1]
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
		f1(tPrevLower, prevLower),
		f1(tPrev2Lower, prev2Lower),
		f1(tNextLower, nextLower),
		f1(tNext2Lower, next2Lower),
		f1(tPrevSuf3, prevSuf),
		f1(tNextSuf3, nextSuf),
		f1(tPrevClus, prevClus),
		f1(tNextClus, nextClus),
		f1(tNext2Clus, next2Clus),
		f2(tPrevLowerLower, prevLower, w.hLower),
		f2(tLowerNextLower, w.hLower, nextLower),
		f1(tNextShape, nextShape),
		f2(tPrev1Suf3, hp1, w.hSuf[2]),
		f2(tFirstShape, first, w.hShape),
		f2(tPrev1NextLower, hp1, nextLower),
	)
}

// tag returns the class of every word. own[i], when not nil, holds the
// summed weights of word i's tagOwnFeatures (len nClasses), looked up once
// per word form; own may be nil.
func tag(m *weights, s []wordInfo, own [][]int32) []int {
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
		if i < len(own) && own[i] != nil {
			copy(sum, own[i])
		} else {
			clear(sum)
			feats = tagOwnFeatures(&s[i], feats)
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

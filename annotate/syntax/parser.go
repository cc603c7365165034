package syntax

// The parser is arc-hybrid (Kuhlmann et al. 2011) over words 1..n with the
// root, word 0, at the bottom of the stack:
//
//	SHIFT    moves the buffer's first word b0 onto the stack;
//	LEFT-r   makes b0 the head of the stack top s0 (relation r) and pops s0;
//	RIGHT-r  makes the word under the top, s1, the head of s0 and pops s0.
//
// RIGHT may attach to the root only when the buffer is empty, so every
// sentence gets exactly one root word.
//
// Two models share the work: the move model picks SHIFT, LEFT or RIGHT from
// the state's features, and when the move makes an arc the relation model
// labels it from the arc's own, smaller feature set. Scoring three moves and
// then one arc's labels costs a fraction of scoring every labelled move.

const (
	moveShift = iota
	moveLeft
	moveRight
)

type parseState struct {
	n     int // words 1..n
	stack []int
	b     int // first buffer word; the buffer is b..n, empty when b > n
	head  []int
	rel   []int
	// Leftmost and second-leftmost, rightmost and second-rightmost
	// dependents, and the counts on each side; -1 for none.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
}

func newParseState(n int) *parseState {
	p := &parseState{n: n, stack: make([]int, 1, n+1), b: 1}
	all := make([]int, 8*(n+1))
	p.head, p.rel = all[0:n+1], all[n+1:2*(n+1)]
	p.lc1, p.lc2, p.rc1, p.rc2 = all[2*(n+1):3*(n+1)], all[3*(n+1):4*(n+1)], all[4*(n+1):5*(n+1)], all[5*(n+1):6*(n+1)]
	p.nl, p.nr = all[6*(n+1):7*(n+1)], all[7*(n+1):]
	for i := 0; i <= n; i++ {
		p.head[i], p.rel[i], p.lc1[i], p.lc2[i], p.rc1[i], p.rc2[i] = -1, -1, -1, -1, -1, -1
	}
	return p
}

func (p *parseState) terminal() bool { return p.b > p.n && len(p.stack) == 1 }

func (p *parseState) s(k int) int {
	if k < len(p.stack) {
		return p.stack[len(p.stack)-1-k]
	}
	return -1
}

func (p *parseState) buf(k int) int {
	if p.b+k <= p.n {
		return p.b + k
	}
	return -1
}

// valid reports which moves the state allows.
func (p *parseState) valid() (shift, left, right bool) {
	bufferFull := p.b <= p.n
	shift = bufferFull
	left = bufferFull && len(p.stack) > 1
	right = len(p.stack) > 2 || (len(p.stack) == 2 && !bufferFull)
	return
}

func (p *parseState) addArc(h, d, r int) {
	p.head[d], p.rel[d] = h, r
	if d < h {
		p.nl[h]++
		switch {
		case p.lc1[h] < 0 || d < p.lc1[h]:
			p.lc2[h], p.lc1[h] = p.lc1[h], d
		case p.lc2[h] < 0 || d < p.lc2[h]:
			p.lc2[h] = d
		}
	} else {
		p.nr[h]++
		switch {
		case p.rc1[h] < 0 || d > p.rc1[h]:
			p.rc2[h], p.rc1[h] = p.rc1[h], d
		case p.rc2[h] < 0 || d > p.rc2[h]:
			p.rc2[h] = d
		}
	}
}

// apply performs move with relation r.
func (p *parseState) apply(move, r int) {
	switch move {
	case moveShift:
		p.stack = append(p.stack, p.b)
		p.b++
	case moveLeft:
		s0 := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		p.addArc(p.b, s0, r)
	case moveRight:
		s0 := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		p.addArc(p.stack[len(p.stack)-1], s0, r)
	}
}

// arcOf returns the head and dependent of the arc that move would make.
func (p *parseState) arcOf(move int) (h, d int) {
	switch move {
	case moveLeft:
		return p.b, p.s(0)
	case moveRight:
		return p.s(1), p.s(0)
	}
	return -1, -1
}

// Relation feature templates.
const (
	rDir uint64 = iota + 300
	rDw
	rDt
	rHw
	rHt
	rHtDtDir
	rHwDtDir
	rHtDwDir
	rHwDw
	rDc
	rHc
	rHcDc
	rDistHtDt
	rDLl
	rDRl
	rDLt
	rDRt
	rDVal
	rHLlDir
	rHRlDir
	rDprevDtDnext
	rHprevHtHnext
	rDsufDir
	rDwDir
	rHRoot
	rDtDLlDRl
	rB0tDir
	rDtHtHLt
)

// relFeatures appends the features of labelling the arc h → d.
func (p *parseState) relFeatures(w []wordInfo, t []uint64, h, d int, out []uint64) []uint64 {
	dir := uint64(1)
	if d < h {
		dir = 2
	}
	T := func(i int) uint64 {
		if i < 0 || i >= len(t) {
			return hNone
		}
		return t[i]
	}
	L := func(i int) uint64 {
		if i < 0 || p.rel[i] < 0 {
			return hNone
		}
		return uint64(p.rel[i]) + 7
	}
	dw, dt, hw, ht := w[d].hLower, t[d], w[h].hLower, t[h]
	dist := h - d
	if dist < 0 {
		dist = -dist
	}
	if h == 0 {
		dist = 0
	}
	hLabel := p.lc1[h]
	if d > h {
		hLabel = p.rc1[h]
	}
	dnext := d + 1
	if dnext > p.n {
		dnext = -1
	}
	hnext := h + 1
	if h == 0 || hnext > p.n {
		hnext = -1
	}
	hprev := h - 1
	if h == 0 {
		hprev = -1
	}
	root := uint64(0)
	if h == 0 {
		root = 1
	}
	b0 := p.buf(0)
	if b0 == h {
		b0 = p.buf(1)
	}
	return append(out,
		f1(rDir, dir), f2(rDw, dw, dir), f2(rDt, dt, dir), f2(rHw, hw, dir), f2(rHt, ht, dir),
		f3(rHtDtDir, ht, dt, dir), f3(rHwDtDir, hw, dt, dir), f3(rHtDwDir, ht, dw, dir), f3(rHwDw, hw, dw, dir),
		f2(rDc, w[d].hClus[1], dir), f2(rHc, w[h].hClus[1], dir), f3(rHcDc, w[h].hClus[0], w[d].hClus[0], dir),
		f3(rDistHtDt, uint64(distBucket(dist)), ht, dt),
		f2(rDLl, L(p.lc1[d]), dir), f2(rDRl, L(p.rc1[d]), dir), f2(rDLt, T(p.lc1[d]), dt), f2(rDRt, T(p.rc1[d]), dt),
		f3(rDVal, uint64(min(p.nl[d], 3)), uint64(min(p.nr[d], 3)), dt),
		f3(rHLlDir, L(hLabel), ht, dir), f3(rHRlDir, L(p.rc1[h]), ht, dir),
		f3(rDprevDtDnext, T(d-1), dt, T(dnext)), f3(rHprevHtHnext, T(hprev), ht, T(hnext)),
		f2(rDsufDir, w[d].hSuf[2], dir), f3(rDwDir, dw, ht, dir), f2(rHRoot, root, dt),
		f3(rDtDLlDRl, dt, L(p.lc1[d]), L(p.rc1[d])), f3(rB0tDir, T(b0), dt, dir),
		f3(rDtHtHLt, dt, ht, T(hLabel)),
	)
}

// Parser feature templates.
const (
	pS0w uint64 = iota + 100
	pS0t
	pS0wt
	pS1w
	pS1t
	pS1wt
	pS2t
	pS2w
	pB0w
	pB0t
	pB0wt
	pB1w
	pB1t
	pB1wt
	pB2w
	pB2t
	pS0wtB0wt
	pS0wtB0w
	pS0wB0wt
	pS0wtB0t
	pS0tB0wt
	pS0wB0w
	pS0tB0t
	pB0tB1t
	pS0tS1t
	pS0wS1w
	pS0tS1w
	pS0wS1t
	pB0tB1tB2t
	pS0tB0tB1t
	pS1tS0tB0t
	pS2tS1tS0t
	pS0tS0LtB0t
	pS0tS0RtB0t
	pS1tS0tS0Lt
	pS1tS0tS0Rt
	pS0tB0tB0Lt
	pS1tS1RtS0t
	pS1tS1LtS0t
	pS0wDist
	pS0tDist
	pB0wDist
	pB0tDist
	pS0tB0tDist
	pS1s0Dist
	pS0wVr
	pS0tVr
	pS0wVl
	pS0tVl
	pS1wVr
	pS1tVr
	pB0wVl
	pB0tVl
	pS0Lw
	pS0Lt
	pS0Ll
	pS0Rw
	pS0Rt
	pS0Rl
	pS1Lw
	pS1Lt
	pS1Ll
	pS1Rw
	pS1Rt
	pS1Rl
	pB0Lw
	pB0Lt
	pB0Ll
	pS0L2t
	pS0L2l
	pS0R2t
	pS0R2l
	pB0L2t
	pB0L2l
	pS1R2l
	pS0tS0LlS0L2l
	pS0tS0RlS0R2l
	pB0tB0LlB0L2l
	pS1tS1RlS1R2l
	pS0c
	pB0c
	pS1c
	pS0cB0c
	pS0cB0t
	pS0tB0c
	pS0cS1c
	pB0cB1t
	pS0cfull
	pB0cfull
	pS1tS0tB0tB1t
	pS0wtB0wtB1t
	pB1c
	pS0lB0t
	pS1wtS0wt
	pPunctBetween
)

// The move features fall in three groups. Those of one stack word alone
// (its word, tag and clusters) and those of the buffer's first three words
// alone do not change while that word stays in its place, so parse adds
// their weights once per word and place and reuses the sums; only the
// state's other features (pairs, children, valencies, distances) are looked
// up at every move. Training reads all three groups as one list.

// stackWordFeatures appends the features of word i (-1: none) as the k-th
// word from the top of the stack (k = 0, 1, 2).
func stackWordFeatures(w []wordInfo, t []uint64, i, k int, out []uint64) []uint64 {
	wd, tg, c1, cFull := hNone, hNone, hNone, hNone
	if i >= 0 {
		wd, tg, c1, cFull = w[i].hLower, t[i], w[i].hClus[1], w[i].hClus[3]
	}
	wt := mix(wd ^ tg*31)
	switch k {
	case 0:
		return append(out, f1(pS0w, wd), f1(pS0t, tg), f1(pS0wt, wt), f1(pS0c, c1), f1(pS0cfull, cFull))
	case 1:
		return append(out, f1(pS1w, wd), f1(pS1t, tg), f1(pS1wt, wt), f1(pS1c, c1))
	default:
		return append(out, f1(pS2t, tg), f1(pS2w, wd))
	}
}

// bufferFeatures appends the features of the buffer's first three words
// alone.
func (p *parseState) bufferFeatures(w []wordInfo, t []uint64, out []uint64) []uint64 {
	var wd, tg, c [3]uint64
	for k := range 3 {
		wd[k], tg[k], c[k] = hNone, hNone, hNone
		if i := p.buf(k); i >= 0 {
			wd[k], tg[k], c[k] = w[i].hLower, t[i], w[i].hClus[1]
		}
	}
	b0cFull := hNone
	if b0 := p.buf(0); b0 >= 0 {
		b0cFull = w[b0].hClus[3]
	}
	return append(out,
		f1(pB0w, wd[0]), f1(pB0t, tg[0]), f1(pB0wt, mix(wd[0]^tg[0]*31)),
		f1(pB1w, wd[1]), f1(pB1t, tg[1]), f1(pB1wt, mix(wd[1]^tg[1]*31)),
		f1(pB2w, wd[2]), f1(pB2t, tg[2]),
		f2(pB0tB1t, tg[0], tg[1]), f3(pB0tB1tB2t, tg[0], tg[1], tg[2]),
		f1(pB0c, c[0]), f1(pB0cfull, b0cFull), f1(pB1c, c[1]), f2(pB0cB1t, c[0], tg[1]),
	)
}

// features appends every move feature of state p. w holds the words with
// the root at index 0; t their tag hashes.
func (p *parseState) features(w []wordInfo, t []uint64, out []uint64) []uint64 {
	for k := range 3 {
		out = stackWordFeatures(w, t, p.s(k), k, out)
	}
	out = p.bufferFeatures(w, t, out)
	return p.stateFeatures(w, t, out)
}

// stateFeatures appends the move features that combine several words or
// read the arcs built so far.
func (p *parseState) stateFeatures(w []wordInfo, t []uint64, out []uint64) []uint64 {
	s0, s1, s2 := p.s(0), p.s(1), p.s(2)
	b0, b1 := p.buf(0), p.buf(1)
	W := func(i int) uint64 {
		if i < 0 {
			return hNone
		}
		return w[i].hLower
	}
	T := func(i int) uint64 {
		if i < 0 {
			return hNone
		}
		return t[i]
	}
	C := func(i, k int) uint64 {
		if i < 0 {
			return hNone
		}
		return w[i].hClus[k]
	}
	L := func(i int) uint64 {
		if i < 0 || p.rel[i] < 0 {
			return hNone
		}
		return uint64(p.rel[i]) + 7
	}
	child := func(i int, c []int) int {
		if i < 0 {
			return -1
		}
		return c[i]
	}
	val := func(i int, c []int) uint64 {
		if i < 0 {
			return hNone
		}
		return uint64(min(c[i], 5))
	}
	s0w, s0t, s1w, s1t, s2t := W(s0), T(s0), W(s1), T(s1), T(s2)
	b0w, b0t, b1t := W(b0), T(b0), T(b1)
	s0L, s0R, s1L, s1R, b0L := child(s0, p.lc1), child(s0, p.rc1), child(s1, p.lc1), child(s1, p.rc1), child(b0, p.lc1)
	s0L2, s0R2, b0L2, s1R2 := child(s0, p.lc2), child(s0, p.rc2), child(b0, p.lc2), child(s1, p.rc2)
	dist := hNone
	if s0 >= 0 && b0 >= 0 {
		d := b0 - s0
		if s0 == 0 {
			d = 0
		}
		dist = uint64(distBucket(d))
	}
	d01 := hNone
	if s0 > 0 && s1 > 0 {
		d01 = uint64(distBucket(s0 - s1))
	}
	s0wt, b0wt, s1wt := mix(s0w^s0t*31), mix(b0w^b0t*31), mix(s1w^s1t*31)
	punct := uint64(0)
	if s0 > 0 && b0 > 0 {
		for k := s0 + 1; k < b0 && k < s0+30; k++ {
			if w[k].lower == "," {
				punct = 1
				break
			}
		}
	}
	return append(out,
		f2(pS0wtB0wt, s0wt, b0wt), f2(pS0wtB0w, s0wt, b0w), f2(pS0wB0wt, s0w, b0wt),
		f2(pS0wtB0t, s0wt, b0t), f2(pS0tB0wt, s0t, b0wt), f2(pS0wB0w, s0w, b0w), f2(pS0tB0t, s0t, b0t),
		f2(pS0tS1t, s0t, s1t), f2(pS0wS1w, s0w, s1w), f2(pS0tS1w, s0t, s1w), f2(pS0wS1t, s0w, s1t),
		f3(pS0tB0tB1t, s0t, b0t, b1t), f3(pS1tS0tB0t, s1t, s0t, b0t),
		f3(pS2tS1tS0t, s2t, s1t, s0t),
		f3(pS0tS0LtB0t, s0t, T(s0L), b0t), f3(pS0tS0RtB0t, s0t, T(s0R), b0t),
		f3(pS1tS0tS0Lt, s1t, s0t, T(s0L)), f3(pS1tS0tS0Rt, s1t, s0t, T(s0R)),
		f3(pS0tB0tB0Lt, s0t, b0t, T(b0L)), f3(pS1tS1RtS0t, s1t, T(s1R), s0t), f3(pS1tS1LtS0t, s1t, T(s1L), s0t),
		f2(pS0wDist, s0w, dist), f2(pS0tDist, s0t, dist), f2(pB0wDist, b0w, dist), f2(pB0tDist, b0t, dist),
		f3(pS0tB0tDist, s0t, b0t, dist), f3(pS1s0Dist, s1t, s0t, d01),
		f2(pS0wVr, s0w, val(s0, p.nr)), f2(pS0tVr, s0t, val(s0, p.nr)),
		f2(pS0wVl, s0w, val(s0, p.nl)), f2(pS0tVl, s0t, val(s0, p.nl)),
		f2(pS1wVr, s1w, val(s1, p.nr)), f2(pS1tVr, s1t, val(s1, p.nr)),
		f2(pB0wVl, b0w, val(b0, p.nl)), f2(pB0tVl, b0t, val(b0, p.nl)),
		f1(pS0Lw, W(s0L)), f1(pS0Lt, T(s0L)), f1(pS0Ll, L(s0L)),
		f1(pS0Rw, W(s0R)), f1(pS0Rt, T(s0R)), f1(pS0Rl, L(s0R)),
		f1(pS1Lw, W(s1L)), f1(pS1Lt, T(s1L)), f1(pS1Ll, L(s1L)),
		f1(pS1Rw, W(s1R)), f1(pS1Rt, T(s1R)), f1(pS1Rl, L(s1R)),
		f1(pB0Lw, W(b0L)), f1(pB0Lt, T(b0L)), f1(pB0Ll, L(b0L)),
		f1(pS0L2t, T(s0L2)), f1(pS0L2l, L(s0L2)), f1(pS0R2t, T(s0R2)), f1(pS0R2l, L(s0R2)),
		f1(pB0L2t, T(b0L2)), f1(pB0L2l, L(b0L2)), f1(pS1R2l, L(s1R2)),
		f3(pS0tS0LlS0L2l, s0t, L(s0L), L(s0L2)), f3(pS0tS0RlS0R2l, s0t, L(s0R), L(s0R2)),
		f3(pB0tB0LlB0L2l, b0t, L(b0L), L(b0L2)), f3(pS1tS1RlS1R2l, s1t, L(s1R), L(s1R2)),
		f2(pS0cB0c, C(s0, 0), C(b0, 0)), f2(pS0cB0t, C(s0, 1), b0t), f2(pS0tB0c, s0t, C(b0, 1)),
		f2(pS0cS1c, C(s0, 0), C(s1, 0)),
		f3(pS1tS0tB0tB1t, s1t, s0t, mix(b0t^b1t*31)), f3(pS0wtB0wtB1t, s0wt, b0wt, b1t),
		f2(pS0lB0t, L(s0), b0t), f2(pS1wtS0wt, s1wt, s0wt),
		f3(pPunctBetween, punct, s0t, b0t),
	)
}

func distBucket(d int) int {
	switch {
	case d <= 4:
		return d
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	default:
		return 7
	}
}

// parse returns the head (0: root) and relation of words 1..n.
func parse(moves, labels *weights, w []wordInfo, t []uint64) (heads, rels []int) {
	n := len(w) - 1
	p := newParseState(n)
	ms := newMoveScorer(moves, n)
	scores := make([]float32, max(moves.nClasses, labels.nClasses))
	for !p.terminal() {
		move, forced := p.onlyMove()
		if !forced {
			// When one move is allowed (a SHIFT onto the bare root, the
			// RIGHTs once the buffer is empty: about one move in six), its
			// scores would not change the choice.
			ms.score(p, w, t, scores)
			move = bestValid(p, scores)
		}
		r := -1
		if move != moveShift {
			h, d := p.arcOf(move)
			ms.feats = p.relFeatures(w, t, h, d, ms.feats[:0])
			labels.score(ms.feats, scores[:labels.nClasses], &ms.buf)
			r = argmax(scores[:labels.nClasses])
		}
		p.apply(move, r)
	}
	return p.head, p.rel
}

// moveScorer scores the moves of one sentence's states. The summed move
// weights of the single-word groups are kept: of the buffer at bufferAt,
// and of word i-1 as the k-th stack word at stackSums[k*(n+2)+i] (index 0:
// no word), filled on first use.
type moveScorer struct {
	moves     *weights
	n         int
	bufferSum [3]int32
	bufferAt  int
	stackSums [][3]int32
	stackDone []bool
	feats     []uint64
	buf       lookupBuf
}

func newMoveScorer(moves *weights, n int) *moveScorer {
	return &moveScorer{moves: moves, n: n, bufferAt: -1, stackSums: make([][3]int32, 3*(n+2)),
		stackDone: make([]bool, 3*(n+2)), feats: make([]uint64, 0, 128)}
}

// score sets scores[:3] to the moves' scores in state p.
func (ms *moveScorer) score(p *parseState, w []wordInfo, t []uint64, scores []float32) {
	moves := ms.moves
	if p.b != ms.bufferAt {
		ms.bufferSum = [3]int32{}
		moves.addInline(&ms.bufferSum, p.bufferFeatures(w, t, ms.feats[:0]), &ms.buf)
		ms.bufferAt = p.b
	}
	sum := ms.bufferSum
	for k := range 3 {
		slot := k*(ms.n+2) + p.s(k) + 1
		if !ms.stackDone[slot] {
			moves.addInline(&ms.stackSums[slot], stackWordFeatures(w, t, p.s(k), k, ms.feats[:0]), &ms.buf)
			ms.stackDone[slot] = true
		}
		for c := range sum {
			sum[c] += ms.stackSums[slot][c]
		}
	}
	moves.addInline(&sum, p.stateFeatures(w, t, ms.feats[:0]), &ms.buf)
	moves.scale(sum[:], scores[:moves.nClasses])
}

// onlyMove returns the move the state allows when it allows one only.
func (p *parseState) onlyMove() (move int, forced bool) {
	shift, left, right := p.valid()
	switch {
	case shift && !left && !right:
		return moveShift, true
	case right && !shift && !left:
		return moveRight, true
	}
	return -1, false
}

// bestValid returns the best-scoring move the state allows.
func bestValid(p *parseState, scores []float32) int {
	shift, left, right := p.valid()
	best, bestScore := -1, float32(0)
	for move, ok := range [3]bool{shift, left, right} {
		if ok && (best < 0 || scores[move] > bestScore) {
			best, bestScore = move, scores[move]
		}
	}
	return best
}

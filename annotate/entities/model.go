package entities

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/parallaxnews/parallax/internal/modelfile"
)

// BILOU tags: O, then B/I/L/U for each label.
var labels = [...]string{labelPER, labelORG, labelLOC, labelGRP}

const (
	nTags    = 1 + 4*len(labels)
	tagO     = 0
	tagStart = nTags // history sentinel before the first token
)

const (
	posB = iota
	posI
	posL
	posU
)

var tagNames = func() [nTags + 1]string {
	var t [nTags + 1]string
	t[tagO] = "O"
	for li, l := range labels {
		for p, pre := range []string{"B-", "I-", "L-", "U-"} {
			t[1+li*4+p] = pre + l
		}
	}
	t[tagStart] = "<s>"
	return t
}()

func tagOf(label int, pos int) int { return 1 + label*4 + pos }

func tagLabel(tag int) int { return (tag - 1) / 4 }
func tagPos(tag int) int   { return (tag - 1) % 4 }

// allowed reports whether tag may follow prev under BILOU; last says tag is
// on the sentence's final token.
func allowed(prev, tag int, last bool) bool {
	open := prev != tagO && prev != tagStart && (tagPos(prev) == posB || tagPos(prev) == posI)
	if open {
		if tag == tagO || tagLabel(tag) != tagLabel(prev) {
			return false
		}
		p := tagPos(tag)
		if p != posI && p != posL {
			return false
		}
		return !(last && p == posI)
	}
	if tag == tagO {
		return true
	}
	p := tagPos(tag)
	if p != posB && p != posU {
		return false
	}
	return !(last && p == posB)
}

// spansToTags writes BILOU tags for spans over n tokens.
func spansToTags(n int, spans []Span) []int {
	tags := make([]int, n)
	for _, s := range spans {
		li := labelIndex(s.Label)
		if li < 0 || s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		if s.End-s.Start == 1 {
			tags[s.Start] = tagOf(li, posU)
			continue
		}
		tags[s.Start] = tagOf(li, posB)
		for k := s.Start + 1; k < s.End-1; k++ {
			tags[k] = tagOf(li, posI)
		}
		tags[s.End-1] = tagOf(li, posL)
	}
	return tags
}

// tagsToSpans reads spans back from a valid BILOU sequence.
func tagsToSpans(tags []int) []Span {
	var out []Span
	start := -1
	for i, t := range tags {
		if t == tagO {
			start = -1
			continue
		}
		switch tagPos(t) {
		case posU:
			out = append(out, Span{i, i + 1, labels[tagLabel(t)]})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				out = append(out, Span{start, i + 1, labels[tagLabel(t)]})
			}
			start = -1
		}
	}
	return out
}

func labelIndex(l string) int {
	for i, x := range labels {
		if x == l {
			return i
		}
	}
	return -1
}

// weights is the trained, averaged and quantised model: an open-addressing
// table from feature hash to a row of sparse per-tag weights.
type weights struct {
	// slots is an open-addressing table from a 32-bit fold of the feature
	// hash to a row; key 0 marks an empty slot. Compact slots and entries
	// keep the hot data small, which is what tagging speed depends on.
	slots []slot
	mask  uint64
	// prevTag holds the weights of the bare previous-tag feature, which
	// every token shares: tagging starts from a copy instead of a lookup.
	prevTag [nTags + 1][nTags]float32
	// prevTagLong adds the history row shared by all words that have no
	// word-specific history feature (see dynLowerKey).
	prevTagLong [nTags + 1][nTags]float32
	rowStart    []int32 // row r's entries are entries[rowStart[r]:rowStart[r+1]]
	entries     []entry
	step        float32 // weight = q * step
	// lexicon holds words the training text writes in lower case far more
	// often than capitalised ("after", "green", "mountains"): a capital on
	// one of them is weak evidence of a name.
	lexicon map[string]bool
	// transCache maps [shape row, word row] to a computed history matrix
	// (see transitionsFor). It only ever grows to the model's size.
	transCache sync.Map
}

type slot struct {
	key uint32
	row int32
}

// entry is one non-zero, quantised weight: for static features idx is the
// tag; for history features it is prev*nTags + tag.
type entry struct {
	idx uint16
	q   int16
}

func slotKey(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

func (m *weights) row(h uint64) int32 {
	k := slotKey(h)
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		switch m.slots[i].key {
		case k:
			return m.slots[i].row
		case 0:
			return -1
		}
	}
}

// sumQuantised adds the quantised weights of static features to sum.
// Integer sums do not depend on the order of the features, so partial sums
// can be cached and added later with the same result.
func (m *weights) sumQuantised(feats []uint64, sum *[nTags]int32) {
	for _, f := range feats {
		r := m.row(f)
		if r < 0 {
			continue
		}
		for _, e := range m.entries[m.rowStart[r]:m.rowStart[r+1]] {
			if int(e.idx) < nTags {
				sum[e.idx] += int32(e.q)
			}
		}
	}
}

// addTransitions adds the weights of history-feature bases to tr[prev][tag].
func (m *weights) addTransitions(bases []uint64, tr *[nTags + 1][nTags]float32) {
	for _, f := range bases {
		r := m.row(f)
		if r < 0 {
			continue
		}
		for _, e := range m.entries[m.rowStart[r]:m.rowStart[r+1]] {
			if int(e.idx) < (nTags+1)*nTags {
				tr[int(e.idx)/nTags][int(e.idx)%nTags] += float32(e.q) * m.step
			}
		}
	}
}

// transitionsFor returns the history scores m[prev][tag] of token k. The
// scores depend only on the token's shape row and word row, so each
// combination is computed once and kept in m.transCache, shared by all
// documents. The cache is bounded by the model: tokens whose shape or word
// the model does not know share the row -1.
func (m *weights) transitionsFor(s []tokenInfo, k int) *[nTags + 1][nTags]float32 {
	base := dynamicBase(s, k)
	shapeRow := m.row(base[0])
	wordRow := int32(-2) // -2: the shared row for words without their own
	if dynLowerKey(&s[k]) != "" {
		wordRow = m.row(base[1])
	}
	key := [2]int32{shapeRow, wordRow}
	if tr, ok := m.transCache.Load(key); ok {
		return tr.(*[nTags + 1][nTags]float32)
	}
	tr := new([nTags + 1][nTags]float32)
	if wordRow == -2 {
		*tr = m.prevTagLong
	} else {
		*tr = m.prevTag
		m.addRow(wordRow, tr)
	}
	m.addRow(shapeRow, tr)
	actual, _ := m.transCache.LoadOrStore(key, tr)
	return actual.(*[nTags + 1][nTags]float32)
}

func (m *weights) addRow(r int32, tr *[nTags + 1][nTags]float32) {
	if r < 0 {
		return
	}
	for _, e := range m.entries[m.rowStart[r]:m.rowStart[r+1]] {
		if int(e.idx) < (nTags+1)*nTags {
			tr[int(e.idx)/nTags][int(e.idx)%nTags] += float32(e.q) * m.step
		}
	}
}

const modelMagic = "PXNER3\n"

// ErrBadModel means a model file could not be read.
var ErrBadModel = errors.New("entities: bad model file")

// writeModel writes feature rows (hash → dense per-tag weights) as a
// gzip-compressed sparse, 16-bit quantised table. Weights whose magnitude
// is below minAbs are dropped.
func writeModel(w io.Writer, rows map[uint64][]float64, minAbs float64, lexicon []string) (int, error) {
	maxAbs := 0.0
	for _, r := range rows {
		for _, v := range r {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	if maxAbs == 0 {
		return 0, errors.New("write model: all weights are zero")
	}
	scale := 32767 / maxAbs
	hashes := make([]uint64, 0, len(rows))
	for h, r := range rows {
		for _, v := range r {
			if math.Abs(v) >= minAbs && math.Round(v*scale) != 0 {
				hashes = append(hashes, h)
				break
			}
		}
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	mw, err := modelfile.Create(w, modelMagic)
	if err != nil {
		return 0, err
	}
	bw := mw.Writer
	binary.Write(bw, binary.LittleEndian, float64(1/scale))
	binary.Write(bw, binary.LittleEndian, uint32(len(hashes)))
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for _, h := range hashes {
		// Delta-encoded sorted hashes compress better.
		n := binary.PutUvarint(buf[:], h-prev)
		bw.Write(buf[:n])
		prev = h
		r := rows[h]
		var nz []int
		for t, v := range r {
			if math.Abs(v) >= minAbs && math.Round(v*scale) != 0 {
				nz = append(nz, t)
			}
		}
		n = binary.PutUvarint(buf[:], uint64(len(nz)))
		bw.Write(buf[:n])
		for _, t := range nz {
			n = binary.PutUvarint(buf[:], uint64(t))
			bw.Write(buf[:n])
			binary.Write(bw, binary.LittleEndian, int16(math.Round(r[t]*scale)))
		}
	}
	// The common-word lexicon follows the rows.
	n := binary.PutUvarint(buf[:], uint64(len(lexicon)))
	bw.Write(buf[:n])
	for _, word := range lexicon {
		n = binary.PutUvarint(buf[:], uint64(len(word)))
		bw.Write(buf[:n])
		bw.WriteString(word)
	}
	return len(hashes), mw.Close()
}

func readModel(r io.Reader) (*weights, error) {
	br, err := modelfile.Open(r, modelMagic)
	if errors.Is(err, modelfile.ErrMagic) {
		return nil, fmt.Errorf("%w: not a tagger model", ErrBadModel)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	var step float64
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &step); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("%w: %d rows", ErrBadModel, n)
	}
	size := uint64(1)
	for size < uint64(n)*2+1 {
		size <<= 1
	}
	m := &weights{slots: make([]slot, size), mask: size - 1, rowStart: make([]int32, 0, n+1), step: float32(step)}
	prev := uint64(0)
	for r := uint32(0); r < n; r++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: row %d: %v", ErrBadModel, r, err)
		}
		h := prev + d
		prev = h
		nz, err := binary.ReadUvarint(br)
		if err != nil || nz > uint64((nTags+1)*nTags) {
			return nil, fmt.Errorf("%w: row %d: %v", ErrBadModel, r, err)
		}
		m.rowStart = append(m.rowStart, int32(len(m.entries)))
		for k := 0; k < int(nz); k++ {
			t, err := binary.ReadUvarint(br)
			var q int16
			if err == nil {
				err = binary.Read(br, binary.LittleEndian, &q)
			}
			if err != nil || t >= uint64((nTags+1)*nTags) {
				return nil, fmt.Errorf("%w: row %d entry %d", ErrBadModel, r, k)
			}
			m.entries = append(m.entries, entry{idx: uint16(t), q: q})
		}
		i := h & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{slotKey(h), int32(r)}
	}
	m.rowStart = append(m.rowStart, int32(len(m.entries)))
	m.addTransitions([]uint64{fPrevTag}, &m.prevTag)
	m.prevTagLong = m.prevTag
	m.addTransitions([]uint64{feat1(fPrevTagLower, "")}, &m.prevTagLong)
	nw, err := binary.ReadUvarint(br)
	if err != nil || nw > 1<<22 {
		return nil, fmt.Errorf("%w: lexicon: %v", ErrBadModel, err)
	}
	m.lexicon = make(map[string]bool, nw)
	for i := uint64(0); i < nw; i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return nil, fmt.Errorf("%w: lexicon entry %d", ErrBadModel, i)
		}
		word := make([]byte, l)
		if _, err := io.ReadFull(br, word); err != nil {
			return nil, fmt.Errorf("%w: lexicon entry %d: %v", ErrBadModel, i, err)
		}
		m.lexicon[string(word)] = true
	}
	return m, nil
}

package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
)

// Both the tagger and the parser are linear models over hashed features: a
// feature is a 64-bit hash of a template and the values it reads, and its
// weights are a sparse row over the classes (tags, or parser transitions).
// Training keeps the averaged-perceptron bookkeeping; the shipped model keeps
// only the averaged weights, quantised to 16 bits.

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit hash step.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func f1(t, a uint64) uint64       { return mix(t*0x9e3779b97f4a7c15 ^ a) }
func f2(t, a, b uint64) uint64    { return mix(f1(t, a) ^ b*0xc2b2ae3d27d4eb4f) }
func f3(t, a, b, c uint64) uint64 { return mix(f2(t, a, b) ^ c*0x165667b19e3779f9) }

// trainEntry is one (feature, class) weight with the running sum that
// averaging needs, updated lazily: total covers updates up to stamp.
type trainEntry struct {
	class uint16
	w     int32
	stamp int32
	total int64
}

// trainer is an averaged perceptron under training.
type trainer struct {
	nClasses int
	index    map[uint64]int32
	rows     [][]trainEntry
	now      int32 // number of examples seen: the averaging clock
}

func newTrainer(nClasses int) *trainer {
	return &trainer{nClasses: nClasses, index: make(map[uint64]int32, 1<<20)}
}

// score adds the current weights of feats to scores (len nClasses).
func (t *trainer) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += float32(e.w)
		}
	}
}

// tick advances the averaging clock by one example.
func (t *trainer) tick() { t.now++ }

// update moves the weights of feats towards class good and away from bad.
func (t *trainer) update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
		}
		t.bump(r, good, 1)
		t.bump(r, bad, -1)
	}
}

func (t *trainer) bump(r int32, class, delta int) {
	row := t.rows[r]
	for i := range row {
		if int(row[i].class) == class {
			e := &row[i]
			e.total += int64(t.now-e.stamp) * int64(e.w)
			e.stamp = t.now
			e.w += int32(delta)
			return
		}
	}
	t.rows[r] = append(row, trainEntry{class: uint16(class), w: int32(delta), stamp: t.now})
}

// averaged returns the averaged weights of every feature.
func (t *trainer) averaged() map[uint64][]classWeight {
	out := make(map[uint64][]classWeight, len(t.index))
	now := float64(max(t.now, 1))
	for f, r := range t.index {
		var row []classWeight
		for _, e := range t.rows[r] {
			total := e.total + int64(t.now-e.stamp)*int64(e.w)
			if total != 0 {
				row = append(row, classWeight{e.class, float32(float64(total) / now)})
			}
		}
		if len(row) > 0 {
			sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
			out[f] = row
		}
	}
	return out
}

type classWeight struct {
	class uint16
	w     float32
}

// weights is a trained model: an open-addressing table from feature hash to
// a row of quantised per-class weights. A slot holds a 32-bit fold of the
// key and its row's bounds together (12 bytes), so a lookup costs one cache
// miss for the slot and one for the row: scoring speed is bound by memory
// latency, not arithmetic. A false match of the 32-bit fold needs an
// unknown feature to collide with a known one in the same probe run: with
// a few million features that is about one lookup in a thousand million.
//
// The rows that running text reads most (marked hot in the model file)
// sit in a small table of their own, looked up first: most lookups then
// stay within a few megabytes that the caches keep, instead of touching a
// different line of the whole table each time.
type weights struct {
	nClasses  int
	hot, cold slotTable
	entries   []uint32 // rows of three or more weights, each packed (packEntry)
	step      float32
	// coldKeys is a Bloom filter of the cold table's keys (when there is a
	// hot table): most features the hot table lacks are in neither table
	// (word pairs never seen together), and the filter, a few megabytes
	// the caches keep, turns nearly all of them away before they cost a
	// miss in the large table.
	coldKeys []uint64
	keyShift uint             // the filter word of h is h >> keyShift
	reads    map[uint64]int32 // when not nil, lookups per feature (markHot)
}

// The filter keeps one 64-bit word per key, chosen by the hash's top bits
// (so loading rows in ascending hash order writes it front to back), with
// four bits set in it from lower bits.
func filterBits(h uint64) uint64 {
	return 1<<(h>>20&63) | 1<<(h>>26&63) | 1<<(h>>32&63) | 1<<(h>>38&63)
}

// filterWords is the size of the filter of n keys: about 12 bits per key,
// a power of two.
func filterWords(n int) int {
	words := 1
	for words*64 < n*12 {
		words <<= 1
	}
	return words
}

// slotTable is one open-addressing table of slots; key 0 marks an empty
// slot.
type slotTable struct {
	slots []wslot
	mask  uint64
	shift uint // home(h) = h >> shift: the top bits
}

func newSlotTable(rows int) slotTable {
	if rows == 0 {
		return slotTable{}
	}
	size := uint64(1)
	for size < uint64(rows)*4/3+1 { // load factor at most 0.75
		size <<= 1
	}
	return slotTable{slots: make([]wslot, size), mask: size - 1, shift: uint(64 - bits.Len64(size-1))}
}

// home is the first slot of key's probe run. It takes the hash's top bits,
// so rows read in ascending hash order (as model files store them) fill
// the table front to back: loading writes memory sequentially instead of
// at random.
func (t *slotTable) home(key uint64) uint64 { return key >> t.shift }

// place puts packed slot sl under key into the first free slot of key's
// probe run.
func (t *slotTable) place(key uint64, sl wslot) {
	i := t.home(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	sl.key = slotKey(key)
	t.slots[i] = sl
}

// find looks up batch (at most len(found) features) and leaves the slots
// of those the table holds at the front of found, returning how many; the
// features it does not hold go to missed, when missed is not nil. The
// lookups are cache misses that do not depend on each other: it first
// loads every feature's home slot with no branch on what it holds, so the
// processor keeps many misses in flight at once; only then does it compare
// keys and probe on (the next slots are mostly in the line already loaded).
func (t *slotTable) find(batch []uint64, found []wslot, missed []uint64) (n, nMissed int) {
	slots, mask, shift := t.slots, t.mask, t.shift&63 // shift < 64: a plain shift instruction
	found = found[:len(batch)]
	for j, f := range batch {
		found[j] = slots[f>>shift]
	}
	for j, f := range batch {
		k := slotKey(f)
		sl := found[j]
		for i := f >> shift; sl.key != k; {
			if sl.key == 0 {
				break
			}
			i = (i + 1) & mask
			sl = slots[i]
		}
		switch {
		case sl.key == k:
			found[n] = sl
			n++
		case missed != nil:
			missed[nMissed] = f
			nMissed++
		}
	}
	return n, nMissed
}

// wslot is one slot. For models of at most three classes (the parser's
// moves) the weights themselves sit in the slot, in start and end as packed
// 16-bit values, which saves the second miss.
type wslot struct {
	key        uint32
	start, end uint32
}

// slotKey folds a feature hash to the 32 bits a slot keeps; 0 marks an
// empty slot.
func slotKey(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

func (m *weights) inline() bool { return m.nClasses <= 3 }

type qEntry struct {
	class uint16
	q     int16
}

// packEntry packs a weight of a long row as class | weight<<16 (classes are
// below 256), so adding it reads one word.
func packEntry(e qEntry) uint32 { return uint32(uint8(e.class)) | uint32(uint16(e.q))<<16 }

// addEntries adds packed weights to s, two at a time (half the loop's
// bookkeeping per weight).
func addEntries(s *[256]int32, row []uint32) {
	for len(row) >= 2 {
		a, b := row[0], row[1]
		s[uint8(a)] += int32(a) >> 16
		s[uint8(b)] += int32(b) >> 16
		row = row[2:]
	}
	if len(row) == 1 {
		s[uint8(row[0])] += int32(row[0]) >> 16
	}
}

// shortRow marks a slot that holds its row itself: rows of one or two
// weights (most rows of the tagger and relation models) then cost one
// cache miss instead of two. start holds the first (class, weight) as
// class | weight<<16; end holds shortRow, the row length at bits 24–25 and
// the second weight's class (under 256) and weight in its low 24 bits.
const shortRow = 1 << 31

// lookupBuf is the scratch space of scoring, reused across calls so no
// call clears kilobytes of stack it does not read.
type lookupBuf struct {
	found  [160]wslot
	missed [160]uint64
	first  [160]uint32
	sum    [256]int32
}

// score sets scores (len nClasses) to the weights of feats.
func (m *weights) score(feats []uint64, scores []float32, buf *lookupBuf) {
	if m.inline() {
		var s [3]int32
		m.addInline(&s, feats, buf)
		m.scale(s[:m.nClasses], scores)
		return
	}
	s := &buf.sum
	clear(s[:m.nClasses])
	m.addRows(s, feats, buf)
	m.scale(s[:m.nClasses], scores)
}

// scale converts summed quantised weights to scores.
func (m *weights) scale(sum []int32, scores []float32) {
	for c := range sum {
		scores[c] = float32(sum[c]) * m.step
	}
}

// Sums of integers do not depend on their order, so callers may add parts
// of a feature set separately, or once for several uses, and get the same
// scores.

// find looks up a batch of at most len(buf.found) features, in the hot
// table first, and leaves the slots of those the model holds at the front
// of buf.found, returning how many.
func (m *weights) find(batch []uint64, buf *lookupBuf) int {
	if m.reads != nil {
		for _, f := range batch {
			m.reads[f]++
		}
	}
	if m.hot.slots == nil {
		n, _ := m.cold.find(batch, buf.found[:], nil)
		return n
	}
	n, missed := m.hot.find(batch, buf.found[:], buf.missed[:])
	maybe := 0
	for _, f := range buf.missed[:missed] {
		if b := filterBits(f); m.coldKeys[f>>(m.keyShift&63)]&b == b {
			buf.missed[maybe] = f
			maybe++
		}
	}
	more, _ := m.cold.find(buf.missed[:maybe], buf.found[n:], nil)
	return n + more
}

// addTo adds the weights of feats to s.
func (m *weights) addTo(s *[256]int32, feats []uint64, buf *lookupBuf) {
	if !m.inline() {
		m.addRows(s, feats, buf)
		return
	}
	var in [3]int32
	m.addInline(&in, feats, buf)
	for c := range in {
		s[c] += in[c]
	}
}

// addInline adds the weights of feats to s, for a model of at most three
// classes, whose weights sit in its slots.
func (m *weights) addInline(s *[3]int32, feats []uint64, buf *lookupBuf) {
	for start := 0; start < len(feats); start += len(buf.found) {
		n := m.find(feats[start:min(start+len(buf.found), len(feats))], buf)
		s0, s1, s2 := s[0], s[1], s[2]
		for _, sl := range buf.found[:n] {
			s0 += int32(int16(sl.start))
			s1 += int32(int16(sl.start >> 16))
			s2 += int32(int16(sl.end))
		}
		s[0], s[1], s[2] = s0, s1, s2
	}
}

// addRows adds the weights of feats to s, for a model with rows of
// weights (classes are below 256).
func (m *weights) addRows(s *[256]int32, feats []uint64, buf *lookupBuf) {
	first := &buf.first
	entries := m.entries
	for start := 0; start < len(feats); start += len(buf.found) {
		n := m.find(feats[start:min(start+len(buf.found), len(feats))], buf)
		found := buf.found[:n]
		// The same for the rows: touch each long row's first entry, then add.
		for j, sl := range found {
			if sl.end&shortRow == 0 {
				first[j] = entries[sl.start]
			}
		}
		for j, sl := range found {
			if sl.end&shortRow != 0 {
				s[uint8(sl.start)] += int32(int16(sl.start >> 16))
				if sl.end>>24&3 == 2 {
					s[uint8(sl.end>>16)] += int32(int16(sl.end))
				}
				continue
			}
			s[uint8(first[j])] += int32(first[j]) >> 16
			addEntries(s, entries[sl.start+1:sl.end])
		}
	}
}

// insert adds key's row to the hot or the cold table.
func (m *weights) insert(key uint64, row []qEntry, hot bool) {
	if hot {
		m.hot.place(key, m.pack(row))
		return
	}
	m.cold.place(key, m.pack(row))
	if m.coldKeys != nil {
		m.coldKeys[key>>m.keyShift] |= filterBits(key)
	}
}

// pack returns the slot of a row, without its key: the row itself when it
// is short enough, else its bounds after appending it to entries.
func (m *weights) pack(row []qEntry) wslot {
	var sl wslot
	switch {
	case m.inline():
		var w [3]uint16
		for _, e := range row {
			w[e.class] = uint16(e.q)
		}
		sl.start, sl.end = uint32(w[0])|uint32(w[1])<<16, uint32(w[2])
	case len(row) == 0: // as a row of one zero weight
		sl.start, sl.end = 0, shortRow|1<<24
	case len(row) <= 2:
		sl.start = uint32(row[0].class) | uint32(uint16(row[0].q))<<16
		sl.end = shortRow | uint32(len(row))<<24
		if len(row) == 2 {
			sl.end |= uint32(row[1].class)<<16 | uint32(uint16(row[1].q))
		}
	default:
		sl.start = uint32(len(m.entries))
		for _, e := range row {
			m.entries = append(m.entries, packEntry(e))
		}
		sl.end = uint32(len(m.entries))
	}
	return sl
}

func newWeights(nClasses, hotRows, coldRows int, step float32) *weights {
	m := &weights{nClasses: nClasses, hot: newSlotTable(hotRows), cold: newSlotTable(coldRows), step: step}
	if hotRows > 0 {
		words := filterWords(coldRows)
		m.coldKeys, m.keyShift = make([]uint64, words), uint(64-bits.Len64(uint64(words-1)))
	}
	return m
}

var errBadWeights = errors.New("bad weight table")

// quantisedRow is one row of a model file.
type quantisedRow struct {
	hash uint64
	row  []qEntry
	hot  bool
}

// quantisedWeights is a model's table as its file holds it: what
// training writes and what a re-layout (markHot) reads and writes again.
type quantisedWeights struct {
	nClasses int
	step     float64
	rows     []quantisedRow // ascending hash
}

// quantise turns averaged rows into 16-bit weights, dropping weights below
// minAbs (pruning keeps the model small; tiny averaged weights are noise).
func quantise(nClasses int, rows map[uint64][]classWeight, minAbs float32) (*quantisedWeights, error) {
	maxAbs := float32(0)
	for _, r := range rows {
		for _, e := range r {
			maxAbs = max(maxAbs, float32(math.Abs(float64(e.w))))
		}
	}
	if maxAbs == 0 {
		return nil, errors.New("all weights are zero")
	}
	scale := 32767 / float64(maxAbs)
	q := &quantisedWeights{nClasses: nClasses, step: 1 / scale}
	for h, r := range rows {
		var row []qEntry
		for _, e := range r {
			if v := math.Round(float64(e.w) * scale); float32(math.Abs(float64(e.w))) >= minAbs && v != 0 {
				row = append(row, qEntry{e.class, int16(v)})
			}
		}
		if len(row) > 0 {
			q.rows = append(q.rows, quantisedRow{hash: h, row: row})
		}
	}
	sort.Slice(q.rows, func(i, j int) bool { return q.rows[i].hash < q.rows[j].hash })
	return q, nil
}

// write writes the table: the class count, the weight step, the number of
// rows and of hot rows, then each row in ascending hash order (hash delta,
// entry count times two plus one if hot, then class deltas and weights).
func (q *quantisedWeights) write(w *bufio.Writer) {
	putUvarint(w, uint64(q.nClasses))
	binary.Write(w, binary.LittleEndian, q.step)
	hot := 0
	for _, r := range q.rows {
		if r.hot {
			hot++
		}
	}
	putUvarint(w, uint64(len(q.rows)))
	putUvarint(w, uint64(hot))
	prev := uint64(0)
	for _, r := range q.rows {
		putUvarint(w, r.hash-prev)
		prev = r.hash
		flag := uint64(0)
		if r.hot {
			flag = 1
		}
		putUvarint(w, uint64(len(r.row))<<1|flag)
		last := 0
		for _, e := range r.row {
			putUvarint(w, uint64(int(e.class)-last))
			last = int(e.class)
			binary.Write(w, binary.LittleEndian, e.q)
		}
	}
}

// readWeights reads a table written by quantisedWeights.write into its
// hot and cold lookup tables.
func readWeights(r *bufio.Reader) (*weights, error) {
	var m *weights
	err := readRows(r, func(nc int, step float64, rows, hot int) {
		m = newWeights(nc, hot, rows-hot, float32(step))
	}, func(h uint64, row []qEntry, hot bool) error {
		if len(m.entries)+len(row) >= shortRow {
			return fmt.Errorf("%w: too many entries", errBadWeights)
		}
		m.insert(h, row, hot)
		return nil
	})
	return m, err
}

// readQuantised reads a table as its file holds it.
func readQuantised(r *bufio.Reader) (*quantisedWeights, error) {
	q := &quantisedWeights{}
	err := readRows(r, func(nc int, step float64, rows, hot int) {
		q.nClasses, q.step = nc, step
		q.rows = make([]quantisedRow, 0, rows)
	}, func(h uint64, row []qEntry, hot bool) error {
		q.rows = append(q.rows, quantisedRow{h, append([]qEntry(nil), row...), hot})
		return nil
	})
	return q, err
}

// readRows streams a table: header once, then row for each row (row's
// entries are reused between calls).
func readRows(r *bufio.Reader, header func(nClasses int, step float64, rows, hot int), row func(h uint64, entries []qEntry, hot bool) error) error {
	nc, err := binary.ReadUvarint(r)
	if err != nil || nc == 0 || nc > 256 {
		return fmt.Errorf("%w: class count", errBadWeights)
	}
	var step float64
	if err := binary.Read(r, binary.LittleEndian, &step); err != nil {
		return fmt.Errorf("%w: %v", errBadWeights, err)
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<26 {
		return fmt.Errorf("%w: row count", errBadWeights)
	}
	nHot, err := binary.ReadUvarint(r)
	if err != nil || nHot > n {
		return fmt.Errorf("%w: hot row count", errBadWeights)
	}
	header(int(nc), step, int(n), int(nHot))
	var buf []qEntry
	prev := uint64(0)
	seenHot := uint64(0)
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return fmt.Errorf("%w: row %d: %v", errBadWeights, i, err)
		}
		h := prev + d
		prev = h
		flagged, err := binary.ReadUvarint(r)
		cnt, hot := flagged>>1, flagged&1 == 1
		if err != nil || cnt == 0 || cnt > nc { // scoring reads each row's first entry unchecked
			return fmt.Errorf("%w: row %d entries", errBadWeights, i)
		}
		if hot {
			if seenHot++; seenHot > nHot {
				return fmt.Errorf("%w: more hot rows than announced", errBadWeights)
			}
		}
		class := uint64(0)
		buf = buf[:0]
		for k := uint64(0); k < cnt; k++ {
			dc, err := binary.ReadUvarint(r)
			var lo, hi byte
			if err == nil {
				lo, err = r.ReadByte()
			}
			if err == nil {
				hi, err = r.ReadByte()
			}
			class += dc
			if err != nil || class >= nc {
				return fmt.Errorf("%w: row %d entry %d", errBadWeights, i, k)
			}
			buf = append(buf, qEntry{uint16(class), int16(uint16(lo) | uint16(hi)<<8)})
		}
		if err := row(h, buf, hot); err != nil {
			return err
		}
	}
	if seenHot != nHot {
		return fmt.Errorf("%w: %d hot rows, announced %d", errBadWeights, seenHot, nHot)
	}
	return nil
}

func putUvarint(w io.Writer, v uint64) {
	var buf [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(buf[:], v)
	w.Write(buf[:n])
}

func putString(w io.Writer, s string) {
	putUvarint(w, uint64(len(s)))
	io.WriteString(w, s)
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<16 {
		return "", fmt.Errorf("string length: %v", err)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

func readUvarint(r *bufio.Reader) (uint64, error) { return binary.ReadUvarint(r) }

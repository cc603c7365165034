package events

import "math/bits"

// linkTable maps a neighbour cluster to the scored pairs between it and
// one cluster. Clustering deletes and inserts a key in a neighbour's
// table at every merge; Go's maps keep a tombstone for each deletion and
// their probes grew long on a story of a thousand reports (half of the
// clustering's time), so this is open addressing with linear probing and
// backward-shift deletion, which leaves no tombstones.
type linkTable struct {
	slots []linkSlot
	used  int
	shift uint8 // 32 - log2(len(slots))
}

// linkSlot is one entry; key -1 marks an empty slot.
type linkSlot struct {
	key int32
	n   int32
	sum float64
}

// home is key's first slot: the top bits of a Fibonacci hash, so that
// keys alike in their low bits (node numbers) spread.
func (t *linkTable) home(key int32) int {
	return int((uint32(key) * 0x9E3779B1) >> t.shift)
}

// find returns the slot of key, or -1.
func (t *linkTable) find(key int32) int {
	if len(t.slots) == 0 {
		return -1
	}
	mask := len(t.slots) - 1
	for i := t.home(key); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case key:
			return i
		case -1:
			return -1
		}
	}
}

// get returns the pairs between the table's cluster and key's (zero
// when none were scored).
func (t *linkTable) get(key int32) link {
	if i := t.find(key); i >= 0 {
		return link{t.slots[i].sum, int(t.slots[i].n)}
	}
	return link{}
}

// put sets key's pairs.
func (t *linkTable) put(key int32, l link) {
	if i := t.find(key); i >= 0 {
		t.slots[i].sum, t.slots[i].n = l.sum, int32(l.n)
		return
	}
	if (t.used+1)*2 > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	i := t.home(key)
	for t.slots[i].key != -1 {
		i = (i + 1) & mask
	}
	t.slots[i] = linkSlot{key: key, n: int32(l.n), sum: l.sum}
	t.used++
}

func (t *linkTable) grow() {
	old := t.slots
	t.slots = make([]linkSlot, max(8, 2*len(old)))
	t.shift = uint8(32 - bits.Len(uint(len(t.slots)-1)))
	for i := range t.slots {
		t.slots[i].key = -1
	}
	mask := len(t.slots) - 1
	for _, s := range old {
		if s.key == -1 {
			continue
		}
		i := t.home(s.key)
		for t.slots[i].key != -1 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// remove deletes key, moving back the entries after it that would
// otherwise no longer be found.
func (t *linkTable) remove(key int32) {
	i := t.find(key)
	if i < 0 {
		return
	}
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j].key != -1; j = (j + 1) & mask {
		h := t.home(t.slots[j].key)
		// move j back to i unless its home lies cyclically in (i, j]
		if (i < j && (h <= i || h > j)) || (i > j && h <= i && h > j) {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i].key = -1
	t.used--
}

package syntax

import (
	"bufio"
	"bytes"
	"reflect"
	"testing"
)

// TestAffixHashes checks the allocation-free prefixes and suffixes against
// the plain rune slices they stand for.
func TestAffixHashes(t *testing.T) {
	for _, word := range []string{"", "a", "ab", "abc", "abcd", "abcde", "Москва", "日本語", "naïve", "x😀y"} {
		w := analyseWord(word, nil)
		runes := []rune(normalise(word))
		for k := 1; k <= 3; k++ {
			want := hNone
			if k <= len(runes) {
				want = hashString(string(runes[:k]))
			}
			if w.hPre[k-1] != want {
				t.Errorf("%q: prefix %d wrong", word, k)
			}
		}
		for k := 1; k <= 4; k++ {
			want := hNone
			if k <= len(runes) {
				want = hashString(string(runes[len(runes)-k:]))
			}
			if w.hSuf[k-1] != want {
				t.Errorf("%q: suffix %d wrong", word, k)
			}
		}
	}
}

// TestMorphologyRoundTrip writes the embedded model's lemma and feature
// tables and reads them back unchanged.
func TestMorphologyRoundTrip(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	m.morph.write(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := readMorphology(bufio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m.morph) {
		t.Errorf("tables differ after a round trip: %d/%d words, %d/%d exact, %d/%d suffixes",
			len(got.known), len(m.morph.known), len(got.exact), len(m.morph.exact), len(got.suffix), len(m.morph.suffix))
	}
}

package syntax

import "testing"

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

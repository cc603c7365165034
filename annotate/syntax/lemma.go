package syntax

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// The lemmatiser and the feature table are learned from the treebank:
//   - a lookup from (lower-cased word, Penn tag) to the lemma rule and the
//     morphological features seen most often with it;
//   - for unseen words, the rule most often seen with the longest known
//     suffix (up to maxSuffix runes) of words with the same tag, and the
//     features most often seen with the tag.
//
// A rule rewrites the lower-cased word: cut bytes from its end, then append
// a string ("studies" → cut 3, add "y"). Proper-noun tags keep the word's
// own case; every other lemma is lower case, as in UD English.

const maxSuffix = 5

type lemmaRule struct {
	cut int
	add string
}

func ruleOf(lower, lemma string) lemmaRule {
	p := 0
	for p < len(lower) && p < len(lemma) && lower[p] == lemma[p] {
		p++
	}
	// Do not cut inside a multi-byte rune.
	for p > 0 && p < len(lower) && !utf8.RuneStart(lower[p]) {
		p--
	}
	return lemmaRule{cut: len(lower) - p, add: lemma[p:]}
}

func (r lemmaRule) apply(lower string) (string, bool) {
	if r.cut > len(lower) {
		return "", false
	}
	return lower[:len(lower)-r.cut] + r.add, true
}

func (r lemmaRule) key() string { return fmt.Sprintf("%d\x00%s", r.cut, r.add) }

// morphology maps words to lemmas and morphological features.
type morphology struct {
	// known maps lower\x00xpos to its rule index and feature index.
	known map[string]ruleFeats
	// exact maps form\x00xpos to a rule on the form itself, for the words
	// whose lemma's case the lower-case rule gets wrong ("CPA" → "CPA").
	exact map[string]int32
	// suffix maps xpos\x00suffix to the rule most often seen.
	suffix map[string]int32
	// tagFeats maps a tag class to its most frequent features.
	tagFeats map[int]int32
	// keepCase holds the Penn tags whose lemmas keep the word's case.
	keepCase map[string]bool
	rules    []lemmaRule
	feats    []string
}

type ruleFeats struct{ rule, feats int32 }

// counter counts values per key and picks the most frequent,
// deterministically (ties go to the smaller value).
type counter map[string]map[string]int

func (c counter) add(k, v string) {
	m := c[k]
	if m == nil {
		m = map[string]int{}
		c[k] = m
	}
	m[v]++
}

func (c counter) best(k string) (string, int) {
	bestV, bestN := "", 0
	for v, n := range c[k] {
		if n > bestN || (n == bestN && v < bestV) {
			bestV, bestN = v, n
		}
	}
	return bestV, bestN
}

func (c counter) sortedKeys() []string {
	ks := make([]string, 0, len(c))
	for k := range c {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// learnMorphology builds the tables from training sentences; classOf maps
// a word's tags to its tag class.
func learnMorphology(sents []TreeSentence, classOf func(TreeWord) int) *morphology {
	known, suffix, feats, caseKeep, exact := counter{}, counter{}, counter{}, counter{}, counter{}
	for _, s := range sents {
		for _, w := range s.Words {
			lower := strings.ToLower(w.Form)
			lemmaLower := strings.ToLower(w.Lemma)
			rule := ruleOf(lower, lemmaLower).key()
			known.add(lower+"\x00"+w.XPOS, rule+"\x01"+w.Feats)
			exact.add(w.Form+"\x00"+w.XPOS, w.Lemma)
			runes := []rune(lower)
			for k := 0; k <= maxSuffix && k <= len(runes); k++ {
				suffix.add(w.XPOS+"\x00"+string(runes[len(runes)-k:]), rule)
			}
			feats.add(fmt.Sprint(classOf(w)), w.Feats)
			keep := "lower"
			if w.Lemma != lemmaLower && w.Lemma != w.Form {
				keep = "other"
			} else if w.Lemma != lemmaLower {
				keep = "keep"
			}
			caseKeep.add(w.XPOS, keep)
		}
	}
	m := &morphology{known: map[string]ruleFeats{}, exact: map[string]int32{}, suffix: map[string]int32{}, tagFeats: map[int]int32{}, keepCase: map[string]bool{}}
	ruleIndex, featIndex := map[string]int32{}, map[string]int32{}
	ruleID := func(k string) int32 {
		if id, ok := ruleIndex[k]; ok {
			return id
		}
		var r lemmaRule
		cut, add, _ := strings.Cut(k, "\x00")
		fmt.Sscan(cut, &r.cut)
		r.add = add
		ruleIndex[k] = int32(len(m.rules))
		m.rules = append(m.rules, r)
		return ruleIndex[k]
	}
	featID := func(f string) int32 {
		if id, ok := featIndex[f]; ok {
			return id
		}
		featIndex[f] = int32(len(m.feats))
		m.feats = append(m.feats, f)
		return featIndex[f]
	}
	for _, k := range known.sortedKeys() {
		v, _ := known.best(k)
		rule, f, _ := strings.Cut(v, "\x01")
		m.known[k] = ruleFeats{ruleID(rule), featID(f)}
	}
	for _, k := range suffix.sortedKeys() {
		v, n := suffix.best(k)
		_, suf, _ := strings.Cut(k, "\x00")
		if n < 2 && suf != "" {
			continue
		}
		m.suffix[k] = ruleID(v)
	}
	for _, k := range caseKeep.sortedKeys() {
		if v, _ := caseKeep.best(k); v == "keep" {
			m.keepCase[k] = true
		}
	}
	for _, k := range exact.sortedKeys() {
		lemma, _ := exact.best(k)
		form, xpos, _ := strings.Cut(k, "\x00")
		if got, _ := m.analyse(form, xpos, -1); got != lemma {
			m.exact[k] = ruleID(ruleOf(form, lemma).key())
		}
	}
	for _, k := range feats.sortedKeys() {
		v, _ := feats.best(k)
		var c int
		fmt.Sscan(k, &c)
		m.tagFeats[c] = featID(v)
	}
	return m
}

// analyse returns the lemma and features of form with Penn tag xpos and tag
// class class.
func (m *morphology) analyse(form, xpos string, class int) (lemma, feats string) {
	lower := strings.ToLower(form)
	if rf, ok := m.known[lower+"\x00"+xpos]; ok {
		if l, ok := m.rules[rf.rule].apply(lower); ok {
			if r, ok := m.exact[form+"\x00"+xpos]; ok {
				if el, ok := m.rules[r].apply(form); ok {
					return el, m.feats[rf.feats]
				}
			}
			return m.withCase(form, l, xpos), m.feats[rf.feats]
		}
	}
	feats = "_"
	if f, ok := m.tagFeats[class]; ok {
		feats = m.feats[f]
	}
	runes := []rune(lower)
	for k := min(maxSuffix, len(runes)); k >= 0; k-- {
		if r, ok := m.suffix[xpos+"\x00"+string(runes[len(runes)-k:])]; ok {
			if l, ok := m.rules[r].apply(lower); ok && l != "" {
				return m.withCase(form, l, xpos), feats
			}
		}
	}
	return m.withCase(form, lower, xpos), feats
}

// withCase gives lemma the word's own case for tags that keep it.
func (m *morphology) withCase(form, lemma, xpos string) string {
	if !m.keepCase[xpos] {
		return lemma
	}
	if strings.ToLower(form) == lemma {
		return form
	}
	// Keep the word's case on the part the rule left unchanged.
	p := 0
	for p < len(form) && p < len(lemma) && strings.EqualFold(form[p:p+1], lemma[p:p+1]) {
		p++
	}
	return form[:p] + lemma[p:]
}

func (m *morphology) write(w *bufio.Writer) {
	putUvarint(w, uint64(len(m.rules)))
	for _, r := range m.rules {
		putUvarint(w, uint64(r.cut))
		putString(w, r.add)
	}
	putUvarint(w, uint64(len(m.feats)))
	for _, f := range m.feats {
		putString(w, f)
	}
	writeKeyed(w, m.known, func(v ruleFeats) []int32 { return []int32{v.rule, v.feats} })
	writeKeyed(w, m.exact, func(v int32) []int32 { return []int32{v} })
	writeKeyed(w, m.suffix, func(v int32) []int32 { return []int32{v} })
	classes := make([]int, 0, len(m.tagFeats))
	for c := range m.tagFeats {
		classes = append(classes, c)
	}
	sort.Ints(classes)
	putUvarint(w, uint64(len(classes)))
	for _, c := range classes {
		putUvarint(w, uint64(c))
		putUvarint(w, uint64(m.tagFeats[c]))
	}
	keys := make([]string, 0, len(m.keepCase))
	for k := range m.keepCase {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	putUvarint(w, uint64(len(keys)))
	for _, k := range keys {
		putString(w, k)
	}
}

// writeKeyed writes a table in key order: each key with its indexes.
func writeKeyed[V any](w *bufio.Writer, table map[string]V, indexes func(V) []int32) {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	putUvarint(w, uint64(len(keys)))
	for _, k := range keys {
		putString(w, k)
		for _, i := range indexes(table[k]) {
			putUvarint(w, uint64(i))
		}
	}
}

func readMorphology(r *bufio.Reader) (*morphology, error) {
	m := &morphology{known: map[string]ruleFeats{}, exact: map[string]int32{}, suffix: map[string]int32{}, tagFeats: map[int]int32{}, keepCase: map[string]bool{}}
	count := func(what string, limit uint64) (int, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > limit {
			return 0, fmt.Errorf("%s count: %v", what, err)
		}
		return int(n), nil
	}
	index := func(limit int) (int32, error) {
		v, err := binary.ReadUvarint(r)
		if err != nil || v >= uint64(limit) {
			return 0, fmt.Errorf("index out of range")
		}
		return int32(v), nil
	}
	n, err := count("rule", 1<<20)
	if err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		cut, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		add, err := readString(r)
		if err != nil {
			return nil, err
		}
		m.rules = append(m.rules, lemmaRule{int(cut), add})
	}
	if n, err = count("feature", 1<<20); err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		f, err := readString(r)
		if err != nil {
			return nil, err
		}
		m.feats = append(m.feats, f)
	}
	// Three tables map a string key to indexes: words to a rule and
	// features, exact forms and suffixes to a rule.
	keyed := func(what string, limits []int, put func(k string, idx []int32)) error {
		n, err := count(what, 1<<22)
		if err != nil {
			return err
		}
		idx := make([]int32, len(limits))
		for i := 0; i < n; i++ {
			k, err := readString(r)
			if err != nil {
				return err
			}
			for j, limit := range limits {
				if idx[j], err = index(limit); err != nil {
					return fmt.Errorf("%s %q: %w", what, k, err)
				}
			}
			put(k, idx)
		}
		return nil
	}
	if err := keyed("word", []int{len(m.rules), len(m.feats)}, func(k string, idx []int32) { m.known[k] = ruleFeats{idx[0], idx[1]} }); err != nil {
		return nil, err
	}
	if err := keyed("exact", []int{len(m.rules)}, func(k string, idx []int32) { m.exact[k] = idx[0] }); err != nil {
		return nil, err
	}
	if err := keyed("suffix", []int{len(m.rules)}, func(k string, idx []int32) { m.suffix[k] = idx[0] }); err != nil {
		return nil, err
	}
	if n, err = count("tag", 1<<10); err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		c, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		fi, err := index(len(m.feats))
		if err != nil {
			return nil, err
		}
		m.tagFeats[int(c)] = fi
	}
	if n, err = count("case", 1<<10); err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		k, err := readString(r)
		if err != nil {
			return nil, err
		}
		m.keepCase[k] = true
	}
	return m, nil
}

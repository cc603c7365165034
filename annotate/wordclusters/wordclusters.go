// Package wordclusters learns and serves Brown word clusters: a binary
// tree over the vocabulary of unlabeled text, built by greedily merging
// the classes whose merge loses the least mutual information between
// adjacent classes (Brown et al. 1992, in the windowed form of Liang 2005).
// A word's cluster is its path from the root, a bit string such as
// "0110100"; prefixes of the path are coarser clusters. Words that occur in
// the same contexts ("Tuesday"/"Friday", "Ecogas"/"Enron", "Almaty"/"Osh")
// share long prefixes, so a tagger can generalise from the names it was
// trained on to names it never saw.
//
// In: tokenised sentences of unlabeled text (Train), or the embedded table
// (Load). Out: a Clusters table that maps a word to its bit-string path.
//
// Words are looked up case-insensitively with digits folded to 0 (Key).
// The shipped table (clusters.txt.gz) is trained by "parallax train
// clusters" on the English text under ../shared; see docs/ner.md.
package wordclusters

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.txt.gz
var embedded []byte

// Clusters maps words (by Key) to their bit-string paths. It is immutable
// and safe for concurrent use.
type Clusters struct {
	path     map[string]string
	count    map[string]int
	capShare map[string]int8 // percent of mid-sentence occurrences capitalised; -1: too few
}

// ErrBadTable means a cluster table could not be read.
var ErrBadTable = errors.New("wordclusters: bad cluster table")

var loadEmbedded = sync.OnceValues(func() (*Clusters, error) {
	c, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("load embedded word clusters: %w", err)
	}
	return c, nil
})

// Load returns the embedded cluster table, reading it on first use.
func Load() (*Clusters, error) { return loadEmbedded() }

// Key is the form words are clustered and looked up by: lower case, curly
// apostrophes straightened, every decimal digit replaced by 0 ("1,250" and
// "3,600" share a key).
func Key(word string) string {
	plain := true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || ('1' <= c && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return word
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch {
		case r == '’' || r == '‘':
			r = '\''
		case unicode.IsDigit(r):
			r = '0'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Path returns the bit-string path of word's cluster, or "" when the word
// was too rare to be clustered.
func (c *Clusters) Path(word string) string {
	if c == nil {
		return ""
	}
	return c.path[Key(word)]
}

// PathOfKey is Path for a word already in Key form.
func (c *Clusters) PathOfKey(key string) string {
	if c == nil {
		return ""
	}
	return c.path[key]
}

// Len returns the number of words in the table.
func (c *Clusters) Len() int { return len(c.path) }

// Count returns how often the word (by Key) occurred in the training text.
func (c *Clusters) Count(word string) int { return c.count[Key(word)] }

// CapShare returns the percentage of the word's mid-sentence occurrences
// in the training text that were capitalised (0–100): high for names
// ("philadelphia" 100), low for common words ("after" 0). ok is false when
// the word is not in the table or was seen mid-sentence fewer than three
// times.
func (c *Clusters) CapShare(word string) (share int, ok bool) {
	return c.CapShareOfKey(Key(word))
}

// CapShareOfKey is CapShare for a word already in Key form.
func (c *Clusters) CapShareOfKey(key string) (share int, ok bool) {
	if c == nil {
		return 0, false
	}
	v, found := c.capShare[key]
	if !found || v < 0 {
		return 0, false
	}
	return int(v), true
}

// Write writes the table as gzip-compressed text, one word a line:
// "path<TAB>word<TAB>count<TAB>capitalised share" (the share in percent, or
// -1), sorted by path and then word (Liang's wcluster format plus a
// column, so the table can be read by eye).
func (c *Clusters) Write(w io.Writer) error {
	words := make([]string, 0, len(c.path))
	for k := range c.path {
		words = append(words, k)
	}
	sort.Slice(words, func(i, j int) bool {
		pi, pj := c.path[words[i]], c.path[words[j]]
		if pi != pj {
			return pi < pj
		}
		return words[i] < words[j]
	})
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, k := range words {
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\n", c.path[k], k, c.count[k], c.capShare[k])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}

// Read reads a table written by Write.
func Read(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadTable, err)
	}
	c := &Clusters{path: map[string]string{}, count: map[string]int{}, capShare: map[string]int8{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 || strings.Trim(f[0], "01") != "" {
			return nil, fmt.Errorf("%w: line %d: %q", ErrBadTable, line, sc.Text())
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: count %q", ErrBadTable, line, f[2])
		}
		share, err := strconv.Atoi(f[3])
		if err != nil || share < -1 || share > 100 {
			return nil, fmt.Errorf("%w: line %d: capitalised share %q", ErrBadTable, line, f[3])
		}
		c.path[f[1]] = f[0]
		c.count[f[1]] = n
		c.capShare[f[1]] = int8(share)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadTable, err)
	}
	return c, nil
}

// MostFrequent returns the n words (in Key form) that occurred most often
// in the training text, most frequent first (ties in word order).
func (c *Clusters) MostFrequent(n int) []string {
	if c == nil {
		return nil
	}
	words := make([]string, 0, len(c.count))
	for w := range c.count {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if c.count[words[i]] != c.count[words[j]] {
			return c.count[words[i]] > c.count[words[j]]
		}
		return words[i] < words[j]
	})
	return words[:min(n, len(words))]
}

// Package gazetteer holds the compiled name lists Parallax ships: populated
// places (GeoNames, with Latin and Cyrillic alternate names), country names
// in 78 languages, demonyms and group names, given names with gender and
// surnames (US census, SSA, per-country lists, Russian names).
//
// In: a word or phrase. Out: whether it is a known place, country, demonym,
// given name or surname, with the country code or gender; for a populated
// place also its canonical name (CanonicalPlace), so that two spellings of
// one place ("Aktobe", "Aktyubinsk", "Актюбинск") can be told to be the
// same: the lower-case GeoNames ASCII name of the place, "aktobe".
//
// The lists are compiled from ../shared/gazetteers by Build ("parallax train
// gazetteer") into one gzip-compressed file of sorted "key\tvalue" sections
// that is embedded in the binary; a places line may carry a second value,
// the canonical name, when it differs from the key. Load decompresses it
// once; lookups are binary searches over the sorted keys and allocate
// nothing for lower-case input. A Gazetteer is immutable and safe for concurrent use.
//
// Lookups are case-insensitive: keys are lower-cased with Unicode rules, and
// "ё" is folded to "е".
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed gazetteer.bin.gz
var embedded []byte

// Section names in the compiled file.
const (
	SectionPlaces    = "places"    // populated place → ISO country code (canonical name in a second column)
	SectionCountries = "countries" // country name or alias, any language → ISO code
	SectionDemonyms  = "demonyms"  // "kyrgyz", "tajiks", "казахи" → ISO code, or "*" for religious and political groups
	SectionGiven     = "given"     // given name → "male", "female" or "" when both
	SectionSurnames  = "surnames"  // surname → ""
)

var sectionOrder = []string{SectionPlaces, SectionCountries, SectionDemonyms, SectionGiven, SectionSurnames}

// Gazetteer is a set of compiled, sorted lookup tables.
type Gazetteer struct {
	sections map[string]*table
}

// table is one section: entries are "key\tvalue" lines of one shared
// string, located by offsets, optionally followed by "\textra" (the places
// section's canonical names). Offsets instead of a []string keep hundreds
// of thousands of pointers away from the garbage collector.
type table struct {
	data  string
	start []uint32 // entry i is data[start[i]:end[i]], its tab at tab[i]
	tab   []uint32
	end   []uint32 // end of the value: the line's end or its second tab
}

func (t *table) key(i int) string { return t.data[t.start[i]:t.tab[i]] }
func (t *table) val(i int) string { return t.data[t.tab[i]+1 : t.end[i]] }
func (t *table) len() int         { return len(t.start) }

// extra returns the column after the value, or "" when the line has none.
// It is found from the line's end at lookup time, so the rare caller pays
// for it rather than every entry's offsets.
func (t *table) extra(i int) string {
	e := int(t.end[i])
	if e >= len(t.data) || t.data[e] != '\t' {
		return ""
	}
	rest := t.data[e+1:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return rest
}

// search returns the first index whose key is >= key.
func (t *table) search(key string) int {
	return sort.Search(t.len(), func(i int) bool { return t.key(i) >= key })
}

func (t *table) get(key string) (string, bool) {
	if t == nil {
		return "", false
	}
	i := t.search(key)
	if i < t.len() && t.key(i) == key {
		return t.val(i), true
	}
	return "", false
}

// hasPrefix reports whether some key starts with prefix + " ": used to
// stop multi-word lookups early.
func (t *table) hasPhrasePrefix(prefix string) bool {
	if t == nil {
		return false
	}
	p := prefix + " "
	i := t.search(p)
	return i < t.len() && strings.HasPrefix(t.key(i), p)
}

// ErrCorrupt means the compiled gazetteer could not be read.
var ErrCorrupt = errors.New("gazetteer: corrupt compiled file")

var loadEmbedded = sync.OnceValues(func() (*Gazetteer, error) {
	return Read(bytes.NewReader(embedded))
})

// Load returns the embedded gazetteer, decompressing it on first use.
func Load() (*Gazetteer, error) {
	g, err := loadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("load embedded gazetteer: %w", err)
	}
	return g, nil
}

// Read parses a compiled gazetteer as written by Build.
func Read(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	text := string(data)
	if len(text) >= 1<<32 {
		return nil, fmt.Errorf("%w: %d bytes", ErrCorrupt, len(text))
	}
	g := &Gazetteer{sections: map[string]*table{}}
	var cur *table
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		lineStart := pos
		pos = end + 1
		if name, ok := strings.CutPrefix(line, "#section "); ok {
			cur = &table{data: text}
			g.sections[name] = cur
			continue
		}
		if cur == nil || line == "" {
			continue
		}
		tab := strings.IndexByte(line, '\t')
		if tab < 0 {
			return nil, fmt.Errorf("%w: line without a value at byte %d", ErrCorrupt, lineStart)
		}
		valEnd := end
		if second := strings.IndexByte(line[tab+1:], '\t'); second >= 0 {
			valEnd = lineStart + tab + 1 + second
		}
		cur.start = append(cur.start, uint32(lineStart))
		cur.tab = append(cur.tab, uint32(lineStart+tab))
		cur.end = append(cur.end, uint32(valEnd))
	}
	for name, t := range g.sections {
		for i := 1; i < t.len(); i++ {
			if t.key(i-1) > t.key(i) {
				return nil, fmt.Errorf("%w: section %s is not sorted", ErrCorrupt, name)
			}
		}
	}
	for _, name := range sectionOrder {
		if g.sections[name] == nil {
			return nil, fmt.Errorf("%w: section %s missing", ErrCorrupt, name)
		}
	}
	return g, nil
}

// Key normalises a name for lookup: Unicode lower case, "ё"→"е", curly
// apostrophes straightened, runs of spaces collapsed.
func Key(s string) string {
	if isKey(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r == '’' || r == 'ʼ' || r == '‘':
			r = '\''
		case r == '‐' || r == '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isKey reports whether Key would return s unchanged, so that lookups of
// lower-case Latin and Cyrillic words allocate nothing.
func isKey(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' || c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, // Key writes U+FFFD for it
			unicode.IsSpace(r), r == 'ё', r == 'Ё', r == '’', r == 'ʼ', r == '‘', r == '‐', r == '‑',
			unicode.ToLower(r) != r:
			return false
		}
		i += size
	}
	return true
}

// Len returns the number of entries in a section.
func (g *Gazetteer) Len(section string) int {
	if t := g.sections[section]; t != nil {
		return t.len()
	}
	return 0
}

// Lookup returns the value stored for name in a section.
func (g *Gazetteer) Lookup(section, name string) (string, bool) {
	return g.sections[section].get(Key(name))
}

// HasPhrasePrefix reports whether some entry of the section starts with the
// words of prefix followed by more words ("new" → "new york"). Callers
// matching multi-word names use it to stop early.
func (g *Gazetteer) HasPhrasePrefix(section, prefix string) bool {
	return g.sections[section].hasPhrasePrefix(Key(prefix))
}

// IsGivenName reports whether s is a known given name (Latin or Cyrillic),
// with its usual gender: "male", "female", or "" when used for both.
func (g *Gazetteer) IsGivenName(s string) (gender string, ok bool) {
	return g.Lookup(SectionGiven, s)
}

// IsSurname reports whether s is a known surname (Latin or Cyrillic).
func (g *Gazetteer) IsSurname(s string) bool {
	_, ok := g.Lookup(SectionSurnames, s)
	return ok
}

// Place reports whether s names a populated place or a country, in Latin or
// Cyrillic script, and returns its ISO 3166 alpha-2 country code.
func (g *Gazetteer) Place(s string) (country string, ok bool) {
	k := Key(s)
	if c, ok := g.sections[SectionCountries].get(k); ok {
		return c, true
	}
	return g.sections[SectionPlaces].get(k)
}

// CanonicalPlace reports whether name is a populated place (any Latin or
// Cyrillic spelling GeoNames lists, current or former, matched like every
// lookup here after Key folding) and returns the canonical name of the
// place: the GeoNames ASCII name of the most populous place that has this
// name (the same place whose country Lookup(SectionPlaces, name) gives),
// in Key form, i.e. lower case: "Aktyubinsk", "Актюбинск" and "AKTOBE" all
// give "aktobe"; "Frunze" gives "bishkek"; "Khudzhand" gives "khujand".
//
// Two names with equal canonical names are spellings of one place name;
// places that share an ASCII name in different countries also share it, so
// pair it with the country code when that matters. Country names are not
// places here: use Country, whose ISO code already is canonical. The
// returned string is a slice of the loaded table; the call allocates only
// when Key must fold name (upper case, "ё", curly quotes, extra spaces).
func (g *Gazetteer) CanonicalPlace(name string) (canonical string, ok bool) {
	t := g.sections[SectionPlaces]
	if t == nil {
		return "", false
	}
	k := Key(name)
	i := t.search(k)
	if i >= t.len() || t.key(i) != k {
		return "", false
	}
	if c := t.extra(i); c != "" {
		return c, true
	}
	return t.key(i), true
}

// Country reports whether s is the name of a country in any of 78
// languages ("Kyrgyzstan", "Киргизия", "Qazaqstan") and returns its code.
func (g *Gazetteer) Country(s string) (code string, ok bool) {
	return g.Lookup(SectionCountries, s)
}

// Demonym reports whether s names a nationality or other group, as an
// adjective or noun ("Kyrgyz", "Tajiks", "казахи", "Muslims"). country is
// the ISO code for nationalities and "" for religious or political groups.
func (g *Gazetteer) Demonym(s string) (country string, ok bool) {
	v, ok := g.Lookup(SectionDemonyms, s)
	if v == "*" {
		v = ""
	}
	return v, ok
}

// WriteSections writes sections in the compiled format: gzip of
// "#section NAME" headers followed by sorted "key\tvalue" lines.
func writeSections(w io.Writer, sections map[string]map[string]string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, name := range sectionOrder {
		entries := sections[name]
		keys := make([]string, 0, len(entries))
		for k := range entries {
			if k == "" || strings.ContainsAny(k, "\t\n") || !utf8.ValidString(k) {
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(bw, "#section %s\n", name)
		for _, k := range keys {
			bw.WriteString(k)
			bw.WriteByte('\t')
			bw.WriteString(entries[k])
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

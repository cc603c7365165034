package lang

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// WordLists are a stage's word lists kept as data: in fsys, one folder per
// language (en/, ru/) and one file per list (en/titles.txt), one entry per
// line, "#" starting a comment; an entry in double quotes keeps its spaces
// (" tv ", for phrases matched inside text). A list is the union of its
// files in every language: entries are words or phrases of their
// language's script, so a word can only meet the entries of its own
// language, and a document that mixes scripts is read with both. Adding a
// language is adding a folder.
type WordLists map[string]map[string]bool

// ReadWordLists reads every <language>/<list>.txt of fsys.
func ReadWordLists(fsys fs.FS) (WordLists, error) { return readLists(fsys, "*") }

// ReadLanguageLists reads the lists of one language only
// (<language>/<list>.txt): for a stage whose grammar runs per language
// (dates: "May" is a month in English text only).
func ReadLanguageLists(fsys fs.FS, language string) (WordLists, error) {
	return readLists(fsys, language)
}

func readLists(fsys fs.FS, language string) (WordLists, error) {
	out := WordLists{}
	err := eachEntry(fsys, language, ".txt", func(list, entry, _ string) error {
		set := out[list]
		if set == nil {
			set = map[string]bool{}
			out[list] = set // a file with no entries is an empty list, not a missing one
		}
		if entry != "" {
			set[entry] = true
		}
		return nil
	})
	return out, err
}

// WordTables are word lists whose entries carry a value (a month's number,
// a currency's code, a multiplier): <language>/<table>.tsv, one
// "entry<TAB>value" per line, "#" starting a comment. An entry may hold
// spaces ("the day before"); the tab ends it.
type WordTables map[string]map[string]string

// ReadWordTables reads every <language>/<table>.tsv of fsys; a table is the
// union of its languages' files, as with ReadWordLists. An entry given two
// values is an error.
func ReadWordTables(fsys fs.FS) (WordTables, error) { return readTables(fsys, "*") }

// ReadLanguageTables reads the tables of one language only.
func ReadLanguageTables(fsys fs.FS, language string) (WordTables, error) {
	return readTables(fsys, language)
}

func readTables(fsys fs.FS, language string) (WordTables, error) {
	out := WordTables{}
	err := eachEntry(fsys, language, ".tsv", func(table, entry, value string) error {
		t := out[table]
		if t == nil {
			t = map[string]string{}
			out[table] = t
		}
		if entry == "" {
			return nil
		}
		if old, dup := t[entry]; dup && old != value {
			return fmt.Errorf("word table %s: %q is both %q and %q", table, entry, old, value)
		}
		t[entry] = value
		return nil
	})
	return out, err
}

// Languages lists the language folders of fsys (en, ru), sorted.
func Languages(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("word lists: %w", err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// eachEntry calls f with each entry of every <language>/<name><ext> file
// (language may be the pattern "*"): the file's name without its
// extension, the entry, and for a table its value after the tab; first once
// with no entry, so that a file with none still names its list.
func eachEntry(fsys fs.FS, language, ext string, f func(name, entry, value string) error) error {
	names, err := fs.Glob(fsys, language+"/*"+ext)
	if err != nil {
		return fmt.Errorf("word lists: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("word lists: %w", err)
		}
		list := strings.TrimSuffix(path.Base(name), ext)
		if err := f(list, "", ""); err != nil {
			return err
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for line := 1; sc.Scan(); line++ {
			entry, value, err := parseLine(sc.Text(), ext == ".tsv")
			if err != nil {
				return fmt.Errorf("word table %s line %d: %w", name, line, err)
			}
			if entry == "" {
				continue
			}
			if err := f(list, entry, value); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("word lists %s: %w", name, err)
		}
	}
	return nil
}

// Assign sets each destination to its list. A list no language has a file
// for is an error: a missing file must not read as an empty list.
func (l WordLists) Assign(dst map[string]*map[string]bool) error {
	for name, p := range dst {
		set, ok := l[name]
		if !ok {
			return fmt.Errorf("word list %q: no file in any language", name)
		}
		*p = set
	}
	return nil
}

// parseLine reads one line of a list or table: an entry, in double quotes
// when it keeps its spaces or holds a "#" (" tv ", "#"), then for a table a
// tab and the value; "#" starts a comment.
func parseLine(line string, table bool) (entry, value string, err error) {
	rest := strings.TrimSpace(line)
	quoted := false
	if strings.HasPrefix(rest, `"`) {
		if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
			entry, rest, quoted = rest[1:1+end], rest[2+end:], true
		}
	}
	rest, _, _ = strings.Cut(rest, "#")
	if !table {
		if !quoted {
			entry = strings.TrimSpace(rest)
		}
		return entry, "", nil
	}
	if quoted {
		_, rest, _ = strings.Cut(rest, "\t")
	} else {
		entry, rest, _ = strings.Cut(rest, "\t")
		entry = strings.TrimSpace(entry)
	}
	value = strings.TrimSpace(rest)
	if entry != "" && value == "" {
		return "", "", fmt.Errorf("%q has no value (entry, tab, value)", entry)
	}
	return entry, value, nil
}

// Ints converts a table's values to integers; a missing table or a value
// that is no integer is an error.
func (t WordTables) Ints(name string) (map[string]int, error) {
	return convert(t, name, strconv.Atoi)
}

// Floats converts a table's values to numbers ("1e6", "0.5").
func (t WordTables) Floats(name string) (map[string]float64, error) {
	return convert(t, name, func(s string) (float64, error) { return strconv.ParseFloat(s, 64) })
}

// Strings returns a table as read; a missing table is an error.
func (t WordTables) Strings(name string) (map[string]string, error) {
	return convert(t, name, func(s string) (string, error) { return s, nil })
}

func convert[V any](t WordTables, name string, parse func(string) (V, error)) (map[string]V, error) {
	table, ok := t[name]
	if !ok {
		return nil, fmt.Errorf("word table %q: no file in any language", name)
	}
	out := make(map[string]V, len(table))
	for k, s := range table {
		v, err := parse(s)
		if err != nil {
			return nil, fmt.Errorf("word table %q, %q: %w", name, k, err)
		}
		out[k] = v
	}
	return out, nil
}

// LoadWordLists reads the word lists under dir of fsys (an embedded
// lexicon/ folder) and assigns each destination its list, as Assign does.
func LoadWordLists(fsys fs.FS, dir string, dst map[string]*map[string]bool) error {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return fmt.Errorf("word lists %s: %w", dir, err)
	}
	lists, err := ReadWordLists(sub)
	if err != nil {
		return err
	}
	return lists.Assign(dst)
}

// LoadWordTables reads the word tables under dir of fsys (an embedded
// lexicon/ folder), every language's.
func LoadWordTables(fsys fs.FS, dir string) (WordTables, error) {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("word tables %s: %w", dir, err)
	}
	return ReadWordTables(sub)
}

// MustLoad returns what load returns, and panics on its error. Only for
// a stage's embedded word lists: a broken file there is a build error,
// which the stage's tests catch by calling load themselves, not bad input.
func MustLoad[T any](load func() (T, error)) T {
	v, err := load()
	if err != nil {
		panic(err)
	}
	return v
}

package lang

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
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
func ReadWordLists(fsys fs.FS) (WordLists, error) {
	names, err := fs.Glob(fsys, "*/*.txt")
	if err != nil {
		return nil, fmt.Errorf("word lists: %w", err)
	}
	sort.Strings(names)
	out := WordLists{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("word lists: %w", err)
		}
		list := strings.TrimSuffix(path.Base(name), ".txt")
		set := out[list]
		if set == nil {
			set = map[string]bool{}
			out[list] = set
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			entry, _, _ := strings.Cut(sc.Text(), "#")
			entry = strings.TrimSpace(entry)
			if len(entry) >= 2 && entry[0] == '"' && entry[len(entry)-1] == '"' {
				entry = entry[1 : len(entry)-1] // a quoted entry keeps its spaces: " tv "
			}
			if entry != "" {
				set[entry] = true
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("word lists %s: %w", name, err)
		}
	}
	return out, nil
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

// Package lang is the product's one word folder and out-of-context
// lemmatiser. Each language keeps its data in a folder of its own
// (en/base-forms.txt; a Russian ru/base-forms.txt is read the same way
// when it is added) and its own Snowball stemmer; a word's language is
// read from its script.
//
// Three folds, for three uses:
//   - Fold: the key words are compared and searched by (fact comparison,
//     search): irregular forms to their base ("fled" → "flee"), then the
//     stem, so "warned", "warnings" and "warn" meet;
//   - Stem: the stem alone, for keys learned with it (the event lemma
//     table, story profiles), which a change of fold would invalidate;
//   - NounLemma: the singular of a noun head ("actresses" → "actress",
//     "policemen" → "policeman"), for comparing the heads of mentions.
//
// Stages that need a lemma in context ("left" the verb against "left" the
// adjective) read model.Word.Lemma from annotate/syntax instead.
//
// The data is embedded, parsed once on first use and never modified.
package lang

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

//go:embed */*.txt
var files embed.FS

// Code is a language's ISO 639-1 code, the name of its data folder.
type Code string

// The languages the product reads.
const (
	English Code = "en"
	Russian Code = "ru"
)

// Of returns the language of a word from the script of its first letter:
// Russian for Cyrillic, English otherwise.
func Of(w string) Code {
	for _, r := range w {
		if unicode.IsLetter(r) {
			if unicode.Is(unicode.Cyrillic, r) {
				return Russian
			}
			return English
		}
	}
	return English
}

// language is one language's data and stemmer.
type language struct {
	verbs map[string]string // irregular verb forms → base form
	nouns map[string]string // irregular plurals → singular
	stem  func(lower string) string
}

var languages = sync.OnceValue(func() map[Code]*language {
	stemmers := map[Code]func(string) string{
		English: func(w string) string { return english.Stem(w, false) },
		Russian: func(w string) string { return russian.Stem(strings.ReplaceAll(w, "ё", "е"), false) },
	}
	out := make(map[Code]*language, len(stemmers))
	for code, stem := range stemmers {
		l, err := load(files, code)
		if err != nil {
			panic(err) // embedded data: a broken file is a build error, caught by the package's tests
		}
		l.stem = stem
		out[code] = l
	}
	return out
})

// load reads a language's base forms from fsys; a language without the
// file has no irregular forms.
func load(fsys fs.FS, code Code) (*language, error) {
	l := &language{verbs: map[string]string{}, nouns: map[string]string{}}
	name := string(code) + "/base-forms.txt"
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lang %s: %w", name, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("lang %s:%d: want form, base and part of speech, got %q", name, n, line)
		}
		switch f[2] {
		case "verb":
			l.verbs[f[0]] = f[1]
		case "noun":
			l.nouns[f[0]] = f[1]
		default:
			return nil, fmt.Errorf("lang %s:%d: part of speech %q is not verb or noun", name, n, f[2])
		}
	}
	return l, sc.Err()
}

// lower lower-cases a word and straightens its apostrophes.
func lower(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}

// Fold folds a word to the key words are compared by: lower case, straight
// apostrophe, an irregular form to its base, then the stem. "warned",
// "warnings" and "warn" meet, as do "built" and "build".
func Fold(w string) string {
	w = lower(w)
	l := languages()[Of(w)]
	if base, ok := l.verbs[w]; ok {
		w = base
	} else if base, ok := l.nouns[w]; ok {
		w = base
	}
	return l.stem(w)
}

// Stem is the Snowball stem of a lower-cased word in its language, without
// Fold's irregular forms.
func Stem(w string) string {
	w = lower(w)
	return languages()[Of(w)].stem(w)
}

// NounLemma reduces a noun to its lower-case singular, with British
// spellings in their American form so that "jewellery" and "jewelry",
// "centre" and "center" share a head: "actresses" → "actress", "countries"
// → "country", "policemen" → "policeman", "children" → "child". A
// possessive "'s" is dropped. Only English has rules; other languages get
// their irregular forms.
func NounLemma(w string) string {
	w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	code := Of(w)
	if code == English {
		switch {
		case len(w) > 4 && strings.HasSuffix(w, "men"):
			return w[:len(w)-3] + "man"
		case len(w) > 4 && strings.HasSuffix(w, "ies"):
			return w[:len(w)-3] + "y"
		case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
			return w[:len(w)-2]
		case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
			return w[:len(w)-1]
		}
		w = americanSpelling(w)
	}
	if base, ok := languages()[code].nouns[w]; ok {
		return base
	}
	return w
}

// americanSpelling maps British spellings of a noun to American ones.
func americanSpelling(w string) string {
	switch {
	case strings.HasSuffix(w, "ellery"):
		return w[:len(w)-len("ellery")] + "elry"
	case len(w) > 5 && strings.HasSuffix(w, "our") && !strings.HasSuffix(w, "hour"):
		return w[:len(w)-3] + "or"
	case len(w) > 4 && strings.HasSuffix(w, "tre"):
		return w[:len(w)-3] + "ter"
	case strings.HasSuffix(w, "isation"):
		return w[:len(w)-len("isation")] + "ization"
	}
	return w
}

package resolve

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lexicon is the resolver's word lists, kept as data per language under
// lexicon/<language>/ (see lang.WordLists). Loaded once, never modified.
type lexicon struct {
	determiners map[string]bool
	// Pronouns by what they can refer to.
	singularPerson, malePronouns, femalePronouns, firstPerson, pluralPronouns,
	thingPronouns, relPronouns, placePronouns, otherPronouns map[string]bool
	// titles precede a name as a title; they are kept as the entity's
	// descriptions, not as part of its name.
	titles map[string]bool
	// roleSuffixes mark a lower-case word as an agent or role noun,
	// roleNouns are role words without such an ending, notRoles frequent
	// words that end like role nouns but are not.
	roleSuffixes, roleNouns, notRoles map[string]bool
	// phraseEnders end the head phrase of a nominal: "the head of the service".
	phraseEnders map[string]bool
	// genericDesignators may be dropped from a place or organisation name
	// without changing what it names: "Osh Region" = "Osh".
	genericDesignators map[string]bool
	// clauseWords show a phrase is a clause, not an apposition.
	clauseWords map[string]bool
	// orgWords are generic heads of organisation names.
	orgWords map[string]bool
	// nameConnectors and nameParticles are lower-case words inside names.
	nameConnectors, nameParticles map[string]bool
}

//go:embed lexicon
var lexiconFiles embed.FS

// loadLexicon reads the embedded word lists once.
var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{}
	err := lang.LoadWordLists(lexiconFiles, "lexicon", map[string]*map[string]bool{
		"determiners":              &lx.determiners,
		"pronouns-singular-person": &lx.singularPerson,
		"pronouns-male":            &lx.malePronouns,
		"pronouns-female":          &lx.femalePronouns,
		"pronouns-first-person":    &lx.firstPerson,
		"pronouns-plural":          &lx.pluralPronouns,
		"pronouns-thing":           &lx.thingPronouns,
		"pronouns-relative":        &lx.relPronouns,
		"pronouns-place":           &lx.placePronouns,
		"pronouns-other":           &lx.otherPronouns,
		"titles":                   &lx.titles,
		"role-suffixes":            &lx.roleSuffixes,
		"role-nouns":               &lx.roleNouns,
		"not-roles":                &lx.notRoles,
		"phrase-enders":            &lx.phraseEnders,
		"generic-designators":      &lx.genericDesignators,
		"clause-words":             &lx.clauseWords,
		"org-words":                &lx.orgWords,
		"name-connectors":          &lx.nameConnectors,
		"name-particles":           &lx.nameParticles,
	})
	if err != nil {
		return nil, fmt.Errorf("resolve lexicon: %w", err)
	}
	return lx, nil
})

// isPronoun reports whether a mention text is a pronoun.
func (lx *lexicon) isPronoun(lower string) bool {
	return lx.singularPerson[lower] || lx.firstPerson[lower] || lx.pluralPronouns[lower] || lx.thingPronouns[lower] ||
		lx.relPronouns[lower] || lx.placePronouns[lower] || lx.otherPronouns[lower]
}

// isRoleWord reports whether a lower-case word reads as a role or agent noun.
func (lx *lexicon) isRoleWord(w string) bool {
	if lx.roleNouns[w] || lx.titles[w] {
		return true
	}
	if lx.notRoles[w] || len(w) < 4 {
		return false
	}
	for s := range lx.roleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isNameParticle reports whether a lower-case word may sit inside a name.
func (lx *lexicon) isNameParticle(w string) bool {
	return lx.nameParticles[w] || lx.nameConnectors[w]
}

// isClause reports whether words read as a clause rather than a phrase.
func (lx *lexicon) isClause(words []string) bool {
	for _, w := range words {
		if lx.clauseWords[w] {
			return true
		}
	}
	return false
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isWord reports whether w has a letter or digit.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// PersonPronoun reports whether the lower-case word w is a pronoun of one
// person other than the speaker ("he", "her", "himself", "она"), and the
// gender it refers to: 'm' or 'f'. The lists are resolution's lexicon
// (lexicon/<language>/pronouns-male.txt, pronouns-female.txt), which
// every stage that meets a pronoun reads instead of keeping its own.
func PersonPronoun(w string) (gender byte, ok bool) {
	lx := lang.MustLoad(loadLexicon)
	switch {
	case lx.malePronouns[w]:
		return 'm', true
	case lx.femalePronouns[w]:
		return 'f', true
	}
	return 0, false
}

package quotes

import (
	"embed"
	"fmt"
	"sync"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lexicon is the word lists the extractor reads, kept as data per language
// under lexicon/<language>/<list>.txt (see lang.WordLists; each file says
// what its list is for). All entries are lower case. Loaded once, never
// modified.
type lexicon struct {
	cueVerbs            map[string]bool
	baseCues            map[string]bool
	objectCues          map[string]bool
	strictCues          map[string]bool
	directOnlyCues      map[string]bool
	participleCues      map[string]bool
	quotedAsVerbs       map[string]bool
	pronouns            map[string]bool
	subjectWords        map[string]bool
	determiners         map[string]bool
	possessives         map[string]bool
	auxiliaries         map[string]bool
	skipAdverbs         map[string]bool
	temporalWords       map[string]bool
	prepositions        map[string]bool
	npPrepositions      map[string]bool
	clauseBreakers      map[string]bool
	parentheticalStarts map[string]bool
	titles              map[string]bool
	femaleWords         map[string]bool
	maleWords           map[string]bool
	orgHeads            map[string]bool
	notNames            map[string]bool
	finiteVerbs         map[string]bool
	objectPronouns      map[string]bool
	orgSuffixes         map[string]bool
	questionLabels      map[string]bool
	answerLabels        map[string]bool
	// channelPhrases holds the phrase list of each of channels, by name.
	channelPhrases                map[string]map[string]bool
	mediaNameParts, interviewCues map[string]bool
	// Surname endings, each list read as "ends with any of these".
	surnameEndings, surnameEndingsShort, femaleSurnameEndings, maleSurnameEndings map[string]bool
}

//go:embed lexicon
var lexiconFiles embed.FS

// loadLexicon reads the embedded word lists once.
var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{channelPhrases: map[string]map[string]bool{}}
	lists := map[string]*map[string]bool{
		"cue-verbs":              &lx.cueVerbs,
		"cue-nouns":              &lx.baseCues,
		"object-cues":            &lx.objectCues,
		"strict-cues":            &lx.strictCues,
		"direct-only-cues":       &lx.directOnlyCues,
		"participle-cues":        &lx.participleCues,
		"quoted-as-verbs":        &lx.quotedAsVerbs,
		"pronouns":               &lx.pronouns,
		"subject-words":          &lx.subjectWords,
		"determiners":            &lx.determiners,
		"possessives":            &lx.possessives,
		"auxiliaries":            &lx.auxiliaries,
		"skip-adverbs":           &lx.skipAdverbs,
		"temporal-words":         &lx.temporalWords,
		"prepositions":           &lx.prepositions,
		"phrase-prepositions":    &lx.npPrepositions,
		"clause-breakers":        &lx.clauseBreakers,
		"parenthetical-starts":   &lx.parentheticalStarts,
		"titles":                 &lx.titles,
		"female-words":           &lx.femaleWords,
		"male-words":             &lx.maleWords,
		"org-heads":              &lx.orgHeads,
		"not-names":              &lx.notNames,
		"finite-verbs":           &lx.finiteVerbs,
		"object-pronouns":        &lx.objectPronouns,
		"org-suffixes":           &lx.orgSuffixes,
		"question-labels":        &lx.questionLabels,
		"media-name-parts":       &lx.mediaNameParts,
		"interview-cues":         &lx.interviewCues,
		"surname-endings":        &lx.surnameEndings,
		"surname-endings-short":  &lx.surnameEndingsShort,
		"female-surname-endings": &lx.femaleSurnameEndings,
		"male-surname-endings":   &lx.maleSurnameEndings,
		"answer-labels":          &lx.answerLabels,
	}
	for _, c := range channels {
		lists[c.list] = new(map[string]bool)
	}
	if err := lang.LoadWordLists(lexiconFiles, "lexicon", lists); err != nil {
		return nil, fmt.Errorf("quotes lexicon: %w", err)
	}
	for _, c := range channels {
		lx.channelPhrases[c.list] = *lists[c.list]
	}
	return lx, nil
})

// mustLexicon returns the word lists. They are embedded, so a broken file is
// a build error, caught by the package's tests (TestLexiconLoads), not bad
// input.
func mustLexicon() *lexicon { return lang.MustLoad(loadLexicon) }

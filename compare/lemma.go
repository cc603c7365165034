package compare

// Lemma folds a word the way the fact stage compares words (irregular
// English verbs, then the Snowball stemmer of the word's script), so other
// stages, such as search, match inflections exactly as comparison does.
func Lemma(w string) string { return lemma(w) }

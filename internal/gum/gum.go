// Package gum reads the split lists of the GUM corpus under ../shared, which
// the entity tagger and the syntax model both train on and hold out from.
package gum

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Dir is the folder of GUM's CoNLL-U files, relative to the shared folder.
const Dir = "corpora/ner-en/gum/dep"

// splitsFile lists GUM's standard dev, test and test2 documents.
const splitsFile = "corpora/ner-en/gum/splits.md"

// Splits parses splits.md under shared: document name → "dev", "test" or
// "test2". Documents it does not name are training documents.
func Splits(shared string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(shared, splitsFile))
	if err != nil {
		return nil, fmt.Errorf("read GUM splits: %w", err)
	}
	out := map[string]string{}
	section := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if s, ok := strings.CutPrefix(line, "## "); ok {
			section = strings.TrimSpace(s)
			continue
		}
		if n, ok := strings.CutPrefix(line, "* "); ok && section != "" {
			out[strings.TrimSpace(n)] = section
		}
	}
	return out, nil
}

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallaxnews/parallax/internal/synth"
)

// writeArticles writes n synthetic articles into dir.
func writeArticles(dir string, n, perStory int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	articles := synth.Articles
	if perStory > 0 {
		articles = func(n int, seed uint64) []synth.Article { return synth.Stories(n, perStory, seed) }
	}
	for _, a := range articles(n, seed) {
		if err := os.WriteFile(filepath.Join(dir, a.Name), a.Body, 0o644); err != nil {
			return fmt.Errorf("write article: %w", err)
		}
	}
	return nil
}

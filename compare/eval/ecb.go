package eval

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
)

func factTitle(f model.Fact) string {
	if f.SubjectName != "" {
		return f.SubjectName + " " + f.Attribute
	}
	return f.Attribute
}

func valuesLine(f model.Fact) string {
	var parts []string
	seen := map[string]bool{}
	for _, v := range f.Values {
		s := strings.Join(strings.Fields(v.Text), " ")
		if v.Polarity == "negated" {
			s = "not " + s
		}
		if !seen[s] {
			seen[s] = true
			parts = append(parts, fmt.Sprintf("%q", s))
		}
		if len(parts) == 4 {
			break
		}
	}
	return strings.Join(parts, " vs ")
}

// ECBDocument rebuilds plain text from an ECB+ document's tokens: one
// paragraph per sentence (the title is sentence 0), spaces between tokens
// except before closing punctuation and after opening brackets.
func ECBDocument(ed *ecbplus.Document) *model.Document {
	text, _, _ := ed.Join(func(i int) bool {
		return noSpaceBefore(ed.Tokens[i].Text) || noSpaceAfter(ed.Tokens[i-1].Text)
	})
	return &model.Document{ID: model.DocumentID([]byte(ed.Name + "\x00" + text)), Source: ed.Name, Format: "text", Text: text}
}

func noSpaceBefore(t string) bool {
	switch t {
	case ".", ",", ":", ";", "!", "?", ")", "]", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m":
		return true
	}
	return false
}

func noSpaceAfter(t string) bool { return t == "(" || t == "[" || t == "$" }

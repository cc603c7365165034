package lang

import (
	"testing"
	"testing/fstest"
)

func TestReadWordLists(t *testing.T) {
	fsys := fstest.MapFS{
		"en/titles.txt":   {Data: []byte("# titles before a name\nmr\n  president  # trailing comment\n\neach other\n")},
		"ru/titles.txt":   {Data: []byte("президент\n")},
		"en/pronouns.txt": {Data: []byte("he\n\" on x \"\n")},
		"en/README":       {Data: []byte("not a list\n")},
	}
	lists, err := ReadWordLists(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var titles, pronouns, missing map[string]bool
	if err := lists.Assign(map[string]*map[string]bool{"titles": &titles, "pronouns": &pronouns}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"mr", "president", "each other", "президент"} {
		if !titles[w] {
			t.Errorf("titles lacks %q", w)
		}
	}
	if len(titles) != 4 || len(pronouns) != 2 || !pronouns[" on x "] || len(lists) != 2 {
		t.Errorf("got %v", lists)
	}
	if err := lists.Assign(map[string]*map[string]bool{"hedges": &missing}); err == nil {
		t.Error("a list with no file was read as empty")
	}
}

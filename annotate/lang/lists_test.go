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

func TestReadWordTables(t *testing.T) {
	fsys := fstest.MapFS{
		"en/months.tsv":  {Data: []byte("# month names\njanuary\t1\n\"the day before\"\t-1  # a phrase\n\"#\"\t3\n")},
		"ru/months.tsv":  {Data: []byte("января\t1\n")},
		"en/titles.txt":  {Data: []byte("mr\n\"#\"\n")},
		"en/bad.tsv.txt": {Data: []byte("x\n")},
	}
	tables, err := ReadWordTables(fsys)
	if err != nil {
		t.Fatal(err)
	}
	months, err := tables.Ints("months")
	if err != nil {
		t.Fatal(err)
	}
	if months["january"] != 1 || months["января"] != 1 || months["the day before"] != -1 || months["#"] != 3 || len(months) != 4 {
		t.Errorf("months %v", months)
	}
	en, err := ReadLanguageTables(fsys, "en")
	if err != nil || len(en["months"]) != 3 {
		t.Errorf("en tables %v, %v", en, err)
	}
	lists, err := ReadLanguageLists(fsys, "en")
	if err != nil || !lists["titles"]["#"] || !lists["titles"]["mr"] {
		t.Errorf("en lists %v, %v", lists, err)
	}
	if _, err := tables.Ints("weekdays"); err == nil {
		t.Error("a table with no file was read as empty")
	}
	if langs, err := Languages(fsys); err != nil || len(langs) != 2 || langs[0] != "en" {
		t.Errorf("languages %v, %v", langs, err)
	}
	for _, bad := range []string{"january\n", "january\tjan\n"} {
		tb, err := ReadWordTables(fstest.MapFS{"en/months.tsv": {Data: []byte(bad)}})
		if err == nil {
			_, err = tb.Ints("months")
		}
		if err == nil {
			t.Errorf("%q read without error", bad)
		}
	}
	if _, err := ReadWordTables(fstest.MapFS{"en/a.tsv": {Data: []byte("x\t1\n")}, "ru/a.tsv": {Data: []byte("x\t2\n")}}); err == nil {
		t.Error("an entry with two values was accepted")
	}
}

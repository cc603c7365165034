package sqlite_test

import (
	"context"
	"testing"
)

// FuzzSearch runs any query against a real database: since queries are
// taken as plain words, no query may fail (a NUL once gave an SQL error).
//
//	go test ./store/sqlite -run '^$' -fuzz FuzzSearch -fuzztime 60s
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"police", `"unclosed`, "NOT AND OR", "title:x", "a*", "^x", "NEAR(a b)", "a\x00b", "\x01\x02", "(((", "-", "'", "col:val OR", "ǅ",
	} {
		f.Add(s)
	}
	s := openStore(f)
	ctx := context.Background()
	for _, d := range []struct{ raw, text string }{{"r1", "Police detained Tashiev in Almaty."}, {"r2", "В Бишкеке задержали Ташиева."}} {
		if _, err := s.PutDocument(ctx, doc(d.raw, d.text)); err != nil {
			f.Fatal(err)
		}
	}
	putStory(f, s, "s1")
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(ctx, q, 10); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

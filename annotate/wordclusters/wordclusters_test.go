package wordclusters_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// corpus repeats sentences in which days share contexts, as do cities and
// people, so a tiny clustering must keep each group together.
func corpus() [][]string {
	var out [][]string
	days := []string{"Monday", "Tuesday", "Friday"}
	cities := []string{"Almaty", "Bishkek", "Osh"}
	people := []string{"Tokayev", "Japarov", "Rahmon"}
	for r := 0; r < 20; r++ {
		for i := range 3 {
			d, c, p := days[(i+r)%3], cities[(i+2*r)%3], people[(i+r/3)%3]
			out = append(out,
				strings.Fields("On "+d+" , "+p+" said he would visit "+c+" ."),
				strings.Fields("The meeting in "+c+" on "+d+" was short ."),
				strings.Fields("President "+p+" met officials in "+c+" ."),
			)
		}
	}
	return out
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func TestTrainGroupsWordsOfSameContexts(t *testing.T) {
	c, err := wordclusters.Train(context.Background(), corpus(), wordclusters.Options{Clusters: 6, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, group := range [][]string{{"monday", "tuesday", "friday"}, {"almaty", "bishkek", "osh"}} {
		for _, w := range group[1:] {
			a, b := c.Path(group[0]), c.Path(w)
			if a == "" || b == "" {
				t.Fatalf("no path for %q (%q) or %q (%q)", group[0], a, w, b)
			}
			if a != b {
				t.Errorf("%s and %s in different clusters: %q, %q", group[0], w, a, b)
			}
		}
	}
	if c.Path("Monday") == c.Path("Almaty") {
		t.Errorf("days and cities share cluster %q", c.Path("Monday"))
	}
	if got := c.Path("Zharkulak"); got != "" {
		t.Errorf("unseen word has path %q", got)
	}
	if c.Count("OSH") != c.Count("osh") || c.Count("osh") == 0 {
		t.Errorf("Count is not case-insensitive: %d, %d", c.Count("OSH"), c.Count("osh"))
	}
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	var files [2]bytes.Buffer
	for i := range files {
		c, err := wordclusters.Train(context.Background(), corpus(), wordclusters.Options{Clusters: 5, MinCount: 1, Workers: i + 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Write(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two runs (1 and 2 workers) wrote different tables")
	}
	c, err := wordclusters.Read(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := c.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), files[0].Bytes()) {
		t.Error("Read then Write changed the table")
	}
}

func TestTrainSkipsWordsTheTableCannotHold(t *testing.T) {
	sents := corpus()
	for range 5 {
		sents = append(sents, []string{"a\tb", "Osh", "", "line\nbreak", "Osh"})
	}
	c, err := wordclusters.Train(context.Background(), sents, wordclusters.Options{Clusters: 4, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := wordclusters.Read(&buf)
	if err != nil {
		t.Fatalf("reading back a table trained on odd tokens: %v", err)
	}
	if back.Len() != c.Len() || c.Path("a\tb") != "" {
		t.Errorf("table has %d words after reading, %d before; path of a tab word %q", back.Len(), c.Len(), c.Path("a\tb"))
	}
}

func TestReadRejectsBadTables(t *testing.T) {
	if _, err := wordclusters.Read(strings.NewReader("not gzip")); !errors.Is(err, wordclusters.ErrBadTable) {
		t.Errorf("Read(not gzip) = %v, want ErrBadTable", err)
	}
}

func TestTrainNeedsWords(t *testing.T) {
	if _, err := wordclusters.Train(context.Background(), [][]string{{"one"}}, wordclusters.Options{}); err == nil {
		t.Error("Train on one word: no error")
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{"Almaty": "almaty", "1,250": "0,000", "O’Brien": "o'brien", "Бишкек": "бишкек", "plain": "plain"} {
		if got := wordclusters.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmbeddedTable(t *testing.T) {
	c, err := wordclusters.Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 1000 {
		t.Fatalf("embedded table has %d words", c.Len())
	}
	// Frequent days of the week share a cluster in any sensible table.
	if c.Path("Tuesday") == "" || c.Path("Tuesday") != c.Path("Friday") && commonPrefix(c.Path("Tuesday"), c.Path("Friday")) < 4 {
		t.Errorf("Tuesday %q and Friday %q are far apart", c.Path("Tuesday"), c.Path("Friday"))
	}
}

func TestCapShare(t *testing.T) {
	c, err := wordclusters.Train(context.Background(), corpus(), wordclusters.Options{Clusters: 6, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := c.CapShare("almaty"); !ok || s != 100 {
		t.Errorf("CapShare(almaty) = %d, %v; want 100, true", s, ok)
	}
	if s, ok := c.CapShare("officials"); !ok || s != 0 {
		t.Errorf("CapShare(officials) = %d, %v; want 0, true", s, ok)
	}
	if _, ok := c.CapShare("Zharkulak"); ok {
		t.Error("CapShare of an unseen word is known")
	}
}

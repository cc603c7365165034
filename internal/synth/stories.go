package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// event is one kind of news event a generated story reports.
type event struct {
	headline string // with %[1]s the place
	lead     string // with %[1]s the place, %[2]d the toll, %[3]s the weekday
	count    string // what the toll counts
}

var storyEvents = []event{
	{"Floods hit %s", "Floodwater swept through %[1]s on %[3]s, forcing %[2]d families from their homes.", "families"},
	{"Warehouse fire in %s", "A fire broke out at a warehouse in %[1]s on %[3]s and %[2]d firefighters fought it through the night.", "firefighters"},
	{"Miners strike in %s", "Miners in %[1]s walked out on %[3]s, and %[2]d workers joined the strike by the evening.", "workers"},
	{"Bridge collapses near %s", "A road bridge near %[1]s collapsed on %[3]s; %[2]d people were hurt.", "people hurt"},
	{"Protest over election in %s", "Protesters gathered in %[1]s on %[3]s, and police detained %[2]d of them.", "detained"},
	{"Earthquake shakes %s", "An earthquake shook %[1]s on %[3]s, damaging %[2]d houses.", "houses"},
	{"Train derails outside %s", "A freight train derailed outside %[1]s on %[3]s, spilling %[2]d tonnes of grain.", "tonnes"},
	{"Hospital outbreak in %s", "Health officials in %[1]s reported %[2]d cases of infection at the city hospital on %[3]s.", "cases"},
}

// syllables make place and person names unique to a story, so that
// stories differ in their names as real ones do.
var syllables = []string{"ka", "ra", "ben", "tol", "mir", "sha", "dor", "vel", "zan", "ost", "lu", "gar", "ne", "pol", "tim", "ar", "ves", "kul", "do", "rin"}

func coined(r *rand.Rand, parts int) string {
	var b strings.Builder
	for k := 0; k < parts; k++ {
		b.WriteString(pick(r, syllables))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// story is what every article of one generated story shares.
type story struct {
	ev              event
	place, official string
	witness, agency string
	month           string
	day, toll, year int
	weekday         string
}

func newStory(seed uint64, k int) story {
	r := rand.New(rand.NewPCG(seed^0x5bd1e995, uint64(k)))
	return story{
		ev:       pick(r, storyEvents),
		place:    coined(r, 3),
		official: pick(r, givenNames) + " " + coined(r, 3) + "ov",
		witness:  pick(r, givenNames) + " " + coined(r, 2) + "ova",
		agency:   "the " + coined(r, 2) + " regional administration",
		month:    pick(r, months),
		day:      1 + r.IntN(25),
		toll:     5 + r.IntN(400),
		year:     2015 + r.IntN(10),
		weekday:  pick(r, weekdays),
	}
}

// Stories returns n articles reporting n/perStory different stories (an
// event in a place of its own, with its own people), interleaved so that
// consecutive articles belong to different stories, as in a crawl. Output
// is deterministic for a seed.
func Stories(n, perStory int, seed uint64) []Article {
	if perStory < 1 {
		perStory = 1
	}
	count := max(1, (n+perStory-1)/perStory)
	out := make([]Article, n)
	for i := range out {
		k := i % count
		s := newStory(seed, k)
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		out[i] = Article{Name: fmt.Sprintf("s%06d-%05d.txt", k, i), Body: []byte(storyArticle(r, s))}
	}
	return out
}

func storyArticle(r *rand.Rand, s story) string {
	var b strings.Builder
	outlet := pick(r, outlets)
	for _, item := range nav[:3+r.IntN(5)] {
		b.WriteString(item + "\n")
	}
	fmt.Fprintf(&b, "\n"+s.ev.headline+"\n\n", s.place)
	fmt.Fprintf(&b, "By %s\n%s %d, %d %02d:%02d\n\n", person(r), s.month, s.day+r.IntN(3), s.year, r.IntN(24), r.IntN(60))
	// Outlets disagree on the toll now and then, as real reports do.
	toll := s.toll
	if r.IntN(4) == 0 {
		toll += 1 + r.IntN(20)
	}
	fmt.Fprintf(&b, s.ev.lead+"\n\n", s.place, toll, s.weekday)
	lines := []string{
		fmt.Sprintf("%s, who speaks for %s, said the count of %s stood at %d.", s.official, s.agency, s.ev.count, toll),
		fmt.Sprintf("\"We heard it before we saw anything,\" %s told %s.", s.witness, outlet),
		fmt.Sprintf("Residents of %s said help arrived late on %s.", s.place, s.weekday),
		fmt.Sprintf("%s promised an inquiry and said a report would follow by %s %d.", strings.ToUpper(s.agency[:1])+s.agency[1:], s.month, min(28, s.day+7)),
		fmt.Sprintf("Local officials in %s set aside %d,%03d tenge for those affected.", s.place, 10+r.IntN(90), r.IntN(1000)),
		fmt.Sprintf("%s said on %s that the situation in %s was under control.", s.official, pick(r, weekdays), s.place),
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	for _, l := range lines[:3+r.IntN(len(lines)-2)] {
		b.WriteString(l)
		b.WriteString("\n\n")
	}
	// Background paragraphs of the generic kind: names and places shared
	// across stories, as a region's news shares them.
	for p := 0; p < 1+r.IntN(2); p++ {
		b.WriteString(paragraph(r, s.month, s.day))
		b.WriteString("\n\n")
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "Source: %s\n", outlet)
	}
	return b.String()
}

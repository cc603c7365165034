// Package synth generates realistic, noisy news articles for benchmarks:
// scraped-page furniture (menus, most-read lists, copyright notices, photo
// credits, read-more prompts, bios) around paragraphs of reporting with
// names, dates, sums and quotes. Output is deterministic for a seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Article is one generated article.
type Article struct {
	Name string // file name, e.g. "00042.txt"
	Body []byte
}

var (
	givenNames = []string{"Aibek", "Nurlan", "Gulnara", "Vikram", "Aizada", "Timur", "Elena", "Marat", "Dilnoza", "Sergei", "Askar", "Bermet", "Kanat", "Olga", "Daniyar"}
	surnames   = []string{"Tashiev", "Seitkali", "Omurzakova", "Ruzakhunov", "Isakov", "Petrova", "Abdrakhmanov", "Zhaparov", "Nurlanova", "Kim", "Sadykov", "Bekova"}
	places     = []string{"Almaty", "Bishkek", "Osh", "Taraz", "Shymkent", "Karakol", "Naryn", "Aktobe", "the village of Samsy", "the Korday checkpoint", "Jalal-Abad"}
	orgs       = []string{"the interior ministry", "the State Committee for National Security", "Amnesty International", "the Foreign Ministry", "the CSTO", "the prosecutor's office", "Human Rights Watch"}
	outlets    = []string{"Steppe Chronicle", "Kloop", "Northern Wire", "East Bulletin", "24 News", "Vesti Asia"}
	verbs      = []string{"said", "told reporters", "claimed", "insisted", "denied", "wrote on Facebook", "added", "confirmed"}
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	nav        = []string{"Home", "News", "Politics", "Economy", "Society", "Sport", "Culture", "Opinion"}
	headlines  = []string{"Floods hit southern villages", "Parliament approves budget amendments", "Border talks resume", "Grain prices climb again", "New metro line opens", "Teachers demand higher pay"}
)

// Articles returns n articles generated from seed.
func Articles(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Article, n)
	for i := range out {
		out[i] = Article{Name: fmt.Sprintf("%05d.txt", i), Body: []byte(article(r))}
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func person(r *rand.Rand) string { return pick(r, givenNames) + " " + pick(r, surnames) }

func article(r *rand.Rand) string {
	var b strings.Builder
	outlet := pick(r, outlets)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "© 2022 %s. When using materials, please make active links to the source.\n", outlet)
	}
	for _, item := range nav[:3+r.IntN(5)] {
		b.WriteString(item + "\n")
	}
	if r.IntN(2) == 0 {
		b.WriteString("Most read\n")
		for k := 0; k < 3; k++ {
			fmt.Fprintf(&b, "%s\n%d hours ago\n", pick(r, headlines), 1+r.IntN(23))
		}
	}
	day, month := 1+r.IntN(28), pick(r, months)
	fmt.Fprintf(&b, "\n%s detained near %s, %s says\n\n", person(r), pick(r, places), pick(r, orgs))
	fmt.Fprintf(&b, "By %s\n%s %d, 2022 %02d:%02d\n\n", person(r), month, day, r.IntN(24), r.IntN(60))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "Photo: %s\n\n", outlet)
	}
	paras := 4 + r.IntN(8)
	for p := 0; p < paras; p++ {
		b.WriteString(paragraph(r, month, day))
		b.WriteString("\n\n")
		if p == 1 && r.IntN(2) == 0 {
			fmt.Fprintf(&b, "Read more: %s\n\n", pick(r, headlines))
		}
	}
	if r.IntN(3) == 0 {
		b.WriteString("If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.\n\n")
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "%s is a freelance journalist based in %s.\n\n", person(r), pick(r, places))
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "Source: %s\n", pick(r, outlets))
	}
	return b.String()
}

func paragraph(r *rand.Rand, month string, day int) string {
	var s []string
	for k := 0; k < 2+r.IntN(3); k++ {
		switch r.IntN(5) {
		case 0:
			s = append(s, fmt.Sprintf("%s %s that %s had been held in %s since %s %d.", pick(r, orgs), pick(r, verbs), person(r), pick(r, places), month, day))
		case 1:
			s = append(s, fmt.Sprintf("According to %s, %d people were detained and %d,%03d tenge ($%d) was offered to each of them.", pick(r, orgs), 10+r.IntN(200), 10+r.IntN(90), r.IntN(1000), 20+r.IntN(400)))
		case 2:
			s = append(s, fmt.Sprintf("\"We were not told anything about the charges,\" %s %s on %s.", person(r), pick(r, verbs), pick(r, weekdays)))
		case 3:
			s = append(s, fmt.Sprintf("The %d-year-old was released on %s after %d days in custody, relatives in %s said.", 20+r.IntN(50), pick(r, weekdays), 2+r.IntN(20), pick(r, places)))
		default:
			s = append(s, fmt.Sprintf("Dozens of residents gathered outside the court in %s late on %s, where police said about %d officers were deployed.", pick(r, places), pick(r, weekdays), 10+r.IntN(300)))
		}
	}
	s[0] = strings.ToUpper(s[0][:1]) + s[0][1:]
	return strings.Join(s, " ")
}

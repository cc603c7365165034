package evaluate

import (
	"context"
	"fmt"
	"github.com/parallaxnews/parallax/internal/measure"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// Small name lists for synthetic stories; the people are combinations.
var (
	synGiven   = []string{"Камчыбек", "Садыр", "Акылбек", "Нурлан", "Айгерим", "Ерлан", "Бакыт", "Жанар", "Тимур", "Азамат", "Мурат", "Гульнара", "Данияр", "Асель", "Эрмек", "Улан", "Канат", "Динара", "Максат", "Жылдыз"}
	synSurname = []string{"Ташиев", "Жапаров", "Токаев", "Ахметов", "Оспанов", "Абдылдаев", "Исаков", "Мамытов", "Кадыров", "Сулейменов", "Жумабеков", "Бекмуратов", "Алиев", "Омаров", "Шарипов", "Кожобеков", "Турдубаев", "Сатыбалдиев", "Нуралиев", "Эсенов"}
	synOrgs    = [][2]string{{"Collective Security Treaty Organization", "CSTO"}, {"State Committee for National Security", "GKNB"}, {"Shanghai Cooperation Organisation", "SCO"}, {"Organization for Security and Co-operation in Europe", "OSCE"}, {"Eurasian Economic Union", "EAEU"}, {"Central Election Commission", "CEC"}}
	synPlaces  = []string{"Бишкек", "Ош", "Баткен", "Алматы", "Астана", "Джалал-Абад", "Нарын", "Каракол", "Талас", "Шымкент"}
	synRoles   = []string{"head of the security service", "the prime minister", "a senior official", "the governor", "an opposition leader", "a lawyer"}
)

// SyntheticStory builds n English and Russian news-like documents about a
// shared cast whose names vary by romanisation scheme, script, surname-only
// use and typing errors; the cast grows with n (20 + n/20 people), as it
// does in a real story that grows. Deterministic for a given n.
func SyntheticStory(n int) []*model.Annotated {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	castSize := min(len(synGiven)*len(synSurname), 20+n/20)
	type person struct{ given, surname string }
	cast := make([]person, castSize)
	for i := range cast {
		cast[i] = person{synGiven[i%len(synGiven)], synSurname[(i/len(synGiven)+i)%len(synSurname)]}
	}
	docs := make([]*model.Annotated, n)
	for d := 0; d < n; d++ {
		id := fmt.Sprintf("syn%05d", d)
		ru := d%5 == 4
		scheme := namematch.Schemes[rng.IntN(len(namematch.Schemes))]
		var b strings.Builder
		var ms []model.Mention
		mention := func(text string, t model.EntityType) {
			start := b.Len()
			b.WriteString(text)
			ms = append(ms, model.Mention{Span: model.Span{Doc: id, Start: start, End: b.Len(), Text: text}, Type: t})
		}
		spell := func(s string) string {
			if ru {
				return s
			}
			return namematch.Transliterate(s, namematch.Kyrgyz, scheme)
		}
		for s := 0; s < 6; s++ {
			p := cast[rng.IntN(castSize)]
			full := spell(p.given + " " + p.surname)
			if !ru && rng.IntN(20) == 0 && len(full) > 10 {
				full = full[:4] + full[5:] // a typing error
			}
			if !ru && rng.IntN(3) == 0 {
				b.WriteString(synRoles[rng.IntN(len(synRoles))] + " ")
			}
			mention(full, model.Person)
			if ru {
				b.WriteString(" заявил в понедельник, что переговоры в ")
			} else {
				b.WriteString(" said on Monday that talks in ")
			}
			mention(spell(synPlaces[rng.IntN(len(synPlaces))]), model.Place)
			org := synOrgs[rng.IntN(len(synOrgs))]
			if ru {
				b.WriteString(" продолжатся. ")
				mention(spell(p.surname), model.Person)
				b.WriteString(" добавил, что ")
				mention(org[1], model.Organization)
				b.WriteString(" поддерживает их.\n\n")
			} else {
				b.WriteString(" would go on with the ")
				mention(org[0], model.Organization)
				b.WriteString(" (")
				mention(org[1], model.Organization)
				b.WriteString("). ")
				mention(spell(p.surname), model.Person)
				b.WriteString(" added that the ")
				mention(org[1], model.Organization)
				b.WriteString(" had agreed, according to observers who asked not to be named.\n\n")
			}
		}
		lang := "en"
		if ru {
			lang = "ru"
		}
		docs[d] = &model.Annotated{Doc: &model.Document{ID: id, Text: b.String(), Language: model.Str(lang)}, Mentions: ms}
	}
	return docs
}

// ScalePoint is the cost of resolving one synthetic story.
type ScalePoint struct {
	Docs, Mentions, Entities int
	Bytes                    int
	// Elapsed is the CPU time the process spent (user + system), which on
	// a shared machine measures the work better than the wall clock; the
	// resolver runs on one goroutine, so it is time on one core (the
	// garbage collector's background work is included).
	Elapsed  time.Duration
	PeakHeap uint64
}

// Scale resolves synthetic stories of the given sizes on one goroutine and
// reports the time each took.
func Scale(ctx context.Context, sizes []int) ([]ScalePoint, error) {
	var out []ScalePoint
	for _, n := range sizes {
		docs := SyntheticStory(n)
		p := ScalePoint{Docs: n}
		for _, d := range docs {
			p.Mentions += len(d.Mentions)
			p.Bytes += len(d.Doc.Text)
		}
		runtime.GC()
		start := measure.CPUTime()
		ents, err := resolve.Entities(ctx, docs, resolve.Options{})
		if err != nil {
			return nil, err
		}
		p.Elapsed = measure.CPUTime() - start
		var heap measure.HeapPeak
		heap.Sample()
		p.PeakHeap = heap.Peak()
		p.Entities = len(ents)
		out = append(out, p)
	}
	return out, nil
}

func resolveEntities(docs []*model.Annotated) ([]model.Entity, error) {
	return resolve.Entities(context.Background(), docs, resolve.Options{})
}

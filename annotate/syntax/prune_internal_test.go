package syntax

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/measure"
)

// prune rebuilds w without weights below thr (experiment helper).
func prune(w *weights, thr float32) *weights {
	type row struct {
		key uint64
		e   []qEntry
	}
	var rows []row
	for _, sl := range w.slots {
		if sl.key == 0 {
			continue
		}
		var es []qEntry
		if w.inline() {
			for c, q := range []int16{int16(sl.start), int16(sl.start >> 16), int16(sl.end)} {
				if q != 0 {
					es = append(es, qEntry{uint16(c), q})
				}
			}
		} else {
			es = w.entries[sl.start:sl.end]
		}
		var kept []qEntry
		for _, e := range es {
			if float32(e.q)*w.step >= thr || float32(e.q)*w.step <= -thr {
				kept = append(kept, e)
			}
		}
		if len(kept) > 0 {
			rows = append(rows, row{sl.key, kept})
		}
	}
	m := newWeights(w.nClasses, len(rows), w.step)
	for _, r := range rows {
		start := len(m.entries)
		m.entries = append(m.entries, r.e...)
		m.insert(r.key, start, len(m.entries))
	}
	return m
}

func TestPruneExperiment(t *testing.T) {
	thrs := os.Getenv("PRUNE")
	if thrs == "" {
		t.Skip()
	}
	m, err := experimentModel()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadCoNLLUFile("../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	base := *m
	for _, f := range strings.Split(thrs, ",") {
		thr, _ := strconv.ParseFloat(f, 32)
		p := base
		p.tagger, p.moves, p.labels = prune(base.tagger, float32(thr)), prune(base.moves, float32(thr)), prune(base.labels, float32(thr))
		var n, upos, uas, las int
		var text strings.Builder
		for _, s := range dev {
			text.WriteString(s.Text + " ")
			forms := make([]string, len(s.Words))
			for i, w := range s.Words {
				forms[i] = w.Form
			}
			got := p.ParseWords(forms)
			for i, g := range s.Words {
				n++
				if got[i].UPOS == g.UPOS {
					upos++
				}
				if got[i].Head+1 == g.Head {
					uas++
					if strings.Split(got[i].Rel, ":")[0] == strings.Split(g.Rel, ":")[0] {
						las++
					}
				}
			}
		}
		tx := text.String()
		start := measure.CPUTime()
		p.ParseText(tx)
		el := measure.CPUTime() - start
		fmt.Printf("thr %.2f: features %d/%d/%d upos %.4f uas %.4f las %.4f  %.2f MB/s (cpu)\n", thr,
			len(p.tagger.slots), len(p.moves.slots), len(p.labels.slots),
			float64(upos)/float64(n), float64(uas)/float64(n), float64(las)/float64(n), float64(len(tx))/1e6/el.Seconds())
	}
}

func experimentModel() (*Model, error) {
	var m *Model
	var err error
	if path := os.Getenv("PRUNE_MODEL"); path != "" {
		f, _ := os.Open(path)
		zr, _ := gzip.NewReader(f)
		br := bufio.NewReader(zr)
		br.Discard(len(modelMagic))
		cl, _ := wordclusters.Load()
		m = &Model{clusters: cl, morph: &morphology{}}
		n, _ := readCount(br, 255)
		for i := 0; i < n; i++ {
			u, _ := readString(br)
			x, _ := readString(br)
			m.classes = append(m.classes, tagClass{u, x})
		}
		n, _ = readCount(br, 255)
		for i := 0; i < n; i++ {
			r, _ := readString(br)
			m.rels = append(m.rels, r)
		}
		m.tagger, _ = readWeights(br)
		m.moves, _ = readWeights(br)
		m.labels, err = readWeights(br)
	}
	return m, err
}

func BenchmarkExperiment(b *testing.B) {
	m, err := experimentModel()
	if err != nil {
		b.Fatal(err)
	}
	thr, _ := strconv.ParseFloat(os.Getenv("PRUNE"), 32)
	m.tagger, m.moves, m.labels = prune(m.tagger, float32(thr)), prune(m.moves, float32(thr)), prune(m.labels, float32(thr))
	dev, _ := ReadCoNLLUFile("../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")
	var text strings.Builder
	for _, s := range dev[:500] {
		text.WriteString(s.Text + " ")
	}
	tx := text.String()
	b.SetBytes(int64(len(tx)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.ParseText(tx)
	}
}

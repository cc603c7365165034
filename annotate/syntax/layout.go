package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/internal/modelfile"
)

// A model file holds, after its magic line, the tag classes, the relations,
// the tagger's, the move model's and the relation model's weight tables,
// and the morphology tables. modelFile is its contents with the weight
// tables in the form T a reader wants: lookup tables (*weights) to parse,
// or the rows as written (*quantisedWeights) to lay them out again.
type modelFile[T any] struct {
	classes               []tagClass
	rels                  []string
	tagger, moves, labels T
	morph                 *morphology
}

func readModelFile[T any](r io.Reader, readTable func(*bufio.Reader) (T, error), classCount func(T) int) (*modelFile[T], error) {
	br, err := modelfile.Open(r, modelMagic)
	if errors.Is(err, modelfile.ErrMagic) {
		return nil, fmt.Errorf("%w: not a syntax model of this version", ErrBadModel)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	f := &modelFile[T]{}
	n, err := readCount(br, 255)
	if err != nil {
		return nil, fmt.Errorf("%w: tags: %v", ErrBadModel, err)
	}
	for i := 0; i < n; i++ {
		u, err1 := readString(br)
		x, err2 := readString(br)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("%w: tag %d: %v", ErrBadModel, i, err)
		}
		f.classes = append(f.classes, tagClass{u, x})
	}
	if n, err = readCount(br, 255); err != nil {
		return nil, fmt.Errorf("%w: relations: %v", ErrBadModel, err)
	}
	for i := 0; i < n; i++ {
		s, err := readString(br)
		if err != nil {
			return nil, fmt.Errorf("%w: relation %d: %v", ErrBadModel, i, err)
		}
		f.rels = append(f.rels, s)
	}
	if f.tagger, err = readTable(br); err != nil {
		return nil, fmt.Errorf("%w: tagger: %v", ErrBadModel, err)
	}
	if f.moves, err = readTable(br); err != nil {
		return nil, fmt.Errorf("%w: parser moves: %v", ErrBadModel, err)
	}
	if f.labels, err = readTable(br); err != nil {
		return nil, fmt.Errorf("%w: parser relations: %v", ErrBadModel, err)
	}
	if classCount(f.tagger) != len(f.classes) || classCount(f.moves) != 3 || classCount(f.labels) != len(f.rels) {
		return nil, fmt.Errorf("%w: class counts do not match", ErrBadModel)
	}
	if f.morph, err = readMorphology(br); err != nil {
		return nil, fmt.Errorf("%w: morphology: %v", ErrBadModel, err)
	}
	return f, nil
}

func (f *modelFile[T]) write(w io.Writer, writeTable func(T, *bufio.Writer)) error {
	mw, err := modelfile.Create(w, modelMagic)
	if err != nil {
		return err
	}
	bw := mw.Writer
	putUvarint(bw, uint64(len(f.classes)))
	for _, c := range f.classes {
		putString(bw, c.upos)
		putString(bw, c.xpos)
	}
	putUvarint(bw, uint64(len(f.rels)))
	for _, r := range f.rels {
		putString(bw, r)
	}
	writeTable(f.tagger, bw)
	writeTable(f.moves, bw)
	writeTable(f.labels, bw)
	f.morph.write(bw)
	return mw.Close()
}

// lookupTable builds the lookup tables of rows as written.
func (q *quantisedWeights) lookupTable() *weights {
	hot := 0
	for _, r := range q.rows {
		if r.hot {
			hot++
		}
	}
	m := newWeights(q.nClasses, hot, len(q.rows)-hot, float32(q.step))
	for _, r := range q.rows {
		m.insert(r.hash, r.row, r.hot)
	}
	return m
}

// The hot tables' sizes: the most-read rows, up to these counts, go to the
// small tables looked up first. On the training sentences the 2^17 hot
// move rows take 77 % of the move model's reads (all of its 1.5 million
// rows: 83 %; the rest are features it does not hold), the 2^15 hot
// tagger and relation rows 85–86 % (all: 90 %).
const (
	hotTaggerRows = 1 << 15
	hotMoveRows   = 1 << 17
	hotLabelRows  = 1 << 15
)

// markHot marks the rows that tagging and parsing sents read most as hot,
// replacing earlier marks. Ties go to the lower hash, so the marks depend
// only on the model and the sentences.
func markHot(f *modelFile[*quantisedWeights], sents []TreeSentence, cl *wordclusters.Clusters) {
	tables := [3]*quantisedWeights{f.tagger, f.moves, f.labels}
	m := &Model{classes: f.classes, rels: f.rels, morph: f.morph, clusters: cl}
	for _, q := range tables {
		for i := range q.rows {
			q.rows[i].hot = false
		}
	}
	m.tagger, m.moves, m.labels = f.tagger.lookupTable(), f.moves.lookupTable(), f.labels.lookupTable()
	m.types = newWordTypes(m.tagger, cl)
	counted := [3]*weights{m.tagger, m.moves, m.labels}
	for _, w := range counted {
		w.reads = map[uint64]int32{}
	}
	forms := []string{}
	for _, s := range sents {
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		m.ParseWords(forms)
	}
	for k, q := range tables {
		reads := counted[k].reads
		order := make([]int, 0, len(q.rows))
		for i, r := range q.rows {
			if reads[r.hash] > 0 {
				order = append(order, i)
			}
		}
		sort.Slice(order, func(a, b int) bool {
			ra, rb := reads[q.rows[order[a]].hash], reads[q.rows[order[b]].hash]
			if ra != rb {
				return ra > rb
			}
			return q.rows[order[a]].hash < q.rows[order[b]].hash
		})
		limit := [3]int{hotTaggerRows, hotMoveRows, hotLabelRows}[k]
		for _, i := range order[:min(limit, len(order))] {
			q.rows[i].hot = true
		}
	}
}

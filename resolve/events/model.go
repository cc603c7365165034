package events

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"sort"
)

// The shipped model, trained on ECB+ by "parallax train events".
//
//go:embed model.bin.gz
var embeddedModel []byte

// trainedModel is everything training learns.
type trainedModel struct {
	// Trigger is the trigger tagger's weights.
	Trigger triggerWeights
	// Pair is the logistic pair model's weights, in feature order.
	Pair []float64
	// Table is the lemma-pair log-odds table.
	Table lemmaTable
	// Threshold is the clustering threshold chosen on ECB+ dev topics.
	Threshold float64
	// Window is the number of block neighbours each mention is paired with.
	Window int
	// partners lists, per lemma, the lemmas the table pairs it with
	// (derived on load).
	partners map[string][]string
}

func (m *trainedModel) write(w io.Writer) error {
	zw := gzip.NewWriter(w)
	if err := gob.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("events: encode model: %w", err)
	}
	return zw.Close()
}

func readModel(data []byte) (*trainedModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("events: model: %w", err)
	}
	m := &trainedModel{}
	if err := gob.NewDecoder(zr).Decode(m); err != nil {
		return nil, fmt.Errorf("events: model: %w", err)
	}
	if len(m.Pair) != numFeatures {
		return nil, fmt.Errorf("events: model has %d pair weights, want %d (retrain with \"parallax train events\")", len(m.Pair), numFeatures)
	}
	m.index()
	return m, nil
}

// index derives the partner lists from the table: only pairs that corefer
// more often than not make blocks of their own.
func (m *trainedModel) index() {
	m.partners = map[string][]string{}
	for k, v := range m.Table {
		a, b, _ := cut(k)
		if a == b || v <= 0 {
			continue
		}
		m.partners[a] = append(m.partners[a], b)
		m.partners[b] = append(m.partners[b], a)
	}
	for _, ps := range m.partners {
		sort.Strings(ps)
	}
}

func cut(k string) (string, string, bool) {
	for i := 0; i < len(k); i++ {
		if k[i] == '|' {
			return k[:i], k[i+1:], true
		}
	}
	return k, "", false
}

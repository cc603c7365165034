package events

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"slices"
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

// modelFile is the serialised model: maps become sorted lists, so the
// same training gives the same bytes.
type modelFile struct {
	TriggerKeys    []uint64
	TriggerWeights [][numTags]float32
	Pair           []float64
	TablePairs     []string
	TableLogOdds   []float32
	Threshold      float64
	Window         int
}

func (m *trainedModel) write(w io.Writer) error {
	f := modelFile{Pair: m.Pair, Threshold: m.Threshold, Window: m.Window}
	for k := range m.Trigger {
		f.TriggerKeys = append(f.TriggerKeys, k)
	}
	slices.Sort(f.TriggerKeys)
	for _, k := range f.TriggerKeys {
		f.TriggerWeights = append(f.TriggerWeights, m.Trigger[k])
	}
	for k := range m.Table {
		f.TablePairs = append(f.TablePairs, k)
	}
	slices.Sort(f.TablePairs)
	for _, k := range f.TablePairs {
		f.TableLogOdds = append(f.TableLogOdds, m.Table[k])
	}
	zw := gzip.NewWriter(w)
	if err := gob.NewEncoder(zw).Encode(f); err != nil {
		return fmt.Errorf("events: encode model: %w", err)
	}
	return zw.Close()
}

func readModel(data []byte) (*trainedModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("events: model: %w", err)
	}
	var f modelFile
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("events: model: %w", err)
	}
	if len(f.TriggerKeys) != len(f.TriggerWeights) || len(f.TablePairs) != len(f.TableLogOdds) {
		return nil, fmt.Errorf("events: model: lists of unequal length")
	}
	m := &trainedModel{Trigger: make(triggerWeights, len(f.TriggerKeys)), Pair: f.Pair, Table: make(lemmaTable, len(f.TablePairs)),
		Threshold: f.Threshold, Window: f.Window}
	for i, k := range f.TriggerKeys {
		m.Trigger[k] = f.TriggerWeights[i]
	}
	for i, k := range f.TablePairs {
		m.Table[k] = f.TableLogOdds[i]
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

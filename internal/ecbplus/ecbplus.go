// Package ecbplus reads the ECB+ corpus (Cybulska & Vossen 2014): news
// articles tokenised and annotated in the CAT/CROMER XML format with event and
// entity mentions and their within- and cross-document coreference chains.
//
// In: one document's XML (ReadFile, Read), a corpus folder (ReadTopics) and
// the list of sentences checked for coreference
// (ReadSentenceFilter, for ECBplus_coreference_sentences.csv). Out: Documents
// with tokens, sentences and Mentions; each mention carries its annotation
// tag (HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE, …) and its gold chain.
//
// Gold chains follow the corpus conventions: a CROSS_DOC_COREF relation links
// mentions to an instance whose instance_id names the chain across all
// documents of a topic; an INTRA_DOC_COREF relation builds a chain inside one
// document; a mention in no relation is a singleton (Chain is empty). When a
// mention is linked to an instance whose tag differs, the instance's tag wins,
// as the corpus README prescribes.
package ecbplus

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// Token is one token of a document as the corpus gives it.
type Token struct {
	ID       int    // t_id, unique within the document, from 1
	Sentence int    // sentence number as in the corpus (the title is 0)
	Number   int    // position within the sentence
	Text     string // the token's text
}

// Mention is one annotated mention: a markable anchored to tokens.
type Mention struct {
	ID     string // m_id, unique within the document
	Tag    string // annotation tag, e.g. "HUMAN_PART_PER"
	Tokens []int  // t_ids in document order
	// Chain is the gold coreference chain: "ECB:<instance_id>" for a
	// cross-document chain, "INTRA:<doc>:<r_id>" for a within-document one,
	// or "" for a singleton.
	Chain string
}

// Document is one ECB+ article.
type Document struct {
	Name     string // file name without ".xml", e.g. "36_1ecbplus"
	Topic    int    // 36
	Subtopic string // "ecb" or "ecbplus": the two seminal events of a topic
	Tokens   []Token
	Mentions []Mention
}

// IsEntityTag reports whether tag marks an entity participant or location:
// HUMAN_PART*, NON_HUMAN_PART* or LOC_*.
func IsEntityTag(tag string) bool {
	return strings.HasPrefix(tag, "HUMAN_PART") || strings.HasPrefix(tag, "NON_HUMAN_PART") || strings.HasPrefix(tag, "LOC_")
}

// IsEventTag reports whether tag marks an event (ACTION_* or NEG_ACTION_*).
func IsEventTag(tag string) bool {
	return strings.HasPrefix(tag, "ACTION_") || strings.HasPrefix(tag, "NEG_ACTION_")
}

// ReadFile reads one document.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	defer f.Close()
	d, err := Read(f, strings.TrimSuffix(filepath.Base(path), ".xml"))
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %s: %w", path, err)
	}
	return d, nil
}

// Read parses one document's XML; name is its file name without ".xml"
// ("36_1ecbplus"), from which the topic and sub-topic are taken.
func Read(r io.Reader, name string) (*Document, error) {
	d := &Document{Name: name}
	topic, rest, ok := strings.Cut(name, "_")
	if !ok {
		return nil, fmt.Errorf("document name %q: want <topic>_<n>ecb[plus]", name)
	}
	t, err := strconv.Atoi(topic)
	if err != nil {
		return nil, fmt.Errorf("document name %q: topic: %w", name, err)
	}
	d.Topic = t
	if strings.HasSuffix(rest, "ecbplus") {
		d.Subtopic = "ecbplus"
	} else {
		d.Subtopic = "ecb"
	}

	type markable struct {
		tag      string
		tokens   []int
		instance string // instance_id of a cross-document instance
	}
	marks := make(map[string]*markable)
	var order []string
	relations := map[string][]string{} // chain id -> source m_ids
	relTarget := map[string]string{}   // chain id -> target m_id

	dec := xml.NewDecoder(r)
	var (
		inMarkables, inRelations bool
		cur                      *markable
		curRel                   string
		tokText                  *strings.Builder
		tok                      Token
	)
	for {
		tk, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse xml: %w", err)
		}
		switch e := tk.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range e.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case e.Name.Local == "Markables":
				inMarkables = true
			case e.Name.Local == "Relations":
				inRelations = true
			case e.Name.Local == "token" && !inMarkables:
				id, err1 := strconv.Atoi(attr("t_id"))
				s, err2 := strconv.Atoi(attr("sentence"))
				n, err3 := strconv.Atoi(attr("number"))
				if err := errors.Join(err1, err2, err3); err != nil {
					return nil, fmt.Errorf("token attributes: %w", err)
				}
				tok = Token{ID: id, Sentence: s, Number: n}
				tokText = &strings.Builder{}
			case inMarkables && e.Name.Local == "token_anchor":
				if cur != nil {
					id, err := strconv.Atoi(attr("t_id"))
					if err != nil {
						return nil, fmt.Errorf("token_anchor: %w", err)
					}
					cur.tokens = append(cur.tokens, id)
				}
			case inMarkables:
				id := attr("m_id")
				if id == "" {
					continue
				}
				cur = &markable{tag: e.Name.Local, instance: attr("instance_id")}
				if _, dup := marks[id]; !dup {
					order = append(order, id)
				}
				marks[id] = cur
			case inRelations && (e.Name.Local == "CROSS_DOC_COREF" || e.Name.Local == "INTRA_DOC_COREF"):
				curRel = e.Name.Local + ":" + attr("r_id")
			case inRelations && e.Name.Local == "source" && curRel != "":
				relations[curRel] = append(relations[curRel], attr("m_id"))
			case inRelations && e.Name.Local == "target" && curRel != "":
				relTarget[curRel] = attr("m_id")
			}
		case xml.CharData:
			if tokText != nil {
				tokText.Write(e)
			}
		case xml.EndElement:
			switch {
			case e.Name.Local == "token" && tokText != nil:
				tok.Text = strings.TrimSpace(tokText.String())
				d.Tokens = append(d.Tokens, tok)
				tokText = nil
			case e.Name.Local == "Markables":
				inMarkables = false
			case e.Name.Local == "Relations":
				inRelations = false
			case inMarkables && e.Name.Local != "token_anchor":
				cur = nil
			case inRelations && (e.Name.Local == "CROSS_DOC_COREF" || e.Name.Local == "INTRA_DOC_COREF"):
				curRel = ""
			}
		}
	}

	chainOf := map[string]string{}
	tagOf := map[string]string{}
	relIDs := make([]string, 0, len(relations))
	for id := range relations {
		relIDs = append(relIDs, id)
	}
	sort.Strings(relIDs)
	for _, rel := range relIDs {
		target := marks[relTarget[rel]]
		var chain string
		switch {
		case strings.HasPrefix(rel, "CROSS_DOC_COREF") && target != nil && target.instance != "":
			chain = "ECB:" + target.instance
		default:
			chain = "INTRA:" + name + ":" + strings.TrimPrefix(strings.TrimPrefix(rel, "INTRA_DOC_COREF:"), "CROSS_DOC_COREF:")
		}
		for _, src := range relations[rel] {
			chainOf[src] = chain
			if target != nil {
				tagOf[src] = target.tag
			}
		}
	}
	for _, id := range order {
		m := marks[id]
		if len(m.tokens) == 0 {
			continue // an instance or an empty markable, not a mention
		}
		tag := m.tag
		if t, ok := tagOf[id]; ok && t != "" {
			tag = t
		}
		toks := append([]int(nil), m.tokens...)
		sort.Ints(toks)
		d.Mentions = append(d.Mentions, Mention{ID: id, Tag: tag, Tokens: toks, Chain: chainOf[id]})
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Tokens[0] < d.Mentions[j].Tokens[0] })
	return d, nil
}

// ReadTopics reads every document of the given topics under dir (the
// corpus's docs folder, holding one folder per topic), in name order; nil
// topics means every topic folder there.
func ReadTopics(dir string, topics []int) ([]*Document, error) {
	if topics == nil {
		var err error
		if topics, err = Topics(dir); err != nil {
			return nil, err
		}
	}
	var docs []*Document
	for _, t := range topics {
		paths, err := filepath.Glob(filepath.Join(dir, strconv.Itoa(t), "*.xml"))
		if err != nil {
			return nil, fmt.Errorf("ecbplus: topic %d: %w", t, err)
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("ecbplus: topic %d: no documents under %s", t, dir)
		}
		sort.Strings(paths)
		for _, p := range paths {
			d, err := ReadFile(p)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// Topics lists the topic numbers of the folders under dir, in order.
func Topics(dir string) ([]int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	var topics []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			topics = append(topics, n)
		}
	}
	sort.Ints(topics)
	return topics, nil
}

// Split topics as used in the literature (Cybulska & Vossen 2015; Barhom et
// al. 2019; Held et al. 2021).
var (
	TrainTopics = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 20, 21, 22}
	DevTopics   = []int{23, 24, 25}
	TestTopics  = []int{36, 37, 38, 39, 40, 41, 42, 43, 44, 45}
)

// SentenceFilter says which sentences of which documents were checked for
// coreference: document name → sentence numbers.
type SentenceFilter map[string]map[int]bool

// Has reports whether sentence s of document doc is in the filter.
func (f SentenceFilter) Has(doc string, s int) bool { return f[doc][s] }

// ReadSentenceFilter reads ECBplus_coreference_sentences.csv (columns Topic,
// File, Sentence Number; File is e.g. "1ecbplus").
func ReadSentenceFilter(path string) (SentenceFilter, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %s: %w", path, err)
	}
	sf := SentenceFilter{}
	for i, row := range rows {
		if i == 0 || len(row) < 3 {
			continue
		}
		s, err := strconv.Atoi(strings.TrimSpace(row[2]))
		if err != nil {
			return nil, fmt.Errorf("ecbplus: %s line %d: %w", path, i+1, err)
		}
		name := strings.TrimSpace(row[0]) + "_" + strings.TrimSpace(row[1])
		if sf[name] == nil {
			sf[name] = map[int]bool{}
		}
		sf[name][s] = true
	}
	return sf, nil
}

// Text joins the document's tokens with single spaces and a blank line
// between sentences. It returns the text, the byte range of each token
// (indexed like d.Tokens) and the byte range of each sentence in order.
func (d *Document) Text() (string, []model.Range, []model.Range) { return d.Join(nil) }

// Join is Text with no space before token i (i > 0, within a sentence)
// where glue(i) says so; a nil glue puts a space everywhere.
func (d *Document) Join(glue func(i int) bool) (string, []model.Range, []model.Range) {
	var b strings.Builder
	spans := make([]model.Range, len(d.Tokens))
	var sents []model.Range
	for i, t := range d.Tokens {
		switch {
		case i == 0:
		case t.Sentence != d.Tokens[i-1].Sentence:
			sents[len(sents)-1].End = b.Len()
			b.WriteString("\n\n")
		case glue != nil && glue(i):
		default:
			b.WriteByte(' ')
		}
		if i == 0 || t.Sentence != d.Tokens[i-1].Sentence {
			sents = append(sents, model.Range{Start: b.Len()})
		}
		spans[i] = model.Range{Start: b.Len(), End: b.Len() + len(t.Text)}
		b.WriteString(t.Text)
	}
	if len(sents) > 0 {
		sents[len(sents)-1].End = b.Len()
	}
	return b.String(), spans, sents
}

// TokenIndex maps t_id to the token's index in d.Tokens.
func (d *Document) TokenIndex() map[int]int {
	m := make(map[int]int, len(d.Tokens))
	for i, t := range d.Tokens {
		m[t.ID] = i
	}
	return m
}

// Detokenized is Join with the spacing of running text: no space before
// closing punctuation, "'s" and "n't", after "(" and "$", or inside numbers
// written with separators ("08 / 02 / 2013", "1 : 30", "2 . 6"), so dates
// and amounts read as an article writes them.
func (d *Document) Detokenized() (string, []model.Range, []model.Range) {
	isNum := func(s string) bool {
		if s == "" {
			return false
		}
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return d.Join(func(i int) bool {
		prev, cur := d.Tokens[i-1].Text, d.Tokens[i].Text
		switch cur {
		case ",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%":
			return true
		}
		if prev == "(" || prev == "$" {
			return true
		}
		if (prev == "/" || prev == "-" || prev == ":" || prev == ".") && isNum(cur) && i >= 2 && isNum(d.Tokens[i-2].Text) {
			return true
		}
		return (cur == "/" || cur == "-") && isNum(prev) && i+1 < len(d.Tokens) && isNum(d.Tokens[i+1].Text)
	})
}

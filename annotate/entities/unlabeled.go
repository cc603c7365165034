package entities

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
)

const ecbDir = "corpora/ecbplus/docs"

// UnlabeledText returns the tokenised English sentences under shared that
// word clusters are learnt from: ECB+ news articles, UNER EWT train and
// dev, GUM minus its test documents, wikigold and re3d. The evaluation
// sets (UNER EWT test, GUM test) are left out, so the clusters have never
// seen the text the tagger is measured on.
func UnlabeledText(shared string, g *gazetteer.Gazetteer) ([][]string, error) {
	var out [][]string
	add := func(docs []CorpusDoc) {
		for _, d := range docs {
			for _, s := range d.Sentences {
				out = append(out, s.Words)
			}
		}
	}
	ecb, err := ReadECBText(shared)
	if err != nil {
		return nil, err
	}
	out = append(out, ecb...)
	for _, split := range []string{"train", "dev"} {
		docs, err := ReadUNER(shared, split, g)
		if err != nil {
			return nil, err
		}
		add(docs)
	}
	for _, split := range []GUMSplit{GUMTrain, GUMDev} {
		docs, err := ReadGUM(shared, split)
		if err != nil {
			return nil, err
		}
		add(docs)
	}
	wg, err := ReadWikigold(shared, g)
	if err != nil {
		return nil, err
	}
	add(wg)
	re3d, err := ReadRe3d(shared)
	if err != nil {
		return nil, err
	}
	add(re3d)
	return out, nil
}

var ecbTokenRe = regexp.MustCompile(`<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>`)

// ReadECBText reads the tokens of every ECB+ article, sentence by
// sentence, in file-name order.
func ReadECBText(shared string) ([][]string, error) {
	files, err := filepath.Glob(filepath.Join(shared, ecbDir, "*", "*.xml"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read ECB+ text: no files under %s", filepath.Join(shared, ecbDir))
	}
	sort.Strings(files)
	var out [][]string
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read ECB+ text: %w", err)
		}
		cur, sent := []string(nil), -1
		for _, m := range ecbTokenRe.FindAllSubmatch(b, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n != sent && len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			sent = n
			if w := html.UnescapeString(string(m[2])); w != "" {
				cur = append(cur, w)
			}
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
	}
	return out, nil
}

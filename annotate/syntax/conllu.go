package syntax

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/gum"
)

// TreeWord is one syntactic word of a treebank sentence, as CoNLL-U gives it.
type TreeWord struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 1-based; 0 is the root
	Rel                            string
	// SpaceAfter is false when the MISC column says SpaceAfter=No.
	SpaceAfter bool
	// Token is the surface token a multiword token ("don't" → do, n't)
	// spans, the same for each of its words; "" for ordinary words.
	Token string
	// TokenFirst/TokenLast mark the first and last word of a multiword token.
	TokenFirst, TokenLast bool
}

// TreeSentence is one treebank sentence.
type TreeSentence struct {
	ID    string
	Text  string // the "# text =" comment
	Words []TreeWord
	// NewDoc and NewPar say the sentence starts a document or paragraph.
	NewDoc, NewPar bool
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. Empty nodes (enhanced
// dependencies) are skipped; multiword tokens are kept on their words.
func ReadCoNLLU(r io.Reader, name string) ([]TreeSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []TreeSentence
	var cur TreeSentence
	mwtEnd, mwtForm, mwtStart := 0, "", 0
	mwtSpace := true
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = TreeSentence{}
		mwtStart, mwtEnd, mwtForm = 0, 0, ""
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			flush()
			continue
		case strings.HasPrefix(l, "#"):
			switch {
			case strings.HasPrefix(l, "# sent_id = "):
				cur.ID = strings.TrimPrefix(l, "# sent_id = ")
			case strings.HasPrefix(l, "# text = "):
				cur.Text = strings.TrimPrefix(l, "# text = ")
			case strings.HasPrefix(l, "# newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(l, "# newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(cols))
		}
		if strings.Contains(cols[0], ".") {
			continue
		}
		if a, b, ok := strings.Cut(cols[0], "-"); ok {
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || e < s {
				return nil, fmt.Errorf("%s:%d: bad token range %q", name, line, cols[0])
			}
			mwtStart, mwtEnd, mwtForm = s, e, cols[1]
			mwtSpace = !strings.Contains(cols[9], "SpaceAfter=No")
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q out of order", name, line, cols[0])
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: head %q: %w", name, line, cols[6], err)
		}
		w := TreeWord{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5], Head: head, Rel: cols[7],
			SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")}
		if id <= mwtEnd {
			w.Token = mwtForm
			w.TokenFirst = id == mwtStart
			w.TokenLast = id == mwtEnd
			w.SpaceAfter = id == mwtEnd && mwtSpace
		}
		if w.XPOS == "_" {
			w.XPOS = w.UPOS
		}
		cur.Words = append(cur.Words, w)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i, s := range out {
		for j, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) {
				return nil, fmt.Errorf("%s: sentence %d word %d: head %d out of range", name, i+1, j+1, w.Head)
			}
		}
	}
	return out, nil
}

// ReadCoNLLUFile reads one CoNLL-U file.
func ReadCoNLLUFile(path string) ([]TreeSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCoNLLU(f, path)
}

// Treebank names the parts of the shared corpora the model is trained and
// evaluated on.
type Treebank struct {
	Train, EWTDev, EWTTest, GUMTest []TreeSentence
	// GUMTestDocs holds the held-out GUM documents one by one, for the
	// raw-text evaluation, which needs document text.
	GUMTestDocs [][]TreeSentence
	EWTTestDocs [][]TreeSentence
}

// EWT and GUM paths under the shared folder.
const (
	ewtDir = "corpora/ud-en/ewt"
)

// LoadTreebank reads EWT (train, dev, test) and GUM from shared. GUM's
// official test documents are held out for evaluation; its train and dev
// documents join EWT train.
func LoadTreebank(shared string) (*Treebank, error) {
	tb := &Treebank{}
	var err error
	read := func(name string) []TreeSentence {
		if err != nil {
			return nil
		}
		var s []TreeSentence
		s, err = ReadCoNLLUFile(filepath.Join(shared, ewtDir, name))
		return s
	}
	tb.Train = read("en_ewt-ud-train.conllu")
	tb.EWTDev = read("en_ewt-ud-dev.conllu")
	tb.EWTTest = read("en_ewt-ud-test.conllu")
	if err != nil {
		return nil, fmt.Errorf("read EWT: %w", err)
	}
	tb.EWTTestDocs = splitDocs(tb.EWTTest)
	splits, err := gum.Splits(shared)
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(shared, gum.Dir, "*.conllu"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read GUM: no files under %s", filepath.Join(shared, gum.Dir))
	}
	sort.Strings(files)
	for _, f := range files {
		s, err := ReadCoNLLUFile(f)
		if err != nil {
			return nil, fmt.Errorf("read GUM: %w", err)
		}
		if splits[strings.TrimSuffix(filepath.Base(f), ".conllu")] == "test" {
			tb.GUMTest = append(tb.GUMTest, s...)
			tb.GUMTestDocs = append(tb.GUMTestDocs, s)
		} else {
			tb.Train = append(tb.Train, s...)
		}
	}
	return tb, nil
}

func splitDocs(ss []TreeSentence) [][]TreeSentence {
	var out [][]TreeSentence
	for i, s := range ss {
		if i == 0 || s.NewDoc {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

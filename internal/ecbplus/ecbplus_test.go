package ecbplus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/ecbplus"
)

const sample = `<Document doc_name="9_1ecb.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Reid</token>
<token t_id="2" sentence="0" number="1">enters</token>
<token t_id="3" sentence="0" number="2">rehab</token>
<token t_id="4" sentence="1" number="0">Tara</token>
<token t_id="5" sentence="1" number="1">Reid</token>
<token t_id="6" sentence="1" number="2">said</token>
<token t_id="7" sentence="1" number="3">she</token>
<token t_id="8" sentence="1" number="4">&amp;</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="1"/>
</HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"  >
  <token_anchor t_id="5"/>
  <token_anchor t_id="4"/>
</HUMAN_PART_PER>
<NON_HUMAN_PART m_id="3"  >
  <token_anchor t_id="7"/>
</NON_HUMAN_PART>
<LOC_FAC m_id="4"  >
  <token_anchor t_id="3"/>
</LOC_FAC>
<HUMAN_PART_PER m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t9_reid" instance_id="HUM1" />
<HUMAN_PART_PER m_id="11" RELATED_TO="" TAG_DESCRIPTOR="she_chain" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="5" note="HUM1" >
  <source m_id="1" />
  <source m_id="2" />
  <target m_id="10" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="6" >
  <source m_id="3" />
  <target m_id="11" />
</INTRA_DOC_COREF>
</Relations>
</Document>`

func TestRead(t *testing.T) {
	d, err := ecbplus.Read(strings.NewReader(sample), "9_1ecb")
	if err != nil {
		t.Fatal(err)
	}
	if d.Topic != 9 || d.Subtopic != "ecb" {
		t.Errorf("topic %d/%s", d.Topic, d.Subtopic)
	}
	if len(d.Tokens) != 8 || d.Tokens[7].Text != "&" {
		t.Fatalf("tokens: %+v", d.Tokens)
	}
	if len(d.Mentions) != 4 {
		t.Fatalf("mentions: %+v", d.Mentions)
	}
	byID := map[string]ecbplus.Mention{}
	for _, m := range d.Mentions {
		byID[m.ID] = m
	}
	if got := byID["1"].Chain; got != "ECB:HUM1" {
		t.Errorf("chain of m1 = %q", got)
	}
	if got := byID["2"].Tokens; len(got) != 2 || got[0] != 4 || got[1] != 5 {
		t.Errorf("tokens of m2 = %v, want sorted [4 5]", got)
	}
	// Linked to a HUMAN_PART_PER instance: the instance's tag wins.
	if got := byID["3"]; got.Tag != "HUMAN_PART_PER" || got.Chain != "INTRA:9_1ecb:6" {
		t.Errorf("m3 = %+v", got)
	}
	if got := byID["4"]; got.Chain != "" || !ecbplus.IsEntityTag(got.Tag) {
		t.Errorf("m4 = %+v", got)
	}

	text, toks, sents := d.Text()
	if text != "Reid enters rehab\n\nTara Reid said she &" {
		t.Errorf("text = %q", text)
	}
	for i, r := range toks {
		if text[r.Start:r.End] != d.Tokens[i].Text {
			t.Errorf("token %d span %v = %q", i, r, text[r.Start:r.End])
		}
	}
	if len(sents) != 2 || text[sents[1].Start:sents[1].End] != "Tara Reid said she &" {
		t.Errorf("sentences %v", sents)
	}
}

func TestReadBadInput(t *testing.T) {
	if _, err := ecbplus.Read(strings.NewReader("<Document><token t_id='x'"), "1_1ecb"); err == nil {
		t.Error("want error for broken XML")
	}
	if _, err := ecbplus.Read(strings.NewReader(sample), "noname"); err == nil {
		t.Error("want error for a name without topic")
	}
}

func TestSentenceFilter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.csv")
	if err := os.WriteFile(p, []byte("Topic,File,Sentence Number\n36,1ecbplus,3\n36,1ecb,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := ecbplus.ReadSentenceFilter(p)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Has("36_1ecbplus", 3) || !f.Has("36_1ecb", 0) || f.Has("36_1ecb", 3) {
		t.Errorf("filter %v", f)
	}
}

// TestCorpusTopic reads one real topic when the shared corpus is present.
func TestCorpusTopic(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus", "docs")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("ECB+ corpus not present")
	}
	docs, err := ecbplus.ReadTopics(dir, []int{36})
	if err != nil {
		t.Fatal(err)
	}
	var ents, chained int
	for _, d := range docs {
		for _, m := range d.Mentions {
			if ecbplus.IsEntityTag(m.Tag) {
				ents++
				if strings.HasPrefix(m.Chain, "ECB:") {
					chained++
				}
			}
		}
	}
	if len(docs) < 10 || ents < 100 || chained < ents/2 {
		t.Errorf("topic 36: %d docs, %d entity mentions, %d in cross-document chains", len(docs), ents, chained)
	}
}

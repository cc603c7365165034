package quotes_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quotes"
	"github.com/parallaxnews/parallax/model"
)

// extract runs the extractor on text and checks every offset by slicing.
func extract(t *testing.T, text string, ms []model.Mention, tx []model.Timex, ref string) []model.Quote {
	t.Helper()
	doc := &model.Document{ID: "doc1", Text: text}
	qs := quotes.Extract(doc, nil, ms, tx, model.Reference{Date: ref})
	for _, q := range qs {
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %q: offsets [%d,%d) slice to %q", q.Text, q.Start, q.End, text[q.Start:q.End])
		}
		if q.SpeakerSpan != nil && text[q.SpeakerSpan.Start:q.SpeakerSpan.End] != q.SpeakerSpan.Text {
			t.Fatalf("speaker span %q does not slice", q.SpeakerSpan.Text)
		}
		if q.SpeakerSpan != nil && q.SpeakerText != q.SpeakerSpan.Text {
			t.Fatalf("speaker text %q differs from its span %q", q.SpeakerText, q.SpeakerSpan.Text)
		}
		if q.SpeakerRef != nil && text[q.SpeakerRef.Start:q.SpeakerRef.End] != q.SpeakerRef.Text {
			t.Fatalf("speaker ref %q does not slice", q.SpeakerRef.Text)
		}
		if q.Speaker != nil {
			t.Fatalf("Speaker must stay nil for resolution, got %q", *q.Speaker)
		}
		if q.Doc != "doc1" || q.ID == "" {
			t.Fatalf("quote %q: doc %q id %q", q.Text, q.Doc, q.ID)
		}
	}
	return qs
}

// find returns the quote whose text starts with prefix.
func find(t *testing.T, qs []model.Quote, prefix string) model.Quote {
	t.Helper()
	for _, q := range qs {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.Text)
	}
	t.Fatalf("no quote starting %q; got %q", prefix, got)
	return model.Quote{}
}

func refText(q model.Quote) string {
	if q.SpeakerRef == nil {
		return ""
	}
	return q.SpeakerRef.Text
}

func mention(text, name string, typ model.EntityType, role string) []model.Mention {
	var ms []model.Mention
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return ms
		}
		s := off + i
		ms = append(ms, model.Mention{Span: model.SpanOf("doc1", text, s, s+len(name)), Type: typ, Role: role})
		off = s + len(name)
	}
}

func TestDirectQuoteWithName(t *testing.T) {
	text := `"We will not stop until the prices come down," said Zhanna Kuanysheva, an activist in Aktau.`
	qs := extract(t, text, nil, nil, "2022-01-05")
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
	}
	q := qs[0]
	if got, want := q.Text, "We will not stop until the prices come down"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if !q.Direct || q.Cue != "said" || refText(q) != "Zhanna Kuanysheva" {
		t.Errorf("direct %v cue %q ref %q", q.Direct, q.Cue, refText(q))
	}
	if q.Date == nil || *q.Date != "2022-01-05" {
		t.Errorf("date %v, want the document date", q.Date)
	}
}

func TestPronounSpeakerRespectsGender(t *testing.T) {
	text := "Aliya Nurpeisova met her brother Timur Nurpeisov in the courtroom on Friday.\n\n" +
		"“I barely recognised him,” she said. “He has lost so much weight.”"
	qs := extract(t, text, nil, nil, "")
	for _, prefix := range []string{"I barely", "He has lost"} {
		q := find(t, qs, prefix)
		if got := refText(q); got != "Aliya Nurpeisova" {
			t.Errorf("%q: speaker ref %q, want Aliya Nurpeisova", prefix, got)
		}
	}
	if q := find(t, qs, "I barely"); q.SpeakerText != "she" {
		t.Errorf("speaker text %q, want she", q.SpeakerText)
	}
}

func TestAmbiguousPronounLeftEmpty(t *testing.T) {
	text := `Daniyar Abenov met Yerbol Sultanov at the ministry on Monday. "We agreed on nothing," he said afterwards.`
	q := find(t, extract(t, text, nil, nil, ""), "We agreed")
	if q.SpeakerRef != nil {
		t.Errorf("ambiguous pronoun resolved to %q; want none", q.SpeakerRef.Text)
	}
	if q.SpeakerText != "he" {
		t.Errorf("speaker text %q, want he", q.SpeakerText)
	}
}

func TestMultiParagraphQuote(t *testing.T) {
	text := "Nurlan Abenov, a musician from Shymkent, was released on Tuesday.\n\n" +
		`"They kept me in a room with no window," the musician said in a video message posted on Instagram. "I was beaten twice.` + "\n\n" +
		`"On the third day they brought a paper. I read it."` + "\n\n" +
		"His lawyer said the confession was obtained under duress."
	qs := extract(t, text, nil, nil, "")
	q := find(t, qs, "I was beaten twice.")
	if !strings.HasSuffix(q.Text, "I read it.") {
		t.Errorf("multi-paragraph quote %q does not run to the second paragraph", q.Text)
	}
	if refText(q) != "Nurlan Abenov" {
		t.Errorf("continuation speaker %q, want Nurlan Abenov", refText(q))
	}
	first := find(t, qs, "They kept me")
	if first.SpeakerText != "the musician" || refText(first) != "Nurlan Abenov" {
		t.Errorf("role noun speaker %q → %q, want the musician → Nurlan Abenov", first.SpeakerText, refText(first))
	}
	if first.Channel != "social media" {
		t.Errorf("channel %q, want social media", first.Channel)
	}
}

func TestInterruptedQuote(t *testing.T) {
	text := `"The officers were told not to shoot," said Yerlan Baimukhanov, a human rights defender. "Someone gave a different order, and we want to know who."`
	qs := extract(t, text, nil, nil, "")
	a, b := find(t, qs, "The officers"), find(t, qs, "Someone gave")
	if refText(a) != "Yerlan Baimukhanov" || refText(b) != "Yerlan Baimukhanov" {
		t.Errorf("interrupted quote speakers %q / %q, want Yerlan Baimukhanov for both", refText(a), refText(b))
	}
	if !b.Direct {
		t.Error("second part should be direct")
	}
}

func TestRoleNounSpeaker(t *testing.T) {
	text := "One of the fatalities was a child, said Ema Suryani, a doctor at a clinic in Lampahan. " +
		`"We have received around 50 people with injuries," added the doctor.`
	q := find(t, extract(t, text, nil, nil, ""), "We have received")
	if q.SpeakerText != "the doctor" || refText(q) != "Ema Suryani" || q.Cue != "added" {
		t.Errorf("speaker %q → %q cue %q, want the doctor → Ema Suryani, added", q.SpeakerText, refText(q), q.Cue)
	}
}

func TestRoleNounFromMentionRole(t *testing.T) {
	text := "Bakyt Zhumaliyev was detained in Almaty. " + `"He was treated well," the consul said.` + " Zhumaliyev denied it later."
	ms := append(mention(text, "Bakyt Zhumaliyev", model.Person, ""), mention(text, "Marat Sadykov", model.Person, "consul")...)
	text2 := "The Kyrgyz consul general, Marat Sadykov, visited the detainee on Tuesday. " + text
	ms = append(mention(text2, "Marat Sadykov", model.Person, "consul general"), mention(text2, "Bakyt Zhumaliyev", model.Person, "")...)
	q := find(t, extract(t, text2, ms, nil, ""), "He was treated")
	if refText(q) != "Marat Sadykov" {
		t.Errorf("the consul → %q, want Marat Sadykov", refText(q))
	}
}

func TestOrganisationSpeaker(t *testing.T) {
	text := "The Interior Ministry denied that any protesters had been killed on December 16. " +
		"«Police acted within the law and used weapons only in self-defence,» the ministry said in a statement."
	qs := extract(t, text, nil, nil, "")
	den := find(t, qs, "any protesters")
	if den.Cue != "denied" || den.Direct || !strings.Contains(den.SpeakerText, "Interior Ministry") {
		t.Errorf("reported denial: cue %q direct %v speaker %q", den.Cue, den.Direct, den.SpeakerText)
	}
	q := find(t, qs, "Police acted")
	if q.SpeakerText != "the ministry" || refText(q) != "Interior Ministry" || q.Channel != "statement" {
		t.Errorf("guillemet quote: speaker %q → %q channel %q", q.SpeakerText, refText(q), q.Channel)
	}
}

func TestLowQuotesAndCueKept(t *testing.T) {
	text := `Deputy minister Marat Kozhayev admitted that "mistakes were made" but insisted the officers had been attacked first. „We had no choice“, he told the Senate.`
	qs := extract(t, text, nil, nil, "")
	if q := find(t, qs, "mistakes were made"); q.Cue != "admitted" || refText(q) != "Marat Kozhayev" {
		t.Errorf("admitted: cue %q ref %q", q.Cue, refText(q))
	}
	if q := find(t, qs, "the officers had been"); q.Cue != "insisted" || refText(q) != "Marat Kozhayev" {
		t.Errorf("insisted: cue %q ref %q", q.Cue, refText(q))
	}
	if q := find(t, qs, "We had no choice"); !q.Direct || refText(q) != "Marat Kozhayev" || q.Cue != "told" {
		t.Errorf("„…“ quote: direct %v ref %q cue %q", q.Direct, refText(q), q.Cue)
	}
}

func TestQuoteInsideQuote(t *testing.T) {
	text := `"The officers were told, 'Do not shoot under any circumstances,'" said Yerlan Baimukhanov.`
	qs := extract(t, text, nil, nil, "")
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want one outer quote: %+v", len(qs), qs)
	}
	if !strings.Contains(qs[0].Text, "'Do not shoot under any circumstances,'") {
		t.Errorf("inner quote lost: %q", qs[0].Text)
	}
}

func TestReportedSpeech(t *testing.T) {
	text := "Kazakhstan's foreign ministry said on Thursday that the talks would resume next week. " +
		"According to the prosecutor's office, 14 people died and 64 were injured. " +
		"Timur told the judge he had signed the statement because investigators threatened his family. " +
		"The cables might have been cut by a trawler, said Louis-Michel Aymard."
	tx := []model.Timex{{Span: model.SpanOf("doc1", text, strings.Index(text, "on Thursday"), strings.Index(text, "on Thursday")+len("on Thursday")), Value: "2022-03-10", Granularity: model.GranDay}}
	qs := extract(t, text, nil, tx, "2022-03-11")
	q := find(t, qs, "the talks would resume")
	if q.Direct || q.Cue != "said" || q.Date == nil || *q.Date != "2022-03-10" {
		t.Errorf("said that: direct %v cue %q date %v", q.Direct, q.Cue, q.Date)
	}
	if q := find(t, qs, "14 people died"); q.Cue != "according to" || !strings.Contains(q.SpeakerText, "prosecutor's office") {
		t.Errorf("according to: cue %q speaker %q", q.Cue, q.SpeakerText)
	}
	if q := find(t, qs, "he had signed"); q.Cue != "told" || refText(q) != "Timur" {
		t.Errorf("told Y: cue %q ref %q", q.Cue, refText(q))
	}
	if q := find(t, qs, "The cables might"); refText(q) != "Louis-Michel Aymard" || *q.Date != "2022-03-11" {
		t.Errorf("inverted: ref %q date %v", refText(q), q.Date)
	}
}

func TestScareQuotesAreNotStatements(t *testing.T) {
	text := `The film "New Moon" opens on Friday. Critics called the plan a "midnight regulation" and the EU called it "completely unacceptable."`
	if qs := extract(t, text, nil, nil, ""); len(qs) != 0 {
		t.Errorf("scare quotes and titles became statements: %+v", qs)
	}
}

func TestBroadcastConfession(t *testing.T) {
	text := "State television on January 12 showed Nurlan Abenov saying he had been paid to bring people to the square."
	tx := []model.Timex{{Span: model.SpanOf("doc1", text, strings.Index(text, "January 12"), strings.Index(text, "January 12")+len("January 12")), Value: "2022-01-12", Granularity: model.GranDay}}
	q := find(t, extract(t, text, nil, tx, "2022-01-13"), "he had been paid")
	if refText(q) != "Nurlan Abenov" || q.Channel != "broadcast" || q.Cue != "saying" {
		t.Errorf("confession: ref %q channel %q cue %q", refText(q), q.Channel, q.Cue)
	}
	if q.Date == nil || *q.Date != "2022-01-12" {
		t.Errorf("date %v, want 2022-01-12", q.Date)
	}
}

func TestInterviewOutletQuestions(t *testing.T) {
	text := "Three months after state television showed him confessing, the sound engineer Bakyt Zhumaliyev spoke to Steppe Review in Bishkek.\n\n" +
		"Steppe Review: Where were you when the protests started?\n\n" +
		"In Almaty. I came on March 1 to set up sound for a festival.\n\n" +
		"Steppe Review: How were you detained?\n\n" +
		"At about nine in the evening a car stopped at the gate. They did not show any documents.\n\n" +
		"---\n\n" +
		"Kamila Yusupova is a freelance journalist based in Bishkek."
	qs := extract(t, text, nil, nil, "2025-06-23")
	var answers []model.Quote
	for _, q := range qs {
		if q.Cue == "interview" {
			answers = append(answers, q)
		}
	}
	if len(answers) != 2 {
		t.Fatalf("got %d answers, want 2: %+v", len(answers), qs)
	}
	for _, a := range answers {
		if refText(a) != "Bakyt Zhumaliyev" || a.Channel != "interview" || !a.Direct {
			t.Errorf("answer %q: ref %q channel %q", a.Text, refText(a), a.Channel)
		}
		if strings.Contains(a.Text, "?") || strings.Contains(a.Text, "freelance") {
			t.Errorf("question or bio taken as an answer: %q", a.Text)
		}
	}
}

func TestInterviewNameLabels(t *testing.T) {
	text := "Kairat Zhumabayev, a lawyer from Almaty, spoke to RFE/RL.\n\n" +
		"RFE/RL: When were you detained?\n\n" +
		"Kairat Zhumabayev: On January 7, men in masks came to my flat.\n\n" +
		"RFE/RL: Were you allowed to call your family?\n\n" +
		"Zhumabayev: No. For four days nobody knew where I was."
	qs := extract(t, text, nil, nil, "")
	a := find(t, qs, "On January 7")
	b := find(t, qs, "No. For four days")
	if a.SpeakerText != "Kairat Zhumabayev" || b.SpeakerText != "Zhumabayev" || a.Cue != "interview" {
		t.Errorf("labels: %q / %q cue %q", a.SpeakerText, b.SpeakerText, a.Cue)
	}
	for _, q := range qs {
		if strings.HasPrefix(q.Text, "When were") || strings.HasPrefix(q.Text, "Were you") {
			t.Errorf("question taken as a statement: %q", q.Text)
		}
	}
}

func TestInterviewQAndDash(t *testing.T) {
	qa := "Gulnara Sadykova runs a small shop in Kyzylsay. She answered our questions by telephone.\n\n" +
		"Q: How many people are still missing?\n\nA: At least 14. Some never came back.\n\n" +
		"Q: Have the authorities contacted you?\n\nA: Only once."
	qs := extract(t, qa, nil, nil, "")
	if q := find(t, qs, "At least 14"); refText(q) != "Gulnara Sadykova" {
		t.Errorf("Q/A answer speaker %q", refText(q))
	}
	dash := "Bakyt Osmonov, the former head of the border service, agreed to talk to Kloop.\n\n" +
		"— Who fired first?\n\n— I cannot say that for certain. Our posts reported shooting at 9 a.m.\n\n" +
		"— Was the government warned?\n\n— Yes, repeatedly."
	qs = extract(t, dash, nil, nil, "")
	if q := find(t, qs, "I cannot say"); refText(q) != "Bakyt Osmonov" || q.Channel != "interview" {
		t.Errorf("dash answer speaker %q channel %q", refText(q), q.Channel)
	}
	for _, q := range qs {
		if strings.HasSuffix(q.Text, "?") {
			t.Errorf("question taken as a statement: %q", q.Text)
		}
	}
}

func TestMentionsAreUsedForSpeakers(t *testing.T) {
	text := `"It is not true," the Kyrgyz Foreign Ministry said.`
	ms := mention(text, "Kyrgyz Foreign Ministry", model.Organization, "")
	q := find(t, extract(t, text, ms, nil, ""), "It is not true")
	if refText(q) != "Kyrgyz Foreign Ministry" {
		t.Errorf("ref %q, want the organisation mention", refText(q))
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	if qs := quotes.Extract(nil, nil, nil, nil, model.Reference{}); qs != nil {
		t.Errorf("nil doc gave %v", qs)
	}
	doc := &model.Document{ID: "d", Text: `"“«„ ' " he said. " ` + "\n\n\n" + `—`}
	bad := []model.Mention{{Span: model.Span{Start: -3, End: 400}, Type: model.Person}, {Span: model.Span{Start: 5, End: 2}, Type: model.Person}}
	badTx := []model.Timex{{Span: model.Span{Start: 900, End: 1000}, Value: "2022"}}
	quotes.Extract(doc, nil, bad, badTx, model.Reference{})
	for _, s := range []string{"\"", "«", "Q: ?", "A:", "—", "\"a\" said", "said", ": : :"} {
		quotes.Extract(&model.Document{ID: "d", Text: s}, nil, nil, nil, model.Reference{})
	}
}

func TestNoDateWhenUnknown(t *testing.T) {
	q := find(t, extract(t, `"We are leaving," said Aibek Smadiyarov.`, nil, nil, ""), "We are leaving")
	if q.Date != nil {
		t.Errorf("date %q, want nil", *q.Date)
	}
}

func TestPossessiveDoesNotGenderTheRelative(t *testing.T) {
	// "her son Arman": "her" describes Gulmira, not Arman, so Arman stays
	// male (from "son") and the "she" goes to Gulmira.
	text := "Gulmira Sadykova visited her son Arman at the hospital on Sunday.\n\n" + `"He could not speak," she said.`
	q := find(t, extract(t, text, nil, nil, ""), "He could not")
	if refText(q) != "Gulmira Sadykova" {
		t.Errorf("she → %q, want Gulmira Sadykova", refText(q))
	}
}

func TestRussianQuotes(t *testing.T) {
	text := "Министр внутренних дел Ерлан Турсунов выступил на брифинге в Астане.\n\n" +
		"«Все задержанные имеют доступ к адвокатам», — сказал он.\n\n" +
		"Адвокат Динара Садыкова заявила, что её подзащитного избивали.\n\n" +
		"По словам правозащитников, задержаны более 12 тысяч человек."
	qs := extract(t, text, nil, nil, "")
	if q := find(t, qs, "Все задержанные"); !q.Direct || q.Cue != "сказал" || refText(q) != "Ерлан Турсунов" {
		t.Errorf("« » quote: direct %v cue %q ref %q", q.Direct, q.Cue, refText(q))
	}
	if q := find(t, qs, "её подзащитного"); q.Direct || q.Cue != "заявила" || refText(q) != "Динара Садыкова" {
		t.Errorf("заявила, что: direct %v cue %q ref %q", q.Direct, q.Cue, refText(q))
	}
	if q := find(t, qs, "задержаны более"); q.Cue != "по словам" || q.SpeakerText != "правозащитников" {
		t.Errorf("по словам: cue %q speaker %q", q.Cue, q.SpeakerText)
	}
}

func TestRussianDashDialogue(t *testing.T) {
	text := "Айгуль Садыкова ждёт мужа уже неделю.\n\n" +
		"— Мы не знаем, где он, — говорит его жена Айгуль. — Никто ничего не объясняет.\n\n" +
		"— Он ни в чём не виноват! — добавила она."
	qs := extract(t, text, nil, nil, "")
	a, b, c := find(t, qs, "Мы не знаем"), find(t, qs, "Никто ничего"), find(t, qs, "Он ни в чём")
	if a.Cue != "говорит" || refText(a) != "Айгуль" || refText(b) != "Айгуль" {
		t.Errorf("dash speech: cue %q refs %q / %q", a.Cue, refText(a), refText(b))
	}
	if !strings.HasSuffix(c.Text, "!") || c.SpeakerText != "она" || refText(c) == "" {
		t.Errorf("dash speech with она: %q speaker %q ref %q", c.Text, c.SpeakerText, refText(c))
	}
}

func TestInterviewBoldLabels(t *testing.T) {
	text := "Marat Sadykov, the Kyrgyz consul general in Almaty, gave an interview to Azattyk.\n\n" +
		"**Azattyk:** Did you see the detainee?\n\n" +
		"**Marat Sadykov:** Yes, on Tuesday. He told me he was treated well.\n\n" +
		"**Azattyk:** Was anyone else in the room?\n\n" +
		"**Marat Sadykov:** Two officers."
	qs := extract(t, text, nil, nil, "")
	q := find(t, qs, "Yes, on Tuesday")
	if q.SpeakerText != "Marat Sadykov" || q.Cue != "interview" {
		t.Errorf("bold label answer: speaker %q cue %q", q.SpeakerText, q.Cue)
	}
	if q := find(t, qs, "Two officers"); q.SpeakerText != "Marat Sadykov" {
		t.Errorf("short answer speaker %q", q.SpeakerText)
	}
}

func TestPronounInsideAnswerIsNotTheInterviewee(t *testing.T) {
	text := "Marat Sadykov, the Kyrgyz consul general in Almaty, gave an interview to Azattyk.\n\n" +
		"Azattyk: Did you see the detainee?\n\n" +
		"Marat Sadykov: Yes, on Tuesday. He told me that he was treated well.\n\n" +
		"Azattyk: Was anyone else in the room?\n\n" +
		"Marat Sadykov: Two officers."
	q := find(t, extract(t, text, nil, nil, ""), "he was treated well")
	if refText(q) == "Marat Sadykov" {
		t.Errorf("the answer's 'He' was given to the interviewee")
	}
}

func TestHeadlineColonSpeaker(t *testing.T) {
	text := "Presidential adviser: \"the events were prepared for months\"\n\nOther news of the day."
	q := find(t, extract(t, text, nil, nil, ""), "the events were")
	if q.SpeakerText != "Presidential adviser" || !q.Direct {
		t.Errorf("headline speaker %q direct %v", q.SpeakerText, q.Direct)
	}
}

func TestAttributionInsideTheSentence(t *testing.T) {
	text := "Nazgul Asanova has not heard from her husband since March 5.\n\n" +
		`"We are waiting," she said, "and nobody tells us anything."`
	qs := extract(t, text, nil, nil, "")
	a, b := find(t, qs, "We are waiting"), find(t, qs, "and nobody")
	if refText(a) != "Nazgul Asanova" || refText(b) != "Nazgul Asanova" {
		t.Errorf("split sentence: %q / %q", refText(a), refText(b))
	}
}

func TestMultiParagraphQuoteAttributedAtTheEnd(t *testing.T) {
	text := "Dinara Sadykova, a lawyer at the centre, described the pattern.\n\n" +
		"“People are detained without a record of arrest and held for two or three days.\n\n" +
		"“Then they appear on screen with the same words in their mouths,” Sadykova said."
	qs := extract(t, text, nil, nil, "")
	q := find(t, qs, "People are detained")
	if !strings.Contains(q.Text, "same words in their mouths") || refText(q) != "Sadykova" {
		t.Errorf("multi-paragraph quote %q → %q", q.Text, refText(q))
	}
}

func TestBritishSingleQuotes(t *testing.T) {
	text := "Marat Kozhayev spoke to the Senate on Tuesday.\n\n" +
		"‘We didn’t know where the order came from,’ he said. ‘The workers’ union was told “stay calm”.’"
	qs := extract(t, text, nil, nil, "")
	a := find(t, qs, "We didn’t know")
	if !strings.HasSuffix(a.Text, "came from") || refText(a) != "Marat Kozhayev" {
		t.Errorf("single quotes: %q → %q", a.Text, refText(a))
	}
	b := find(t, qs, "The workers’ union")
	if !strings.Contains(b.Text, "“stay calm”") || refText(b) != "Marat Kozhayev" {
		t.Errorf("single-quoted continuation: %q → %q", b.Text, refText(b))
	}
}

func TestToldAnOutletIsAnInterview(t *testing.T) {
	text := `"He is thin and very tired," his brother Almaz Zhumaliyev told Europa Radio.`
	q := find(t, extract(t, text, nil, nil, ""), "He is thin")
	if q.Channel != "interview" || q.Addressee != "Europa Radio" {
		t.Errorf("channel %q addressee %q", q.Channel, q.Addressee)
	}
}

func TestPronounChain(t *testing.T) {
	text := "Vincent Gigante won a string of victories over prosecutors. " +
		"He was sentenced to 12 years in prison in 1997. " +
		"That brought him another three-year sentence. " +
		"After a quarter-century of public craziness, he finally admitted the ruse at a hearing. " +
		`At that hearing, he shook hands with the lawyers and said "God bless you all" to the judge.`
	q := find(t, extract(t, text, nil, nil, ""), "God bless")
	if refText(q) != "Vincent Gigante" {
		t.Errorf("pronoun chain → %q, want Vincent Gigante", refText(q))
	}
}

func TestRussianCountryBeforeName(t *testing.T) {
	text := "Глава МИД Казахстана Ержан Казыханов заявил, что переговоры продолжатся на следующей неделе."
	q := find(t, extract(t, text, nil, nil, ""), "переговоры продолжатся")
	if refText(q) != "Ержан Казыханов" || !strings.HasPrefix(q.SpeakerText, "Глава МИД") {
		t.Errorf("speaker %q → %q", q.SpeakerText, refText(q))
	}
}

// A role "of" an organisation with the person in apposition: the person
// speaks, whichever name the tagger found first.
func TestPersonInAppositionAfterOrganisation(t *testing.T) {
	text := `"Water was released on schedule," the spokeswoman of the Water Resources Agency, Aliya Nurova, told reporters.`
	ms := append(mention(text, "Water Resources Agency", model.Organization, ""), mention(text, "Aliya Nurova", model.Person, "")...)
	q := find(t, extract(t, text, ms, nil, ""), "Water was released")
	if refText(q) != "Aliya Nurova" {
		t.Errorf("speaker %q → %q, want Aliya Nurova", q.SpeakerText, refText(q))
	}
}

func TestClockColonDoesNotCutReportedSpeech(t *testing.T) {
	text := "The lorry, which had left Osh on Friday evening, hit the barrier at 4:40 a.m. near the pass, the traffic police said."
	qs := extract(t, text, nil, nil, "")
	q := find(t, qs, "The lorry, which had left Osh")
	if !strings.HasSuffix(q.Text, "near the pass") || q.SpeakerText != "the traffic police" {
		t.Errorf("reported speech: %q by %q", q.Text, q.SpeakerText)
	}
}

package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/events"
)

// storyDoc is one parsed document of a small story; persons are the names
// tagged as person mentions, each its own entity.
type storyDoc struct {
	id, published, text string
	persons             []string
}

// parsedStory annotates and parses each document as the pipeline does and
// returns the claims and the facts of the story.
func parsedStory(t *testing.T, docs ...storyDoc) ([]Claim, []model.Fact) {
	t.Helper()
	var as []*model.Annotated
	var claims []Claim
	for _, sd := range docs {
		a := parsedDocOn(t, sd.id, sd.published, sd.text)
		for _, name := range sd.persons {
			for off := 0; ; {
				i := strings.Index(sd.text[off:], name)
				if i < 0 {
					break
				}
				start := off + i
				a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(sd.id, sd.text, start, start+len(name)),
					Type: model.Person, Entity: "e-" + strings.ToLower(strings.Fields(name)[len(strings.Fields(name))-1])})
				off = start + len(name)
			}
		}
		as = append(as, a)
		claims = append(claims, Extract(a, Options{})...)
	}
	facts, err := CompareClaims(context.Background(), as, claims, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return claims, facts
}

// noDisputes fails for every disputed fact.
func noDisputes(t *testing.T, facts []model.Fact) {
	t.Helper()
	for _, f := range facts {
		if f.Status == model.Disputed {
			t.Errorf("disputed %s %s: %s", f.Subject, f.Attribute, f.Reason)
		}
	}
}

func claimOf(t *testing.T, claims []Claim, doc, text string) Claim {
	t.Helper()
	var got []string
	for _, c := range claims {
		if c.Doc == doc && c.Text == text {
			return c
		}
		got = append(got, c.Doc+":"+c.Attribute+":"+c.Text)
	}
	t.Fatalf("no claim of %q in %s (got %q)", text, doc, got)
	return Claim{}
}

// TestValueOfAnotherPerson: a value the parse gives to another person is
// not the sentenced person's, and so disputes nothing of theirs.
func TestValueOfAnotherPerson(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"north", "2025-04-02", "The court convicted Oskar Vell on Monday and gave Rune Dahl nine years.", []string{"Oskar Vell", "Rune Dahl"}},
		storyDoc{"south", "2025-04-02", "Judges convicted Vell, a former harbour official, on Monday and gave his accountant two years.", []string{"Vell"}},
		storyDoc{"west", "2025-04-03", "Oskar Vell was sentenced to four years in prison on Monday.", []string{"Oskar Vell"}},
	)
	if c := claimOf(t, claims, "north", "nine years"); c.Subject == "e-vell" {
		t.Errorf("nine years: subject %q, want not Vell's", c.Subject)
	}
	if c := claimOf(t, claims, "south", "two years"); c.Subject == "e-vell" {
		t.Errorf("two years: subject %q, want not Vell's (his accountant's)", c.Subject)
	}
	if c := claimOf(t, claims, "west", "four years"); c.Subject != "e-vell" {
		t.Errorf("four years: subject %q, want e-vell", c.Subject)
	}
	noDisputes(t, facts)
}

// TestBackgroundEventApart: a value of an event the text puts before the
// story's ("in an earlier case") is a fact of its own, not a rival figure.
func TestBackgroundEventApart(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"one", "2025-04-02", "Oskar Vell, who served eight months in an earlier case, was sentenced on Tuesday.", []string{"Oskar Vell"}},
		storyDoc{"two", "2025-04-02", "Oskar Vell was jailed for four years on Tuesday.", []string{"Oskar Vell"}},
	)
	if c := claimOf(t, claims, "one", "eight months"); !strings.HasSuffix(c.Attribute, "("+earlierAnchor+")") {
		t.Errorf("eight months: attribute %q, want an earlier event's", c.Attribute)
	}
	if c := claimOf(t, claims, "two", "four years"); c.Attribute != "sentenced" {
		t.Errorf("four years: attribute %q, want sentenced", c.Attribute)
	}
	noDisputes(t, facts)
}

// TestTwoAgentsTwoEvents: values of events two different people did are
// not rival accounts of one event.
func TestTwoAgentsTwoEvents(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"east", "2025-04-02", "Governor Ilse Marr opened the flood relief centre at 10:00 on Monday.", []string{"Ilse Marr"}},
		storyDoc{"west", "2025-04-02", "Governor Teo Brand opened the flood relief centre at 16:00 on Monday.", []string{"Teo Brand"}},
	)
	if c := claimOf(t, claims, "east", "10:00"); c.Agent != "e-marr" {
		t.Errorf("10:00: agent %q, want e-marr", c.Agent)
	}
	noDisputes(t, facts)
}

// TestTimeOfAnotherEvent: a value whose own verb no frame holds is not the
// time of the frame's event beside it.
func TestTimeOfAnotherEvent(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"a", "2025-04-02", "The blaze broke out in the warehouse at about 23:00 on Sunday.", nil},
		storyDoc{"b", "2025-04-02", "Workers began clearing the rubble at 07:00 on Monday.", nil},
		storyDoc{"c", "2025-04-02", "Officers closed the bridge for almost four hours while they negotiated with the driver.", nil},
		storyDoc{"d", "2025-04-02", "The negotiations with the driver lasted an hour, police said.", nil},
	)
	for _, v := range []struct{ doc, text string }{{"b", "07:00"}, {"c", "almost four hours"}} {
		if c := claimOf(t, claims, v.doc, v.text); !c.Open && c.Attribute != "" && c.Attribute != "duration" {
			t.Errorf("%s: attribute %q, want no frame", v.text, c.Attribute)
		}
	}
	noDisputes(t, facts)
}

// Values the story's event coreference shows to be of two events (a toll
// of this week's flood, a toll of a flood the story recalls from years
// back, dated only by a relative clause the claim rules do not read) are
// never disputed against each other: the group is related, and its
// reason names both events.
func TestValuesOfTwoEvents(t *testing.T) {
	docs := []*model.Annotated{
		parsedDocOn(t, "a", "2031-04-16", "A flood swept through Varnell on Tuesday, killing 12 people."),
		parsedDocOn(t, "b", "2031-04-17", "The flood was the worst since 2019, when 40 people died in the valley."),
	}
	killed := func(facts []model.Fact) *model.Fact {
		for i, f := range facts {
			if f.Role == model.RoleCount && len(f.Values) == 2 {
				return &facts[i]
			}
		}
		t.Fatalf("no count fact holding both tolls: %+v", facts)
		return nil
	}
	without, err := Compare(context.Background(), docs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := killed(without); f.Status != model.Disputed {
		t.Fatalf("without event coreference the tolls are %s, not disputed: the test shows nothing (%s)", f.Status, f.Reason)
	}
	r, err := events.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Resolve(context.Background(), docs, nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	with, err := Compare(context.Background(), docs, nil, Options{Events: res})
	if err != nil {
		t.Fatal(err)
	}
	f := killed(with)
	if f.Status == model.Disputed || !strings.Contains(f.Reason, "values of two events") || !strings.Contains(f.Reason, "of 2019") {
		t.Errorf("tolls of two floods: %s, %q; want no dispute, a reason naming the 2019 event", f.Status, f.Reason)
	}
}

// TestAgeOfWhom: an age belongs to the noun the parse writes it with: a
// name the tagger missed is its own person, and a common noun that names
// nobody ("a 19-year-old student", "two girls, aged 15 and 12") is no
// named person's age, so it never disputes the accused's.
func TestAgeOfWhom(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"north", "2025-04-02", "Oskar Vell, 54, was convicted on Monday of assaulting two girls, aged 15 and 12. A 19-year-old student testified against him.", []string{"Oskar Vell"}},
		storyDoc{"south", "2025-04-02", "Oskar Vell, 54, was convicted on Monday. Neighbours said Vell had lived in the town for years, said Marit, 31, who lives next door.", []string{"Oskar Vell", "Vell"}},
	)
	for _, v := range []string{"aged 15", "19-year-old"} {
		if c := claimOf(t, claims, "north", v); c.Subject != "" {
			t.Errorf("%s: subject %q, want nobody named", v, c.Subject)
		}
	}
	if c := claimOf(t, claims, "south", "31"); c.Subject == "e-vell" || c.Subject == "" {
		t.Errorf("Marit's 31: subject %q, want her own", c.Subject)
	}
	if c := claimOf(t, claims, "north", "54"); c.Subject != "e-vell" {
		t.Errorf("54: subject %q, want e-vell", c.Subject)
	}
	noDisputes(t, facts)
}

// TestAgeOfWhomByParse: an age is the person's the parse gives it to, or
// nobody named's; never the person named last. A definite description
// ("the 36-year-old driver") is not the victim named before it; an age in
// an adjunct of a verb is the age at that event; an age in a clause dated
// years back is the age then.
func TestAgeOfWhomByParse(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"north", "2025-04-02", "Mara Lind, 66, was struck by a van outside the bakery on Monday. Witnesses told the 36-year-old driver to stop, but he drove on.", []string{"Mara Lind"}},
		storyDoc{"south", "2025-04-02", "Mara Lind died at the age of 66 on Monday. At the age of 10, Lind began to sing in a choir. Lind, 51, told a radio host in 2010 that she would never stop singing.", []string{"Mara Lind", "Lind"}},
	)
	if c := claimOf(t, claims, "north", "36-year-old"); c.Subject == "e-lind" {
		t.Errorf("the driver's 36: subject %q, want not the victim", c.Subject)
	}
	for _, tc := range []struct{ text, attr string }{
		{"age of 66", "age (die)"},
		{"age of 10", "age (begin)"},
		{"51", "age (in 2010)"},
	} {
		if c := claimOf(t, claims, "south", tc.text); c.Subject != "e-lind" || c.Attribute != tc.attr {
			t.Errorf("%s: %q %q, want e-lind %q", tc.text, c.Subject, c.Attribute, tc.attr)
		}
	}
	noDisputes(t, facts)
}

// TestAgeOfBareDescription: "the 41-year-old" with no noun stands for the
// one person the document has named before it; after two names it is
// nobody named.
func TestAgeOfBareDescription(t *testing.T) {
	claims, _ := parsedStory(t,
		storyDoc{"east", "2025-04-02", "Police detained Ruslan Orav in the port on Monday. The 41-year-old was freed on Friday.", []string{"Ruslan Orav"}},
		storyDoc{"west", "2025-04-02", "Ruslan Orav and Pavel Kest were detained on Monday. The 41-year-old was freed on Friday.", []string{"Ruslan Orav", "Pavel Kest"}},
	)
	if c := claimOf(t, claims, "east", "41-year-old"); c.Subject != "e-orav" {
		t.Errorf("east: subject %q, want e-orav", c.Subject)
	}
	if c := claimOf(t, claims, "west", "41-year-old"); c.Subject != "" {
		t.Errorf("west: subject %q, want nobody named", c.Subject)
	}
}

// TestAgeOfDescribedPerson: a definite description with an age ("the
// 38-year-old baker") is the person of the document whom resolution
// describes with that noun in any document of the story, and no one else.
func TestAgeOfDescribedPerson(t *testing.T) {
	north := parsedDocOn(t, "north", "2025-04-02", "Police detained Tomas Brek, 38, a baker from Dorn, on Monday.")
	south := parsedDocOn(t, "south", "2025-04-03", "Brek was taken from his home by police. The 39-year-old baker is suspected of fraud. The 20-year-old courier was also questioned.")
	var entity model.Entity
	entity.ID, entity.Type, entity.Name = "e-brek", model.Person, "Tomas Brek"
	entity.Descriptions = []model.Description{{Text: "a baker from Dorn"}}
	for _, a := range []*model.Annotated{north, south} {
		text := a.Doc.Text
		for _, name := range []string{"Tomas Brek", "Brek"} {
			for off := 0; ; {
				i := strings.Index(text[off:], name)
				if i < 0 {
					break
				}
				m := model.Mention{Span: model.SpanOf(a.Doc.ID, text, off+i, off+i+len(name)), Type: model.Person, Entity: "e-brek"}
				a.Mentions = append(a.Mentions, m)
				entity.Mentions = append(entity.Mentions, m)
				off += i + len(name)
			}
		}
	}
	var claims []Claim
	for _, a := range []*model.Annotated{north, south} {
		claims = append(claims, Extract(a, Options{})...)
	}
	facts, err := CompareClaims(context.Background(), []*model.Annotated{north, south}, claims, []model.Entity{entity}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ages []string
	for _, f := range facts {
		if f.Frame != model.FrameName("age") {
			continue
		}
		for _, v := range f.Values {
			ages = append(ages, f.Subject+":"+v.Text+":"+string(f.Status))
		}
	}
	want := map[string]bool{"e-brek:38:disputed": true, "e-brek:39-year-old:disputed": true, ":20-year-old:single-source": true}
	if len(ages) != len(want) {
		t.Fatalf("ages %q, want %v", ages, want)
	}
	for _, a := range ages {
		if !want[a] {
			t.Errorf("age %q, want one of %v", a, want)
		}
	}
}

// TestAgentThroughClauses: the agent of a value's event is read through a
// relative pronoun ("Vell, who finished with …") and from the verb a
// subjectless clause continues ("…, finishing with 105 yards"), so two
// players' figures are two people's events, not a dispute.
func TestAgentThroughClauses(t *testing.T) {
	claims, facts := parsedStory(t,
		storyDoc{"north", "2025-04-02", "Tomas Brek caught two passes in the first half on Sunday, finishing with 105 yards.", []string{"Tomas Brek"}},
		storyDoc{"south", "2025-04-02", "Oskar Vell, who finished with 329 yards on Sunday, threw two touchdowns.", []string{"Oskar Vell"}},
	)
	if c := claimOf(t, claims, "north", "105 yards"); c.Agent != "e-brek" {
		t.Errorf("105 yards: agent %q, want e-brek", c.Agent)
	}
	if c := claimOf(t, claims, "south", "329 yards"); c.Agent != "e-vell" {
		t.Errorf("329 yards: agent %q, want e-vell", c.Agent)
	}
	noDisputes(t, facts)
}

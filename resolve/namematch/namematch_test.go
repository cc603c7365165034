package namematch_test

import (
	"testing"

	"github.com/parallaxnews/parallax/resolve/namematch"
)

func TestTransliterate(t *testing.T) {
	cases := []struct {
		in     string
		lang   namematch.Lang
		scheme namematch.Scheme
		want   string
	}{
		{"Ташиев", namematch.Russian, namematch.BGNPCGN, "Tashiyev"},
		{"Ташиев", namematch.Russian, namematch.ICAO, "Tashiev"},
		{"Жапаров", namematch.Russian, namematch.ISO9, "Žaparov"},
		{"Жапаров", namematch.Kyrgyz, namematch.BGNPCGN, "Japarov"},
		{"Юрий", namematch.Russian, namematch.ICAO, "Iurii"},
		{"Юрий", namematch.Russian, namematch.Scientific, "Jurij"},
		{"Юрий", namematch.Russian, namematch.BGNPCGN, "Yuriy"},
		{"Дмитрий", namematch.Russian, namematch.Press, "Dmitry"},
		{"Фёдор", namematch.Russian, namematch.Press, "Fyodor"},
		{"Сергеев", namematch.Russian, namematch.BGNPCGN, "Sergeyev"},
		{"Щукин", namematch.Russian, namematch.ISO9, "Ŝukin"},
		{"Хабаров", namematch.Russian, namematch.Scientific, "Xabarov"},
		{"ЖАПАРОВ", namematch.Russian, namematch.ICAO, "ZHAPAROV"},
		{"Қасым-Жомарт Тоқаев", namematch.Kazakh, namematch.Press, "Kasym-Zhomart Tokayev"},
		{"Токаев (Kazakhstan)", namematch.Russian, namematch.ICAO, "Tokaev (Kazakhstan)"},
	}
	for _, c := range cases {
		if got := namematch.Transliterate(c.in, c.lang, c.scheme); got != c.want {
			t.Errorf("Transliterate(%q, %v) = %q, want %q", c.in, c.scheme, got, c.want)
		}
	}
}

func TestSkeletonAgreesAcrossSchemes(t *testing.T) {
	groups := [][]string{
		{"Ташиев", "Tashiev", "Tashiyev", "TASHIEV", "Tašiev"},
		{"Жапаров", "Zhaparov", "Japarov", "Dzhaparov", "Žaparov"},
		{"Ахметов", "Akhmetov", "Ahmetov"},
		{"Юрий", "Yuriy", "Yuri", "Iurii", "Yury"},
		{"Сергеев", "Sergeyev", "Sergeev"},
		{"Алиев", "Aliyev", "Aliev"},
		{"Токаев", "Tokayev", "Tokaev", "Toqaev", "Тоқаев"},
		{"Фёдор", "Fyodor", "Fedor", "Fëdor"},
		{"Цой", "Tsoi", "Tsoy", "Coj"},
		{"Абдулла", "Abdullah", "Abdulla"},
		{"Алексей", "Alexei", "Aleksei", "Aleksey", "Aleksej"},
	}
	for _, g := range groups {
		want := namematch.Skeleton(g[0])
		for _, v := range g[1:] {
			if got := namematch.Skeleton(v); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", v, got, want, g[0])
			}
		}
	}
}

func TestMatches(t *testing.T) {
	cases := []struct{ a, b, kind string }{
		{"Kamchybek Tashiev", "Камчыбек Ташиев", "Cyrillic vs Latin"},
		{"Kamchybek Tashiev", "Kamchybek Tashiyev", "-iev/-iyev"},
		{"Kamchybek Tashiev", "Kamchyek Tashiev", "typo in a long given name"},
		{"Kamchybek Tashiev", "Tashiev", "surname only"},
		{"Kamchybek Tashiev", "Kamchybek", "given name only"},
		{"Kamchybek Tashiev", "K. Tashiev", "initial"},
		{"Kamchybek Tashiev", "Tashiev Kamchybek", "surname first"},
		{"Kamchybek Tashiev", "Kamchybek Asanbekovich Tashiev", "patronymic"},
		{"Sadyr Zhaparov", "Sadyr Japarov", "zh/j"},
		{"Sadyr Zhaparov", "Садыр Жапаров", "Kyrgyz Cyrillic"},
		{"Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", "hyphenated given name"},
		{"Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", "hyphenated, Cyrillic"},
		{"Kassym-Jomart Tokayev", "Qasym-Jomart Toqaev", "Kazakh q"},
		{"Mukhtar Ablyazov", "Muhtar Ablyazov", "kh/h"},
		{"Tаshiev", "Tashiev", "Cyrillic а inside a Latin word"},
		{"Ташиeв", "Ташиев", "Latin e inside a Cyrillic word"},
		{"Aleksandr Lukashenko", "Alexander Lukashenko", "ks/x and a dropped e"},
		{"Nursultan Nazarbayev", "Nursultan Nazarbaev", "-ayev/-aev"},
	}
	for _, c := range cases {
		if r := namematch.Compare(c.a, c.b); !r.Match {
			t.Errorf("%s: Compare(%q, %q) = %+v, want a match", c.kind, c.a, c.b, r)
		}
	}
}

func TestMustNotMatch(t *testing.T) {
	cases := []struct{ a, b, kind, reason string }{
		{"Sadyr Zhaparov", "Akylbek Zhaparov", "same surname, different given name", namematch.ReasonGivenName},
		{"Sadyr Zhaparov", "Akylbek Japarov", "same surname spelled otherwise, different given name", namematch.ReasonGivenName},
		{"Oshurakhunova", "Ruzakhunov", "shared suffix", ""},
		{"Oshurakhunov", "Ruzakhunov", "shared suffix, same gender", namematch.ReasonDifferent},
		{"Zhaparov", "Zhaparova", "-ov/-ova", namematch.ReasonGender},
		{"Tokayev", "Tokayeva", "-ev/-eva", namematch.ReasonGender},
		{"Dariga Nazarbayeva", "Nursultan Nazarbayev", "father and daughter", ""},
		{"Aigerim Nursultankyzy", "Aibek Nursultanuly", "-kyzy/-uly", ""},
		{"Nursultankyzy", "Nursultanuly", "-kyzy/-uly alone", namematch.ReasonGender},
		{"Aleksandr Ivanov", "Aleksandra Ivanova", "gendered given name and surname", namematch.ReasonGender},
		{"Ivan Petrov", "Ivan Petrovsky", "longer surname", ""},
		{"Raya", "Maya", "short names get no typo budget", namematch.ReasonDifferent},
		{"K. Tashiev", "A. Tashiev", "conflicting initials", ""},
		{"Ivanov", "Ivanovich", "surname vs patronymic", ""},
	}
	for _, c := range cases {
		r := namematch.Compare(c.a, c.b)
		if r.Match {
			t.Errorf("%s: Compare(%q, %q) matched: %+v", c.kind, c.a, c.b, r)
			continue
		}
		if c.reason != "" && r.Reason != c.reason {
			t.Errorf("%s: Compare(%q, %q) reason %q, want %q", c.kind, c.a, c.b, r.Reason, c.reason)
		}
	}
}

func TestSymmetric(t *testing.T) {
	pairs := [][2]string{{"Sadyr Zhaparov", "Zhaparov"}, {"Zhaparova", "Sadyr Zhaparov"}, {"K. Tashiev", "Kamchybek Tashiev"}}
	for _, p := range pairs {
		if a, b := namematch.Compare(p[0], p[1]), namematch.Compare(p[1], p[0]); a != b {
			t.Errorf("Compare not symmetric on %q: %+v vs %+v", p, a, b)
		}
	}
}

func TestTypoBudgetGrowsWithLength(t *testing.T) {
	if namematch.TypoBudget(5) != 0 || namematch.TypoBudget(8) != 1 || namematch.TypoBudget(9) != 2 {
		t.Errorf("budget 5,8,9 = %d,%d,%d", namematch.TypoBudget(5), namematch.TypoBudget(8), namematch.TypoBudget(9))
	}
}

func TestAcronyms(t *testing.T) {
	yes := [][2]string{
		{"CSTO", "Collective Security Treaty Organization"},
		{"UN", "United Nations"},
		{"U.N.", "United Nations"},
		{"OSCE", "Organization for Security and Co-operation in Europe"},
		{"ОДКБ", "Организация Договора о коллективной безопасности"},
		{"GKNB", "Государственный комитет национальной безопасности"},
		{"SCO", "Shanghai Cooperation Organisation"},
	}
	for _, p := range yes {
		if !namematch.AcronymOf(p[0], p[1]) {
			t.Errorf("AcronymOf(%q, %q) = false", p[0], p[1])
		}
	}
	no := [][2]string{
		{"CSTO", "Commonwealth of Independent States"},
		{"Csto", "Collective Security Treaty Organization"},
		{"NATO", "National Security Committee"},
	}
	for _, p := range no {
		if namematch.AcronymOf(p[0], p[1]) {
			t.Errorf("AcronymOf(%q, %q) = true", p[0], p[1])
		}
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	for _, s := range []string{"", " ", "-", "'", "\xff\xfe", "ъ", "Ь-Ъ", "...", "O'", "А.", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"} {
		_ = namematch.Compare(s, "Tashiev")
		_ = namematch.Compare(s, s)
		_ = namematch.Skeleton(s)
		_ = namematch.AcronymOf(s, s)
	}
}

func TestCompareInflected(t *testing.T) {
	for _, p := range [][2]string{{"Баткена", "Batken"}, {"Астану", "Astana"}, {"Бишкеке", "Bishkek"}} {
		if r := namematch.CompareInflected(namematch.Parts(p[0]), namematch.Parts(p[1])); !r.Match {
			t.Errorf("CompareInflected(%q, %q) = %+v", p[0], p[1], r)
		}
	}
	// People are not declined away: Ташиева may be a woman.
	if namematch.Match("Ташиева", "Tashiev") {
		t.Error("Ташиева matched Tashiev as a person")
	}
	// Latin words are not stemmed: Osha is not Osh.
	if namematch.CompareInflected(namematch.Parts("Osha"), namematch.Parts("Osh")).Match {
		t.Error("Latin Osha matched Osh")
	}
}

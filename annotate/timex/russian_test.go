package timex_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/model"
)

func checkRU(t *testing.T, ref, text string, wants ...want) {
	t.Helper()
	doc := &model.Document{ID: "ru", Text: text, Published: model.Str(ref), Language: model.Str("ru")}
	got := timex.Extract(doc, timex.Reference(doc))
	if len(got) != len(wants) {
		var g []string
		for _, x := range got {
			g = append(g, x.Text+"="+x.Value)
		}
		t.Fatalf("%q: got %q, want %d expressions", text, g, len(wants))
	}
	for i, w := range wants {
		x := got[i]
		if text[x.Start:x.End] != x.Text {
			t.Fatalf("span %+v", x.Span)
		}
		if x.Text != w.text || x.Value != w.value || (w.gran != "" && x.Granularity != w.gran) || x.Modifier != w.mod {
			t.Errorf("%q:\n got  %q %s %s mod=%q\n want %q %s %s mod=%q", text, x.Text, x.Value, x.Granularity, x.Modifier, w.text, w.value, w.gran, w.mod)
		}
	}
}

func TestRussian(t *testing.T) {
	// 2022-01-11 is a Tuesday.
	ref := "2022-01-11"
	checkRU(t, ref, "Протесты начались 2 января 2022 года в Жанаозене.", want{"2 января 2022 года", "2022-01-02", day, ""})
	checkRU(t, ref, "Активиста задержали 28 декабря.", want{"28 декабря", "2021-12-28", day, ""})
	checkRU(t, ref, "Суд состоится 2 февраля.", want{"2 февраля", "2022-02-02", day, ""})
	checkRU(t, ref, "В воскресенье военные открыли огонь.", want{"воскресенье", "2022-01-09", day, ""})
	checkRU(t, ref, "Интернет восстановили в понедельник вечером.", want{"понедельник вечером", "2022-01-10", day, ""})
	checkRU(t, ref, "Вчера правительство ушло в отставку.", want{"Вчера", "2022-01-10", day, ""})
	checkRU(t, ref, "Три дня назад толпа захватила аэропорт.", want{"Три дня назад", "2022-01-08", day, ""})
	checkRU(t, ref, "На прошлой неделе погибли 164 человека.", want{"прошлой неделе", "2022-W01", week, ""})
	checkRU(t, ref, "В прошлом году экспорт упал.", want{"прошлом году", "2021", year, ""})
	checkRU(t, ref, "Границу открыли в начале января.", want{"начале января", "2022-01", month, "early"})
	checkRU(t, ref, "Переговоры завершатся в конце июля.", want{"конце июля", "2022-07", month, "late"})
	checkRU(t, ref, "Режим ЧП действовал с 4 по 6 января.", want{"с 4 по 6 января", "2022-01-04/2022-01-06", rng, ""})
	checkRU(t, ref, "Столкновения шли 4-6 января.", want{"4-6 января", "2022-01-04/2022-01-06", rng, ""})
	checkRU(t, ref, "Выстрелы раздались около 16:00.", want{"около 16:00", "2022-01-11T16:00", tim, "approx"})
	checkRU(t, ref, "Документ датирован 09.01.2022.", want{"09.01.2022", "2022-01-09", day, ""})
	checkRU(t, ref, "Завод приватизировали в 2019 году.", want{"2019 году", "2019", year, ""})
	checkRU(t, ref, "Его задержали 5 января. Днём ранее полиция разогнала митинг.",
		want{"5 января", "2022-01-05", day, ""}, want{"Днём ранее", "2022-01-04", day, ""})
	checkRU(t, ref, "Митинг прошёл в выходные.", want{"выходные", "2022-01-08/2022-01-09", rng, ""})
	checkRU(t, ref, "Цены выросли в апреле прошлого года.", want{"апреле прошлого года", "2021-04", month, ""})
	// Numbers that are not dates.
	checkRU(t, ref, "Задержаны более 2000 человек, выделено 300 палаток.")
}

func TestMonthName(t *testing.T) {
	for w, want := range map[string]bool{
		"January": true, "Sept": true, "May": true, "may": false, "march": false,
		"февраля": true, "ноябре": true, "толпа": false, "": false,
	} {
		if got := timex.MonthName(w); got != want {
			t.Errorf("MonthName(%q) = %v, want %v", w, got, want)
		}
	}
	if timex.MonthBeforeDay("марте") || !timex.MonthBeforeDay("October") {
		t.Error("MonthBeforeDay: a day follows an English month name, never a Russian one")
	}
}

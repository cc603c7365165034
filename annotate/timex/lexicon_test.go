package timex

import (
	"testing"
	"time"
)

// TestLexiconsLoad reads the embedded tables: a broken or missing file, or
// a language that lost a table, fails here rather than at run time.
func TestLexiconsLoad(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, month string
		want        time.Month
	}{{"en", "sept", time.September}, {"en", "may", time.May}, {"ru", "января", time.January}} {
		lx := lxs[c.lang]
		if lx == nil || lx.months[c.month] != c.want {
			t.Errorf("%s: %q is not month %d", c.lang, c.month, c.want)
		}
	}
	if en := lxs["en"]; !en.fullNames["monday"] || en.fullNames["mon"] || en.units["weeks"] != unitWeek || !en.capitalisedMonths || en.pastMinLen != 5 {
		t.Error("English tables read wrong")
	}
	if ru := lxs["ru"]; ru.capitalisedMonths || !ru.numericDayFirst || ru.relativeDays["позавчера"] != -2 || len(ru.of) != 0 {
		t.Error("Russian tables read wrong")
	}
}

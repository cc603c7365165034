package timex

import (
	"strings"
	"sync"
	"time"
)

// russian is the Russian lexicon, built once. It covers the common news
// forms: "3 января 2022 года", "в понедельник", "в понедельник вечером",
// "вчера", "позавчера", "три дня назад", "на прошлой неделе", "в прошлом
// году", "в начале января", "в конце июля", "с 4 по 6 января", "4-6
// января", "в 16:00", "около 16:00", "в выходные", "на следующий день",
// "днём ранее", "в тот же день", "09.01.2023". Word forms are listed
// rather than stemmed: the cases a date word takes are few.
var russian = sync.OnceValue(func() *lexicon {
	lx := &lexicon{
		months:            map[string]time.Month{},
		weekdays:          map[string]time.Weekday{},
		fullNames:         map[string]bool{},
		ambiguousMonths:   map[string]bool{},
		capitalisedMonths: false,
		pastSuffixes:      []string{"л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"},
		pastMinLen:        4,
		periodPartsNeedOf: false,
		yearWords:         set("год", "года", "году", "г"),
		night:             set("ночью"),
		clockPreps:        set("в", "к", "до", "после", "около", "с", "по"),
		bareWeekend:       true,
		checkContinuation: false,
		continuers:        map[string]bool{},
		ordinalSuffix:     map[string]bool{},
		ordinalWords:      map[string]int{},
		numbers: map[string]int{
			"один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2,
			"три": 3, "трех": 3, "трёх": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
			"восемь": 8, "девять": 9, "десять": 10,
		},
		units: map[string]unit{
			"день": unitDay, "дня": unitDay, "дней": unitDay,
			"неделя": unitWeek, "недели": unitWeek, "неделю": unitWeek, "неделе": unitWeek, "недель": unitWeek,
			"месяц": unitMonth, "месяца": unitMonth, "месяцев": unitMonth, "месяце": unitMonth,
			"год": unitYear, "года": unitYear, "году": unitYear, "лет": unitYear,
		},
		relativeDays: map[string]int{"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2},
		partsOfDay:   set("утром", "днём", "днем", "вечером", "ночью"),
		shifters: map[string]int{
			"прошлый": -1, "прошлого": -1, "прошлом": -1, "прошлую": -1, "прошлой": -1, "прошлая": -1, "прошлое": -1,
			"минувший": -1, "минувшей": -1, "минувшем": -1, "минувшую": -1,
			"этот": 0, "эта": 0, "эту": 0, "этой": 0, "этом": 0, "этого": 0,
			"текущий": 0, "текущей": 0, "текущем": 0, "текущего": 0,
			"следующий": 1, "следующей": 1, "следующем": 1, "следующую": 1, "следующая": 1, "следующего": 1,
			"будущий": 1, "будущей": 1, "будущем": 1, "будущую": 1, "будущего": 1,
		},
		ago:       set("назад"),
		later:     set("спустя", "позже"),
		earlier:   set("ранее", "раньше"),
		dayBefore: set("днём ранее", "днем ранее", "днём раньше", "днем раньше"),
		dayAfter:  set("на следующий день", "на другой день", "днём позже", "днем позже"),
		sameDay:   set("тот же день", "тот день", "этот же день"),
		modifiers: map[string]string{},
		periodParts: map[string]string{
			"начале": "early", "начала": "early", "начало": "early",
			"конце": "late", "конца": "late", "конец": "late",
			"середине": "mid", "середины": "mid", "середина": "mid",
		},
		approx:        set("около", "примерно", "приблизительно", "почти", "порядка"),
		approxPhrases: set("более чем", "менее чем", "больше чем"),
		rangeTo:       set("по", "до", "-", "–", "—", "и"),
		rangeFrom:     set("с", "со", "от"),
		rangeBetween:  set("между"),
		rangeAnd:      set("и"),
		of:            map[string]bool{},
		the:           map[string]bool{},
		weekend:       set("выходные", "выходных"),
		am:            map[string]bool{},
		pm:            map[string]bool{},
		noon:          map[string]int{"полдень": 12, "полночь": 0},
		oclock:        map[string]bool{},
		yearCue: set("в", "во", "с", "со", "до", "после", "к", "по", "от", "и", "начале", "конце",
			"середине", "начала", "конца", "середины", "году", "года"),
		monthCue: set("в", "во", "с", "со", "до", "после", "к", "по", "от", "и", "начале", "конце",
			"середине", "начала", "конца", "середины", "прошлом", "этом", "следующем", "минувшем"),
		notYearBefore: set("более", "менее", "около", "примерно", "почти", "свыше", "$", "€", "£", "№"),
		future: set("будет", "будут", "буду", "будем", "будете", "состоится", "состоятся", "пройдёт",
			"пройдет", "пройдут", "планирует", "планируется", "планируют", "намерен", "намерена",
			"намерены", "собирается", "собираются", "ожидается", "ожидаются", "предстоит", "завтра",
			"запланирован", "запланирована", "запланировано", "назначен", "назначена", "назначено",
			"назначены"),
		futurePair: map[string]bool{},
		past:       set("был", "была", "было", "были", "вчера", "назад", "ранее", "позавчера"),
		notPastEd: set("если", "земли", "роли", "цели", "недели", "модели", "школы", "мысли",
			"более", "сколько", "только", "нельзя", "тела", "дела", "села", "числа", "масла"),
		beForms:         map[string]bool{},
		numericDayFirst: true,
	}
	defer lx.buildTriggers()
	// Nominative, genitive ("3 января"), prepositional ("в январе").
	months := [][]string{
		{"январь", "января", "январе"}, {"февраль", "февраля", "феврале"}, {"март", "марта", "марте"},
		{"апрель", "апреля", "апреле"}, {"май", "мая", "мае"}, {"июнь", "июня", "июне"},
		{"июль", "июля", "июле"}, {"август", "августа", "августе"}, {"сентябрь", "сентября", "сентябре"},
		{"октябрь", "октября", "октябре"}, {"ноябрь", "ноября", "ноябре"}, {"декабрь", "декабря", "декабре"},
	}
	for i, forms := range months {
		for _, f := range forms {
			lx.months[f] = time.Month(i + 1)
			lx.fullNames[f] = true
		}
	}
	for abbr, m := range map[string]time.Month{"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6,
		"июл": 7, "авг": 8, "сен": 9, "сент": 9, "окт": 10, "нояб": 11, "дек": 12} {
		lx.months[abbr] = m
	}
	// Nominative, accusative ("в среду"), genitive ("до среды"), dative.
	days := [][]string{
		{"воскресенье", "воскресенья", "воскресенью"},
		{"понедельник", "понедельника", "понедельнику"},
		{"вторник", "вторника", "вторнику"},
		{"среда", "среду", "среды", "среде"},
		{"четверг", "четверга", "четвергу"},
		{"пятница", "пятницу", "пятницы", "пятнице"},
		{"суббота", "субботу", "субботы", "субботе"},
	}
	for i, forms := range days {
		for _, f := range forms {
			lx.weekdays[f] = time.Weekday(i)
			lx.fullNames[f] = true
		}
	}
	lx.approxFirst = map[string]bool{}
	for ph := range lx.approxPhrases {
		lx.approxFirst[strings.Fields(ph)[0]] = true
	}
	return lx
})

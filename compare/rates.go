package compare

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/model"
)

// Rates are exchange rates a user supplies. The CSV file has three columns,
// with an optional header line "date,currency,rate":
//
//	2025-03-10,KZT,497.5
//	2025-03-10,EUR,0.92
//
// rate is how many units of the currency one US dollar buys on that date
// (USD itself is always 1). A conversion uses the rate whose date is
// nearest the claim's date.
type Rates struct {
	byCurrency map[string][]datedRate
}

type datedRate struct {
	day  time.Time
	rate float64
}

// LoadRates reads a rates CSV file.
func LoadRates(path string) (*Rates, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load rates: %w", err)
	}
	defer f.Close()
	r, err := ParseRates(f)
	if err != nil {
		return nil, fmt.Errorf("load rates %s: %w", path, err)
	}
	return r, nil
}

// ParseRates reads rates CSV from r.
func ParseRates(r io.Reader) (*Rates, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.Comment = '#'
	rates := &Rates{byCurrency: map[string][]datedRate{}}
	line := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse rates: %w", err)
		}
		line++
		if len(rec) == 0 || (len(rec) == 1 && strings.TrimSpace(rec[0]) == "") {
			continue
		}
		if len(rec) != 3 {
			return nil, fmt.Errorf("parse rates: line %d: want date,currency,rate, got %d fields", line, len(rec))
		}
		if line == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "date") {
			continue
		}
		day, err := time.Parse("2006-01-02", strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, fmt.Errorf("parse rates: line %d: date %q: %w", line, rec[0], err)
		}
		cur := strings.ToUpper(strings.TrimSpace(rec[1]))
		if len(cur) != 3 {
			return nil, fmt.Errorf("parse rates: line %d: currency %q is not an ISO 4217 code", line, rec[1])
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
		if err != nil || v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("parse rates: line %d: rate %q is not a positive number", line, rec[2])
		}
		rates.byCurrency[cur] = append(rates.byCurrency[cur], datedRate{day, v})
	}
	for _, rs := range rates.byCurrency {
		sort.Slice(rs, func(i, j int) bool { return rs[i].day.Before(rs[j].day) })
	}
	return rates, nil
}

// perUSD returns units of cur per US dollar nearest to date ("" = latest).
func (r *Rates) perUSD(cur, date string) (float64, string, bool) {
	if cur == "USD" {
		return 1, "", true
	}
	if r == nil {
		return 0, "", false
	}
	rs := r.byCurrency[cur]
	if len(rs) == 0 {
		return 0, "", false
	}
	best := rs[len(rs)-1]
	if t, err := time.Parse("2006-01-02", date); err == nil {
		bestGap := math.MaxFloat64
		for _, x := range rs {
			gap := math.Abs(x.day.Sub(t).Hours())
			if gap < bestGap {
				best, bestGap = x, gap
			}
		}
	}
	return best.rate, best.day.Format("2006-01-02"), true
}

// rateEdge says that one unit of To is worth Rate units of From, and why.
type rateEdge struct {
	from, to string
	rate     float64
	source   string
}

// rateBook holds every exchange rate the comparison may use: those implied
// by parallel amounts in the corpus and those of the user's rates file.
type rateBook struct {
	implied map[[2]string][]rateEdge
	user    *Rates
}

// newRateBook collects implied rates from every money quantity with a
// parallel restatement ("90,000 tenge [$207]": 434.8 KZT per USD).
func newRateBook(docs []*model.Annotated, user *Rates) *rateBook {
	b := &rateBook{implied: map[[2]string][]rateEdge{}, user: user}
	for _, a := range docs {
		if a == nil || a.Doc == nil {
			continue
		}
		for i, q := range a.Quantities {
			if q.Kind != model.KindMoney || q.Parallel <= i || q.Parallel >= len(a.Quantities) {
				continue
			}
			p := a.Quantities[q.Parallel]
			if p.Kind != model.KindMoney || p.Unit == q.Unit || q.Amount <= 0 || p.Amount <= 0 {
				continue
			}
			src := fmt.Sprintf("%q in %s", a.Doc.Text[q.Start:p.End], docLabel(a.Doc))
			b.add(rateEdge{from: q.Unit, to: p.Unit, rate: q.Amount / p.Amount, source: src})
			b.add(rateEdge{from: p.Unit, to: q.Unit, rate: p.Amount / q.Amount, source: src})
		}
	}
	return b
}

func (b *rateBook) add(e rateEdge) {
	k := [2]string{e.from, e.to}
	b.implied[k] = append(b.implied[k], e)
}

// convert returns amount (in cur) in units of target, and how the rate
// was found. Corpus rates are tried first (directly, then through one
// intermediate currency), then the user's rates file via USD.
func (b *rateBook) convert(amount float64, cur, target, date string) (float64, string, bool) {
	if cur == target {
		return amount, "", true
	}
	// direct: rate = units of cur per unit of target.
	if r, src, ok := b.direct(cur, target); ok {
		return amount / r, src, true
	}
	var mids []string
	for k := range b.implied {
		if k[0] == cur {
			mids = append(mids, k[1])
		}
	}
	sort.Strings(mids) // the same path on every run
	for _, mid := range mids {
		r1, s1, ok1 := b.direct(cur, mid)
		r2, s2, ok2 := b.direct(mid, target)
		if ok1 && ok2 {
			return amount / r1 / r2, s1 + " and " + s2, true
		}
	}
	if b.user != nil {
		rc, dc, ok1 := b.user.perUSD(cur, date)
		rt, dt, ok2 := b.user.perUSD(target, date)
		if ok1 && ok2 {
			when := dc
			if when == "" {
				when = dt
			}
			return amount / rc * rt, "rates file (" + when + ")", true
		}
	}
	return 0, "", false
}

// direct averages the implied rates between two currencies.
func (b *rateBook) direct(from, to string) (float64, string, bool) {
	es := b.implied[[2]string{from, to}]
	if len(es) == 0 {
		return 0, "", false
	}
	sum := 0.0
	for _, e := range es {
		sum += e.rate
	}
	r := sum / float64(len(es))
	src := fmt.Sprintf("%.4g %s per %s implied by %s", r, from, to, es[0].source)
	if len(es) > 1 {
		src += fmt.Sprintf(" and %d more", len(es)-1)
	}
	return r, src, true
}

func docLabel(d *model.Document) string {
	if d.Outlet != nil && *d.Outlet != "" {
		return *d.Outlet
	}
	if d.Source != "" {
		return filepath.Base(d.Source)
	}
	if len(d.ID) > 12 {
		return d.ID[:12]
	}
	return d.ID
}

package gazetteer

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// BuildOptions tunes Build. The zero value means the defaults.
type BuildOptions struct {
	// MinPopulationForAliases is the population from which a place's Latin
	// alternate names are kept; smaller places keep their main name, ASCII
	// name and Cyrillic names only, to keep the file small. Default 15000.
	MinPopulationForAliases int
	// MinGivenNameCount drops SSA given names given to fewer babies in
	// 1880–2024. Default 50.
	MinGivenNameCount int
}

// Build compiles the gazetteers under sharedDir (the ../shared folder) and
// writes the compiled, gzip-compressed file to w.
func Build(ctx context.Context, sharedDir string, w io.Writer, opt BuildOptions) error {
	if opt.MinPopulationForAliases == 0 {
		opt.MinPopulationForAliases = 15000
	}
	if opt.MinGivenNameCount == 0 {
		opt.MinGivenNameCount = 50
	}
	dir := filepath.Join(sharedDir, "gazetteers")
	sections := map[string]map[string]string{}
	for _, s := range sectionOrder {
		sections[s] = map[string]string{}
	}
	canonical := map[string]string{} // place key → canonical name, where they differ
	english := map[string]string{}   // English country names only, for demonyms
	steps := []struct {
		name string
		run  func() error
	}{
		{"countries", func() error { return buildCountries(dir, sections[SectionCountries], english) }},
		{"places", func() error {
			return buildPlaces(dir, sections[SectionPlaces], canonical, opt.MinPopulationForAliases)
		}},
		{"given names", func() error { return buildGiven(dir, sections[SectionGiven], opt.MinGivenNameCount) }},
		{"surnames", func() error { return buildSurnames(dir, sections[SectionSurnames]) }},
	}
	for _, st := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := st.run(); err != nil {
			return fmt.Errorf("build %s: %w", st.name, err)
		}
	}
	// The canonical name rides in a second value column of the places
	// section rather than a section of its own: next to its key it costs
	// less than half of what a section of its own, repeating some 240k keys,
	// would.
	for k, c := range canonical {
		sections[SectionPlaces][k] += "\t" + c
	}
	buildDemonyms(english, sections[SectionDemonyms])
	return writeSections(w, sections)
}

func buildCountries(dir string, out, english map[string]string) error {
	files, err := filepath.Glob(filepath.Join(dir, "iso-countries", "langs", "*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no country files in %s", dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var doc struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		// Sorted codes, so a name two countries share ("Congo") always goes
		// to the same one and the build is reproducible.
		codes := make([]string, 0, len(doc.Countries))
		for code := range doc.Countries {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			raw := doc.Countries[code]
			var names []string
			var one string
			if json.Unmarshal(raw, &one) == nil {
				names = []string{one}
			} else if err := json.Unmarshal(raw, &names); err != nil {
				return fmt.Errorf("%s %s: %w", f, code, err)
			}
			for _, n := range names {
				if !latinOrCyrillic(n) {
					continue
				}
				k := Key(n)
				if _, dup := out[k]; !dup {
					out[k] = code
				}
				if filepath.Base(f) == "en.json" {
					english[k] = code
				}
			}
		}
	}
	return nil
}

// latinOrCyrillic reports whether every letter of s is Latin or Cyrillic:
// the scripts Parallax reads.
func latinOrCyrillic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) && !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
	}
	return true
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// buildPlaces reads GeoNames cities500: name (1), ascii name (2), alternate
// names (3), country code (8), population (14). It fills places (name key →
// country code) and canonical (name key → key of the ASCII name of the
// place that won the key, only where the two differ), so both sections
// describe the same place for every key.
func buildPlaces(dir string, places, canonical map[string]string, minPop int) error {
	f, err := os.Open(filepath.Join(dir, "geonames-cities500.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	// The most populous place wins a shared name: "Osh" is the Kyrgyz city.
	bestPop := map[string]int{}
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 15 {
			return fmt.Errorf("geonames line %d: %d columns", line, len(cols))
		}
		pop, _ := strconv.Atoi(cols[14])
		country := cols[8]
		ascii := cols[2]
		if ascii == "" { // a few rows have no ASCII name
			ascii = cols[1]
		}
		canon := Key(ascii)
		add := func(n string) {
			if n == "" || len(n) > 60 || !latinOrCyrillic(n) {
				return
			}
			k := Key(n)
			if p, dup := bestPop[k]; !dup || pop > p {
				places[k] = country
				bestPop[k] = pop
				if canon != k && canon != "" {
					canonical[k] = canon
				} else {
					delete(canonical, k)
				}
			}
		}
		add(cols[1])
		add(cols[2])
		for _, alt := range strings.Split(cols[3], ",") {
			if isCyrillic(alt) || pop >= minPop {
				add(alt)
			}
		}
	}
	return sc.Err()
}

// buildGiven merges the US census and SSA given names, the per-country
// forename lists and the Russian first names, keeping a gender when the
// sources agree.
func buildGiven(dir string, out map[string]string, minCount int) error {
	score := map[string]float64{} // > 0 male, < 0 female
	seen := map[string]bool{}
	note := func(name string, s float64) {
		k := Key(strings.TrimSpace(name))
		if k == "" || !latinOrCyrillic(k) {
			return
		}
		seen[k] = true
		score[k] += s
	}
	for _, g := range []struct {
		file string
		sign float64
	}{{"dist.male.first", 1}, {"dist.female.first", -1}} {
		err := eachLine(filepath.Join(dir, "names", "census1990", g.file), func(l string) error {
			f := strings.Fields(l)
			if len(f) < 2 {
				return nil
			}
			pct, _ := strconv.ParseFloat(f[1], 64)
			note(f[0], g.sign*(pct+0.001))
			return nil
		})
		if err != nil {
			return err
		}
	}
	err := eachLine(filepath.Join(dir, "names", "ssa_us_given_names_1880_2024.tsv"), func(l string) error {
		name, count, ok := strings.Cut(l, "\t")
		if n, _ := strconv.Atoi(strings.TrimSpace(count)); ok && n >= minCount {
			note(name, 0)
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows, err := readCSV(filepath.Join(dir, "names", "sigpwned", "common-forenames-by-country.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		if len(r) < 12 {
			continue
		}
		s := 0.0
		switch r[9] {
		case "M":
			s = 0.01
		case "F":
			s = -0.01
		}
		note(r[10], s)
		note(r[11], s)
	}
	ru, err := readFakerRU(dir)
	if err != nil {
		return err
	}
	for _, n := range ru.FirstName.Male {
		note(n, 0.01)
	}
	for _, n := range ru.FirstName.Female {
		note(n, -0.01)
	}
	for k := range seen {
		switch s := score[k]; {
		case s > 0:
			out[k] = "male"
		case s < 0:
			out[k] = "female"
		default:
			out[k] = ""
		}
	}
	return nil
}

func buildSurnames(dir string, out map[string]string) error {
	err := eachLine(filepath.Join(dir, "names", "census1990", "dist.all.last"), func(l string) error {
		if f := strings.Fields(l); len(f) > 0 {
			out[Key(f[0])] = ""
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows, err := readCSV(filepath.Join(dir, "names", "sigpwned", "common-surnames-by-country.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		if len(r) < 6 {
			continue
		}
		for _, n := range r[4:6] {
			if n != "" && latinOrCyrillic(n) {
				out[Key(n)] = ""
			}
		}
	}
	ru, err := readFakerRU(dir)
	if err != nil {
		return err
	}
	for _, n := range append(ru.LastName.Male, ru.LastName.Female...) {
		out[Key(n)] = ""
	}
	return nil
}

type fakerRU struct {
	FirstName struct{ Male, Female []string } `json:"first_name"`
	LastName  struct{ Male, Female []string } `json:"last_name"`
}

func readFakerRU(dir string) (*fakerRU, error) {
	b, err := os.ReadFile(filepath.Join(dir, "names", "faker_ru_person.json"))
	if err != nil {
		return nil, err
	}
	var v fakerRU
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("faker_ru_person.json: %w", err)
	}
	return &v, nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return rows, nil
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if err := fn(sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestComparisonRowsHaveTests checks that every row of docs/comparison.md
// names a test that exists, so no claim in the table is unbacked.
func TestComparisonRowsHaveTests(t *testing.T) {
	page, err := os.ReadFile("../../docs/comparison.md")
	if err != nil {
		t.Fatal(err)
	}
	cmd := regexp.MustCompile("`go test (\\./[^ `]+) -run ([A-Za-z0-9_]+)`")
	rows := 0
	for _, line := range strings.Split(string(page), "\n") {
		if !regexp.MustCompile(`^\| \d+ \|`).MatchString(line) {
			continue
		}
		rows++
		ms := cmd.FindAllStringSubmatch(line, -1)
		if len(ms) == 0 {
			t.Errorf("row without a test: %.80s", line)
		}
		for _, m := range ms {
			dir := filepath.Join("../..", m[1])
			files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
			found := false
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err == nil && strings.Contains(string(b), "func "+m[2]+"(") {
					found = true
				}
			}
			if !found {
				t.Errorf("row names %s in %s, which has no such test", m[2], m[1])
			}
		}
	}
	if rows < 10 {
		t.Errorf("only %d rows in the comparison table", rows)
	}
}

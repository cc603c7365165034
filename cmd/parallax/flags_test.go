package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Problem 7 of issue 19: "--max-size 0.5" or "1e30" silently became 10 MB
// and a negative or NaN --tolerance was accepted.
func TestNumericFlagsValidated(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	writeFile(t, art, []byte(goodArticle))
	db := filepath.Join(dir, "p.db")
	for _, c := range []struct {
		flag, value, want string
	}{
		{"--max-size", "0.5", "--max-size"},
		{"--max-size", "1e30", "--max-size"},
		{"--max-size", "-3MB", "--max-size"},
		{"--max-size", "NaN", "--max-size"},
		{"--max-size", "Inf", "--max-size"},
		{"--max-size", "0.0001KB", "--max-size"},
		{"--tolerance", "-0.1", "--tolerance"},
		{"--tolerance", "NaN", "--tolerance"},
		{"--tolerance", "Inf", "--tolerance"},
		{"--tolerance", "1.5", "--tolerance"},
	} {
		code, _, stderr := run(t, "", "analyze", "-q", "--db", db, c.flag, c.value, art)
		if code != 2 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, c.value) {
			t.Errorf("%s %s: exit %d, stderr %q; want exit 2 naming the flag and value", c.flag, c.value, code, stderr)
		}
	}
	for _, ok := range []string{"500KB", "1.5MB", "2048", "1GB"} {
		if code, _, stderr := run(t, "", "analyze", "-q", "--db", db, "--max-size", ok, art); code != 0 {
			t.Errorf("--max-size %s: exit %d %s", ok, code, stderr)
		}
	}
	if code, _, stderr := run(t, "", "serve", "--db", db, "--max-size", "0.5"); code != 2 || !strings.Contains(stderr, "--max-size") {
		t.Errorf("serve --max-size 0.5: exit %d %q", code, stderr)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10MB": 10 << 20, "500kb": 500 << 10, "1.5M": 3 << 19, "2048": 2048, "1 GB": 1 << 30, "4TB": 0} {
		got, err := parseSize(in)
		if want == 0 {
			if err == nil {
				t.Errorf("parseSize(%q) = %d, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

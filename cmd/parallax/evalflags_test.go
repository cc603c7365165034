package main

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestEvalFlagsVerboseSendsMismatchesToStdout(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{{nil, false}, {[]string{"-v"}, true}} {
		var stdout, stderr bytes.Buffer
		f := newEvalFlags("x", &stdout, &stderr)
		var mismatches io.Writer
		f.mismatches(&mismatches)
		if err := f.parse(tc.args); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got := mismatches == io.Writer(&stdout); got != tc.want {
			t.Errorf("%v: mismatches to stdout = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestEvalFlagsBadFlagIsUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	f := newEvalFlags("quotes", &stdout, &stderr)
	var corpus string
	f.speedCorpus(&corpus)
	for _, args := range [][]string{{"-nope"}, {"-h"}} {
		stderr.Reset()
		if err := f.parse(args); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want errUsage", args, err)
		}
		if !strings.Contains(stderr.String(), "-corpus") || stdout.Len() > 0 {
			t.Errorf("%v: usage not on stderr alone: stdout %q, stderr %q", args, stdout.String(), stderr.String())
		}
	}
	if got, want := defaultECBDocs(""), "../shared/corpora/ecbplus/docs"; got != want {
		t.Errorf("defaultECBDocs(\"\") = %q, want %q", got, want)
	}
}

type printed string

func (p printed) Print(w io.Writer) { io.WriteString(w, string(p)) }

func TestEvalFlagsPrintReport(t *testing.T) {
	var stdout bytes.Buffer
	f := newEvalFlags("timex", &stdout, io.Discard)
	if err := f.printReport(printed("P 0.9\n"), nil); err != nil || stdout.String() != "P 0.9\n" {
		t.Errorf("printReport = %v, printed %q", err, stdout.String())
	}
	stdout.Reset()
	cause := errors.New("no gold")
	err := f.printReport(nil, cause)
	if !errors.Is(err, cause) || err.Error() != "eval timex: no gold" || stdout.Len() > 0 {
		t.Errorf("printReport with an error = %v, printed %q", err, stdout.String())
	}
}

func TestCommaInts(t *testing.T) {
	got, err := commaInts(" 36,37 , 45")
	if want := []int{36, 37, 45}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("commaInts = %v, %v; want %v", got, err, want)
	}
	if s := intsString(got); s != "36,37,45" {
		t.Errorf("intsString = %q", s)
	}
	for _, bad := range []string{"", "36,", "3x", "1,,2"} {
		if _, err := commaInts(bad); err == nil {
			t.Errorf("commaInts(%q) accepted", bad)
		}
	}
}

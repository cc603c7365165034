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

func TestECBTopics(t *testing.T) {
	for _, tc := range []struct {
		split string
		want  int // number of topics, -1 for an error
	}{{"test", 10}, {"dev", 3}, {"train", 20}, {"36, 37", 2}, {"36,x", -1}, {"", -1}} {
		got, err := ecbTopics(tc.split)
		switch {
		case tc.want < 0 && err == nil:
			t.Errorf("%q: want an error, got %v", tc.split, got)
		case tc.want >= 0 && (err != nil || len(got) != tc.want):
			t.Errorf("%q: %v, %v; want %d topics", tc.split, got, err, tc.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := evalEvents(t.Context(), []string{"-split", "nope"}, &stdout, &stderr); err == nil {
		t.Error("eval events -split nope: want an error")
	}
}

// Package progress shows how long work is going on a terminal: documents
// done, per second, and time left, on one line redrawn in place. When the
// output is not a terminal (a file, a pipe, CI) it prints nothing, so logs
// stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Line is one progress line. The zero value and nil print nothing.
type Line struct {
	mu      sync.Mutex
	w       io.Writer
	every   time.Duration
	stage   string
	total   int
	done    int
	start   time.Time
	drawn   time.Time
	visible bool
}

// New returns a Line that draws on w when w is a terminal, and nil (which
// prints nothing) otherwise.
func New(w io.Writer) *Line {
	if !IsTerminal(w) {
		return nil
	}
	return &Line{w: w, every: 200 * time.Millisecond}
}

// IsTerminal reports whether w is a character device such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Update says done of total documents of a stage are finished; a new
// stage name restarts the rate.
func (l *Line) Update(stage string, done, total int) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if stage != l.stage || total != l.total {
		l.stage, l.total, l.start = stage, total, now
	}
	l.done = done
	if now.Sub(l.drawn) < l.every && done < total {
		return
	}
	l.drawn = now
	fmt.Fprintf(l.w, "\r\033[K%s", Format(stage, done, total, now.Sub(l.start)))
	l.visible = true
}

// Clear removes the line, before the command prints its summary.
func (l *Line) Clear() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.visible {
		fmt.Fprint(l.w, "\r\033[K")
		l.visible = false
	}
}

// Format is the text of the line: "annotating 120/1000 documents, 35.2/s,
// 25s left".
func Format(stage string, done, total int, elapsed time.Duration) string {
	s := fmt.Sprintf("%s %d/%d documents", stage, done, total)
	if secs := elapsed.Seconds(); done > 0 && secs > 0 {
		rate := float64(done) / secs
		s += fmt.Sprintf(", %.1f/s", rate)
		if left := total - done; left > 0 {
			s += fmt.Sprintf(", %s left", time.Duration(float64(left)/rate*float64(time.Second)).Round(time.Second))
		}
	}
	return s
}

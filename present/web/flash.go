package web

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"sync"
)

// flashCapacity is how many recent analysis results the server remembers
// for the banner shown after adding articles.
const flashCapacity = 256

// flashes remembers what recent additions did, under random keys, so the
// "Analysed: N added" banner states what the server did: a link cannot
// make a story page claim anything.
type flashes struct {
	mu    sync.Mutex
	byKey map[string]flash
	order []string // oldest first, for eviction
	cap   int
}

type flash struct {
	story string
	msg   string
}

func newFlashes(capacity int) *flashes {
	return &flashes{byKey: map[string]flash{}, cap: capacity}
}

// add remembers the result of an addition to story and returns its key.
func (f *flashes) add(story string, added, known int) string {
	b := make([]byte, 12)
	rand.Read(b)
	key := base64.RawURLEncoding.EncodeToString(b)
	msg := fmt.Sprintf("Analysed: %s added", plural(added, "new article", "new articles"))
	if known > 0 {
		msg += fmt.Sprintf(", %s already stored", plural(known, "article was", "articles were"))
	}
	msg += "."
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.order) >= f.cap {
		delete(f.byKey, f.order[0])
		f.order = f.order[1:]
	}
	f.byKey[key] = flash{story: story, msg: msg}
	f.order = append(f.order, key)
	return key
}

// message returns the banner remembered under key for story, or "".
func (f *flashes) message(key, story string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fl, ok := f.byKey[key]; ok && fl.story == story {
		return fl.msg
	}
	return ""
}

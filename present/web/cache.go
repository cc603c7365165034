package web

import (
	"context"
	"sync"

	"github.com/parallaxnews/parallax/model"
)

// storyVersioner is a store that can say cheaply whether a story changed
// (store/sqlite does).
type storyVersioner interface {
	StoryVersion(ctx context.Context, storyID string) (string, error)
}

// dossierCache keeps the last few decoded dossiers, keyed by story and
// version, shared by every reader: decoding a big story's dossier costs far
// more time and memory than rendering a page of it, and twenty readers of
// one story must not each hold their own copy. Cached dossiers are read
// only; handlers that change a dossier read it from the store.
type dossierCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	order   []string // least recently used first
	max     int
}

type cacheEntry struct {
	version string
	ready   chan struct{} // closed when d and err are set
	d       *model.Dossier
	err     error
}

func newDossierCache(max int) *dossierCache {
	return &dossierCache{entries: map[string]*cacheEntry{}, max: max}
}

// storyVersion returns story id's version, or versioned false when the
// store cannot say (nothing is cached then).
func (s *Server) storyVersion(ctx context.Context, id string) (version string, versioned bool, err error) {
	vs, ok := s.opts.Store.(storyVersioner)
	if !ok {
		return "", false, nil
	}
	version, err = vs.StoryVersion(ctx, id)
	return version, err == nil, err
}

// dossier returns story id's dossier, shared and read-only, decoding it at
// most once per version however many requests ask at once.
func (s *Server) dossier(ctx context.Context, id string) (*model.Dossier, error) {
	vs, ok := s.opts.Store.(storyVersioner)
	if !ok {
		return s.opts.Store.StoryDossier(ctx, id)
	}
	version, err := vs.StoryVersion(ctx, id)
	if err != nil {
		return nil, err
	}
	c := s.cache
	c.mu.Lock()
	e := c.entries[id]
	if e == nil || e.version != version {
		e = &cacheEntry{version: version, ready: make(chan struct{})}
		c.entries[id] = e
		c.touch(id)
		c.mu.Unlock()
		// Not cancelled with this request: others may be waiting for it.
		e.d, e.err = s.opts.Store.StoryDossier(context.WithoutCancel(ctx), id)
		close(e.ready)
		if e.err != nil {
			c.mu.Lock()
			if c.entries[id] == e {
				delete(c.entries, id)
			}
			c.mu.Unlock()
		}
		return e.d, e.err
	}
	c.touch(id)
	c.mu.Unlock()
	select {
	case <-e.ready:
		return e.d, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// touch marks id most recently used and evicts beyond max; c.mu is held.
func (c *dossierCache) touch(id string) {
	for i, o := range c.order {
		if o == id {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
	c.order = append(c.order, id)
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}

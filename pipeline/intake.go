package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// cleaning cleans up to Options.Workers inputs at once while the caller
// reads the next ones, and stores the documents from one goroutine in
// input order, so what is stored, Failed and the counts are those of a
// run that took the inputs one at a time. Cleaning is CPU work on one
// document; storing is one SQLite transaction per document, which SQLite
// serialises anyway.
type cleaning struct {
	ctx   context.Context
	in    *intake
	queue chan *cleanJob // every input in order, to the storer
	work  chan *cleanJob // inputs to clean, to the workers
	wg    sync.WaitGroup
	done  chan struct{} // closed when the storer has stored everything
	mu    sync.Mutex
	err   error // the first store failure or cancellation
}

// takeInputs cleans and stores inputs, returning the intake for analysis.
func (p *Pipeline) takeInputs(ctx context.Context, st model.Store, inputs []ingest.Input) (*intake, error) {
	in := p.newIntake(st)
	c := p.startCleaning(ctx, in)
	for _, input := range inputs {
		if c.add(input) != nil {
			break
		}
	}
	if err := c.wait(); err != nil {
		return nil, err
	}
	return in, nil
}

// cleanJob is one input on its way through cleaning: a read failure
// (failed) keeps its place among the inputs.
type cleanJob struct {
	input  ingest.Input
	failed *ingest.Error
	doc    *model.Document
	put    func(context.Context) (bool, error) // stores doc, when the store prepares documents
	err    error
	ready  chan struct{} // closed when doc, put and err are set
}

// documentPreparer is a store that can do the work of storing a document
// outside its transaction ahead of time (store/sqlite: the document's JSON
// and search terms), so the workers do it in parallel.
type documentPreparer interface {
	PrepareDocument(doc *model.Document) (func(context.Context) (bool, error), error)
}

// startCleaning starts the workers and the storer; wait ends them.
func (p *Pipeline) startCleaning(ctx context.Context, in *intake) *cleaning {
	workers := p.opts.Workers
	c := &cleaning{ctx: ctx, in: in, done: make(chan struct{}),
		// At most 2×workers inputs (each up to --max-size) are held at once.
		queue: make(chan *cleanJob, 2*workers), work: make(chan *cleanJob, workers)}
	for range workers {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			prep, _ := in.st.(documentPreparer)
			for j := range c.work {
				j.doc, j.err = clean.Document(j.input)
				if j.err == nil && prep != nil {
					j.put, j.err = prep.PrepareDocument(j.doc)
				}
				close(j.ready)
			}
		}()
	}
	go func() {
		defer close(c.done)
		for batch := range c.batches() {
			if c.firstErr() != nil {
				continue // drain
			}
			if err := in.storeBatch(ctx, batch); err != nil {
				c.mu.Lock()
				c.err = err
				c.mu.Unlock()
			}
		}
	}()
	return c
}

// Limits of one batch: the documents stored in one transaction.
const (
	maxBatchDocs  = 32
	maxBatchBytes = 16 << 20 // of raw input
)

// batches yields the queued inputs in order, in runs that are ready
// together: a run ends at the first input still being cleaned (or read),
// so a document is never held back waiting for a slow one behind it, and
// at maxBatchDocs or maxBatchBytes.
func (c *cleaning) batches() func(yield func([]*cleanJob) bool) {
	return func(yield func([]*cleanJob) bool) {
		var next *cleanJob // taken from the queue, not yet ready
		for {
			j := next
			next = nil
			if j == nil {
				var ok bool
				if j, ok = <-c.queue; !ok {
					return
				}
			}
			<-j.ready
			batch, size := []*cleanJob{j}, len(j.input.Raw)
			closed := false
		gather:
			for len(batch) < maxBatchDocs && size < maxBatchBytes {
				select {
				case k, ok := <-c.queue:
					if !ok {
						closed = true
						break gather
					}
					select {
					case <-k.ready:
						batch = append(batch, k)
						size += len(k.input.Raw)
					default:
						next = k
						break gather
					}
				default:
					break gather
				}
			}
			if !yield(batch) || closed {
				return
			}
		}
	}
}

// batchStore is a store that can store several documents in one
// transaction (store/sqlite).
type batchStore interface {
	StoreBatch(ctx context.Context, store func(ctx context.Context) error) error
}

// storeBatch stores cleaned inputs (a document, or the cleaning error),
// in input order and, when the store can, in one transaction: a crash or
// a failure leaves every document of the batch stored or none. A bad
// input is recorded in Failed; only a store failure or cancellation is
// returned.
func (in *intake) storeBatch(ctx context.Context, batch []*cleanJob) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var puts []*cleanJob
	for _, j := range batch {
		switch {
		case j.failed != nil:
			in.res.Failed = append(in.res.Failed, j.failed)
		case j.err != nil:
			in.res.Failed = append(in.res.Failed, &ingest.Error{Source: j.input.Source, Err: j.err})
		case in.seen[j.doc.ID]:
			in.res.Known++
		default:
			in.seen[j.doc.ID] = true
			puts = append(puts, j)
		}
	}
	if len(puts) == 0 {
		return nil
	}
	inserted := make([]bool, len(puts))
	storeAll := func(ctx context.Context) error {
		for i, j := range puts {
			put := j.put
			if put == nil {
				doc := j.doc
				put = func(ctx context.Context) (bool, error) { return in.st.PutDocument(ctx, doc) }
			}
			ok, err := put(ctx)
			if err != nil {
				return fmt.Errorf("store %s: %w", ingest.Printable(j.input.Source), err)
			}
			inserted[i] = ok
		}
		return nil
	}
	var err error
	if b, ok := in.st.(batchStore); ok {
		err = b.StoreBatch(ctx, storeAll)
	} else {
		err = storeAll(ctx)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	for i, j := range puts {
		doc := j.doc
		if inserted[i] {
			in.res.Added++
		} else {
			in.res.Known++
			if stored, err := in.st.Document(ctx, doc.ID); err == nil {
				doc = stored // what is stored is the source of truth
			}
		}
		doc.Raw = nil // stored; analysis reads the cleaned text only
		in.docs = append(in.docs, doc)
	}
	return nil
}

func (c *cleaning) firstErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// add queues one input; it returns the first store failure or the
// cancellation, after which no more inputs should be added.
func (c *cleaning) add(input ingest.Input) error {
	if err := c.firstErr(); err != nil {
		return err
	}
	if err := c.ctx.Err(); err != nil {
		return err
	}
	j := &cleanJob{input: input, ready: make(chan struct{})}
	select {
	case c.queue <- j:
	case <-c.ctx.Done():
		return c.ctx.Err()
	}
	c.work <- j // the workers never wait for the storer, so this returns
	return nil
}

// fail records a read failure in its place among the inputs.
func (c *cleaning) fail(e *ingest.Error) {
	j := &cleanJob{failed: e, ready: make(chan struct{})}
	close(j.ready)
	c.queue <- j
}

// wait stores what was added and returns the first store failure or
// cancellation.
func (c *cleaning) wait() error {
	close(c.work)
	close(c.queue)
	<-c.done
	c.wg.Wait()
	return c.err
}

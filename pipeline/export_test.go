package pipeline

import (
	"context"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// StoryDocuments exposes storyDocuments to the benchmarks, so loading a
// stored story can be timed apart from analysing it.
var StoryDocuments = (*Pipeline).storyDocuments

// StoreInputs cleans and stores inputs as AnalyzeInputs does, without the
// analysis, so the intake can be tested and timed alone.
func (p *Pipeline) StoreInputs(ctx context.Context, st model.Store, inputs []ingest.Input) (*Result, error) {
	in, err := p.takeInputs(ctx, st, inputs)
	if err != nil {
		return nil, err
	}
	return in.res, nil
}

// CPUSeconds exposes the process CPU time to the benchmarks, which report
// it beside wall time (steadier on a shared machine).
var CPUSeconds = cpuSeconds

package pipeline

// StoryDocuments exposes storyDocuments to the benchmarks, so loading a
// stored story can be timed apart from analysing it.
var StoryDocuments = (*Pipeline).storyDocuments

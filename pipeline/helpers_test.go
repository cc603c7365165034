package pipeline_test

import "os"

// tempDir makes a directory for the shared example run; it lives until the
// test binary's temporary files are cleaned by the OS.
func tempDir() (string, error) { return os.MkdirTemp("", "parallax-pipeline-test-") }

package export_test

import "os"

// tempDir holds the shared example's database for the test binary's life.
func tempDir() (string, error) { return os.MkdirTemp("", "parallax-export-test-") }

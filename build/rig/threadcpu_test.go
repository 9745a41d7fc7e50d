package rig

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rig runs on Linux, whose /proc this reads.
func TestThreadsRunTimeCountsThisProcess(t *testing.T) {
	used, err := threadsRunTime("/proc/self")
	require.NoError(t, err)
	assert.Positive(t, used)
}

package rig

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestThreadsRunTimeCountsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("no /proc here")
	}
	used, err := threadsRunTime("/proc/self")
	require.NoError(t, err)
	assert.Positive(t, used)
}

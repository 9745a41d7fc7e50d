package rig

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseStat(t *testing.T) {
	group, ticks, ok := parseStat("4242 (plugin (linux) amd64) S 4200 4200 4200 0 -1 4194560 1187 0 0 0 37 12 0 0 20 0 11 0 1234 0 0")
	assert.True(t, ok)
	assert.Equal(t, 4200, group)
	assert.Equal(t, int64(49), ticks)

	_, _, ok = parseStat("4242 (truncated) S 1 2")
	assert.False(t, ok)
	_, _, ok = parseStat("no parenthesis")
	assert.False(t, ok)
}

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

func TestTheWebTypesAreGeneratedFromTheseGoTypes(t *testing.T) {
	want, err := typeScript()
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(wiretest.Root(), filepath.FromSlash(generatedFile)))
	require.NoError(t, err)
	assert.Equal(t, want, string(got), "%s is out of date: go run ./build/cmd/wiregen", generatedFile)
}

package rig

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDemoPictureIsATwoColourPNG(t *testing.T) {
	picture, err := demoPicture()
	require.NoError(t, err)
	decoded, err := png.Decode(bytes.NewReader(picture))
	require.NoError(t, err)
	assert.Equal(t, demoPictureWidth, decoded.Bounds().Dx())
	assert.Equal(t, demoPictureHeight, decoded.Bounds().Dy())

	colours := map[[4]uint32]bool{}
	for y := 0; y < decoded.Bounds().Dy(); y++ {
		for x := 0; x < decoded.Bounds().Dx(); x++ {
			r, g, b, a := decoded.At(x, y).RGBA()
			colours[[4]uint32{r, g, b, a}] = true
		}
	}
	assert.Len(t, colours, 2)
}

func TestFirstLineNamesAMessageInAnError(t *testing.T) {
	assert.Equal(t, "Confirmed:", firstLine("Confirmed:\n```\nping\n```"))
	assert.Equal(t, "one line", firstLine("one line"))
}

package creation

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestWorkNoteAttributesAndTimesEachMessage(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 42, 7, 0, time.UTC)
	note := WorkNote("Alice Archer", []Line{
		{At: at, Author: "Bob Baker", Text: "The printer on 3 is on fire"},
		{At: at.Add(90 * time.Second).In(time.FixedZone("CET", 3600)), Author: "Alice Archer", Text: "On it.\r\nCalling facilities", Files: 2},
		{At: at.Add(2 * time.Minute), Author: "Carol Clark", Text: "", Files: 1},
	})
	assert.Equal(t, "Alice Archer via Connect: created from a Connect conversation\n"+
		"[2026-12-06 10:42 UTC] Bob Baker: The printer on 3 is on fire\n"+
		"[2026-12-06 10:43 UTC] Alice Archer: On it.\n    Calling facilities (2 files)\n"+
		"[2026-12-06 10:44 UTC] Carol Clark: (1 file)", note)
}

func TestWorkNoteWithoutMessagesIsTheHeader(t *testing.T) {
	assert.Equal(t, "Alice Archer via Connect: created from a Connect conversation", WorkNote("Alice Archer", nil))
}

func TestWorkNoteKeepsTheNewestMessagesWithinItsLimit(t *testing.T) {
	long := strings.Repeat("x", 5000)
	var lines []Line
	for i := range 20 {
		lines = append(lines, Line{At: time.Unix(int64(i*60), 0), Author: "Bob", Text: long})
	}
	note := WorkNote("Alice", lines)
	assert.LessOrEqual(t, len([]rune(note)), maxNoteRunes+100)
	assert.Contains(t, note, "earlier messages left out")
	assert.True(t, strings.HasSuffix(note, "x…"), "each message is cut at its limit")
	assert.Contains(t, note, "[1970-01-01 00:19 UTC] Bob: ", "the newest message is kept")
}

package servicenow

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestAddAttachmentSendsTheFileAndARefusalIsAnError(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	_, sysID, ok := s.Find(standin.SampleIncident)
	require.True(t, ok)

	require.NoError(t, c.AddAttachment(context.Background(), "incident", sysID, "screen shot.png", "image/png", []byte("PNG bytes")))
	attached := s.AttachmentsOf(sysID)
	require.Len(t, attached, 1)
	assert.Equal(t, "screen shot.png", attached[0].FileName)
	assert.Equal(t, "image/png", attached[0].ContentType)
	assert.Equal(t, "PNG bytes", string(attached[0].Content))

	s.SetAttachmentMaxSize(4)
	err := c.AddAttachment(context.Background(), "incident", sysID, "big.bin", "", []byte("more than four"))
	var refused *Error
	require.ErrorAs(t, err, &refused)
	assert.Equal(t, 413, refused.StatusCode)
	assert.Contains(t, err.Error(), "Request Entity Too Large")

	requireKind(t, c.AddAttachment(context.Background(), "incident", sysID, "../etc/passwd", "text/plain", []byte("x")), KindInvalid)
	requireKind(t, c.AddAttachment(context.Background(), "incident; drop", sysID, "a.txt", "text/plain", []byte("x")), KindInvalid)
	requireKind(t, c.AddAttachment(context.Background(), "incident", strings.Repeat("z", 32), "a.txt", "text/plain", []byte("x")), KindInvalid)
	requireKind(t, c.AddAttachment(context.Background(), "incident", sysID, "empty.txt", "text/plain", nil), KindInvalid)
	assert.Len(t, s.AttachmentsOf(sysID), 1)
}

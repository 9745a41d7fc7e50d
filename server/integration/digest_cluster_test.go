package integration

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDigestTwoServersOnOneDatabaseSendEachDigestOnce(t *testing.T) {
	sendEmailNotifications(t) // before the second server copies the first one's settings
	second, err := server.StartSecond(context.Background())
	require.NoError(t, err)
	t.Cleanup(second.StopSecond)

	alice := newStaff(t)
	people := awayWithDirectMessages(t, alice, 6, "Two servers, message for ")
	server.Mail.SetDelay(300 * time.Millisecond) // the runs overlap for longer
	t.Cleanup(func() { server.Mail.SetDelay(0) })

	var wg sync.WaitGroup
	for _, srv := range []interface {
		AdminClient(context.Context) (*model.Client4, error)
	}{server, second, server, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			admin, err := srv.AdminClient(context.Background())
			if !assert.NoError(t, err) {
				return
			}
			_, _, err = admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect digest run")
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	time.Sleep(time.Second)

	for _, p := range people {
		digests := digestsTo(t, p)
		require.Len(t, digests, 1, "runs on both servers send %s's digest once", p.Username)
		assert.Equal(t, 1, strings.Count(digests[0], "Two servers, message for "+p.Username))
	}
}

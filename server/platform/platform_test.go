package platform

import (
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"

	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin/plugintest"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
)

func newTestPlatform(t *testing.T) (*Platform, *plugintest.API) {
	t.Helper()
	api := &plugintest.API{}
	t.Cleanup(func() { api.AssertExpectations(t) })
	return New(api, pluginapi.NewClient(api, nil), "botid", nil), api
}

func members(n int) model.ChannelMembers {
	list := make(model.ChannelMembers, n)
	for i := range list {
		list[i] = model.ChannelMember{UserId: model.NewId()}
	}
	return list
}

func TestMemberIDsReadsEveryPage(t *testing.T) {
	p, api := newTestPlatform(t)
	first, second, third := members(pageSize), members(pageSize), members(50)
	api.On("GetChannelMembers", "ch", 0, pageSize).Return(first, nil).Once()
	api.On("GetChannelMembers", "ch", 1, pageSize).Return(second, nil).Once()
	api.On("GetChannelMembers", "ch", 2, pageSize).Return(third, nil).Once()

	ids, err := p.Channels.MemberIDs("ch")
	require.NoError(t, err)
	assert.Len(t, ids, 2*pageSize+50, "a channel's members are never cut at the first page")
	assert.Equal(t, third[49].UserId, ids[len(ids)-1])
}

func TestMemberIDsReportsAFailedPage(t *testing.T) {
	p, api := newTestPlatform(t)
	api.On("GetChannelMembers", "ch", 0, pageSize).Return(members(pageSize), nil).Once()
	api.On("GetChannelMembers", "ch", 1, pageSize).Return(nil, model.NewAppError("GetChannelMembers", "boom", nil, "", 500)).Once()
	_, err := p.Channels.MemberIDs("ch")
	assert.Error(t, err)
}

func TestClusterEventsGoToTheirHandlerOnly(t *testing.T) {
	p, _ := newTestPlatform(t)
	var staff, groups []string
	p.Cluster.Handle("staff_changed", func(data []byte) { staff = append(staff, string(data)) })
	p.Cluster.Handle("conversation_members_changed", func(data []byte) { groups = append(groups, string(data)) })

	assert.True(t, p.Cluster.Dispatch(model.PluginClusterEvent{Id: "staff_changed", Data: []byte("u1")}))
	assert.True(t, p.Cluster.Dispatch(model.PluginClusterEvent{Id: "conversation_members_changed", Data: []byte("g1")}))
	assert.False(t, p.Cluster.Dispatch(model.PluginClusterEvent{Id: "someone_elses_event"}))
	assert.Equal(t, []string{"u1"}, staff)
	assert.Equal(t, []string{"g1"}, groups)
}

func TestKVJSONLeavesMissingKeysAlone(t *testing.T) {
	p, api := newTestPlatform(t)
	api.On("KVGet", "missing").Return(nil, nil).Once()
	api.On("KVGet", "present").Return([]byte(`{"n":2}`), nil).Once()
	api.On("KVSet", "present", []byte(`{"n":3}`)).Return(nil).Once()
	api.On("KVDelete", "gone").Return(nil).Once()

	value := struct{ N int }{N: 1}
	require.NoError(t, p.KV.GetJSON("missing", &value))
	assert.Equal(t, 1, value.N)
	require.NoError(t, p.KV.GetJSON("present", &value))
	assert.Equal(t, 2, value.N)
	require.NoError(t, p.KV.SetJSON("present", map[string]int{"n": 3}))
	require.NoError(t, p.KV.Set("gone", nil), "nil deletes")
}

func TestKVCompareAndSetAndExpiry(t *testing.T) {
	p, api := newTestPlatform(t)
	api.On("KVSetWithOptions", "claim", []byte("me"), model.PluginKVSetOptions{Atomic: true, OldValue: []byte(nil)}).Return(false, nil).Once()
	api.On("KVSetWithOptions", "seen", []byte("1"), model.PluginKVSetOptions{ExpireInSeconds: 300}).Return(true, nil).Once()

	saved, err := p.KV.CompareAndSet("claim", nil, []byte("me"))
	require.NoError(t, err)
	assert.False(t, saved, "someone else holds the key")
	require.NoError(t, p.KV.SetWithExpiry("seen", []byte("1"), 5*60*1e9))
}

func TestMessageAdminsTriesEveryAdmin(t *testing.T) {
	p, api := newTestPlatform(t)
	admins := []*model.User{{Id: "a1"}, {Id: "a2"}}
	api.On("GetUsers", mock.MatchedBy(func(o *model.UserGetOptions) bool { return o.Role == model.SystemAdminRoleId && o.Active })).Return(admins, nil).Once()
	api.On("GetDirectChannel", "botid", "a1").Return(nil, model.NewAppError("GetDirectChannel", "boom", nil, "", 500)).Once()
	api.On("GetDirectChannel", "botid", "a2").Return(&model.Channel{Id: "dm2"}, nil).Once()
	api.On("CreatePost", mock.MatchedBy(func(post *model.Post) bool {
		return post.ChannelId == "dm2" && post.UserId == "botid" && post.Message == "check the settings"
	})).Return(&model.Post{Id: "p"}, nil).Once()

	err := p.Bot.MessageAdmins(i18n.Text("check the settings"))
	assert.ErrorContains(t, err, "failed to message system admin a1", "the failure is reported after the others were told")
}

func TestUploadChannelID(t *testing.T) {
	assert.Equal(t, "ch1", UploadChannelID(&model.FileInfo{ChannelId: "ch1", Path: "20260101/teams/noteam/channels/ch2/users/u/x/a.png"}))
	assert.Equal(t, "ch2", UploadChannelID(&model.FileInfo{Path: "20260101/teams/noteam/channels/ch2/users/u/x/a.png"}), "plugin API uploads name the channel only in their path")
	assert.Equal(t, "", UploadChannelID(&model.FileInfo{Path: "plugins/connect-chat/a.png"}))
}

func TestTeamIDsAreRemembered(t *testing.T) {
	p, api := newTestPlatform(t)
	api.On("GetTeamByName", "itil").Return(&model.Team{Id: "t1"}, nil).Once()
	api.On("GetTeamByName", "nope").Return(nil, model.NewAppError("GetTeamByName", "app.team.get_by_name.missing.app_error", nil, "", 404)).Twice()
	api.On("GetTeamMember", "t1", "u1").Return(&model.TeamMember{TeamId: "t1", UserId: "u1"}, nil).Twice()

	for range 2 {
		in, err := p.Users.InTeam("itil", "u1")
		require.NoError(t, err)
		assert.True(t, in)
		in, err = p.Users.InTeam("nope", "u1")
		require.NoError(t, err)
		assert.False(t, in, "a team that does not exist has no members")
	}
}

package main

import (
	"sync"
	"sync/atomic"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
)

// Plugin wires the domain packages to Mattermost. Hooks stay thin and delegate.
type Plugin struct {
	plugin.MattermostPlugin

	config config.Store
	// running is every service, once all are built and configured; nil before (hooks and
	// routes then answer that Connect is starting) and after deactivation.
	running atomic.Pointer[services]
	// configuring orders settings changes with making the services run.
	configuring sync.Mutex
}

var bot = platform.BotProfile{
	Username:    "connect",
	DisplayName: "Connect",
	Description: "Posts Connect Chat system messages and ServiceNow record cards.",
	ImagePath:   "assets/connect.png",
}

// OnActivate brings the stored data up to this release, builds every service, makes them
// reachable to hooks and routes at once, and then starts the background work.
func (p *Plugin) OnActivate() error {
	if err := p.OnConfigurationChange(); err != nil {
		return err
	}
	manifest, bundlePath, err := readManifest(p.API)
	if err != nil {
		return err
	}
	client := pluginapi.NewClient(p.API, p.Driver)
	botID, err := platform.EnsureBot(client, bot)
	if err != nil {
		return err
	}
	catalogs, err := i18n.Catalogs()
	if err != nil {
		return err
	}
	pl := platform.New(p.API, client, botID, catalogs)
	data, err := upgradeData(pl)
	if err != nil {
		return err
	}
	s := newServices(pl, &p.config, manifest, bundlePath)
	s.data = data
	p.run(s)
	return s.start()
}

func readManifest(api plugin.API) (*model.Manifest, string, error) {
	bundlePath, err := api.GetBundlePath()
	if err != nil {
		return nil, "", errors.Wrap(err, "failed to find the plugin bundle")
	}
	manifest, _, err := model.FindManifest(bundlePath)
	return manifest, bundlePath, errors.Wrap(err, "failed to read the plugin manifest")
}

// run configures s with the newest settings and makes it the running set. A change that
// arrived while s was being built is in the settings store; later ones reach s through
// OnConfigurationChange.
func (p *Plugin) run(s *services) {
	p.configuring.Lock()
	defer p.configuring.Unlock()
	s.configure(p.config.Load())
	p.running.Store(s)
}

// OnDeactivate stops the background work.
func (p *Plugin) OnDeactivate() error {
	if s := p.running.Swap(nil); s != nil {
		return s.stop()
	}
	return nil
}

// OnConfigurationChange applies the System Console settings, before activation (to the
// settings store) and after it (to the running services too). Invalid settings are logged
// and the previous ones stay in force.
func (p *Plugin) OnConfigurationChange() error {
	p.configuring.Lock()
	defer p.configuring.Unlock()
	settings := defaultSettings() // what Mattermost leaves unset reads as plugin.json's default
	if err := p.API.LoadPluginConfiguration(&settings); err != nil {
		return errors.Wrap(err, "failed to load the plugin configuration")
	}
	if err := p.config.Apply(settings); err != nil {
		p.API.LogError("Connect Chat settings are invalid; the previous settings stay in force", "error", err.Error())
		return nil
	}
	if s := p.running.Load(); s != nil {
		s.configure(p.config.Load())
	}
	return nil
}

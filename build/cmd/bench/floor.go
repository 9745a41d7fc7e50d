package main

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// floorPlugin is one of the do-nothing plugins of build/floor, the baselines Connect is measured
// against.
type floorPlugin struct {
	id, name, about string
	// tags are the build tags that choose its hooks.
	tags string
}

var (
	// floor implements every server hook Connect implements.
	floor = floorPlugin{id: "connect-floor", name: "Connect floor",
		about: "Implements Connect's server hooks and does nothing in them: the baseline of make bench."}
	// postHooksFloor implements only MessageWillBePosted and MessageHasBeenPosted.
	postHooksFloor = floorPlugin{id: "connect-floor-post", name: "Connect post-hooks floor", tags: "posthooks",
		about: "Implements only the post hooks and does nothing in them: a baseline of make bench."}
)

// installFloors builds the floor plugins for this machine, packs each as a bundle and installs
// and enables them.
func installFloors(ctx context.Context, srv *rig.Server) error {
	for _, f := range []floorPlugin{floor, postHooksFloor} {
		if err := f.install(ctx, srv); err != nil {
			return err
		}
	}
	return nil
}

func (f floorPlugin) install(ctx context.Context, srv *rig.Server) error {
	dir, err := os.MkdirTemp("", f.id+"-")
	if err != nil {
		return errors.Wrap(err, "failed to make a directory for the floor plugin")
	}
	defer func() { _ = os.RemoveAll(dir) }()
	bundle, err := f.buildBundle(ctx, dir)
	if err != nil {
		return err
	}
	_, err = srv.InstallPlugin(ctx, bundle)
	return err
}

// buildBundle lays out the bundle as Connect's (`make package`) in dir/stage and packs it.
func (f floorPlugin) buildBundle(ctx context.Context, dir string) (string, error) {
	platform := runtime.GOOS + "-" + runtime.GOARCH
	executable := "server/dist/plugin-" + platform
	if runtime.GOOS == "windows" {
		executable += ".exe"
	}
	stage := filepath.Join(dir, "stage")
	top := filepath.Join(stage, f.id)
	if err := f.compile(ctx, filepath.Join(top, executable)); err != nil {
		return "", err
	}
	if err := f.writeManifest(top, platform, executable); err != nil {
		return "", err
	}
	bundle := filepath.Join(dir, f.id+".tar.gz")
	return bundle, packBundle(stage, bundle)
}

func (f floorPlugin) compile(ctx context.Context, output string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-tags", f.tags, "-o", output, "./build/floor")
	cmd.Dir = rig.RepoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	if out, err := cmd.CombinedOutput(); err != nil {
		return errors.Wrapf(err, "failed to build the floor plugin: %s", out)
	}
	return nil
}

func (f floorPlugin) writeManifest(top, platform, executable string) error {
	manifest := model.Manifest{
		Id:          f.id,
		Name:        f.name,
		Description: f.about,
		Version:     "0.0.1",
		Server:      &model.ManifestServer{Executables: map[string]string{platform: executable}},
	}
	content, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return errors.Wrap(err, "failed to encode the floor manifest")
	}
	return errors.Wrap(os.WriteFile(filepath.Join(top, "plugin.json"), content, 0o600), "failed to write the floor manifest")
}

// packBundle writes everything under stage into a .tar.gz at bundle.
func packBundle(stage, bundle string) error {
	out, err := os.Create(bundle)
	if err != nil {
		return errors.Wrap(err, "failed to create the floor bundle")
	}
	defer out.Close()
	compressed := gzip.NewWriter(out)
	archive := tar.NewWriter(compressed)
	if err := archive.AddFS(os.DirFS(stage)); err != nil {
		return errors.Wrap(err, "failed to pack the floor bundle")
	}
	if err := archive.Close(); err != nil {
		return errors.Wrap(err, "failed to pack the floor bundle")
	}
	return errors.Wrap(compressed.Close(), "failed to pack the floor bundle")
}

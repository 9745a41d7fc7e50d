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

// floorID is the do-nothing plugin of build/floor, the baseline Connect is measured against.
const floorID = "connect-floor"

// installFloor builds the floor plugin for this machine, packs it as a bundle and installs and
// enables it.
func installFloor(ctx context.Context, srv *rig.Server) error {
	dir, err := os.MkdirTemp("", floorID+"-")
	if err != nil {
		return errors.Wrap(err, "failed to make a directory for the floor plugin")
	}
	defer func() { _ = os.RemoveAll(dir) }()
	bundle, err := buildFloorBundle(ctx, dir)
	if err != nil {
		return err
	}
	_, err = srv.InstallPlugin(ctx, bundle)
	return err
}

// buildFloorBundle lays out the bundle as Connect's (`make package`) in dir/stage and packs it.
func buildFloorBundle(ctx context.Context, dir string) (string, error) {
	platform := runtime.GOOS + "-" + runtime.GOARCH
	executable := "server/dist/plugin-" + platform
	if runtime.GOOS == "windows" {
		executable += ".exe"
	}
	stage := filepath.Join(dir, "stage")
	top := filepath.Join(stage, floorID)
	if err := compileFloor(ctx, filepath.Join(top, executable)); err != nil {
		return "", err
	}
	if err := writeFloorManifest(top, platform, executable); err != nil {
		return "", err
	}
	bundle := filepath.Join(dir, floorID+".tar.gz")
	return bundle, packBundle(stage, bundle)
}

func compileFloor(ctx context.Context, output string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", output, "./build/floor")
	cmd.Dir = rig.RepoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	if out, err := cmd.CombinedOutput(); err != nil {
		return errors.Wrapf(err, "failed to build the floor plugin: %s", out)
	}
	return nil
}

func writeFloorManifest(top, platform, executable string) error {
	manifest := model.Manifest{
		Id:          floorID,
		Name:        "Connect floor",
		Description: "Implements Connect's server hooks and does nothing in them: the baseline of make bench.",
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

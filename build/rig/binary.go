package rig

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pkg/errors"
)

// serverResourceDirs are the folders of the server module that the binary looks up beside itself.
var serverResourceDirs = []string{"i18n", "templates", "fonts"}

// ensureMattermostBinary returns the pinned server binary, building it once per pin into the
// user's cache (about two minutes and 1.2 GB of memory on a cold cache).
func ensureMattermostBinary(ctx context.Context, root string, log io.Writer) (string, error) {
	module := filepath.Join(root, "build", "mattermost")
	pin, err := pinDigest(module)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", errors.Wrap(err, "failed to find the user cache directory")
	}
	dir := filepath.Join(cache, "connect-chat", "mattermost-"+pin)
	binary := filepath.Join(dir, "mattermost")
	if _, err := os.Stat(binary); err == nil {
		return binary, nil
	}

	fmt.Fprintf(log, "rig: building the pinned Mattermost server into %s (first run only, ~2 min)\n", dir)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", errors.Wrap(err, "failed to make the server cache directory")
	}
	partial := binary + ".partial"
	build := goCommand(ctx, module, "build", "-o", partial, "github.com/mattermost/mattermost/server/v8/cmd/mattermost")
	if out, err := build.CombinedOutput(); err != nil {
		return "", errors.Wrapf(err, "failed to build the Mattermost server:\n%s", out)
	}
	if err := linkServerResources(ctx, module, dir); err != nil {
		return "", err
	}
	return binary, errors.Wrap(os.Rename(partial, binary), "failed to move the server binary into place")
}

func pinDigest(module string) (string, error) {
	digest := sha256.New()
	for _, name := range []string{"go.mod", "go.sum"} {
		content, err := os.ReadFile(filepath.Join(module, name))
		if err != nil {
			return "", errors.Wrap(err, "failed to read the server pin")
		}
		digest.Write(content)
	}
	return hex.EncodeToString(digest.Sum(nil))[:12], nil
}

// linkServerResources points i18n, templates and fonts beside the binary at the module's copies.
func linkServerResources(ctx context.Context, module, dir string) error {
	out, err := goCommand(ctx, module, "list", "-m", "-f", "{{.Dir}}", "github.com/mattermost/mattermost/server/v8").Output()
	if err != nil {
		return errors.Wrap(err, "failed to locate the Mattermost server module")
	}
	source := strings.TrimSpace(string(out))
	for _, name := range serverResourceDirs {
		link := filepath.Join(dir, name)
		_ = os.Remove(link)
		if err := os.Symlink(filepath.Join(source, name), link); err != nil {
			return errors.Wrapf(err, "failed to link the server's %s", name)
		}
	}
	return nil
}

func goCommand(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	// The checksum database has no entry for the pinned server pseudo-version; go.sum pins it instead.
	cmd.Env = append(os.Environ(), "GONOSUMDB=github.com/mattermost/mattermost")
	return cmd
}

package rig

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pkg/errors"
)

// buildBundle builds the plugin bundle for this machine from the working tree (`make bundle`)
// and returns its path.
func buildBundle(ctx context.Context, root string, log io.Writer) (string, error) {
	fmt.Fprintln(log, "rig: building the plugin bundle from the working tree")
	cmd := exec.CommandContext(ctx, "make", "--no-print-directory", "-s", "bundle", "print-bundle")
	cmd.Dir = root
	cmd.Stderr = log
	out, err := cmd.Output()
	if err != nil {
		return "", errors.Wrap(err, "failed to build the plugin bundle (make bundle)")
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	bundle := filepath.Join(root, strings.TrimSpace(lines[len(lines)-1]))
	if _, err := os.Stat(bundle); err != nil {
		return "", errors.Wrapf(err, "make bundle did not produce %s", bundle)
	}
	return bundle, nil
}

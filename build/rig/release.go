package rig

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pkg/errors"
)

// WorkingTreeBundle is the bundle Start built from the working tree.
func WorkingTreeBundle() (string, error) {
	root := RepoRoot()
	raw, err := os.ReadFile(filepath.Join(root, "plugin.json"))
	if err != nil {
		return "", errors.Wrap(err, "failed to read plugin.json")
	}
	var manifest struct{ ID, Version string }
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return "", errors.Wrap(err, "failed to decode plugin.json")
	}
	bundle := filepath.Join(root, "dist", manifest.ID+"-"+manifest.Version+".tar.gz")
	_, err = os.Stat(bundle)
	return bundle, errors.Wrap(err, "the working tree's bundle is not built (rig.Start builds it)")
}

// BundleAt returns the plugin bundle of an earlier commit of this repository, built once per
// commit into the user's cache: its tree exported (git archive) into a temporary folder and
// built there with its own Makefile (`make bundle`), sharing the working tree's npm packages
// when its package-lock.json is the same (else `npm ci` there).
func BundleAt(ctx context.Context, commit string, log io.Writer) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", errors.Wrap(err, "failed to find the user cache directory")
	}
	dir := filepath.Join(cache, "connect-chat", "bundles")
	cached := filepath.Join(dir, commit+".tar.gz")
	if _, err := os.Stat(cached); err == nil {
		return cached, nil
	}
	root := RepoRoot()
	if err := ensureCommit(ctx, root, commit, log); err != nil {
		return "", err
	}
	fmt.Fprintf(log, "rig: building the plugin bundle of %s (once; cached in %s)\n", commit, dir)
	tree, err := os.MkdirTemp("", "connect-release-*")
	if err != nil {
		return "", errors.Wrap(err, "failed to make a folder for the earlier commit")
	}
	defer func() { _ = os.RemoveAll(tree) }()
	if err := exportTree(ctx, root, commit, tree); err != nil {
		return "", err
	}
	if err := prepareWebappPackages(ctx, root, tree, log); err != nil {
		return "", err
	}
	built, err := makeBundle(ctx, tree, log)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", errors.Wrap(err, "failed to make the bundle cache")
	}
	partial := cached + ".partial"
	if err := copyFile(built, partial); err != nil {
		return "", err
	}
	return cached, errors.Wrap(os.Rename(partial, cached), "failed to move the bundle into the cache")
}

// ensureCommit makes commit available: a shallow clone (a CI checkout may be one) fetches it.
func ensureCommit(ctx context.Context, root, commit string, log io.Writer) error {
	if git(ctx, root, "cat-file", "-e", commit+"^{commit}").Run() == nil {
		return nil
	}
	fmt.Fprintf(log, "rig: commit %s is not in this clone; fetching it\n", commit)
	fetchOne := git(ctx, root, "fetch", "--quiet", "--depth=1", "origin", commit)
	unshallow := git(ctx, root, "fetch", "--quiet", "--unshallow", "origin")
	for _, fetch := range []*exec.Cmd{fetchOne, unshallow} {
		if out, err := fetch.CombinedOutput(); err != nil {
			fmt.Fprintf(log, "rig: %s: %v %s\n", strings.Join(fetch.Args, " "), err, out)
		}
		if git(ctx, root, "cat-file", "-e", commit+"^{commit}").Run() == nil {
			return nil
		}
	}
	return errors.Errorf("commit %s is not in this clone and could not be fetched from origin: the upgrade test needs the repository's history (clone without --depth)", commit)
}

func exportTree(ctx context.Context, root, commit, tree string) error {
	archive := filepath.Join(tree, ".source.tar")
	if out, err := git(ctx, root, "archive", "--format=tar", "-o", archive, commit).CombinedOutput(); err != nil {
		return errors.Wrapf(err, "git archive %s: %s", commit, out)
	}
	extract := exec.CommandContext(ctx, "tar", "-xf", archive, "-C", tree)
	if out, err := extract.CombinedOutput(); err != nil {
		return errors.Wrapf(err, "failed to extract %s: %s", commit, out)
	}
	return errors.Wrap(os.Remove(archive), "failed to remove the source archive")
}

// prepareWebappPackages gives the exported tree its npm packages: the working tree's, by a
// link, when both lock the same packages; its own (npm ci) otherwise.
func prepareWebappPackages(ctx context.Context, root, tree string, log io.Writer) error {
	theirs, err := os.ReadFile(filepath.Join(tree, "webapp", "package-lock.json"))
	if err != nil {
		return errors.Wrap(err, "the earlier commit has no webapp/package-lock.json")
	}
	ours, _ := os.ReadFile(filepath.Join(root, "webapp", "package-lock.json"))
	modules := filepath.Join(root, "webapp", "node_modules")
	if _, err := os.Stat(modules); err == nil && bytes.Equal(theirs, ours) {
		return errors.Wrap(os.Symlink(modules, filepath.Join(tree, "webapp", "node_modules")), "failed to link the npm packages")
	}
	fmt.Fprintln(log, "rig: the earlier commit locks other npm packages; installing them (npm ci)")
	install := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	install.Dir = filepath.Join(tree, "webapp")
	install.Stdout, install.Stderr = log, log
	return errors.Wrap(install.Run(), "npm ci for the earlier commit")
}

// makeBundle runs the tree's own `make bundle`; -o keeps make from reinstalling packages the
// link already provides.
func makeBundle(ctx context.Context, tree string, log io.Writer) (string, error) {
	build := exec.CommandContext(ctx, "make", "--no-print-directory", "-s",
		"-o", "webapp/node_modules/.package-lock.json", "bundle", "print-bundle")
	build.Dir = tree
	build.Stderr = log
	build.Env = append(os.Environ(), "GONOSUMDB=github.com/mattermost/mattermost")
	out, err := build.Output()
	if err != nil {
		return "", errors.Wrap(err, "failed to build the earlier commit's bundle (make bundle)")
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	bundle := filepath.Join(tree, strings.TrimSpace(lines[len(lines)-1]))
	_, err = os.Stat(bundle)
	return bundle, errors.Wrapf(err, "make bundle did not produce %s", bundle)
}

func git(ctx context.Context, root string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = root
	return cmd
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return errors.Wrap(err, "failed to open the built bundle")
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return errors.Wrap(err, "failed to write the bundle cache")
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return errors.Wrap(err, "failed to copy the bundle")
	}
	return errors.Wrap(out.Close(), "failed to write the bundle cache")
}

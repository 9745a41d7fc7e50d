package rig

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pkg/errors"
)

// ThreadCPUTime is CPUTime to the nanosecond rather than in 10 ms clock ticks: the run time the
// scheduler accounts to every thread (/proc/<pid>/task/<tid>/schedstat) of the server's process
// group, its plugins included. Threads that have ended no longer count (Go programs seldom end
// any), so use it to compare intervals in which no process starts or stops.
func (s *Server) ThreadCPUTime() (time.Duration, error) {
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, errors.Wrap(err, "failed to list processes")
	}
	var total time.Duration
	for _, path := range stats {
		content, err := os.ReadFile(path)
		if err != nil {
			continue // the process ended meanwhile
		}
		if group, _, ok := parseStat(string(content)); ok && group == s.PID {
			used, err := threadsRunTime(filepath.Dir(path))
			if err != nil {
				return 0, err
			}
			total += used
		}
	}
	return total, nil
}

// threadsRunTime sums the first field of each thread's schedstat: nanoseconds spent running.
func threadsRunTime(processDir string) (time.Duration, error) {
	threads, err := filepath.Glob(filepath.Join(processDir, "task", "[0-9]*", "schedstat"))
	if err != nil {
		return 0, errors.Wrap(err, "failed to list threads")
	}
	var total time.Duration
	for _, path := range threads {
		content, err := os.ReadFile(path)
		if err != nil {
			continue // the thread ended meanwhile
		}
		fields := strings.Fields(string(content))
		if len(fields) == 0 {
			return 0, errors.Errorf("%s is empty: this kernel keeps no scheduler statistics", path)
		}
		ns, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, errors.Wrapf(err, "failed to read %s", path)
		}
		total += time.Duration(ns)
	}
	return total, nil
}

// PluginCPUTime is the part of ThreadCPUTime spent in the processes of the given plugins (those
// running from this run's plugin folder); 0 for a plugin that is not running.
func (s *Server) PluginCPUTime(pluginIDs ...string) (time.Duration, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, errors.Wrap(err, "failed to list processes")
	}
	var total time.Duration
	for _, entry := range entries {
		if _, err := strconv.Atoi(entry.Name()); err != nil || !s.runsPlugin(entry.Name(), pluginIDs) {
			continue
		}
		used, err := threadsRunTime(filepath.Join("/proc", entry.Name()))
		if err != nil {
			return 0, err
		}
		total += used
	}
	return total, nil
}

// runsPlugin reports whether process pid runs a plugin binary from one of the plugins' folders.
func (s *Server) runsPlugin(pid string, pluginIDs []string) bool {
	cmdline, err := os.ReadFile(filepath.Join("/proc", pid, "cmdline"))
	if err != nil {
		return false
	}
	for _, id := range pluginIDs {
		if strings.HasPrefix(string(cmdline), filepath.Join(s.Dir, "plugins", id)+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

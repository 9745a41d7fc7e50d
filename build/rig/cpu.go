package rig

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pkg/errors"
)

// clockTicks is Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat (100 on every
// mainstream architecture).
const clockTicks = 100

// CPUTime is the processor time used so far by the server and the plugin processes it started
// (its process group). Unlike wall-clock throughput it hardly depends on what else the machine
// is doing, so benchmarks compare it to tell a plugin's cost from noise.
func (s *Server) CPUTime() (time.Duration, error) {
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, errors.Wrap(err, "failed to list processes")
	}
	var ticks int64
	for _, path := range stats {
		content, err := os.ReadFile(path)
		if err != nil {
			continue // the process ended meanwhile
		}
		group, used, ok := parseStat(string(content))
		if ok && group == s.PID {
			ticks += used
		}
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// parseStat reads the process group and user+system ticks from a /proc/<pid>/stat line. The
// command name (field 2) may hold spaces, so fields are counted after its closing parenthesis.
func parseStat(line string) (group int, ticks int64, ok bool) {
	end := strings.LastIndexByte(line, ')')
	if end < 0 {
		return 0, 0, false
	}
	fields := strings.Fields(line[end+1:])
	// After the name: state(3) ppid(4) pgrp(5) ... utime(14) stime(15).
	if len(fields) < 13 {
		return 0, 0, false
	}
	group, errGroup := strconv.Atoi(fields[2])
	user, errUser := strconv.ParseInt(fields[11], 10, 64)
	system, errSystem := strconv.ParseInt(fields[12], 10, 64)
	if errGroup != nil || errUser != nil || errSystem != nil {
		return 0, 0, false
	}
	return group, user + system, true
}

// Package profiling lets `make bench` take CPU profiles of the plugin process, which Mattermost
// starts and which no other tool can reach: with CONNECT_CPU_PROFILE_DIR set (the server's
// environment is the plugin's), SIGUSR1 starts a CPU profile and SIGUSR2 writes it to
// <dir>/cpu.pprof. Without the variable it does nothing.
package profiling

import (
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
)

// DirEnv names the folder profiles are written to.
const DirEnv = "CONNECT_CPU_PROFILE_DIR"

// FileName is the profile the last SIGUSR2 wrote, in DirEnv's folder. It appears whole (it is
// written under another name first), so a reader can wait for it.
const FileName = "cpu.pprof"

// Listen starts answering the signals when DirEnv is set.
func Listen() {
	dir := os.Getenv(DirEnv)
	if dir == "" {
		return
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGUSR1, syscall.SIGUSR2)
	go answer(dir, signals)
}

func answer(dir string, signals <-chan os.Signal) {
	var file *os.File
	for sig := range signals {
		switch {
		case sig == syscall.SIGUSR1 && file == nil:
			file = start(dir)
		case sig == syscall.SIGUSR2 && file != nil:
			finish(dir, file)
			file = nil
		}
	}
}

// sampleRate is samples per second of CPU time: five times pprof's default, because a hook
// takes microseconds and a benchmark's batch only a second or two of the plugin's CPU.
const sampleRate = 500

func start(dir string) *os.File {
	file, err := os.CreateTemp(dir, "cpu-*.partial")
	if err != nil {
		return nil
	}
	// StartCPUProfile keeps a rate set before it (and says so on stderr, the server's log).
	runtime.SetCPUProfileRate(sampleRate)
	if pprof.StartCPUProfile(file) != nil {
		_ = file.Close()
		_ = os.Remove(file.Name()) //nolint:gosec // G703: a file this process just created in the operator's folder
		return nil
	}
	return file
}

func finish(dir string, file *os.File) {
	pprof.StopCPUProfile()
	if file.Close() == nil {
		_ = os.Rename(file.Name(), filepath.Join(dir, FileName)) //nolint:gosec // G703: within the operator's folder (CONNECT_CPU_PROFILE_DIR)
	}
}

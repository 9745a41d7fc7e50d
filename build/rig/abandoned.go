package rig

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// A run killed before Stop (a test binary killed by a timeout, say) leaves its directory, its
// database and the plugin processes the server started: Pdeathsig ends the server, but its plugin
// processes outlive it. The next run cleans up after it.

const runDirPattern = "connect-rig-*"

// runRecord names the processes of a run: the rig that owns it and the server's process group.
type runRecord struct {
	Owner  int `json:"owner"`
	Server int `json:"server"`
}

func runRecordPath(dir string) string { return filepath.Join(dir, "rig-run.json") }

func writeRunRecord(dir string, server int) error {
	content, err := json.Marshal(runRecord{Owner: os.Getpid(), Server: server})
	if err != nil {
		return err
	}
	return os.WriteFile(runRecordPath(dir), content, 0o600)
}

// sweepAbandonedRuns ends the leftover processes of dead runs and removes their directories.
// Their databases go in postgres.dropAbandonedDatabases.
func sweepAbandonedRuns(log io.Writer) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), runDirPattern))
	for _, dir := range dirs {
		content, err := os.ReadFile(runRecordPath(dir))
		if err != nil {
			continue
		}
		var record runRecord
		if json.Unmarshal(content, &record) != nil || processAlive(record.Owner) {
			continue
		}
		if record.Server > 0 {
			_ = syscall.Kill(-record.Server, syscall.SIGKILL)
		}
		if os.RemoveAll(dir) == nil {
			fmt.Fprintf(log, "rig: cleaned up abandoned run %s\n", dir)
		}
	}
}

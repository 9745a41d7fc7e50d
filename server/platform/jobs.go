package platform

import (
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi/cluster"
)

// Jobs runs scheduled work once across the servers of a cluster.
type Jobs struct {
	api plugin.API

	mu   sync.Mutex
	jobs map[string]*cluster.Job
}

func newJobs(api plugin.API) *Jobs { return &Jobs{api: api, jobs: map[string]*cluster.Job{}} }

// Schedule runs run every interval on one server of the cluster at a time; scheduling a key
// again replaces its job (a changed interval applies at once).
func (j *Jobs) Schedule(key string, interval time.Duration, run func()) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if old := j.jobs[key]; old != nil {
		_ = old.Close()
		delete(j.jobs, key)
	}
	job, err := cluster.Schedule(j.api, key, cluster.MakeWaitForInterval(interval), run)
	if err != nil {
		return err
	}
	j.jobs[key] = job
	return nil
}

// Close stops every job; it returns the first failure.
func (j *Jobs) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	var first error
	for key, job := range j.jobs {
		if err := job.Close(); err != nil && first == nil {
			first = err
		}
		delete(j.jobs, key)
	}
	return first
}

// Package parallel runs independent pieces of work on a bounded number of goroutines.
package parallel

import (
	"sync"
	"sync/atomic"
)

// Run runs work(0..n-1) on up to workers goroutines and returns the first error; after an
// error a goroutine takes no more work.
func Run(n, workers int, work func(i int) error) error {
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range min(n, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if err := work(i); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

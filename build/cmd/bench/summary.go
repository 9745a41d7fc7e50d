package main

import (
	"fmt"
	"time"
)

// pooled merges the rounds of one state: all latencies, and total posts over total time.
func pooled(rounds []round) round {
	var all round
	for _, r := range rounds {
		all.latencies = append(all.latencies, r.latencies...)
		all.elapsed += r.elapsed
		all.cpu += r.cpu
	}
	return all
}

func printSummary(enabledRounds, disabledRounds []round) {
	enabled, disabled := pooled(enabledRounds), pooled(disabledRounds)
	on, off := sortedCopy(enabled.latencies), sortedCopy(disabled.latencies)

	fmt.Printf("\nall rounds  enabled   %s\n", enabled)
	fmt.Printf("all rounds  disabled  %s\n\n", disabled)
	fmt.Println("enabled/disabled ratios (throughput: higher is better; latency: lower is better)")
	low, high := roundRatioRange(enabledRounds, disabledRounds)
	fmt.Printf("  throughput  %.3f   (per round %.3f to %.3f: the noise of this machine)\n",
		enabled.throughput()/disabled.throughput(), low, high)
	for _, p := range []float64{50, 99} {
		fmt.Printf("  p%-2.0f         %.3f\n", p, ratio(percentile(on, p), percentile(off, p)))
	}
	fmt.Printf("  server CPU  %.3f   per post (Mattermost and plugin processes; PostgreSQL not counted)\n",
		ratio(enabled.cpuPerPost(), disabled.cpuPerPost()))
}

// roundRatioRange is the lowest and highest throughput ratio of the rounds taken one by one.
func roundRatioRange(enabled, disabled []round) (low, high float64) {
	for i := range enabled {
		r := enabled[i].throughput() / disabled[i].throughput()
		if i == 0 || r < low {
			low = r
		}
		if i == 0 || r > high {
			high = r
		}
	}
	return low, high
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

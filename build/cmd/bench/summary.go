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

func printSummary(results map[string][]round) {
	fmt.Println()
	for _, st := range states {
		fmt.Printf("all rounds  %-8s  %s   (%s)\n", st.name, pooled(results[st.name]), st.about)
	}
	fmt.Println("\nratios (throughput: higher is better; latency and CPU: lower is better)")
	for _, pair := range [][2]string{{"floor", "disabled"}, {"enforce", "disabled"}, {"all", "disabled"}, {"enforce", "floor"}, {"all", "floor"}} {
		printRatios(pair[0], pair[1], results[pair[0]], results[pair[1]])
	}
}

func printRatios(name, base string, rounds, baseRounds []round) {
	measured, reference := pooled(rounds), pooled(baseRounds)
	low, high := roundRatioRange(rounds, baseRounds)
	on, off := sortedCopy(measured.latencies), sortedCopy(reference.latencies)
	fmt.Printf("  %-7s / %-8s  throughput %.3f (per round %.3f to %.3f)  p50 %.3f  p99 %.3f  server CPU per post %.3f\n",
		name, base, measured.throughput()/reference.throughput(), low, high,
		ratio(percentile(on, 50), percentile(off, 50)), ratio(percentile(on, 99), percentile(off, 99)),
		ratio(measured.cpuPerPost(), reference.cpuPerPost()))
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

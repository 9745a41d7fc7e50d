package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// column is one figure of a summary table, read from a state's samples or from two states'.
// A negative width aligns it to the left.
type column[T any] struct {
	header string
	width  int
	format string
	value  T
}

var figures = []column[func(sample) float64]{
	{"posts/s", 7, "%.1f", sample.throughput},
	{"p50 ms", 7, "%.2f", func(s sample) float64 { return ms(s.p50()) }},
	{"p99 ms", 7, "%.2f", func(s sample) float64 { return ms(s.p99()) }},
	{"CPU ms/post", 11, "%.3f", func(s sample) float64 { return ms(s.cpuPerPost()) }},
	{"in plugin µs/post", 17, "%.0f", func(s sample) float64 { return micros(s.pluginCPUPerPost()) }},
	{"emails/post", 11, "%.2f", sample.mailsPerPost},
}

// comparisonWidth fits "+1234 [-1234, +1234]".
const comparisonWidth = -20

// comparisons are what state a costs beyond state b, round by round.
func comparisons(a, b string) []column[func(a, b sample) float64] {
	ratioOf := func(figure string) string { return figure + " " + a + "/" + b }
	return []column[func(a, b sample) float64]{
		{"CPU µs/post", comparisonWidth, "%+.0f", func(x, y sample) float64 { return micros(x.cpuPerPost() - y.cpuPerPost()) }},
		{"in plugin µs/post", comparisonWidth, "%+.0f", func(x, y sample) float64 { return micros(x.pluginCPUPerPost() - y.pluginCPUPerPost()) }},
		{ratioOf("p50"), comparisonWidth, "%.2f", func(x, y sample) float64 { return ratio(x.p50(), y.p50()) }},
		{ratioOf("p99"), comparisonWidth, "%.2f", func(x, y sample) float64 { return ratio(x.p99(), y.p99()) }},
		{ratioOf("posts/s"), comparisonWidth, "%.2f", func(x, y sample) float64 { return x.throughput() / y.throughput() }},
	}
}

func printSummary(workloads []workload, res results) {
	fmt.Printf("\nFigures, median over %d rounds\n", len(res[0][states[0].name]))
	printRow(fmt.Sprintf("%-*s  %-8s", workloadWidth, "workload", "state"), headers(figures))
	for i, w := range workloads {
		for _, st := range states {
			cells := make([]string, len(figures))
			for j, f := range figures {
				cells[j] = fmt.Sprintf("%*s", f.width, fmt.Sprintf(f.format, spreadOf(each(res[i][st.name], f.value)).median))
			}
			printRow(fmt.Sprintf("%s  %-8s", w, st.name), cells)
		}
	}
	printComparison("Connect beyond the floor (what Connect's own work costs)", "connect", "floor", workloads, res)
	printComparison("Connect beyond a plugin with only the post hooks (Connect's work and its other hooks' round trips)", "connect", "posthook", workloads, res)
	printComparison("Connect beyond no plugin (what installing Connect costs)", "connect", "disabled", workloads, res)
	printComparison("The floor beyond no plugin (what any plugin with these hooks costs)", "floor", "disabled", workloads, res)
}

// printComparison prints, per workload, what state a costs beyond state b: the median over
// rounds of each round's difference or ratio, with the lowest and highest.
func printComparison(title, a, b string, workloads []workload, res results) {
	fmt.Printf("\n%s: median [min, max] over rounds\n", title)
	columns := comparisons(a, b)
	printRow(fmt.Sprintf("%-*s", workloadWidth, "workload"), headers(columns))
	for i, w := range workloads {
		cells := make([]string, len(columns))
		for j, c := range columns {
			cells[j] = fmt.Sprintf("%*s", c.width, spreadOf(pairwise(res[i][a], res[i][b], c.value)).format(c.format))
		}
		printRow(w.String(), cells)
	}
}

func headers[T any](columns []column[T]) []string {
	cells := make([]string, len(columns))
	for i, c := range columns {
		cells[i] = fmt.Sprintf("%*s", c.width, c.header)
	}
	return cells
}

func printRow(label string, cells []string) {
	fmt.Println(strings.TrimRight("  "+label+"  "+strings.Join(cells, "  "), " "))
}

// spread is the median of some per-round values, with their lowest and highest.
type spread struct{ median, low, high float64 }

func spreadOf(values []float64) spread {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	n := len(sorted)
	if n == 0 {
		return spread{}
	}
	return spread{median: (sorted[(n-1)/2] + sorted[n/2]) / 2, low: sorted[0], high: sorted[n-1]}
}

func (s spread) format(verb string) string {
	return fmt.Sprintf(verb+" ["+verb+", "+verb+"]", s.median, s.low, s.high)
}

func each(samples []sample, f func(sample) float64) []float64 {
	values := make([]float64, len(samples))
	for i, s := range samples {
		values[i] = f(s)
	}
	return values
}

// pairwise applies f to the two states' samples of each round.
func pairwise(measured, reference []sample, f func(a, b sample) float64) []float64 {
	values := make([]float64, min(len(measured), len(reference)))
	for i := range values {
		values[i] = f(measured[i], reference[i])
	}
	return values
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func micros(d time.Duration) float64 { return float64(d.Microseconds()) }

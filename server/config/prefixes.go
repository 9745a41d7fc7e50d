package config

import (
	"fmt"
	"strings"
)

// PrefixMap maps number prefixes ("INC") to ServiceNow tables ("incident").
type PrefixMap map[string]string

// Lengths of a number prefix, and the longest table name.
const (
	MinPrefixLen = 2
	MaxPrefixLen = 10
	maxTableLen  = 80
)

// DefaultPrefixes returns ServiceNow's out-of-the-box number prefixes.
func DefaultPrefixes() PrefixMap {
	return PrefixMap{
		"INC":    "incident",
		"PRB":    "problem",
		"PTASK":  "problem_task",
		"CHG":    "change_request",
		"CTASK":  "change_task",
		"REQ":    "sc_request",
		"RITM":   "sc_req_item",
		"SCTASK": "sc_task",
		"TASK":   "task",
		"KB":     "kb_knowledge",
		"CS":     "sn_customerservice_case",
	}
}

// ParsePrefixes reads the admin setting: "PREFIX=table" entries, one per line or
// comma-separated. Blank lines and blank entries are ignored; empty text gives an empty
// map (the caller decides whether that means "use the defaults").
func ParsePrefixes(text string) (PrefixMap, error) {
	prefixes := PrefixMap{}
	definedOn := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		lineNo := i + 1
		for _, entry := range strings.Split(line, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			prefix, table, err := parsePrefixEntry(entry)
			if err != nil {
				return nil, fmt.Errorf("line %d: %q: %w", lineNo, entry, err)
			}
			if first, dup := definedOn[prefix]; dup {
				return nil, fmt.Errorf("line %d: %q: prefix %s is already defined on line %d", lineNo, entry, prefix, first)
			}
			definedOn[prefix] = lineNo
			prefixes[prefix] = table
		}
	}
	return prefixes, nil
}

func parsePrefixEntry(entry string) (prefix, table string, err error) {
	prefix, table, ok := strings.Cut(entry, "=")
	if !ok {
		return "", "", fmt.Errorf("expected PREFIX=table")
	}
	prefix, table = strings.TrimSpace(prefix), strings.TrimSpace(table)
	if err := checkPrefix(prefix); err != nil {
		return "", "", err
	}
	if err := checkTable(table); err != nil {
		return "", "", err
	}
	return prefix, table, nil
}

// Check validates every entry as ParsePrefixes does.
func (m PrefixMap) Check() error {
	for prefix, table := range m {
		if err := checkPrefix(prefix); err != nil {
			return err
		}
		if err := checkTable(table); err != nil {
			return err
		}
	}
	return nil
}

func checkPrefix(prefix string) error {
	if !IsPrefix(prefix) {
		return fmt.Errorf("prefix %q must be %d to %d uppercase letters A-Z", prefix, MinPrefixLen, MaxPrefixLen)
	}
	return nil
}

func checkTable(table string) error {
	if !IsTableName(table) {
		return fmt.Errorf("table %q must be lowercase letters, digits and underscores, start with a letter and be at most %d characters", table, maxTableLen)
	}
	return nil
}

// IsPrefix reports whether s can be a number prefix: 2 to 10 letters A-Z.
func IsPrefix(s string) bool {
	if len(s) < MinPrefixLen || len(s) > MaxPrefixLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isUpper(s[i]) {
			return false
		}
	}
	return true
}

// IsTableName reports whether s can be a ServiceNow table name: ^[a-z][a-z0-9_]{0,79}$.
func IsTableName(s string) bool {
	if s == "" || len(s) > maxTableLen || !isLower(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLower(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

package i18n

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update writes assets/i18n/en.json from the English texts in the code:
// go test ./server/i18n -run TestCatalogs -update
var update = flag.Bool("update", false, "write en.json from the messages in the Go sources")

const catalogDir = "../../assets/i18n"

// fromCode is a message as the code says it: its text, or its plural forms.
type fromCode struct {
	one, other string
	at         string
}

func (e fromCode) forms() map[string]string {
	if e.one == "" {
		return map[string]string{"other": e.other}
	}
	return map[string]string{"one": e.one, "other": e.other}
}

// TestCatalogs: every message the server says is in every catalog, none is unused, and every
// translation keeps the English fields (and French has every plural form French needs).
func TestCatalogs(t *testing.T) {
	used, problems := messagesInSources(t, "..")
	require.Empty(t, problems)
	require.NotEmpty(t, used)
	if *update {
		writeEnglish(t, used)
	}
	files, err := filepath.Glob(filepath.Join(catalogDir, "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 2, "English and at least one more language")
	for _, file := range files {
		locale := strings.TrimSuffix(filepath.Base(file), ".json")
		require.Contains(t, pluralForms, locale, "add %s's plural forms (CLDR) to pluralForms", locale)
		catalog := readCatalog(t, locale)
		assert.Empty(t, checkCatalog(locale, used, catalog), "assets/i18n/%s.json", locale)
	}
}

// TestCheckCatalogFindsWhatIsWrong proves the check above can fail.
func TestCheckCatalogFindsWhatIsWrong(t *testing.T) {
	used := map[string]fromCode{
		"connect.a": {other: "Hello {{.Name}}"},
		"connect.b": {one: "{{.Count}} message", other: "{{.Count}} messages"},
	}
	assert.Empty(t, checkCatalog("fr", used, map[string]any{
		"connect.a": "Bonjour {{.Name}}",
		"connect.b": map[string]any{"one": "{{.Count}} message", "many": "{{.Count}} de messages", "other": "{{.Count}} messages"},
	}))
	problems := checkCatalog("fr", used, map[string]any{
		"connect.a":     "Bonjour {{.Nom}}",
		"connect.extra": "?",
	})
	assert.ElementsMatch(t, []string{
		`connect.a: fields [Nom], English has [Name]`,
		`connect.b: missing`,
		`connect.extra: not used by the code`,
	}, problems)
	problems = checkCatalog("fr", used, map[string]any{
		"connect.a": "Bonjour {{.Name}}",
		"connect.b": map[string]any{"one": "{{.Count}} message", "other": "{{.Count}} messages"},
	})
	assert.Equal(t, []string{`connect.b: no "many" form`}, problems)
	problems = checkCatalog("en", used, map[string]any{
		"connect.a": "Hello, {{.Name}}",
		"connect.b": map[string]any{"one": "{{.Count}} message", "other": "{{.Count}} messages"},
	})
	assert.Equal(t, []string{`connect.a: "Hello, {{.Name}}", the code says "Hello {{.Name}}" (run go test ./server/i18n -update)`}, problems)
}

// pluralForms is the forms each catalog's plural messages need (CLDR, as go-i18n applies it:
// its internal/plural rules). A new language adds its line here.
var pluralForms = map[string][]string{"en": {"one", "other"}, "fr": {"one", "many", "other"}}

func checkCatalog(locale string, used map[string]fromCode, catalog map[string]any) []string {
	var problems []string
	for _, id := range sortedKeys(used) {
		msg := used[id]
		entry, ok := catalog[id]
		if !ok {
			problems = append(problems, id+": missing")
			continue
		}
		problems = append(problems, checkEntry(locale, id, msg, entry)...)
	}
	for _, id := range sortedKeys(catalog) {
		if _, ok := used[id]; !ok {
			problems = append(problems, id+": not used by the code")
		}
	}
	return problems
}

func checkEntry(locale, id string, msg fromCode, entry any) []string {
	forms, ok := formsOf(entry)
	if !ok {
		return []string{id + ": neither a message nor plural forms"}
	}
	if msg.one == "" && (len(forms) != 1 || forms["other"] == "") {
		return []string{id + ": a plural in the catalog, not in the code"}
	}
	var problems []string
	if msg.one != "" {
		for _, form := range pluralForms[locale] {
			if forms[form] == "" {
				problems = append(problems, fmt.Sprintf("%s: no %q form", id, form))
			}
		}
	}
	if locale == "en" {
		for form, text := range msg.forms() {
			if forms[form] != text {
				problems = append(problems, fmt.Sprintf("%s: %q, the code says %q (run go test ./server/i18n -update)", id, forms[form], text))
			}
		}
		return problems
	}
	want := fields(msg.other)
	for _, form := range sortedKeys(forms) {
		if got := fields(forms[form]); strings.Join(got, ",") != strings.Join(want, ",") && (msg.one == "" || form != "one" || !subset(got, want)) {
			problems = append(problems, fmt.Sprintf("%s: fields %v, English has %v", id, got, want))
		}
	}
	return problems
}

func formsOf(entry any) (map[string]string, bool) {
	switch e := entry.(type) {
	case string:
		return map[string]string{"other": e}, true
	case map[string]any:
		forms := map[string]string{}
		for form, text := range e {
			s, ok := text.(string)
			if !ok {
				return nil, false
			}
			forms[form] = s
		}
		return forms, true
	}
	return nil, false
}

var fieldPattern = regexp.MustCompile(`\{\{[^}]*?\.(\w+)`)

// fields is the template fields a message uses, sorted, each once.
func fields(text string) []string {
	seen := map[string]bool{}
	for _, m := range fieldPattern.FindAllStringSubmatch(text, -1) {
		seen[m[1]] = true
	}
	return sortedKeys(seen)
}

// subset: a singular may leave out the count ("un message").
func subset(small, big []string) bool {
	for _, s := range small {
		if !contains(big, s) {
			return false
		}
	}
	return true
}

func contains(items []string, s string) bool {
	for _, item := range items {
		if item == s {
			return true
		}
	}
	return false
}

// messagesInSources reads every i18n.M and i18n.Plural call of the server's Go sources (tests
// left out), whose id and English text must be literals.
func messagesInSources(t *testing.T, root string) (map[string]fromCode, []string) {
	t.Helper()
	used := map[string]fromCode{}
	var problems []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		inI18n := file.Name.Name == "i18n"
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := messageFunc(call, inI18n)
			if name == "" {
				return true
			}
			at := fset.Position(call.Pos()).String()
			texts, ok := literals(call, map[string]int{"M": 2, "Plural": 3}[name])
			if !ok {
				problems = append(problems, at+": the id and English text of a message must be string literals")
				return true
			}
			msg := fromCode{other: texts[1], at: at}
			if name == "Plural" {
				msg = fromCode{one: texts[1], other: texts[2], at: at}
			}
			if !strings.HasPrefix(texts[0], "connect.") {
				problems = append(problems, fmt.Sprintf("%s: id %q does not start with connect.", at, texts[0]))
			}
			if prior, seen := used[texts[0]]; seen && (prior.one != msg.one || prior.other != msg.other) {
				problems = append(problems, fmt.Sprintf("%s: id %q has another text at %s", at, texts[0], prior.at))
			}
			used[texts[0]] = msg
			return true
		})
		return nil
	})
	require.NoError(t, err)
	return used, problems
}

func messageFunc(call *ast.CallExpr, inI18n bool) string {
	switch fun := call.Fun.(type) {
	case *ast.SelectorExpr:
		if pkg, ok := fun.X.(*ast.Ident); ok && pkg.Name == "i18n" && (fun.Sel.Name == "M" || fun.Sel.Name == "Plural") {
			return fun.Sel.Name
		}
	case *ast.Ident:
		if inI18n && (fun.Name == "M" || fun.Name == "Plural") {
			return fun.Name
		}
	}
	return ""
}

func literals(call *ast.CallExpr, n int) ([]string, bool) {
	if len(call.Args) < n {
		return nil, false
	}
	texts := make([]string, n)
	for i := range n {
		lit, ok := call.Args[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return nil, false
		}
		text, err := strconv.Unquote(lit.Value)
		if err != nil {
			return nil, false
		}
		texts[i] = text
	}
	return texts, true
}

func readCatalog(t *testing.T, locale string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(catalogDir, locale+".json"))
	require.NoError(t, err)
	catalog := map[string]any{}
	require.NoError(t, json.Unmarshal(raw, &catalog), "assets/i18n/%s.json", locale)
	return catalog
}

func writeEnglish(t *testing.T, used map[string]fromCode) {
	t.Helper()
	catalog := map[string]any{}
	for id, msg := range used {
		if msg.one == "" {
			catalog[id] = msg.other
		} else {
			catalog[id] = msg.forms()
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(catalogDir, "en.json"), marshal(t, catalog), 0o600))
}

// marshal writes a catalog as people edit it: keys sorted (encoding/json sorts map keys), two
// spaces, no HTML escapes.
func marshal(t *testing.T, catalog map[string]any) []byte {
	t.Helper()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(catalog))
	return out.Bytes()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

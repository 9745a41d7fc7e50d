package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/wire"
	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// The fixtures are written by the tests of the packages that send them (go test -update);
// these tests hold them to the contract, so the web app's tests feed it real, typed output.

func readFixture[T any](t *testing.T, path string) T {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var value T
	require.NoError(t, json.Unmarshal(raw, &value), path)
	return value
}

func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(wiretest.FixtureDir(), dir, "*.json"))
	require.NoError(t, err)
	return paths
}

func TestEveryEventFixtureIsAPayloadOfItsEvent(t *testing.T) {
	prefix := "custom_" + wiretest.PluginID() + "_"
	matched := map[reflect.Type]bool{}
	for _, path := range fixtures(t, "events") {
		message := readFixture[struct {
			Event string          `json:"event"`
			Data  json.RawMessage `json:"data"`
		}](t, path)
		name, ok := strings.CutPrefix(message.Event, prefix)
		require.True(t, ok, "%s: %s is not one of the plugin's events", path, message.Event)
		assert.True(t, strings.HasPrefix(filepath.Base(path), name+"."), "%s is named after its event, %s", path, name)
		var problems []string
		for _, ev := range Events {
			if ev.EventName() != name {
				continue
			}
			err := conform(reflect.TypeOf(ev), message.Data)
			if err == nil {
				matched[reflect.TypeOf(ev)] = true
				problems = nil
				break
			}
			problems = append(problems, err.Error())
		}
		assert.Empty(t, problems, path)
		assert.Contains(t, EventNames(), name, "%s: the contract lists no %s", path, name)
	}
	for _, ev := range Events {
		assert.True(t, matched[reflect.TypeOf(ev)], "no fixture of %T (%s): its publisher's test writes one with wiretest.Golden", ev, ev.EventName())
	}
}

func TestEveryRouteHasItsFixture(t *testing.T) {
	var names []string
	for _, route := range Routes {
		path := filepath.Join(wiretest.FixtureDir(), "rest", FixtureName(route.Pattern))
		names = append(names, filepath.Base(path))
		answer := readFixture[wiretest.Exchange](t, path)
		assert.Equal(t, route.Pattern, answer.Route, path)
		if route.Body == nil {
			assert.Equal(t, "null", string(answer.Body), path)
			continue
		}
		assert.NoError(t, conform(reflect.TypeOf(route.Body), answer.Body), path)
	}
	for _, path := range fixtures(t, "rest") {
		assert.Contains(t, names, filepath.Base(path), "%s answers no route of the contract", path)
	}
}

func TestEveryRefusalFixtureIsARefusal(t *testing.T) {
	for _, path := range fixtures(t, "refusals") {
		answer := readFixture[wiretest.Exchange](t, path)
		assert.GreaterOrEqual(t, answer.Status, 400, path)
		fits := slices.ContainsFunc(Refusals, func(body any) bool { return conform(reflect.TypeOf(body), answer.Body) == nil })
		assert.True(t, fits, "%s: %s is none of the refusals", path, answer.Body)
	}
}

// Every type that names a websocket event is in Events, so the web app knows it.
func TestEveryEventPayloadIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, ev := range Events {
		listed[reflect.TypeOf(ev).PkgPath()+"."+reflect.TypeOf(ev).Name()] = true
	}
	for _, found := range eventPayloadsInSource(t) {
		assert.True(t, listed[found], "%s has an EventName method but is not in contract.Events", found)
	}
}

func TestDataIsTheJSONOfEveryPayload(t *testing.T) {
	for _, path := range fixtures(t, "events") {
		message := readFixture[struct {
			Data json.RawMessage `json:"data"`
		}](t, path)
		for _, ev := range Events {
			value := reflect.New(reflect.TypeOf(ev))
			if conform(value.Elem().Type(), message.Data) != nil {
				continue
			}
			require.NoError(t, json.Unmarshal(message.Data, value.Interface()))
			data, err := json.Marshal(wire.Data(value.Elem().Interface().(wire.Event)))
			require.NoError(t, err)
			assert.JSONEq(t, string(message.Data), string(data), path)
		}
	}
}

func TestTheWebNamesAreUnique(t *testing.T) {
	seen := map[string]reflect.Type{}
	for t2, name := range Names {
		if other, ok := seen[name]; ok {
			t.Errorf("%s and %s are both %s", other, t2, name)
		}
		seen[name] = t2
	}
}

// conform checks that raw is what Go type t encodes to: every property it has (no more), of
// the right kinds, with no null where t has no pointer, and enum values from their constants.
func conform(t reflect.Type, raw json.RawMessage) error {
	value := reflect.New(t)
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(value.Interface()); err != nil {
		return fmt.Errorf("not a %s: %w", t, err)
	}
	again, err := json.Marshal(value.Elem().Interface())
	if err != nil {
		return err
	}
	var want, got any
	if err := json.Unmarshal(raw, &want); err != nil {
		return err
	}
	if err := json.Unmarshal(again, &got); err != nil {
		return err
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("not what a %s encodes to (a property missing?): %s", t, again)
	}
	return checkValues(t, want, "")
}

func checkValues(t reflect.Type, v any, path string) error {
	if v == nil {
		if t.Kind() == reflect.Pointer {
			return nil
		}
		return fmt.Errorf("%s is null; %s never is (an empty list sent over the websocket arrives as null)", path, t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return checkValues(t.Elem(), v, path)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil
		}
		for i, elem := range v.([]any) {
			if err := checkValues(t.Elem(), elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		for key, elem := range v.(map[string]any) {
			if err := checkValues(t.Elem(), elem, path+"."+key); err != nil {
				return err
			}
		}
	case reflect.Struct:
		object := v.(map[string]any)
		for _, f := range wire.Fields(t) {
			if elem, ok := object[f.Name]; ok {
				if err := checkValues(f.Type, elem, path+"."+f.Name); err != nil {
					return err
				}
			}
		}
	case reflect.String:
		if values := EnumValues(t); values != nil && !slices.Contains(values, v.(string)) {
			return fmt.Errorf("%s is %q, none of %s's values %q", path, v, t, values)
		}
	}
	return nil
}

// eventPayloadsInSource are the types of the server's packages with an EventName method, as
// "<package path>.<type>".
func eventPayloadsInSource(t *testing.T) []string {
	t.Helper()
	var found []string
	serverDir := filepath.Join(wiretest.Root(), "server")
	err := filepath.WalkDir(serverDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(wiretest.Root(), filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, decl := range file.Decls {
			if name := eventPayloadOf(decl); name != "" {
				found = append(found, modulePath()+"/"+filepath.ToSlash(rel)+"."+name)
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, found)
	return found
}

// eventPayloadOf is the receiver type of an EventName method.
func eventPayloadOf(decl ast.Decl) string {
	fn, ok := decl.(*ast.FuncDecl)
	if !ok || fn.Name.Name != "EventName" || fn.Recv == nil || len(fn.Recv.List) != 1 {
		return ""
	}
	receiver := fn.Recv.List[0].Type
	if star, ok := receiver.(*ast.StarExpr); ok {
		receiver = star.X
	}
	if ident, ok := receiver.(*ast.Ident); ok {
		return ident.Name
	}
	return ""
}

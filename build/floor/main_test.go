package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lifecycle hooks start, stop and configure a plugin; the floor has nothing to start.
var lifecycle = map[string]bool{"OnActivate": true, "OnDeactivate": true, "OnConfigurationChange": true}

// The floor is only a fair baseline while Mattermost makes the same hook calls to it as to Connect.
func TestFloorImplementsTheHooksConnectImplements(t *testing.T) {
	assert.ElementsMatch(t, connectHooks(t), hooksOf(reflect.TypeOf(&floor{})))
}

func connectHooks(t *testing.T) []string {
	dir := filepath.Join("..", "..", "server")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var hooks []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		source, err := os.ReadFile(path)
		require.NoError(t, err)
		file, err := parser.ParseFile(token.NewFileSet(), path, source, parser.SkipObjectResolution)
		require.NoError(t, err)
		hooks = append(hooks, pluginMethods(file)...)
	}
	return onlyHooks(hooks)
}

// pluginMethods are the names of the methods declared on *Plugin in file.
func pluginMethods(file *ast.File) []string {
	var names []string
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
			continue
		}
		if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
			if ident, ok := star.X.(*ast.Ident); ok && ident.Name == "Plugin" {
				names = append(names, fn.Name.Name)
			}
		}
	}
	return names
}

func hooksOf(typ reflect.Type) []string {
	names := make([]string, typ.NumMethod())
	for i := range names {
		names[i] = typ.Method(i).Name
	}
	return onlyHooks(names)
}

// onlyHooks keeps the names of Mattermost's plugin hooks, lifecycle hooks left out.
func onlyHooks(names []string) []string {
	hooks := reflect.TypeOf((*plugin.Hooks)(nil)).Elem()
	var kept []string
	for _, name := range names {
		if _, isHook := hooks.MethodByName(name); isHook && !lifecycle[name] {
			kept = append(kept, name)
		}
	}
	return kept
}

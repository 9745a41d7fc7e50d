package contract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// What reflection does not see of the wire types, read from their Go source in this
// checkout: the values of their enum types, and their doc comments.

// packageSource is one package's declarations, by type name.
type packageSource struct {
	typeDocs  map[string]string
	fieldDocs map[string]map[string]string // type → Go field name → doc
	enums     map[string][]string          // type → its string constants, in declaration order
}

var (
	sourcesMu sync.Mutex
	sources   = map[string]*packageSource{}
)

// EnumValues are the string constants declared with named string type t, in declaration
// order; none for other types.
func EnumValues(t reflect.Type) []string {
	if t.Kind() != reflect.String || t.PkgPath() == "" {
		return nil
	}
	return sourceOf(t.PkgPath()).enums[t.Name()]
}

// TypeDoc is the doc comment of named type t.
func TypeDoc(t reflect.Type) string {
	if t.PkgPath() == "" {
		return ""
	}
	return sourceOf(t.PkgPath()).typeDocs[t.Name()]
}

// FieldDoc is the doc comment of struct type t's field named goName.
func FieldDoc(t reflect.Type, goName string) string {
	if t.PkgPath() == "" {
		return ""
	}
	return sourceOf(t.PkgPath()).fieldDocs[t.Name()][goName]
}

func sourceOf(pkgPath string) *packageSource {
	sourcesMu.Lock()
	defer sourcesMu.Unlock()
	if src, ok := sources[pkgPath]; ok {
		return src
	}
	src := parsePackage(packageDir(pkgPath))
	sources[pkgPath] = src
	return src
}

// packageDir is where a package of this module is in the checkout.
func packageDir(pkgPath string) string {
	return filepath.Join(wiretest.Root(), filepath.FromSlash(strings.TrimPrefix(pkgPath, modulePath()+"/")))
}

var modulePath = sync.OnceValue(func() string {
	raw, err := os.ReadFile(filepath.Join(wiretest.Root(), "go.mod"))
	if err != nil {
		panic(err)
	}
	first, _, _ := strings.Cut(string(raw), "\n")
	return strings.TrimSpace(strings.TrimPrefix(first, "module"))
})

func parsePackage(dir string) *packageSource {
	src := &packageSource{typeDocs: map[string]string{}, fieldDocs: map[string]map[string]string{}, enums: map[string][]string{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		panic(err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			panic(err)
		}
		for _, decl := range file.Decls {
			if gen, ok := decl.(*ast.GenDecl); ok {
				src.read(gen)
			}
		}
	}
	return src
}

func (src *packageSource) read(decl *ast.GenDecl) {
	switch decl.Tok {
	case token.TYPE:
		for _, spec := range decl.Specs {
			src.readType(spec.(*ast.TypeSpec), decl)
		}
	case token.CONST:
		for _, spec := range decl.Specs {
			src.readConst(spec.(*ast.ValueSpec))
		}
	}
}

func (src *packageSource) readType(spec *ast.TypeSpec, decl *ast.GenDecl) {
	doc := spec.Doc
	if doc == nil && len(decl.Specs) == 1 {
		doc = decl.Doc
	}
	src.typeDocs[spec.Name.Name] = textOf(doc)
	fields, ok := spec.Type.(*ast.StructType)
	if !ok {
		return
	}
	docs := map[string]string{}
	for _, f := range fields.Fields.List {
		text := textOf(f.Doc)
		if text == "" {
			text = textOf(f.Comment)
		}
		for _, name := range f.Names {
			docs[name.Name] = text
		}
	}
	src.fieldDocs[spec.Name.Name] = docs
}

// readConst keeps `Name Type = "value"` constants.
func (src *packageSource) readConst(spec *ast.ValueSpec) {
	typeName, ok := spec.Type.(*ast.Ident)
	if !ok || len(spec.Values) != len(spec.Names) {
		return
	}
	for _, value := range spec.Values {
		lit, ok := value.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		if text, err := strconv.Unquote(lit.Value); err == nil {
			src.enums[typeName.Name] = append(src.enums[typeName.Name], text)
		}
	}
}

func textOf(group *ast.CommentGroup) string {
	if group == nil {
		return ""
	}
	return strings.TrimSpace(group.Text())
}

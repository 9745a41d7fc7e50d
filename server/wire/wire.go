// Package wire owns the shape of what the server pushes to its clients over the websocket:
// each event's payload is a Go type that names its event, and Data turns a payload into the
// plain map Mattermost carries. server/contract lists every payload type, and the web app's
// types are generated from them (build/cmd/wiregen).
package wire

import (
	"encoding/base64"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Event is the payload of one websocket event; clients receive it as
// custom_<plugin id>_<EventName()>, with the payload's JSON object as its data.
type Event interface {
	EventName() string
}

// Data is ev as the plain map Mattermost's PublishWebSocketEvent takes: the object
// encoding/json writes for ev, made of strings, bools, numbers, []any and map[string]any
// only, the values the plugin RPC can carry (it gob-encodes the map; gob sends an empty list
// as nil, so clients receive null for it). It panics on a payload type that JSON cannot
// describe that way (an interface field, say); the contract tests convert every registered
// payload type.
func Data(ev Event) map[string]any {
	value, _ := encoderOf(reflect.TypeOf(ev))(reflect.ValueOf(ev)).(map[string]any)
	if value == nil {
		panic(fmt.Sprintf("wire: the payload of %s is not a JSON object", ev.EventName()))
	}
	return value
}

// encoder turns a value of one type into its plain form.
type encoder func(reflect.Value) any

// encoders caches one encoder per type, built on first use (the payloads are few).
var encoders sync.Map

func encoderOf(t reflect.Type) encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(encoder)
	}
	// A type that contains itself finds this stand-in while its encoder is being built.
	var (
		built encoder
		ready sync.WaitGroup
	)
	ready.Add(1)
	standIn, loaded := encoders.LoadOrStore(t, encoder(func(v reflect.Value) any { ready.Wait(); return built(v) }))
	if loaded {
		return standIn.(encoder)
	}
	built = newEncoder(t)
	ready.Done()
	encoders.Store(t, built)
	return built
}

func newEncoder(t reflect.Type) encoder {
	switch t.Kind() {
	case reflect.Bool:
		return func(v reflect.Value) any { return v.Bool() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v reflect.Value) any { return v.Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(v reflect.Value) any { return v.Uint() }
	case reflect.Float32, reflect.Float64:
		return func(v reflect.Value) any { return v.Float() }
	case reflect.String:
		return func(v reflect.Value) any { return v.String() }
	case reflect.Pointer:
		return pointerEncoder(t)
	case reflect.Slice, reflect.Array:
		return listEncoder(t)
	case reflect.Map:
		return mapEncoder(t)
	case reflect.Struct:
		return structEncoder(t)
	}
	panic(fmt.Sprintf("wire: %s (%s) cannot be sent to clients", t, t.Kind()))
}

func pointerEncoder(t reflect.Type) encoder {
	elem := encoderOf(t.Elem())
	return func(v reflect.Value) any {
		if v.IsNil() {
			return nil
		}
		return elem(v.Elem())
	}
}

// listEncoder writes slices and arrays as []any; a nil slice is null and []byte is base64, as
// in encoding/json.
func listEncoder(t reflect.Type) encoder {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return func(v reflect.Value) any {
			if v.IsNil() {
				return nil
			}
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
	}
	elem := encoderOf(t.Elem())
	return func(v reflect.Value) any {
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		list := make([]any, v.Len())
		for i := range list {
			list[i] = elem(v.Index(i))
		}
		return list
	}
}

func mapEncoder(t reflect.Type) encoder {
	if t.Key().Kind() != reflect.String {
		panic(fmt.Sprintf("wire: %s has keys that are not strings", t))
	}
	elem := encoderOf(t.Elem())
	return func(v reflect.Value) any {
		if v.IsNil() {
			return nil
		}
		object := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			object[it.Key().String()] = elem(it.Value())
		}
		return object
	}
}

// field is one JSON property of a struct: where the value is, and how it is written.
type field struct {
	name      string
	index     []int
	omitEmpty bool
	encode    encoder
}

func structEncoder(t reflect.Type) encoder {
	fields := Fields(t)
	plan := make([]field, len(fields))
	for i, f := range fields {
		plan[i] = field{name: f.Name, index: f.Index, omitEmpty: f.OmitEmpty, encode: encoderOf(f.Type)}
	}
	return func(v reflect.Value) any {
		object := make(map[string]any, len(plan))
		for _, f := range plan {
			value, ok := fieldValue(v, f.index)
			if !ok || (f.omitEmpty && isEmpty(value)) {
				continue
			}
			object[f.name] = f.encode(value)
		}
		return object
	}
}

// fieldValue follows index through embedded structs; false when it passes a nil pointer.
func fieldValue(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, at := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(at)
	}
	return v, true
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return v.IsZero()
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// Field is one JSON property of a struct type, as encoding/json names it.
type Field struct {
	Name string
	// Index leads to the field through embedded structs (reflect.Value.FieldByIndex).
	Index     []int
	Type      reflect.Type
	OmitEmpty bool
	// Embedded is the struct type whose fields these are promoted from, when they are.
	Embedded reflect.Type
}

// Fields lists the JSON properties of struct type t in encoding/json's order: exported fields
// by their json tag, the fields of untagged embedded structs promoted in place. Name clashes
// between promoted fields and the option ",string" are refused rather than resolved.
func Fields(t reflect.Type) []Field {
	var fields []Field
	seen := map[string]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, options, tagged := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" && !tagged {
			continue
		}
		if hasOption(options, "string") {
			panic(fmt.Sprintf("wire: %s.%s uses the json option \"string\"", t, sf.Name))
		}
		if sf.Anonymous && name == "" && structType(sf.Type) != nil {
			for _, promoted := range Fields(structType(sf.Type)) {
				promoted.Index = append([]int{i}, promoted.Index...)
				if promoted.Embedded == nil {
					promoted.Embedded = structType(sf.Type)
				}
				fields = appendField(fields, seen, t, promoted)
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		fields = appendField(fields, seen, t, Field{Name: name, Index: []int{i}, Type: sf.Type, OmitEmpty: hasOption(options, "omitempty")})
	}
	return fields
}

func hasOption(options, option string) bool {
	for _, o := range strings.Split(options, ",") {
		if o == option {
			return true
		}
	}
	return false
}

func appendField(fields []Field, seen map[string]bool, t reflect.Type, f Field) []Field {
	if seen[f.Name] {
		panic(fmt.Sprintf("wire: %s has two JSON properties named %q", t, f.Name))
	}
	seen[f.Name] = true
	return append(fields, f)
}

// structType is t, or what t points to, when that is a struct.
func structType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		return t
	}
	return nil
}

// Package i18n carries the server's message catalogs, one JSON file per language (go-i18n's
// flat format: id → message, or id → plural forms), compiled into the plugin binary.
package i18n

import "embed"

// Catalogs holds every <locale>.json of this folder.
//
//go:embed *.json
var Catalogs embed.FS

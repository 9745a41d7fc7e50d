// Command wiregen writes the web app's wire types (webapp/src/types/wire.generated.ts) from
// the server's (server/contract): go run ./build/cmd/wiregen.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// generatedFile is where the web app's wire types are, below the module root.
const generatedFile = "webapp/src/types/wire.generated.ts"

func main() {
	source, err := typeScript()
	if err == nil {
		err = os.WriteFile(filepath.Join(wiretest.Root(), filepath.FromSlash(generatedFile)), []byte(source), 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wiregen:", err)
		os.Exit(1)
	}
}

package api

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// WorkspaceRoute is the workspace inside the web app, a route of the team named teamName.
func WorkspaceRoute(siteURL, teamName, pluginID string) string {
	return fmt.Sprintf("%s/%s/%s/workspace", strings.TrimSuffix(siteURL, "/"), teamName, pluginID)
}

// WorkspaceURL is the standalone Connect Workspace page of a site.
func WorkspaceURL(siteURL, pluginID string) string {
	return strings.TrimSuffix(siteURL, "/") + "/plugins/" + pluginID + "/workspace"
}

// loginReturnRoute is the web app route the plugin registers (registerCustomRoute) that sends the
// browser back to the standalone page. Mattermost's login page follows redirect_to inside its own
// router, so it must name a web app route rather than this server-rendered page.
func loginReturnRoute(pluginID string) string {
	return "/plug/" + pluginID + "/workspace"
}

var workspaceTemplate = template.Must(template.New("workspace").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
</head>
<body>
<div id="connect-workspace-root" data-plugin-id="{{.PluginID}}"></div>
<script src="{{.ScriptURL}}"></script>
</body>
</html>
`))

type workspaceView struct {
	PluginID  string
	ScriptURL string
	Lang      string
	Title     string
}

// sitePath is the path Mattermost is served under ("" or "/chat"). The page's links keep to the
// origin the browser used, as the web app's do (webapp/channels/src/utils/url.tsx, getSiteURL):
// someone who reaches the server by another name or scheme than the configured Site URL must not
// be sent there.
func sitePath(siteURL string) string {
	u, err := url.Parse(siteURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.EscapedPath(), "/")
}

func workspacePage(cfg Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		base := sitePath(cfg.SiteURL())
		if userID(r) == "" {
			query := url.Values{"redirect_to": {loginReturnRoute(cfg.PluginID)}}
			http.Redirect(w, r, base+"/login?"+query.Encode(), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		l := words(r)
		_ = workspaceTemplate.Execute(w, workspaceView{
			Lang:      l.Locale(),
			Title:     l.Text(i18n.M("connect.workspace.title", "Connect Workspace")),
			PluginID:  cfg.PluginID,
			ScriptURL: base + "/plugins/" + cfg.PluginID + "/static/workspace.js?v=" + url.QueryEscape(cfg.Version),
		})
	}
}

# Connect Chat. `make dev` runs it, `make test` tests it; see README.md.
GO ?= go
NPM ?= npm

PLUGIN_ID      := $(shell node -p "require('./plugin.json').id")
PLUGIN_VERSION := $(shell node -p "require('./plugin.json').version")
BUNDLE         := dist/$(PLUGIN_ID)-$(PLUGIN_VERSION).tar.gz
HOST_PLATFORM  := $(shell $(GO) env GOOS)-$(shell $(GO) env GOARCH)
PLATFORMS      ?= linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64
WEBAPP_DEPS    := webapp/node_modules/.package-lock.json
UNIT_PACKAGES   = $(shell $(GO) list ./server/... ./build/... | grep -v /integration)

# golangci-lint, pinned and built with this machine's Go into the tool cache on first use.
GOLANGCI_LINT_VERSION := v2.15.0
TOOLS_DIR     ?= $(HOME)/.cache/connect-chat/tools
GOLANGCI_LINT := $(TOOLS_DIR)/golangci-lint-$(GOLANGCI_LINT_VERSION)

.PHONY: all dist bundle print-bundle server webapp package test test-go test-integration \
        test-webapp test-browser screenshots bench bench-digest bench-follow bench-webapp dev dev-stop deploy check-style clean

all: check-style dist

## dist: the installable bundle for every supported platform.
dist: server webapp package

## bundle: the bundle for this machine only (what the tests install).
bundle: PLATFORMS = $(HOST_PLATFORM)
bundle: server webapp package

print-bundle:
	@echo $(BUNDLE)

server:
	@mkdir -p server/dist
	@for platform in $(PLATFORMS); do \
		os=$${platform%-*}; arch=$${platform#*-}; ext=; [ $$os = windows ] && ext=.exe; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -o server/dist/plugin-$$platform$$ext ./server || exit 1; \
	done

$(WEBAPP_DEPS): webapp/package.json webapp/package-lock.json
	cd webapp && $(NPM) ci --no-audit --no-fund
	@touch $@

webapp: $(WEBAPP_DEPS)
	cd webapp && $(NPM) run --silent build

package:
	@rm -rf dist/$(PLUGIN_ID) && mkdir -p dist/$(PLUGIN_ID)/server/dist dist/$(PLUGIN_ID)/webapp
	@cp plugin.json dist/$(PLUGIN_ID)/
	@cp -r assets dist/$(PLUGIN_ID)/
	@for platform in $(PLATFORMS); do cp server/dist/plugin-$$platform* dist/$(PLUGIN_ID)/server/dist/; done
	@cp -r webapp/dist dist/$(PLUGIN_ID)/webapp/
	@tar -C dist -czf $(BUNDLE) $(PLUGIN_ID)
	@echo "built $(BUNDLE)" >&2

## test: every suite: Go unit, Go integration (real server), webapp unit, browser (real server).
test: check-style test-go test-webapp test-integration test-browser

test-go:
	$(GO) test -count=1 $(UNIT_PACKAGES)

test-integration:
	$(GO) test -count=1 -timeout 20m -v ./server/integration/...

test-webapp: $(WEBAPP_DEPS)
	cd webapp && $(NPM) test

test-browser: $(WEBAPP_DEPS)
	build/scripts/ensure-chromium.sh
	$(GO) run ./build/cmd/rig exec -- $(NPM) --prefix webapp run test:browser

## screenshots: the README's pictures of the sidebar and mini windows, from the browser tests.
screenshots: $(WEBAPP_DEPS)
	build/scripts/ensure-chromium.sh
	CONNECT_SCREENSHOTS=docs $(GO) run ./build/cmd/rig exec -- $(NPM) --prefix webapp run test:browser -- -t screenshots

## bench: posting throughput and latency with the plugin enabled vs disabled, interleaved.
bench:
	$(GO) run ./build/cmd/bench

## bench-digest: one email digest run for 2,000 opted-in users x 5 conversations against a fake
## platform counting calls: time, plugin API calls per user, peak heap.
bench-digest:
	$(GO) test -count=1 -run '^$$' -bench BenchmarkDigestRun -benchtime 1x ./server/digest/

## bench-follow: one polling cycle over 1,000 followed records against the stand-in, and the
## webhook at 50 events/s on the real server (p50/p99, server CPU per event).
bench-follow:
	$(GO) test -count=1 -run '^$$' -bench 'BenchmarkFollowPollCycle' -benchtime 3x ./server/follow/
	$(GO) test -count=1 -run '^$$' -bench 'BenchmarkFollowWebhook' -benchtime 1x -timeout 20m ./server/integration/

## bench-webapp: a mini window with 200 messages in Chromium, the bundle sizes, and read receipts' requests per window.
bench-webapp: $(WEBAPP_DEPS)
	build/scripts/ensure-chromium.sh
	cd webapp && $(NPM) run --silent build
	$(GO) run ./build/cmd/rig exec -- $(NPM) --prefix webapp run bench:browser

## dev: PostgreSQL, Mattermost with the plugin, demo users; prints URLs and logins.
dev:
	$(GO) run ./build/cmd/rig dev

dev-stop:
	$(GO) run ./build/cmd/rig dev-stop

## deploy: upload and enable the bundle on a running server (MM_SERVICESETTINGS_SITEURL +
## MM_ADMIN_TOKEN, or MM_LOCALSOCKETPATH for local mode).
deploy: dist
	$(GO) run ./build/cmd/deploy $(BUNDLE)

## check-style: golangci-lint (.golangci.yml: gofmt, goimports, vet, staticcheck, errcheck,
## revive, gosec, unused) and the web app's eslint and tsc; any finding fails.
check-style: $(WEBAPP_DEPS) $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./server/... ./build/...
	cd webapp && $(NPM) run --silent lint
	cd webapp && $(NPM) run --silent typecheck

$(GOLANGCI_LINT):
	@mkdir -p $(TOOLS_DIR)/bin-$(GOLANGCI_LINT_VERSION)
	GOBIN=$(TOOLS_DIR)/bin-$(GOLANGCI_LINT_VERSION) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	mv $(TOOLS_DIR)/bin-$(GOLANGCI_LINT_VERSION)/golangci-lint $@

clean:
	rm -rf dist server/dist webapp/dist webapp/dist-devhost webapp/test-results

# vigil: build, run, test.
#
#   make run    build vigil and run the main job (feeds -> store -> API on 127.0.0.1:8080)
#   make test   formatting, vet and the whole test suite with the race detector
#   make gazetteer  install the npm place data (npm ci) and compile data/gazetteer.idx

GO      ?= go
BIN     ?= bin/vigil
DB      ?= data/vigil.db
GOFLAGS ?=
NPM     ?= npm
GAZ     ?= data/gazetteer.idx

.PHONY: all build run test fmt-check vet unit eval bench train clean gazetteer

all: build

build: gazetteer
	$(GO) build -o $(BIN) ./cmd/vigil

# The place-name index is built from npm packages (GeoNames cities with
# population >= 500, admin names, countries) and never committed. vigil
# finds it through $$VIGIL_GAZETTEER, beside the executable, or at
# data/gazetteer.idx.
gazetteer: $(GAZ)

node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund

$(GAZ): node_modules/.package-lock.json $(filter-out %_test.go,$(wildcard internal/gazetteer/*.go))
	$(GO) run ./cmd/vigil gazetteer build --npm node_modules --out $(GAZ)

run: build
	./$(BIN) run --db $(DB)

test: fmt-check vet gazetteer unit

fmt-check:
	@out="$$(gofmt -l cmd internal)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 -timeout 20m ./...

eval: build
	./$(BIN) eval extraction

bench: build
	./$(BIN) bench

train: build
	./$(BIN) train

clean:
	rm -rf bin $(GAZ)

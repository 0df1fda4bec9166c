# vigil: build, run, test.
#
#   make run    build vigil and run the main job (feeds -> store -> API on 127.0.0.1:8080)
#   make test   formatting, vet and the whole test suite with the race detector

GO      ?= go
BIN     ?= bin/vigil
DB      ?= data/vigil.db
GOFLAGS ?=

.PHONY: all build run test fmt-check vet unit eval bench train clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/vigil

run: build
	./$(BIN) run --db $(DB)

test: fmt-check vet unit

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
	rm -rf bin

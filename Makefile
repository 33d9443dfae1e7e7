# threat-monitor: the commands a newcomer runs (see README.md).
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:/opt/swift/usr/bin:$(PATH)
export KUBECTL ?= $(CURDIR)/.tools/bin/kubectl
SWIFT ?= swift

.PHONY: deps build test demo bench dev-cluster crds clean

deps:
	@hack/install-deps.sh

build: deps
	$(SWIFT) build

## Runs the whole test suite (installs what it needs first).
test: deps
	$(SWIFT) build --build-tests
	hack/run-tests.sh

## Starts the demo: a local API server, the operator, example policies.
demo: deps
	$(SWIFT) build --product threat-monitor
	.build/debug/threat-monitor demo

## A local Kubernetes API server for kubectl (writes dev.kubeconfig).
dev-cluster: deps
	$(SWIFT) build --product threat-monitor
	.build/debug/threat-monitor dev-cluster --port 0 --kubeconfig-out dev.kubeconfig

## Benchmarks (release build); prints one line per figure.
bench: deps
	$(SWIFT) build -c release --product threat-monitor-bench
	.build/release/threat-monitor-bench

## Regenerates crds/ and the golden files from the Swift descriptions.
crds:
	UPDATE_GOLDEN=1 $(SWIFT) test --filter 'PoliciesTests'

clean:
	rm -rf .build

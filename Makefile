# A thin front to CMake and the lab.  `make test` and `make demo` are the two
# commands a newcomer needs; both install what is missing first.

BUILD      ?= build/release
TESTBUILD  ?= build/test
GCCBUILD   ?= build/gcc
# WERROR=ON: compiler warnings fail the build (CI sets it; off for users)
WERROR     ?= OFF
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
LAB        := tests/lab/lab

.PHONY: all build deps test unit unit-gcc demo lab-up lab-down lab-status format fuzz bench clean crash-matrix install

all: build

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRCTL_TESTS=OFF >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@tests/deps.sh

# make install [PREFIX=/usr/local] [DESTDIR=/staging]: the binary, runbooks,
# Lua library, man page, bash completion and contrib/ (cmake --install does
# the same).  PREFIX is compiled in (where drctl finds its runbooks), so a
# change of PREFIX reconfigures the build.
PREFIX ?= /usr/local
install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRCTL_TESTS=OFF \
	  -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR=$(DESTDIR) cmake --install $(BUILD)

# The sanitized test build (clang, so that the libFuzzer targets build too),
# then every test: unit, fuzz (a few seconds each) and lab (real servers).
$(TESTBUILD)/CMakeCache.txt:
	CC=clang cmake -S . -B $(TESTBUILD) -DCMAKE_BUILD_TYPE=Debug -DDRCTL_SANITIZE=ON -DDRCTL_FUZZ=ON >/dev/null

test: deps $(TESTBUILD)/CMakeCache.txt
	cmake -S . -B $(TESTBUILD) -DDRCTL_WERROR=$(WERROR) >/dev/null
	cmake --build $(TESTBUILD) -j $(JOBS)
	cd $(TESTBUILD) && ctest --output-on-failure --timeout 900 -j $(JOBS)

# Unit and fuzz tests only, no lab.
unit: deps $(TESTBUILD)/CMakeCache.txt
	cmake -S . -B $(TESTBUILD) -DDRCTL_WERROR=$(WERROR) >/dev/null
	cmake --build $(TESTBUILD) -j $(JOBS)
	cd $(TESTBUILD) && ctest --output-on-failure -L 'unit|fuzz' -j $(JOBS)

# The same unit tests built by gcc (no sanitizers, no fuzz targets: those
# need clang): gcc warns where clang does not.  No lab tests here; `make
# test` runs those once, on the clang build.
$(GCCBUILD)/CMakeCache.txt:
	CC=gcc cmake -S . -B $(GCCBUILD) -DCMAKE_BUILD_TYPE=Debug >/dev/null

unit-gcc: deps $(GCCBUILD)/CMakeCache.txt
	cmake -S . -B $(GCCBUILD) -DDRCTL_WERROR=$(WERROR) >/dev/null
	cmake --build $(GCCBUILD) -j $(JOBS)
	cd $(GCCBUILD) && ctest --output-on-failure -L unit -j $(JOBS)

# Longer fuzzing on demand: make fuzz DRCTL_FUZZ_SECONDS=600
fuzz: deps $(TESTBUILD)/CMakeCache.txt
	cmake --build $(TESTBUILD) -j $(JOBS)
	cd $(TESTBUILD) && DRCTL_FUZZ_SECONDS=$${DRCTL_FUZZ_SECONDS:-300} ctest --output-on-failure -L fuzz

demo: build
	DRCTL=$(BUILD)/drctl tests/demo.sh

lab-up: build
	DRCTL=$(BUILD)/drctl $(LAB) up

# A crash at every step: drctl SIGKILLed at each step boundary of failover,
# recover, failback and switchover, then resumed; the end state must equal an
# uninterrupted run's (tests/lab/crash_matrix.sh; CRASH_EVERY=N samples).
# Hours on 2 cores for every point; `make test` runs a sample of it.
crash-matrix: build
	DRCTL=$(CURDIR)/$(BUILD)/drctl DRCTL_SOURCE_DIR=$(CURDIR) $(LAB) up
	DRCTL=$(CURDIR)/$(BUILD)/drctl DRCTL_SOURCE_DIR=$(CURDIR) $(LAB) exec tests/lab/crash_matrix.sh

lab-down:
	$(LAB) down

lab-status:
	$(LAB) status

bench: build
	@for b in bench/*.sh; do [ -x "$$b" ] && DRCTL=$(BUILD)/drctl "$$b"; done; true

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build/release build/test build/gcc

/*
 * A small Go module (a passing, a failing, a skipped and a flaky test, and a table test with
 * subtests) and outputs in the forms `go test` prints: `-v` text, default text and `-json`
 * (test2json's events, `go doc cmd/test2json`). Go is not installed where these were written, so
 * the outputs are transcribed from go's formats for this module, not recorded; the real-run test
 * checks the parser against a real go where there is one. FERRY_FLAKY=pass makes TestFlaky pass.
 */

export const GO_PROJECT: Record<string, string> = {
  // go 1.19: the oldest go a Debian 12 CI installs (golang-go).
  "go.mod": "module example.com/sample\n\ngo 1.19\n",
  "sample_test.go": `package sample

import (
	"os"
	"testing"
)

func TestPasses(t *testing.T) {}

func TestFails(t *testing.T) {
	t.Errorf("1 + 1 = %d, want 3", 1+1)
}

func TestSkipped(t *testing.T) {
	t.Skip("not on this machine")
}

func TestFlaky(t *testing.T) {
	if flaky := os.Getenv("FERRY_FLAKY"); flaky != "pass" {
		t.Fatalf("FERRY_FLAKY is %q", flaky)
	}
}

func TestTable(t *testing.T) {
	for _, name := range []string{"one", "two", "with space"} {
		t.Run(name, func(t *testing.T) {
			if name == "two" {
				t.Errorf("%s: failed", name)
			}
		})
	}
}
`,
  "other/other_test.go": `package other

import "testing"

func TestOther(t *testing.T) {}
`,
};

/** `FERRY_FLAKY=pass go test -v ./...`; a third package fails to build. */
export const GO_VERBOSE_OUTPUT = `=== RUN   TestPasses
--- PASS: TestPasses (0.00s)
=== RUN   TestFails
    sample_test.go:11: 1 + 1 = 2, want 3
--- FAIL: TestFails (0.00s)
=== RUN   TestSkipped
    sample_test.go:15: not on this machine
--- SKIP: TestSkipped (0.00s)
=== RUN   TestFlaky
--- PASS: TestFlaky (0.00s)
=== RUN   TestTable
=== RUN   TestTable/one
=== RUN   TestTable/two
    sample_test.go:28: two: failed
=== RUN   TestTable/with_space
--- FAIL: TestTable (0.00s)
    --- PASS: TestTable/one (0.00s)
    --- FAIL: TestTable/two (0.00s)
    --- PASS: TestTable/with_space (0.00s)
FAIL
FAIL	example.com/sample	0.004s
# example.com/sample/broken [example.com/sample/broken.test]
broken/broken_test.go:5:2: undefined: missing
FAIL	example.com/sample/broken [build failed]
?   	example.com/sample/cmd	[no test files]
=== RUN   TestOther
--- PASS: TestOther (0.00s)
PASS
ok  	example.com/sample/other	0.002s
FAIL
`;

/** `FERRY_FLAKY=fail go test ./...`: without -v only the failing tests are named. */
export const GO_DEFAULT_OUTPUT = `--- FAIL: TestFails (0.00s)
    sample_test.go:11: 1 + 1 = 2, want 3
--- FAIL: TestFlaky (0.00s)
    sample_test.go:20: FERRY_FLAKY is "fail"
--- FAIL: TestTable (0.00s)
    --- FAIL: TestTable/two (0.00s)
        sample_test.go:28: two: failed
FAIL
FAIL	example.com/sample	0.003s
ok  	example.com/sample/other	0.002s
FAIL
`;

/** `go test -v -timeout 1s`: the binary panics with a test still running, which gets no `--- FAIL` line. */
export const GO_TIMEOUT_OUTPUT = `=== RUN   TestPasses
--- PASS: TestPasses (0.00s)
=== RUN   TestHangs
panic: test timed out after 1s
	running tests:
		TestHangs (1s)

goroutine 17 [running]:
testing.(*M).startAlarm.func1()
	/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
FAIL	example.com/sample	1.012s
FAIL
`;

const event = (fields: Record<string, string | number>): string => JSON.stringify({ Time: "2026-05-04T10:00:00.000000000Z", ...fields });
const SAMPLE = "example.com/sample";
const OTHER = "example.com/sample/other";

/** `FERRY_FLAKY=pass go test -json ./...`, with stderr's build error (go before 1.24) mixed in. */
export const GO_JSON_OUTPUT = [
  event({ Action: "start", Package: SAMPLE }),
  event({ Action: "run", Package: SAMPLE, Test: "TestPasses" }),
  event({ Action: "output", Package: SAMPLE, Test: "TestPasses", Output: "=== RUN   TestPasses\n" }),
  event({ Action: "output", Package: SAMPLE, Test: "TestPasses", Output: "--- PASS: TestPasses (0.00s)\n" }),
  event({ Action: "pass", Package: SAMPLE, Test: "TestPasses", Elapsed: 0 }),
  event({ Action: "run", Package: SAMPLE, Test: "TestFails" }),
  event({ Action: "output", Package: SAMPLE, Test: "TestFails", Output: "    sample_test.go:11: 1 + 1 = 2, want 3\n" }),
  event({ Action: "fail", Package: SAMPLE, Test: "TestFails", Elapsed: 0 }),
  event({ Action: "run", Package: SAMPLE, Test: "TestSkipped" }),
  event({ Action: "skip", Package: SAMPLE, Test: "TestSkipped", Elapsed: 0 }),
  event({ Action: "run", Package: SAMPLE, Test: "TestFlaky" }),
  event({ Action: "pass", Package: SAMPLE, Test: "TestFlaky", Elapsed: 0 }),
  event({ Action: "run", Package: SAMPLE, Test: "TestTable" }),
  event({ Action: "run", Package: SAMPLE, Test: "TestTable/one" }),
  event({ Action: "run", Package: SAMPLE, Test: "TestTable/two" }),
  event({ Action: "run", Package: SAMPLE, Test: "TestTable/with_space" }),
  event({ Action: "output", Package: SAMPLE, Test: "TestTable", Output: "--- FAIL: TestTable (0.00s)\n" }),
  event({ Action: "pass", Package: SAMPLE, Test: "TestTable/one", Elapsed: 0 }),
  event({ Action: "fail", Package: SAMPLE, Test: "TestTable/two", Elapsed: 0 }),
  event({ Action: "pass", Package: SAMPLE, Test: "TestTable/with_space", Elapsed: 0 }),
  event({ Action: "fail", Package: SAMPLE, Test: "TestTable", Elapsed: 0 }),
  event({ Action: "output", Package: SAMPLE, Output: "FAIL\texample.com/sample\t0.004s\n" }),
  event({ Action: "fail", Package: SAMPLE, Elapsed: 0.004 }),
  "# example.com/sample/broken [example.com/sample/broken.test]",
  "broken/broken_test.go:5:2: undefined: missing",
  event({ Action: "start", Package: "example.com/sample/broken" }),
  event({ Action: "output", Package: "example.com/sample/broken", Output: "FAIL\texample.com/sample/broken [build failed]\n" }),
  event({ Action: "fail", Package: "example.com/sample/broken", Elapsed: 0 }),
  event({ Action: "start", Package: OTHER }),
  event({ Action: "run", Package: OTHER, Test: "TestOther" }),
  event({ Action: "pass", Package: OTHER, Test: "TestOther", Elapsed: 0 }),
  event({ Action: "pass", Package: OTHER, Elapsed: 0.002 }),
  "",
].join("\n");

/*
 * Small outputs for edge cases and the dispatcher, recorded from real runs (trimmed where marked),
 * and JUnit reports from tools not installed here: pytest's recorded from a real run; jest-junit's,
 * mocha-junit-reporter's and go-junit-report's written in the shape their documentation and test
 * data show; cargo2junit's cut from its test data (one test renamed).
 */

/** mocha 12, spec reporter, no colour (trimmed to fewer tests, its counts adjusted to match). */
export const MOCHA_SPEC_OUTPUT = `

  ✔ top level same
  math
    ✔ adds
    1) subtracts wrongly
    - divides
    inner
      ✔ flaky


  3 passing (16ms)
  1 pending
  1 failing

  1) math
       subtracts wrongly:

      AssertionError [ERR_ASSERTION]: 1 == 3
      at Context.<anonymous> (test/a.test.js:4:40)

`;

/** Vitest 4, --reporter=verbose, no colour (trimmed to fewer tests, its counts adjusted to match). */
export const VITEST_VERBOSE_OUTPUT = `
 RUN  v4.1.12 /tmp/fx/vitest

 ✓ src/a.test.js > math > adds 3ms
 × src/a.test.js > math > subtracts wrongly 8ms
   → expected 1 to be 3 // Object.is equality
 ↓ src/a.test.js > math > divides

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  src/a.test.js > math > subtracts wrongly
AssertionError: expected 1 to be 3 // Object.is equality

 Test Files  1 failed (1)
      Tests  1 failed | 1 passed | 1 skipped (3)
`;

/** Vitest 4, --reporter=tree, a file with no describe block (so no suite line). */
export const VITEST_TREE_WITHOUT_SUITES_OUTPUT = `
 RUN  v4.1.12 /tmp/fx/vc

 ✓ src/flat.test.js (2 tests | 1 skipped) 6ms
   ✓ works 3ms
   ↓ later

 Test Files  1 passed (1)
      Tests  1 passed | 1 skipped (2)
   Start at  14:34:38
   Duration  283ms (transform 30ms, setup 0ms, import 61ms, tests 6ms, environment 0ms)
`;

/** Jest 30, --verbose, no colour (trimmed to fewer tests, its counts adjusted to match). */
export const JEST_VERBOSE_OUTPUT = `FAIL src/a.test.js
  math
    ✓ adds (4 ms)
    ✕ subtracts wrongly (3 ms)
    ○ skipped divides

  ● math › subtracts wrongly

    expect(received).toBe(expected) // Object.is equality

Test Suites: 1 failed, 1 total
Tests:       1 failed, 1 skipped, 1 passed, 3 total
Snapshots:   0 total
Time:        0.223 s
Ran all test suites.
`;

/** node 24 --test (spec), no colour (trimmed to fewer tests, its counts adjusted to match; the recap left out). */
export const NODE_SPEC_OUTPUT = `▶ math
  ✔ adds (1.322506ms)
  ✖ subtracts wrongly (1.16336ms)
  ﹣ divides (0.207046ms) # SKIP
✖ math (8.566338ms)
ℹ tests 3
ℹ suites 1
ℹ pass 1
ℹ fail 1
ℹ cancelled 0
ℹ skipped 1
ℹ todo 0
ℹ duration_ms 276.82752
`;

/** node 24 --test --test-reporter=tap (trimmed to fewer tests and most YAML blocks). */
export const NODE_TAP_OUTPUT = `TAP version 13
# Subtest: math
    # Subtest: adds
    ok 1 - adds
    # Subtest: subtracts wrongly
    not ok 2 - subtracts wrongly
      ---
      error: '1 == 3'
      ...
    # Subtest: divides
    ok 3 - divides # SKIP
    1..3
not ok 1 - math
1..1
# tests 3
# pass 1
# fail 1
`;

/** pytest 9 --junitxml (failure texts trimmed): a class, a skip, and an error in a fixture. */
export const PYTEST_JUNIT_XML = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="5" time="0.113" timestamp="2026-12-07T14:26:50.074768+00:00" hostname="vm"><testcase classname="tests.test_math.TestMath" name="test_adds" time="0.004" /><testcase classname="tests.test_math.TestMath" name="test_subtracts_wrongly" time="0.011"><failure message="assert (2 - 1) == 3">self = &lt;test_math.TestMath object at 0x7fbe94d1e7d0&gt;
E   assert (2 - 1) == 3</failure></testcase><testcase classname="tests.test_math.TestMath" name="test_divides" time="0.000"><skipped type="pytest.skip" message="later">/tmp/fx/py/tests/test_math.py:5: later</skipped></testcase><testcase classname="tests.test_math" name="test_flaky" time="0.003" /><testcase classname="tests.test_math" name="test_needs_db" time="0.000"><error message="failed on setup with &quot;RuntimeError: no db&quot;">E   RuntimeError: no db</error></testcase></testsuite></testsuites>`;

/** jest-junit with its defaults: suites named after the first describe, classname and name both "{classname} {title}". */
export const JEST_JUNIT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1" errors="0" time="0.512">
  <testsuite name="math" errors="0" failures="1" skipped="1" timestamp="2026-12-07T14:00:00" time="0.31" tests="3">
    <testcase classname="math adds" name="math adds" time="0.002">
    </testcase>
    <testcase classname="math subtracts wrongly" name="math subtracts wrongly" time="0.003">
      <failure>Error: expect(received).toBe(expected) // Object.is equality</failure>
    </testcase>
    <testcase classname="math divides" name="math divides" time="0">
      <skipped/>
    </testcase>
  </testsuite>
</testsuites>`;

/** mocha-junit-reporter: one suite per describe carrying the file, name = full title, classname = title. */
export const MOCHA_JUNIT_REPORTER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="Mocha Tests" time="0.006" tests="2" failures="1">
  <testsuite name="Root Suite" timestamp="2026-12-07T14:00:00" tests="0" file="test/a.test.js" time="0.000" failures="0">
  </testsuite>
  <testsuite name="math" timestamp="2026-12-07T14:00:00" tests="2" file="test/a.test.js" time="0.003" failures="1">
    <testcase name="math adds" time="0.001" classname="adds">
    </testcase>
    <testcase name="math subtracts wrongly" time="0.001" classname="subtracts wrongly">
      <failure message="1 == 3" type="AssertionError"><![CDATA[AssertionError: 1 == 3]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="math" timestamp="2026-12-07T14:00:00" tests="1" file="test/b.test.js" time="0.001" failures="0">
    <testcase name="math adds" time="0.001" classname="adds">
    </testcase>
  </testsuite>
</testsuites>`;

/** go-junit-report v2: a suite per package, classname = package. */
export const GO_JUNIT_REPORT_XML = `<testsuites tests="3" failures="1">
	<testsuite name="example.com/calc" tests="3" failures="1" errors="0" skipped="1" hostname="hostname" time="0.160" timestamp="2026-12-07T00:00:00Z">
		<properties>
			<property name="go.version" value="go1.24.1 linux/amd64"></property>
		</properties>
		<testcase name="TestAdd" classname="example.com/calc" time="0.060"></testcase>
		<testcase name="TestSub/negative" classname="example.com/calc" time="0.010">
			<failure message="Failed"><![CDATA[    calc_test.go:12: got 1, want 3]]></failure>
		</testcase>
		<testcase name="TestDiv" classname="example.com/calc" time="0.000">
			<skipped message="later"><![CDATA[    calc_test.go:20: later]]></skipped>
		</testcase>
	</testsuite>
</testsuites>`;

/** cargo2junit: a suite per test binary, numbered in run order; top-level integration tests have an empty classname. */
export const CARGO2JUNIT_XML = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite id="0" name="cargo test #0" package="testsuite/cargo test #0" tests="1" errors="0" failures="0" hostname="localhost" timestamp="2022-07-26T19:36:56.718991994Z" time="0">
    <testcase name="bad_parsing" time="0" classname="core::package_id_spec::tests" />
  </testsuite>
  <testsuite id="1" name="cargo test #1" package="testsuite/cargo test #1" tests="2" errors="0" failures="1" hostname="localhost" timestamp="2022-07-26T19:36:56.718991994Z" time="0">
    <testcase name="bad_registry_name" time="0" classname="alt_registry" />
    <testcase name="it_cross_compiles" time="0" classname="">
      <failure type="cargo test" message="failed ::it_cross_compiles"><![CDATA[thread 'it_cross_compiles' panicked]]></failure>
    </testcase>
  </testsuite>
</testsuites>`;
